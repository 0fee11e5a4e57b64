package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreClient;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code corectl demo}: the tour on the embedded simulator, or on a given server. */
class DemoIT {

  @Test
  void runsTheTourOnTheEmbeddedSimulatorWithoutAServer() {
    Cli.Result demo = Cli.run(Map.of(), "demo").ok();

    List<String> lines = demo.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith(
            "No --url or CORE_URL given: started the embedded Core simulator at http://127.0.0.1:");
    assertThat(demo.out())
        .contains(
            "1. login",
            "2. create",
            "3. watch",
            "4. logs",
            "5. upload",
            "6. list",
            "7. delete",
            "Done in");
    assertThat(demo.out()).containsPattern("3\\. watch +state .*running");
    assertThat(demo.err()).isEmpty();
  }

  @Test
  void runsTheSameTourAgainstAGivenServerAndLeavesNothingBehind() {
    try (CoreSimulator sim =
            CoreSimulator.builder().user("admin").password("it-secret").build().start();
        CoreClient core =
            CoreClient.builder().baseUrl(sim.baseUrl()).credentials("admin", "it-secret").build()) {
      Cli.Result demo = Cli.run(Cli.env(sim.baseUrl(), "admin", "it-secret"), "demo").ok();

      assertThat(demo.out()).doesNotContain("embedded").contains("7. delete");
      // Its process wrote an HLS playlist to mem (the simulator's ffmpeg does, like Core's) and
      // the demo deleted it with the process.
      java.util.regex.Matcher removed =
          java.util.regex.Pattern.compile("and the (\\d+) files it wrote to mem:/corectl-demo-")
              .matcher(demo.out());
      assertThat(removed.find()).as("step 7 of %s", demo.out()).isTrue();
      assertThat(Integer.parseInt(removed.group(1))).isPositive();
      assertThat(core.processes().list().collectList().block(Duration.ofSeconds(10))).isEmpty();
      assertThat(core.filesystems().list("mem").collectList().block(Duration.ofSeconds(10)))
          .isEmpty();
      assertThat(sim.stats().posts("/api/v3/process")).isEqualTo(1);
    }
  }
}
