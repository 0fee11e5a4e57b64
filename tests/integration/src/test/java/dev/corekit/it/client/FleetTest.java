package dev.corekit.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreConnectException;
import dev.corekit.core.CoreFleet;
import dev.corekit.core.CoreFleetException;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.NodeResult;
import dev.corekit.core.model.About;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** A {@link CoreFleet} over three simulated Cores: per-node results, failures and deadlines. */
class FleetTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final List<CoreSimulator> sims = new ArrayList<>();
  private CoreFleet fleet;

  @BeforeEach
  void start() {
    for (int i = 0; i < 3; i++) {
      sims.add(Simulators.simulator().name("core-" + i).build().start().seedProcesses(i + 1));
    }
  }

  @AfterEach
  void stop() {
    if (fleet != null) {
      fleet.close();
    }
    // The fleet created its clients and closed them: no connection is left on any server.
    for (CoreSimulator sim : sims) {
      if (sim.isRunning()) {
        await("connections to " + sim.baseUrl() + " closed")
            .atMost(Duration.ofSeconds(10))
            .until(() -> sim.stats().openConnections() == 0);
      }
    }
    sims.forEach(CoreSimulator::close);
  }

  /** A fleet owning one client per simulator, with the tests' quick retries. */
  private CoreFleet.Builder fleet() {
    List<String> urls = sims.stream().map(CoreSimulator::baseUrl).toList();
    return CoreFleet.builder()
        .urls(
            urls,
            client ->
                client
                    .credentials(Simulators.USER, Simulators.PASSWORD)
                    .retry(
                        dev.corekit.core.RetryPolicy.builder()
                            .maxRetries(1)
                            .initialBackoff(Duration.ofMillis(10))
                            .build()));
  }

  private String node(int i) {
    return "127.0.0.1:" + sims.get(i).port();
  }

  @Test
  void aStoppedNodeYieldsItsConnectFailureAndTheOthersAllTheirProcesses() {
    sims.get(1).stop();
    fleet = fleet().build();
    List<NodeResult<dev.corekit.core.model.CoreProcess>> results =
        fleet.processes().collectList().block(WAIT);

    Map<String, Long> processesPerNode =
        results.stream()
            .filter(NodeResult::isSuccess)
            .collect(Collectors.groupingBy(NodeResult::node, Collectors.counting()));
    assertThat(processesPerNode).containsOnly(Map.entry(node(0), 1L), Map.entry(node(2), 3L));
    List<NodeResult<dev.corekit.core.model.CoreProcess>> failures =
        results.stream().filter(r -> !r.isSuccess()).toList();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).node()).isEqualTo(node(1));
    assertThat(failures.get(0).failure())
        .isInstanceOf(CoreConnectException.class)
        .hasMessageContaining(String.valueOf(sims.get(1).port()));
  }

  @Test
  void aStallingNodeTimesOutNamingItWhileTheOthersAnswer() {
    sims.get(2).faults().on("GET /api").inject(Fault.stall(0));
    fleet = fleet().nodeTimeout(Duration.ofSeconds(2)).build();
    StepVerifier.create(fleet.about().collectMap(NodeResult::node))
        .assertNext(
            byNode -> {
              assertThat(byNode.get(node(0)).value().name()).contains("core-0");
              assertThat(byNode.get(node(1)).value().name()).contains("core-1");
              NodeResult<About> stalled = byNode.get(node(2));
              assertThat(stalled.isSuccess()).isFalse();
              assertThat(stalled.failure())
                  .isInstanceOf(CoreTimeoutException.class)
                  .hasMessageContaining("node '" + node(2) + "'")
                  .hasMessageContaining("2000 ms");
            })
        .expectComplete()
        .verify(WAIT);
    // the stalled request was cancelled: its connection is closed (checked in stop())
  }

  @Test
  void startsANodeOnlyWhenAnEarlierOneHasEnded() {
    // Nodes 0 and 1 stall until the deadline; with two slots node 2 must wait for one of them.
    sims.get(0).faults().on("GET /api").inject(Fault.stall(0));
    sims.get(1).faults().on("GET /api").inject(Fault.stall(0));
    fleet = fleet().concurrency(2).nodeTimeout(Duration.ofSeconds(2)).ordered(true).build();
    List<String> events = new CopyOnWriteArrayList<>();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    List<NodeResult<About>> results =
        fleet
            .fanOut(
                (CoreClient client) -> {
                  String port = String.valueOf(client.baseUrl().getPort());
                  return client
                      .about()
                      .about()
                      .doOnSubscribe(
                          s -> {
                            events.add("start " + port);
                            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                          })
                      .doOnTerminate(() -> end(events, inFlight, port))
                      .doOnCancel(() -> end(events, inFlight, port));
                })
            .collectList()
            .block(WAIT);

    assertThat(maxInFlight.get()).isEqualTo(2);
    String third = "start " + sims.get(2).port();
    assertThat(events.subList(0, 2))
        .containsExactly("start " + sims.get(0).port(), "start " + sims.get(1).port());
    assertThat(events.get(2)).as("an end before the third start: %s", events).startsWith("end ");
    assertThat(events).contains(third);
    assertThat(results)
        .extracting(NodeResult::node, NodeResult::isSuccess)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(node(0), false),
            org.assertj.core.groups.Tuple.tuple(node(1), false),
            org.assertj.core.groups.Tuple.tuple(node(2), true));
  }

  private static void end(List<String> events, AtomicInteger inFlight, String port) {
    inFlight.decrementAndGet();
    events.add("end " + port);
  }

  @Test
  void failFastEndsWithTheFailureOfTheDeadNodeNamingIt() {
    sims.get(0).stop();
    fleet = fleet().failFast(true).build();
    StepVerifier.create(fleet.about())
        .thenConsumeWhile(NodeResult::isSuccess)
        .expectErrorSatisfies(
            error -> {
              assertThat(error)
                  .isInstanceOf(CoreFleetException.class)
                  .hasMessageContaining("node '" + node(0) + "'")
                  .hasCauseInstanceOf(CoreConnectException.class);
              assertThat(((CoreFleetException) error).node()).isEqualTo(node(0));
            })
        .verify(WAIT);
  }

  @Test
  void aFleetOfTheCallersClientsLeavesThemOpen() {
    try (CoreClient a = Simulators.client(sims.get(0)).build();
        CoreClient b = Simulators.client(sims.get(1)).build()) {
      CoreFleet given = CoreFleet.builder().node("a", a).node("b", b).build();
      StepVerifier.create(given.states().map(NodeResult::node).distinct().sort())
          .expectNext("a", "b")
          .expectComplete()
          .verify(WAIT);
      given.close();
      StepVerifier.create(a.about().ping()).expectNext("pong").expectComplete().verify(WAIT);
    }
  }

  @Test
  void statesCarryEachProcessStateAndNoConfig() {
    fleet = fleet().build();
    List<NodeResult<dev.corekit.core.model.CoreProcess>> states =
        fleet.states().collectList().block(WAIT);
    assertThat(states).hasSize(6).allMatch(NodeResult::isSuccess);
    assertThat(states)
        .allSatisfy(
            r -> {
              assertThat(r.value().state()).isPresent();
              assertThat(r.value().config()).isEmpty();
            });
  }
}
