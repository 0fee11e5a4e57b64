package dev.corekit.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.corekit.core.CoreApiException;
import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreConnectException;
import dev.corekit.core.CoreProtocolException;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.Fault;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

/** Retries of transient failures, never a second POST by default, and one deadline per call. */
class RetryAndDeadlineTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final List<ConnectionPoolMetrics> pools = new CopyOnWriteArrayList<>();
  private ConnectionProvider provider;
  private CoreSimulator sim;
  private CoreClient client;

  @BeforeEach
  void start() {
    sim = Simulators.simulator().build().start();
    provider =
        ConnectionProvider.builder("retry-test")
            .maxConnections(50)
            .metrics(true, () -> (poolName, id, remoteAddress, metrics) -> pools.add(metrics))
            .build();
    client = Simulators.client(sim).connectionProvider(provider).build();
  }

  @AfterEach
  void stop() {
    client.close();
    provider.disposeLater().block(WAIT);
    sim.close();
  }

  private static ProcessConfig config(String id) {
    return ProcessConfig.builder()
        .id(id)
        .addInput(
            ProcessConfigIo.builder()
                .id("in")
                .address("testsrc2=rate=25:size=640x360")
                .addOptions("-f", "lavfi")
                .build())
        .addOutput(
            ProcessConfigIo.builder().id("out").address("-").addOptions("-f", "null").build())
        .autostart(false)
        .build();
  }

  @Test
  void aGetAnsweredWithTwo503sThenSucceeds() {
    sim.faults().on("GET /api/v3/process").times(2).inject(Fault.status(503));
    StepVerifier.create(client.processes().list()).expectComplete().verify(WAIT);
    assertThat(sim.stats().requests("GET /api/v3/process")).isEqualTo(3);
  }

  @Test
  void aPostAnsweredWith503ReachesTheServerExactlyOnce() {
    sim.faults().on("POST /api/v3/process").times(1).inject(Fault.status(503));
    StepVerifier.create(client.processes().create(config("once")))
        .expectErrorSatisfies(
            error -> assertThat(((CoreApiException) error).status()).isEqualTo(503))
        .verify(WAIT);
    assertThat(sim.stats().posts("/api/v3/process")).isEqualTo(1);
  }

  @Test
  void aPostIsRetriedWhenTheCallOptsIn() {
    sim.faults().on("POST /api/v3/process").times(2).inject(Fault.status(503));
    StepVerifier.create(
            client
                .processes()
                .with(RequestOptions.builder().retryNonIdempotent(true).build())
                .create(config("opted-in")))
        .assertNext(created -> assertThat(created.id()).contains("opted-in"))
        .expectComplete()
        .verify(WAIT);
    assertThat(sim.stats().posts("/api/v3/process")).isEqualTo(3);
  }

  @Test
  void aPostWhoseConnectionIsResetAfterProcessingIsNotSentAgain() {
    sim.faults().on("POST /api/v3/process").times(1).inject(Fault.resetAfterProcessing());
    StepVerifier.create(client.processes().create(config("reset")))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(CoreConnectException.class)
                    .satisfies(e -> assertThat(((CoreConnectException) e).requestSent()).isTrue()))
        .verify(WAIT);
    assertThat(sim.stats().posts("/api/v3/process")).isEqualTo(1);
  }

  @Test
  void honoursRetryAfterOfA429() {
    sim.faults().on("GET /api/v3/process").times(1).inject(Fault.tooManyRequests(1));
    long start = System.nanoTime();
    StepVerifier.create(client.processes().list()).expectComplete().verify(WAIT);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(sim.stats().requests("GET /api/v3/process")).isEqualTo(2);
  }

  @Test
  void neverRetriesAnOther4xx() {
    StepVerifier.create(client.processes().get("missing"))
        .expectError(dev.corekit.core.CoreNotFoundException.class)
        .verify(WAIT);
    assertThat(sim.stats().requests("GET /api/v3/process/{id}")).isEqualTo(1);
  }

  @Test
  void aRefusedConnectionIsRetriedThenReportedAsConnectFailure() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    try (CoreClient nowhere =
        CoreClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .retry(
                dev.corekit.core.RetryPolicy.builder()
                    .maxRetries(2)
                    .initialBackoff(Duration.ofMillis(10))
                    .build())
            .build()) {
      StepVerifier.create(nowhere.processes().create(config("nowhere")))
          .expectErrorSatisfies(
              error -> {
                assertThat(error)
                    .isInstanceOf(CoreConnectException.class)
                    .hasMessageContaining("connection refused by 127.0.0.1:" + port);
                assertThat(((CoreConnectException) error).requestSent()).isFalse();
              })
          .verify(WAIT);
    }
  }

  @Test
  void anAnswerWithTheWrongContentTypeFailsAndFreesItsConnectionAtOnce() {
    StepVerifier.create(client.processes().list()).expectComplete().verify(WAIT);
    sim.faults().on("GET /api/v3/process").inject(Fault.wrongContentType("text/html"));
    // A long deadline: the connection must come back because the answer was refused, not because
    // time ran out.
    StepVerifier.create(
            client.processes().with(RequestOptions.timeout(Duration.ofSeconds(30))).list())
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(CoreProtocolException.class)
                    .hasMessageContaining("text/html"))
        .verify(WAIT);
    // Generous, yet far below the 30 s deadline that would also have freed it.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(pools).allSatisfy(pool -> assertThat(pool.acquiredSize()).isZero()));
  }

  @Test
  void aSlowRouteTimesOutAtItsDeadlineAndLeavesNoActiveConnection() {
    // Log in and warm up first, so the measured call is only the slow one.
    StepVerifier.create(client.processes().list()).expectComplete().verify(WAIT);
    Duration latency = Duration.ofSeconds(10);
    sim.faults().on("GET /api/v3/process").inject(Fault.latency(latency));
    Duration deadline = Duration.ofMillis(500);
    long start = System.nanoTime();
    StepVerifier.create(client.processes().with(RequestOptions.timeout(deadline)).list())
        .expectErrorSatisfies(
            error -> {
              assertThat(error).isInstanceOf(CoreTimeoutException.class);
              assertThat(((CoreTimeoutException) error).timeout()).isEqualTo(deadline);
            })
        .verify(WAIT);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf(
        "deadline %d ms: timed out after %d ms (overshoot %d ms)%n",
        deadline.toMillis(), took.toMillis(), took.minus(deadline).toMillis());
    // Ended by the deadline, long before the server's answer. The overshoot is printed, not
    // asserted: a busy machine's timer lag is no failure of the client.
    assertThat(took).isBetween(deadline, latency.dividedBy(2));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(pools).allSatisfy(pool -> assertThat(pool.acquiredSize()).isZero()));
    await().atMost(Duration.ofSeconds(5)).until(() -> sim.stats().clientAborts() >= 1);
  }
}
