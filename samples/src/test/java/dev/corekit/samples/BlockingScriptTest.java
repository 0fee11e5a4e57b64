package dev.corekit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingScriptTest {

  @Test
  void createsWatchesListsAndDeletesWithPlainBlockingCalls() {
    try (SimulatorExtension server =
        new SimulatorExtension(
            CoreSimulator.builder().user("admin").password("sample-secret").id("core-7"))) {
      List<String> printed = BlockingScript.run(server.sim.baseUrl(), "admin", "sample-secret");

      assertThat(printed)
          .containsExactly(
              "connected to Core 16.20.0 (core-7)",
              "script-1 is running (start)",
              "process script-1 running",
              "deleted script-1");
      assertThat(server.core.processes().list().collectList().block(Duration.ofSeconds(10)))
          .isEmpty();
    }
  }
}
