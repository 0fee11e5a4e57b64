package dev.corekit.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreConnectException;
import dev.corekit.core.CoreNode;
import dev.corekit.core.CoreNotFoundException;
import dev.corekit.core.FailoverPolicy;
import dev.corekit.core.RequestOptions;
import dev.corekit.simulator.Fault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

/** A client of several nodes: node choice, per-node tokens, failover rules, breakers, probes. */
class FailoverTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final FailoverPolicy FAST =
      FailoverPolicy.builder()
          .failureThreshold(2)
          .probeInterval(Duration.ofMillis(100))
          .attemptTimeout(Duration.ofSeconds(5))
          .build();

  private final List<ConnectionPoolMetrics> pools = new CopyOnWriteArrayList<>();
  private ConnectionProvider provider;
  private Nodes nodes;
  private CoreClient client;

  @BeforeEach
  void start() {
    nodes = new Nodes(3);
    provider =
        ConnectionProvider.builder("failover-test")
            .maxConnections(50)
            .metrics(true, () -> (poolName, id, remote, metrics) -> pools.add(metrics))
            .build();
    client = nodes.client(FAST).connectionProvider(provider).build();
  }

  @AfterEach
  void stop() {
    client.close();
    provider.disposeLater().block(WAIT);
    nodes.close();
  }

  private void assertNoConnectionHeld() {
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(pools).allSatisfy(pool -> assertThat(pool.acquiredSize()).isZero()));
  }

  @Test
  void callsGoToTheFirstNodeInOrderWhileItAnswers() {
    for (int i = 0; i < 5; i++) {
      StepVerifier.create(client.processes().list()).expectComplete().verify(WAIT);
    }
    assertThat(nodes.node(1).stats().requests("GET /api/v3/process")).isEqualTo(5);
    assertThat(nodes.node(2).stats().totalRequests()).isZero();
    assertThat(nodes.node(3).stats().totalRequests()).isZero();
  }

  @Test
  void eachNodeGetsItsOwnTokenFromTheSameCredentials() {
    StepVerifier.create(client.processes().list()).expectComplete().verify(WAIT);
    nodes.node(1).stop();
    StepVerifier.create(client.processes().list()).expectComplete().verify(WAIT);
    StepVerifier.create(client.processes().list()).expectComplete().verify(WAIT);

    assertThat(nodes.node(1).stats().logins()).isEqualTo(1);
    assertThat(nodes.node(2).stats().logins()).isEqualTo(1);
    // node 1's token was never offered to node 2 (it has another secret and would refuse it)
    assertThat(nodes.node(2).stats().requests("GET /api/v3/process")).isEqualTo(2);
    assertThat(nodes.node(2).stats().refreshes()).isZero();
  }

  @Test
  void aGetMovesToTheNextNodeWhenTheFirstResetsTheConnection() {
    nodes.node(1).faults().on("GET /api/v3/process").times(1).inject(Fault.resetBeforeResponse());
    StepVerifier.create(client.processes().with(RequestOptions.retries(0)).list())
        .expectComplete()
        .verify(WAIT);
    assertThat(nodes.node(2).stats().requests("GET /api/v3/process")).isEqualTo(1);
    assertNoConnectionHeld();
  }

  @Test
  void aGetMovesOnA503WithoutWaitingForABackoff() {
    nodes.node(1).faults().on("GET /api/v3/process").times(1).inject(Fault.status(503));
    StepVerifier.create(client.processes().with(RequestOptions.retries(0)).list())
        .expectComplete()
        .verify(WAIT);
    assertThat(nodes.node(2).stats().requests("GET /api/v3/process")).isEqualTo(1);
  }

  @Test
  void aGetMovesAwayFromANodeThatSendsNoDataWithinTheAttemptTimeout() {
    nodes
        .node(1)
        .faults()
        .on("GET /api/v3/process")
        .times(1)
        .inject(Fault.latency(Duration.ofSeconds(30)));
    StepVerifier.create(
            client
                .processes()
                .with(RequestOptions.builder().retries(0).timeout(Duration.ofSeconds(20)).build())
                .list())
        .expectComplete()
        .verify(WAIT);
    assertThat(nodes.node(2).stats().requests("GET /api/v3/process")).isEqualTo(1);
  }

  @Test
  void aPostMovesWhenTheConnectionIsRefusedAndRunsOnce() {
    StepVerifier.create(client.processes().list()).expectComplete().verify(WAIT);
    nodes.node(1).stop();
    StepVerifier.create(client.processes().create(Nodes.config("moved")))
        .assertNext(created -> assertThat(created.id()).contains("moved"))
        .expectComplete()
        .verify(WAIT);
    assertThat(nodes.node(2).stats().posts("/api/v3/process")).isEqualTo(1);
    assertThat(nodes.node(3).stats().posts("/api/v3/process")).isZero();
  }

  @Test
  void aPostWhoseConnectionBreaksAfterItWasSentNeverMovesAndRunsOnce() {
    nodes.node(1).faults().on("POST /api/v3/process").times(1).inject(Fault.resetAfterProcessing());
    StepVerifier.create(client.processes().create(Nodes.config("once")))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(CoreConnectException.class)
                    .satisfies(e -> assertThat(((CoreConnectException) e).requestSent()).isTrue()))
        .verify(WAIT);
    assertThat(nodes.node(1).stats().posts("/api/v3/process")).isEqualTo(1);
    assertThat(nodes.node(2).stats().posts("/api/v3/process")).isZero();
    assertThat(nodes.node(3).stats().posts("/api/v3/process")).isZero();
    assertNoConnectionHeld();
  }

  @Test
  void aPostAnswered503IsNotSentToAnotherNode() {
    nodes.node(1).faults().on("POST /api/v3/process").times(1).inject(Fault.status(503));
    StepVerifier.create(client.processes().create(Nodes.config("not-moved")))
        .expectError()
        .verify(WAIT);
    assertThat(nodes.node(2).stats().posts("/api/v3/process")).isZero();
  }

  @Test
  void aNotFoundAnswerIsTheAnswerAndDoesNotMove() {
    StepVerifier.create(client.processes().get("no-such-process"))
        .expectError(CoreNotFoundException.class)
        .verify(WAIT);
    assertThat(nodes.node(2).stats().totalRequests()).isZero();
    assertThat(client.nodes()).allMatch(CoreNode::available);
  }

  @Test
  void aFailingNodeIsTakenOutAndAProbeBringsItBackAfterItRestarts() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (CoreClient observed = nodes.client(FAST).meterRegistry(meters).build()) {
      StepVerifier.create(observed.processes().list()).expectComplete().verify(WAIT);
      nodes.node(1).stop();
      for (int i = 0; i < 3; i++) {
        StepVerifier.create(observed.processes().list()).expectComplete().verify(WAIT);
      }
      CoreNode first = observed.nodes().get(0);
      assertThat(first.available()).isFalse();
      assertThat(first.lastFailure()).get().asString().contains("refused");
      assertThat(observed.toString()).contains(nodes.node(1).baseUrl() + " (unavailable)");
      long gaugeDown =
          (long)
              meters
                  .get("corekit.core.node.available")
                  .tag("node", Nodes.server(nodes.node(1)))
                  .gauge()
                  .value();
      assertThat(gaugeDown).isZero();

      // Once out, node 1 gets no calls: the next calls go straight to node 2.
      long before = nodes.node(2).stats().requests("GET /api/v3/process");
      StepVerifier.create(observed.processes().list()).expectComplete().verify(WAIT);
      assertThat(nodes.node(2).stats().requests("GET /api/v3/process")).isEqualTo(before + 1);

      nodes.node(1).start();
      await().atMost(WAIT).until(() -> observed.nodes().get(0).available());
      // Back after the first probe that reached it: at most one probe in flight at the restart,
      // plus the one that got the answer.
      assertThat(nodes.node(1).stats().requests("GET /ping")).isBetween(1L, 2L);
      StepVerifier.create(observed.processes().list()).expectComplete().verify(WAIT);
      assertThat(nodes.node(1).stats().requests("GET /api/v3/process")).isEqualTo(2);
      assertThat(
              meters
                  .get("corekit.core.node.available")
                  .tag("node", Nodes.server(nodes.node(1)))
                  .gauge()
                  .value())
          .isEqualTo(1.0);
    }
  }

  @Test
  void roundRobinSpreadsCallsOverTheAvailableNodes() {
    try (CoreClient spread =
        nodes
            .client(
                FailoverPolicy.builder().selection(FailoverPolicy.Selection.ROUND_ROBIN).build())
            .build()) {
      for (int i = 0; i < 9; i++) {
        StepVerifier.create(spread.processes().list()).expectComplete().verify(WAIT);
      }
      for (int n = 1; n <= 3; n++) {
        assertThat(nodes.node(n).stats().requests("GET /api/v3/process")).isEqualTo(3);
      }
    }
  }

  @Test
  void whenNoNodeCanBeReachedTheErrorNamesEveryNode() {
    nodes.sims.forEach(sim -> sim.stop());
    StepVerifier.create(client.processes().with(RequestOptions.retries(0)).list())
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(CoreConnectException.class)
                    .hasMessageContaining("none of the 3 nodes could be reached")
                    .hasMessageContaining(Nodes.server(nodes.node(1)))
                    .hasMessageContaining(Nodes.server(nodes.node(2)))
                    .hasMessageContaining(Nodes.server(nodes.node(3))))
        .verify(WAIT);
    assertNoConnectionHeld();
  }

  @Test
  void theClientNamesItsNodesButNoSecret() {
    assertThat(client.toString())
        .contains(nodes.node(1).baseUrl(), nodes.node(2).baseUrl(), nodes.node(3).baseUrl())
        .doesNotContain(Nodes.PASSWORD);
    assertThat(client.baseUrls()).hasSize(3);
    assertThat(client.baseUrl().toString()).isEqualTo(nodes.node(1).baseUrl());
  }

  @Test
  void badNodeListsAreRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> CoreClient.builder().baseUrls(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one URL");
    assertThatThrownBy(
            () -> CoreClient.builder().baseUrls("http://127.0.0.1:1", "http://127.0.0.1:1/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("given twice");
    assertThatThrownBy(
            () -> CoreClient.builder().baseUrls("http://127.0.0.1:1", "https://127.0.0.1:2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same scheme");
    assertThatThrownBy(() -> CoreClient.builder().baseUrls("http://admin:pw@127.0.0.1:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(":pw@");
  }
}
