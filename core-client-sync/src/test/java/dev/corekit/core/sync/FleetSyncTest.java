package dev.corekit.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.corekit.core.CoreConnectException;
import dev.corekit.core.CoreFleet;
import dev.corekit.core.CoreFleetException;
import dev.corekit.core.NodeResult;
import dev.corekit.core.model.About;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.sync.BlockingParity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The blocking fleet: the reactive fleet's fan-outs as lists, through the generic proxy. */
@Timeout(60)
class FleetSyncTest {
  private final List<CoreSimulator> sims = new ArrayList<>();

  @BeforeEach
  void start() {
    for (int i = 0; i < 3; i++) {
      sims.add(TestSupport.simulator().build().start().seedProcesses(2));
    }
  }

  @AfterEach
  void stop() {
    sims.forEach(CoreSimulator::close);
  }

  private List<String> urls() {
    return sims.stream().map(CoreSimulator::baseUrl).toList();
  }

  private String node(int i) {
    return "127.0.0.1:" + sims.get(i).port();
  }

  @Test
  void everyMethodOfTheReactiveFleetHasABlockingTwinAndTheReverse() {
    assertThat(BlockingParity.missing(CoreFleet.class, CoreSyncFleet.class)).isEmpty();
  }

  @Test
  void returnsEachNodesResultsAndTheDeadNodesFailureAndReleasesEverythingOnClose() {
    sims.get(1).stop();
    Set<String> threadsBefore = TestSupport.clientThreads();
    try (CoreSyncFleet fleet =
        CoreSync.connectFleet(urls(), TestSupport.USER, TestSupport.PASSWORD)) {
      assertThat(fleet.nodes()).containsExactly(node(0), node(1), node(2));

      List<NodeResult<About>> about = fleet.about();
      assertThat(about).hasSize(3);
      NodeResult<About> dead =
          about.stream().filter(r -> r.node().equals(node(1))).findFirst().orElseThrow();
      assertThat(dead.failure()).isInstanceOf(CoreConnectException.class);
      assertThat(about)
          .filteredOn(NodeResult::isSuccess)
          .extracting(r -> r.value().id().orElse(""))
          .containsOnly(TestSupport.SERVER_ID);

      List<NodeResult<CoreProcess>> processes = fleet.processes();
      assertThat(
              processes.stream()
                  .filter(NodeResult::isSuccess)
                  .collect(Collectors.groupingBy(NodeResult::node, Collectors.counting())))
          .containsOnlyKeys(node(0), node(2))
          .containsValues(2L, 2L);

      List<NodeResult<String>> pings = fleet.fanOut(client -> client.about().ping());
      assertThat(pings)
          .filteredOn(NodeResult::isSuccess)
          .extracting(NodeResult::value)
          .containsExactly("pong", "pong");
    }
    assertThat(TestSupport.clientThreads()).isSubsetOf(threadsBefore);
    for (CoreSimulator sim : List.of(sims.get(0), sims.get(2))) {
      TestSupport.awaitOrFail(
          Duration.ofSeconds(10),
          "connections to " + sim.baseUrl() + " closed",
          () -> sim.stats().openConnections() == 0);
    }
  }

  @Test
  void aFailFastFleetThrowsTheFailureNamingTheNodeWithTheCallersFrames() {
    sims.get(2).stop();
    CoreFleet reactive =
        CoreFleet.builder()
            .urls(urls(), client -> client.credentials(TestSupport.USER, TestSupport.PASSWORD))
            .failFast(true)
            .build();
    try (CoreSyncFleet fleet = CoreSync.fleet(reactive)) {
      Throwable thrown = catchThrowable(fleet::about);
      assertThat(thrown)
          .isInstanceOf(CoreFleetException.class)
          .hasMessageContaining("node '" + node(2) + "'")
          .hasCauseInstanceOf(CoreConnectException.class);
      assertThat(thrown.getStackTrace())
          .anySatisfy(
              frame ->
                  assertThat(frame.getMethodName())
                      .isEqualTo(
                          "aFailFastFleetThrowsTheFailureNamingTheNodeWithTheCallersFrames"));
    }
    assertThat(reactive.toString()).contains("closed");
  }
}
