package dev.corekit.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.corekit.core.CoreClient;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.samples.webflux.ProcessController.ProcessView;
import dev.corekit.samples.webflux.ProcessController.StateView;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * The sample service against the Core simulator: its JSON list, its server-sent events, its health,
 * and one trace from the incoming request through the call to Core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ProcessesApplicationTest {
  static final CoreSimulator SIM =
      CoreSimulator.builder().user("admin").password("webflux-secret").build().start();

  @DynamicPropertySource
  static void core(DynamicPropertyRegistry properties) {
    properties.add("corekit.core.url", SIM::baseUrl);
    properties.add("corekit.core.password", SIM::password);
  }

  @AfterAll
  static void stopCore() {
    SIM.close();
  }

  /** Keeps the finished spans in memory, as a Zipkin or OTLP reporter would send them. */
  @TestConfiguration(proxyBeanMethods = false)
  static class InMemorySpans {
    @Bean
    Spans spans() {
      return new Spans();
    }
  }

  static final class Spans extends SpanHandler {
    final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

    @Override
    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
      finished.add(span);
      return true;
    }
  }

  @Autowired WebTestClient web;
  @Autowired CoreClient core;
  @Autowired Spans spans;

  private void create(String id) {
    ProcessConfig config =
        ProcessConfig.builder()
            .id(id)
            .reference("webflux-sample")
            .addInput(
                ProcessConfigIo.builder()
                    .id("in")
                    .address("testsrc2=size=320x240:rate=25")
                    .addOptions("-f", "lavfi", "-re")
                    .build())
            .addOutput(
                ProcessConfigIo.builder()
                    .id("out")
                    .address("{memfs}/" + id + ".m3u8")
                    .addOptions("-f", "hls")
                    .build())
            .autostart(true)
            .build();
    StepVerifier.create(core.processes().create(config))
        .expectNextCount(1)
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void listsCoresProcessesAsJson() {
    create("list-me");
    web.get()
        .uri("/processes")
        .accept(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBodyList(ProcessView.class)
        .value(
            list ->
                assertThat(list)
                    .anySatisfy(
                        process -> {
                          assertThat(process.id()).isEqualTo("list-me");
                          assertThat(process.reference()).isEqualTo("webflux-sample");
                          assertThat(process.order()).isEqualTo("start");
                        }));
  }

  @Test
  void streamsAProcessStateAsServerSentEvents() {
    create("watch-me");
    StepVerifier.create(
            web.get()
                .uri("/processes/watch-me/state?limit=1")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(StateView.class)
                .getResponseBody())
        .assertNext(state -> assertThat(state.order()).isEqualTo("start"))
        .expectComplete()
        .verify(Duration.ofSeconds(20));
  }

  @Test
  void reportsCoresHealthWithItsVersion() {
    web.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.corekit.status")
        .isEqualTo("UP")
        .jsonPath("$.components.corekit.details.version")
        .isEqualTo("16.20.0")
        .jsonPath("$.components.corekit.details.url")
        .isEqualTo(SIM.baseUrl());
  }

  @Test
  void tracesTheIncomingRequestThroughTheCallToCoreAsOneTrace() {
    Logger http = (Logger) LoggerFactory.getLogger("dev.corekit.core.http");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    http.addAppender(lines);
    SIM.stats().reset();
    try {
      web.get().uri("/processes").exchange().expectStatus().isOk();
    } finally {
      http.detachAppender(lines);
    }

    // The spans end after the response is written: wait for the server's, boundedly.
    MutableSpan server = awaitSpan("http get /processes");
    MutableSpan coreCall = awaitSpan("core processlist");
    assertThat(coreCall.traceId()).isEqualTo(server.traceId());
    assertThat(coreCall.parentId()).isEqualTo(server.id());
    assertThat(coreCall.tags())
        .containsEntry("operation", "processList")
        .containsEntry("outcome", "SUCCESS")
        .containsEntry("status", "200");

    // Core received the trace context (W3C, written by the tracer's propagator): same trace, and
    // the Core call's span as parent.
    RecordedRequest list =
        SIM.stats().recorded().stream()
            .filter(request -> request.route().equals("GET /api/v3/process"))
            .findFirst()
            .orElseThrow();
    assertThat(list.header("traceparent"))
        .isEqualTo("00-" + server.traceId() + "-" + coreCall.id() + "-01");

    // The client's log line of that exchange carries the trace id.
    assertThat(lines.list)
        .anySatisfy(
            line -> {
              assertThat(line.getFormattedMessage()).contains("GET /api/v3/process -> 200");
              assertThat(line.getMDCPropertyMap()).containsEntry("traceId", server.traceId());
            });
  }

  private MutableSpan awaitSpan(String name) {
    return await("a finished span named " + name)
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                spans.finished.stream()
                    .filter(span -> name.equalsIgnoreCase(span.name()))
                    .findFirst()
                    .orElse(null),
            java.util.Objects::nonNull);
  }
}
