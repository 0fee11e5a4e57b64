package dev.corekit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs benchmark 2 for a moment against an embedded simulator: it runs and produces numbers. */
class BlockingProxySmokeTest {
  @Test
  void theProxyAndBlockBothCompleteCalls() throws Exception {
    try (Target sim = Target.embedded(b -> b)) {
      sim.seed(10);
      Args args =
          new Args(
              BlockingProxyBench.class,
              "--url",
              sim.url,
              "--seconds",
              "0.3",
              "--rounds",
              "1",
              "--warmup",
              "0.2",
              "--threads",
              "1,4");
      List<BlockingProxyBench.Cell> cells = BlockingProxyBench.measure(args);

      assertThat(cells).hasSize(4);
      for (BlockingProxyBench.Cell cell : cells) {
        assertThat(cell.samples()).containsKeys(BlockingProxyBench.BLOCK, BlockingProxyBench.PROXY);
        cell.samples()
            .forEach(
                (name, samples) -> {
                  assertThat(samples.get(0).ok()).as(name).isPositive();
                  assertThat(samples.get(0).failed())
                      .as(name + " " + samples.get(0).firstError())
                      .isZero();
                });
      }
      assertThat(BlockingProxyBench.report(args, args.seconds("seconds", 1), 1, cells).section())
          .contains("overhead vs block");
    }
  }
}
