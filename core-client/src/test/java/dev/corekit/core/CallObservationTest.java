package dev.corekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.SenderContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

/**
 * One Micrometer observation per call with an ObservationRegistry: its keys, its parent, the
 * headers a tracer propagates on every attempt, and the tracer's ids in the client's log lines.
 */
class CallObservationTest {
  private final RecordingServer server = new RecordingServer();
  private final TestObservationRegistry registry = TestObservationRegistry.create();

  @AfterEach
  void close() {
    server.close();
  }

  /**
   * Stands in for micrometer-tracing's propagating handler: writes a header through the sender
   * context's setter when the observation starts, and a fake trace id into the MDC while in scope.
   */
  private static final class PropagatingHandler implements ObservationHandler<SenderContext<?>> {
    final List<String> spans = new CopyOnWriteArrayList<>();

    @Override
    public void onStart(SenderContext<?> context) {
      String span = "span" + spans.size();
      spans.add(span);
      inject(context, span);
    }

    @SuppressWarnings("unchecked")
    private static <C> void inject(SenderContext<C> context, String span) {
      context
          .getSetter()
          .set(context.getCarrier(), "traceparent", "00-" + "1".repeat(32) + "-" + span + "-01");
    }

    @Override
    public void onScopeOpened(SenderContext<?> context) {
      MDC.put("traceId", "1".repeat(32));
    }

    @Override
    public void onScopeClosed(SenderContext<?> context) {
      MDC.remove("traceId");
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return context instanceof SenderContext;
    }
  }

  @Test
  void observesAWholeCallOnceWithItsFinalStatusAndOutcomeThoughItWasRetried() {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "GET /api/v3/process",
        (request, response) ->
            calls.incrementAndGet() == 1
                ? RecordingServer.json(response, 503, "{\"code\":503,\"message\":\"busy\"}")
                : RecordingServer.json(response, 200, "[]"));
    server.json("GET /api/v3/process/missing", 404, "{\"code\":404,\"message\":\"Unknown\"}");
    try (CoreClient client =
        CoreClient.builder()
            .baseUrl(server.baseUrl())
            .observationRegistry(registry)
            .retry(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build())
            .build()) {
      StepVerifier.create(client.processes().list())
          .expectComplete()
          .verify(Duration.ofSeconds(10));
      StepVerifier.create(client.processes().get("missing"))
          .expectError(CoreNotFoundException.class)
          .verify(Duration.ofSeconds(10));
    }
    assertThat(calls).hasValue(2);
    TestObservationRegistryAssert.assertThat(registry)
        // status and outcome are only known, and set, when an observation stops
        .hasNumberOfObservationsWithNameEqualTo("corekit.core.calls", 2)
        .hasAnObservation(
            observation ->
                observation
                    .hasContextualNameEqualTo("core processList")
                    .hasLowCardinalityKeyValue("operation", "processList")
                    .hasLowCardinalityKeyValue("method", "GET")
                    .hasLowCardinalityKeyValue("status", "200")
                    .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                    .doesNotHaveError())
        .hasAnObservation(
            observation ->
                observation
                    .hasLowCardinalityKeyValue("operation", "processGet")
                    .hasLowCardinalityKeyValue("status", "404")
                    .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
                    .assertThatError()
                    .isInstanceOf(CoreNotFoundException.class));
  }

  @Test
  void sendsTheHeadersTheTracerPropagatesOnEveryAttempt() {
    PropagatingHandler tracer = new PropagatingHandler();
    registry.observationConfig().observationHandler(tracer);
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "GET /api/v3/process",
        (request, response) ->
            calls.incrementAndGet() == 1
                ? RecordingServer.json(response, 503, "{\"code\":503,\"message\":\"busy\"}")
                : RecordingServer.json(response, 200, "[]"));
    try (CoreClient client =
        CoreClient.builder()
            .baseUrl(server.baseUrl())
            .observationRegistry(registry)
            .retry(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build())
            .build()) {
      StepVerifier.create(client.processes().list())
          .expectComplete()
          .verify(Duration.ofSeconds(10));
    }
    assertThat(tracer.spans).containsExactly("span0");
    assertThat(server.requests("GET /api/v3/process"))
        .hasSize(2)
        .allSatisfy(
            request ->
                assertThat(request.headers.get("traceparent"))
                    .isEqualTo("00-" + "1".repeat(32) + "-span0-01"));
  }

  @Test
  void takesTheCallersObservationFromTheReactorContextAsParent() {
    server.json("GET /api/v3/process", 200, "[]");
    Observation request = Observation.start("http.server.requests", registry);
    try (CoreClient client =
        CoreClient.builder().baseUrl(server.baseUrl()).observationRegistry(registry).build()) {
      StepVerifier.create(
              client.processes().list().contextWrite(Context.of("micrometer.observation", request)))
          .expectComplete()
          .verify(Duration.ofSeconds(10));
    } finally {
      request.stop();
    }
    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("corekit.core.calls")
        .that()
        .hasParentObservationEqualTo(request);
  }

  @Test
  void writesItsLogLinesWithTheCallInScopeSoTheTracersIdsReachTheMdc() {
    registry.observationConfig().observationHandler(new PropagatingHandler());
    server.json("GET /api/v3/process", 200, "[]");
    Logger http = (Logger) LoggerFactory.getLogger("dev.corekit.core.http");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    Level before = http.getLevel();
    http.addAppender(captured);
    http.setLevel(Level.DEBUG);
    try (CoreClient client =
        CoreClient.builder().baseUrl(server.baseUrl()).observationRegistry(registry).build()) {
      StepVerifier.create(client.processes().list())
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
              assertThat(event.getMDCPropertyMap()).containsEntry("traceId", "1".repeat(32));
            });
  }

  @Test
  void observesNothingWithANoopRegistry() {
    server.json("GET /api/v3/process", 200, "[]");
    try (CoreClient client =
        CoreClient.builder()
            .baseUrl(server.baseUrl())
            .observationRegistry(io.micrometer.observation.ObservationRegistry.NOOP)
            .build()) {
      StepVerifier.create(client.processes().list())
          .expectComplete()
          .verify(Duration.ofSeconds(10));
    }
    assertThat(server.requests("GET /api/v3/process").get(0).headers.get("traceparent")).isNull();
  }
}
