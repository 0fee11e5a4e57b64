package dev.corekit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the decode and proxy JMH benchmarks for a moment: they agree with themselves and produce
 * numbers.
 */
class JmhBenchmarksSmokeTest {
  @Test
  void bothListDecodersReadEveryProcess() throws Exception {
    JsonDecodeBenchmark benchmark = new JsonDecodeBenchmark();
    benchmark.processes = 10;
    benchmark.setup();
    assertThat(benchmark.sdkIncremental()).isEqualTo(benchmark.wholeArray()).isEqualTo(10);
    runBriefly(JsonDecodeBenchmark.class);
  }

  @Test
  void theProxyReturnsWhatBlockReturns() throws Exception {
    SyncProxyBenchmark benchmark = new SyncProxyBenchmark();
    benchmark.setup();
    try {
      assertThat(benchmark.proxyOtherThread())
          .isEqualTo(benchmark.blockOtherThread())
          .isEqualTo("x");
      assertThat(benchmark.proxyImmediate()).isEqualTo(benchmark.blockImmediate()).isEqualTo("x");
      assertThat(benchmark.syncAccessor()).isNotNull();
    } finally {
      benchmark.tearDown();
    }
    runBriefly(SyncProxyBenchmark.class);
  }

  private static void runBriefly(Class<?> benchmark) throws Exception {
    for (RunResult result :
        new Runner(
                new OptionsBuilder()
                    .include(benchmark.getName())
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(150))
                    .build())
            .run()) {
      assertThat(result.getPrimaryResult().getScore())
          .as(result.getParams().getBenchmark())
          .isPositive();
    }
  }
}
