package dev.corekit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs benchmark 5b small (20 000 records through the fake rac): every reader gets every record.
 */
class RacEndToEndSmokeTest {
  @Test
  void everyReaderCountsEveryRecord() throws Exception {
    Args args = new Args(RacEndToEndBench.class, "--records", "20000", "--rounds", "1");
    RacEndToEndBench.Measured m = RacEndToEndBench.measure(args);

    assertThat(m.runs()).hasSize(4);
    m.runs().forEach((name, runs) -> assertThat(runs.get(0).records()).as(name).isEqualTo(20_000));
    assertThat(m.outputBytes()).isGreaterThan(20_000L * 100);
    assertThat(RacEndToEndBench.report(args, 20_000, m.outputBytes(), 1, m.runs()).section())
        .contains("records/s");
  }
}
