package dev.corekit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs benchmarks 1 and 6 for a moment against an embedded simulator: they run and produce numbers.
 */
class HttpThroughputSmokeTest {
  @Test
  void everyContenderCompletesCallsAtEachConcurrency() throws Exception {
    try (Target sim = Target.embedded(b -> b)) {
      sim.seed(10);
      List<String> argv =
          new ArrayList<>(
              List.of(
                  "--url",
                  sim.url,
                  "--seconds",
                  "0.3",
                  "--rounds",
                  "1",
                  "--warmup",
                  "0.3",
                  "--concurrency",
                  "1,8"));
      Path python = Path.of("src/main/python/urllib_bench.py");
      if (Files.isRegularFile(python) && Smoke.hasPython()) {
        argv.addAll(List.of("--python", python.toString()));
      }
      Args args = new Args(HttpThroughputBench.class, argv.toArray(new String[0]));
      List<HttpThroughputBench.Cell> cells = HttpThroughputBench.measure(args);

      assertThat(cells).hasSize(4);
      for (HttpThroughputBench.Cell cell : cells) {
        assertThat(cell.samples())
            .containsKeys(HttpThroughputBench.SDK, HttpThroughputBench.CEILING);
        cell.samples()
            .forEach(
                (name, samples) -> {
                  assertThat(samples).as(name).hasSize(1);
                  assertThat(samples.get(0).ok()).as(name + " " + cell.op()).isPositive();
                  assertThat(samples.get(0).failed())
                      .as(name + " " + samples.get(0).firstError())
                      .isZero();
                });
      }
      String section =
          HttpThroughputBench.report(
                  args,
                  "an embedded simulator",
                  args.seconds("seconds", 1),
                  1,
                  args.seconds("warmup", 1),
                  cells)
              .section();
      assertThat(section).contains("| list() | 8 | **core-client** |").contains("vs by hand");
    }
  }
}
