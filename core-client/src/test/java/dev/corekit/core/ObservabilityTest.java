package dev.corekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

/** Metrics when a MeterRegistry is given, and a caller's trace ids in the client's log lines. */
class ObservabilityTest {
  private final RecordingServer server = new RecordingServer();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void recordsRequestsRetriesAndPoolGaugesInTheGivenRegistry() {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "GET /api/v3/process",
        (request, response) ->
            calls.incrementAndGet() == 1
                ? RecordingServer.json(
                    response, 503, "{\"code\":503,\"message\":\"Service Unavailable\"}")
                : RecordingServer.json(response, 200, "[]"));
    server.json(
        "GET /api/v3/process/missing", 404, "{\"code\":404,\"message\":\"Unknown process ID\"}");
    try (CoreClient client =
        CoreClient.builder()
            .baseUrl(server.baseUrl())
            .meterRegistry(registry)
            .retry(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build())
            .build()) {
      StepVerifier.create(client.processes().list())
          .expectComplete()
          .verify(Duration.ofSeconds(10));
      StepVerifier.create(client.processes().get("missing"))
          .expectError(CoreNotFoundException.class)
          .verify(Duration.ofSeconds(10));

      // A call's metrics are recorded as it ends, on the event loop, possibly just after its signal
      // reached the test: wait for them (bounded) instead of racing.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                assertThat(
                        registry
                            .get("corekit.core.requests")
                            .tag("operation", "processList")
                            .tag("outcome", "SERVER_ERROR")
                            .tag("status", "503")
                            .timer()
                            .count())
                    .isEqualTo(1);
                assertThat(
                        registry
                            .get("corekit.core.requests")
                            .tag("operation", "processList")
                            .tag("outcome", "SUCCESS")
                            .timer()
                            .count())
                    .isEqualTo(1);
                assertThat(
                        registry
                            .get("corekit.core.requests")
                            .tag("operation", "processGet")
                            .tag("outcome", "CLIENT_ERROR")
                            .timer()
                            .count())
                    .isEqualTo(1);
                assertThat(
                        registry
                            .get("corekit.core.retries")
                            .tag("operation", "processList")
                            .counter()
                            .count())
                    .isEqualTo(1);
              });
      // The gauges must not lose the pool's metrics view to a GC (they would read NaN).
      System.gc();
      // The connection goes back to the pool just after the response completes, on the event loop.
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                assertThat(registry.get("corekit.core.pool.active").gauge().value()).isZero();
                assertThat(registry.get("corekit.core.pool.idle").gauge().value()).isPositive();
              });
    }
    // Closing the client disposes its pool, and the pool's gauges go with it.
    assertThat(registry.find("corekit.core.pool.active").gauges()).isEmpty();
  }

  @Test
  void countsTokenRenewals() {
    server.json(
        "POST /api/login",
        200,
        "{\"access_token\":\""
            + OperationPerTagTest.jwt("access", 600)
            + "\",\"refresh_token\":\""
            + OperationPerTagTest.jwt("refresh", 6000)
            + "\"}");
    server.json("GET /api/v3/process", 200, "[]");
    try (CoreClient client =
        CoreClient.builder()
            .baseUrl(server.baseUrl())
            .credentials("u", "p")
            .meterRegistry(registry)
            .build()) {
      StepVerifier.create(client.processes().list())
          .expectComplete()
          .verify(Duration.ofSeconds(10));
      assertThat(
              registry
                  .get("corekit.core.token.renewals")
                  .tag("kind", "login")
                  .tag("outcome", "SUCCESS")
                  .counter()
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  void copiesTheCallersTraceIdsFromTheReactorContextIntoTheLogMdc() {
    server.json("GET /api/v3/process", 200, "[]");
    Logger http = (Logger) LoggerFactory.getLogger("dev.corekit.core.http");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    Level before = http.getLevel();
    http.addAppender(captured);
    http.setLevel(Level.DEBUG);
    try (CoreClient client = CoreClient.builder().baseUrl(server.baseUrl()).build()) {
      StepVerifier.create(
              client
                  .processes()
                  .list()
                  .contextWrite(Context.of("traceId", "trace-42", "other", "x")))
          .expectComplete()
          .verify(Duration.ofSeconds(10));
    } finally {
      http.detachAppender(captured);
      http.setLevel(before);
    }
    assertThat(captured.list)
        .anySatisfy(
            event -> {
              assertThat(event.getFormattedMessage()).contains("GET /api/v3/process -> 200");
              assertThat(event.getMDCPropertyMap())
                  .containsEntry("traceId", "trace-42")
                  .doesNotContainKey("other");
            });
  }
}
