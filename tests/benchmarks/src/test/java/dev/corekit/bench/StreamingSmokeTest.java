package dev.corekit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs benchmark 4 small (100 and 3 000 processes) against an embedded simulator: it runs and
 * produces numbers.
 */
class StreamingSmokeTest {
  @Test
  void streamedAndWholeArrayReadsCountEveryProcess() throws Exception {
    try (Target sim = Target.embedded(b -> b)) {
      Args args =
          new Args(
              StreamingBench.class,
              "--url",
              sim.url,
              "--sizes",
              "100,3000",
              "--ttfe-reps",
              "2",
              "--child-xmx",
              "256m");
      StreamingBench.Measured m = StreamingBench.measure(args);

      assertThat(m.firstSmall()).hasSize(2).allMatch(ms -> ms > 0);
      assertThat(m.firstLarge()).hasSize(2).allMatch(ms -> ms > 0);
      assertThat(m.streamed().get(3000).count()).isEqualTo(3000);
      assertThat(m.streamed().get(3000).bodyMb()).isPositive();
      assertThat(m.whole().get(3000).count()).as(m.whole().get(3000).outcome()).isEqualTo(3000);
      assertThat(m.defaults().count()).isEqualTo(3000);
      assertThat(
              StreamingBench.report(
                      args,
                      m.small(),
                      m.large(),
                      m.firstSmall(),
                      m.firstLarge(),
                      m.streamed(),
                      m.whole(),
                      m.defaults(),
                      m.childXmx())
                  .section())
          .contains("time to first element");
    }
  }
}
