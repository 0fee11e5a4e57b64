package dev.corekit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the rac parse benchmark for a moment: it must run and produce numbers (full runs: run.sh).
 */
class RacParseBenchmarkSmokeTest {
  @Test
  void bothParsersAgreeAndTheBenchmarkProducesNumbers() throws Exception {
    RacParseBenchmark benchmark = new RacParseBenchmark();
    benchmark.megabytes = 1;
    benchmark.setup();
    assertThat(benchmark.streaming()).isEqualTo(benchmark.readAllThenRegex()).isPositive();

    Options options =
        new OptionsBuilder()
            .include(RacParseBenchmark.class.getName())
            .param("megabytes", "1")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(300))
            .build();
    for (RunResult result : new Runner(options).run()) {
      double msPerOp = result.getPrimaryResult().getScore();
      System.out.printf(
          "smoke %s: %.2f ms/op (%.0f MB/s)%n",
          result.getParams().getBenchmark(), msPerOp, 1 / (msPerOp / 1000));
      assertThat(msPerOp).isPositive();
    }
  }
}
