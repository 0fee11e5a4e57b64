package dev.corekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.model.CoreProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class CoreClientWireTest {
  private final RecordingServer server = new RecordingServer();
  private final CoreClient client =
      CoreClient.builder()
          .baseUrl(server.baseUrl())
          .retry(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build())
          .build();

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void listSendsQueryParametersEncodedAndDecodesElements() {
    server.json(
        "GET /api/v3/process",
        200,
        "[{\"id\":\"a\",\"type\":\"ffmpeg\",\"reference\":\"\",\"created_at\":1,\"updated_at\":1,\"unknown\":{\"x\":1}},"
            + "{\"id\":\"b\",\"type\":\"ffmpeg\",\"reference\":\"\",\"created_at\":2,\"updated_at\":2}]");
    StepVerifier.create(
            client
                .processes()
                .list(
                    dev.corekit.core.api.ProcessApi.ListQuery.builder()
                        .idpattern("cam *")
                        .filter("state,config")
                        .build())
                .map(CoreProcess::id))
        .expectNext("a", "b")
        .verifyComplete();
    RecordingServer.Recorded sent = server.requests.get(0);
    assertThat(sent.method).isEqualTo("GET");
    assertThat(sent.query()).isEqualTo("filter=state%2Cconfig&idpattern=cam%20%2A");
    assertThat(sent.headers.get("Accept")).isEqualTo("application/json");
  }

  @Test
  void retriesAGetAnsweredWith503() {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "GET /api/v3/process",
        (request, response) ->
            calls.incrementAndGet() <= 2
                ? RecordingServer.json(
                    response, 503, "{\"code\":503,\"message\":\"Service Unavailable\"}")
                : RecordingServer.json(response, 200, "[]"));
    StepVerifier.create(client.processes().list()).expectComplete().verify(Duration.ofSeconds(10));
    assertThat(calls).hasValue(3);
  }

  @Test
  void neverRepeatsAPostAnsweredWith503() {
    server.json(
        "POST /api/v3/process",
        503,
        "{\"code\":503,\"message\":\"Service Unavailable\",\"details\":[]}");
    StepVerifier.create(
            client
                .processes()
                .create(
                    dev.corekit.core.model.ProcessConfig.builder()
                        .id("x")
                        .addInput(
                            dev.corekit.core.model.ProcessConfigIo.builder()
                                .address("testsrc")
                                .build())
                        .addOutput(
                            dev.corekit.core.model.ProcessConfigIo.builder().address("-").build())
                        .build()))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(CoreApiException.class)
                    .hasMessageContaining("POST /api/v3/process answered 503"))
        .verify(Duration.ofSeconds(10));
    assertThat(server.requests("POST /api/v3/process")).hasSize(1);
  }

  @Test
  void mapsCoreErrorBodiesToTypedExceptions() {
    server.json(
        "DELETE /api/v3/process/nope",
        404,
        "{\"code\":404,\"message\":\"Unknown process ID\",\"details\":[\"unknown process\"]}");
    StepVerifier.create(client.processes().delete("nope"))
        .expectErrorSatisfies(
            error -> {
              assertThat(error).isInstanceOf(CoreNotFoundException.class);
              CoreApiException api = (CoreApiException) error;
              assertThat(api.status()).isEqualTo(404);
              assertThat(api.errorMessage()).isEqualTo("Unknown process ID");
              assertThat(api.details()).containsExactly("unknown process");
              assertThat(api.path()).isEqualTo("/api/v3/process/nope");
            })
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void sendsAPathParameterAsOneEncodedSegment() {
    server.on("DELETE *", (request, response) -> RecordingServer.json(response, 200, "\"OK\""));
    StepVerifier.create(client.processes().delete("../x/ y%ü")).verifyComplete();
    assertThat(server.requests.get(0).path()).isEqualTo("/api/v3/process/..%2Fx%2F%20y%25%C3%BC");
  }

  @Test
  void failsAValidationErrorBeforeSending() {
    StepVerifier.create(client.processes().delete(""))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(CoreValidationException.class)
                    .hasMessageContaining("'id'"))
        .verify(Duration.ofSeconds(5));
    assertThat(server.requests).isEmpty();
  }

  @Test
  void endsASlowCallWithATimeoutAtItsDeadline() {
    // The server answers (successfully) only after 5 minutes: a timeout means the deadline ended
    // the call. Not before the deadline, and long before the answer; the upper bound is a backstop
    // (50 times the deadline), not a speed test a busy machine could fail.
    Duration deadline = Duration.ofMillis(300);
    server.on(
        "GET /api/v3/process",
        (request, response) ->
            reactor.core.publisher.Mono.delay(Duration.ofMinutes(5))
                .then(reactor.core.publisher.Mono.from(RecordingServer.json(response, 200, "[]"))));
    long start = System.nanoTime();
    StepVerifier.create(client.processes().with(RequestOptions.timeout(deadline)).list())
        .expectErrorSatisfies(
            error -> {
              assertThat(error).isInstanceOf(CoreTimeoutException.class);
              assertThat(((CoreTimeoutException) error).timeout()).isEqualTo(deadline);
            })
        .verify(Duration.ofSeconds(60));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isBetween(deadline, deadline.multipliedBy(50));
  }

  @Test
  void aLongListThatStallsMidBodyDeliversWhatArrivedThenEndsAtTheCallDeadline() {
    // Longer than what is collected and bound at once, so the elements stream as they arrive. The
    // body never ends: only the call's deadline can end the call, so the verdict does not depend on
    // how fast this machine is (the deadline is long enough to deliver the head on a busy one).
    String element =
        "{\"id\":\"a\",\"type\":\"ffmpeg\",\"reference\":\"\",\"created_at\":1,\"updated_at\":1},";
    int count = dev.corekit.core.internal.JsonArrayDecoder.WHOLE_LIMIT / element.length() + 10;
    String head = "[" + element.repeat(count);
    server.on(
        "GET /api/v3/process",
        (request, response) ->
            response
                .header("Content-Type", "application/json")
                .sendString(
                    reactor.core.publisher.Flux.concat(
                        reactor.core.publisher.Mono.just(head),
                        reactor.core.publisher.Mono.delay(Duration.ofMinutes(5))
                            .map(tick -> "]"))));
    StepVerifier.create(
            client.processes().with(RequestOptions.timeout(Duration.ofSeconds(5))).list())
        .expectNextCount(count)
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(CoreTimeoutException.class)
                    .hasMessageContaining("within 5000 ms"))
        .verify(Duration.ofSeconds(60));
  }

  @Test
  void aListThatAnnouncesMoreThanTheOnePassLimitStreamsBeforeTheBodyEnds() {
    // With a Content-Length over the limit the decoder streams from the first byte: a body that
    // stalls after a few elements still delivers them, then ends at the call's deadline.
    String element =
        "{\"id\":\"a\",\"type\":\"ffmpeg\",\"reference\":\"\",\"created_at\":1,\"updated_at\":1},";
    String head = "[" + element.repeat(3);
    int length = dev.corekit.core.internal.JsonArrayDecoder.WHOLE_LIMIT + 1;
    server.on(
        "GET /api/v3/process",
        (request, response) ->
            response
                .header("Content-Type", "application/json")
                .header("Content-Length", Integer.toString(length))
                .sendString(
                    reactor.core.publisher.Flux.concat(
                        reactor.core.publisher.Mono.just(head),
                        reactor.core.publisher.Mono.delay(Duration.ofMinutes(5))
                            .map(tick -> "]"))));
    StepVerifier.create(
            client.processes().with(RequestOptions.timeout(Duration.ofSeconds(5))).list())
        .expectNextCount(3)
        .expectError(CoreTimeoutException.class)
        .verify(Duration.ofSeconds(60));
  }

  /** Answers with a Content-Length, or chunked in two parts, the same bytes. */
  private static org.reactivestreams.Publisher<Void> answer(
      reactor.netty.http.server.HttpServerResponse response, byte[] body, boolean chunked) {
    response.header("Content-Type", "application/json");
    if (!chunked) {
      return response
          .header("Content-Length", Integer.toString(body.length))
          .sendByteArray(reactor.core.publisher.Mono.just(body));
    }
    int half = body.length / 2;
    return response
        .header("Transfer-Encoding", "chunked")
        .sendByteArray(
            reactor.core.publisher.Flux.just(
                java.util.Arrays.copyOfRange(body, 0, half),
                java.util.Arrays.copyOfRange(body, half, body.length)));
  }

  @Test
  void aMalformedListFailsWithTheSameMessageWithContentLengthAndChunkedFraming() {
    String element =
        "{\"id\":\"a\",\"type\":\"ffmpeg\",\"reference\":\"\",\"created_at\":1,\"updated_at\":1}";
    String[] bodies = {
      "[" + element + "," + element.replace("\"type\":", "\"type\" ") + "]",
      "[" + element + " " + element + "]",
      "[" + element + ",",
      "{\"id\":\"a\"}"
    };
    for (String body : bodies) {
      byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      List<String> messages = new java.util.ArrayList<>();
      for (boolean chunked : new boolean[] {false, true}) {
        server.on("GET /api/v3/process", (request, response) -> answer(response, bytes, chunked));
        Throwable error =
            org.junit.jupiter.api.Assertions.assertThrows(
                CoreProtocolException.class,
                () -> client.processes().list().collectList().block(Duration.ofSeconds(30)));
        messages.add(error.getMessage());
      }
      assertThat(messages.get(0))
          .as(body)
          .startsWith("GET /api/v3/process")
          .contains(": malformed answer at byte ")
          .isEqualTo(messages.get(1));
    }
    // Every failed answer freed its connection: the client still answers.
    server.json("GET /api/v3/process", 200, "[" + element + "]");
    StepVerifier.create(client.processes().list())
        .expectNextCount(1)
        .expectComplete()
        .verify(Duration.ofSeconds(30));
  }

  @Test
  void listsJustWithinAndJustOverTheOnePassLimitDecodeWithBothFramings() {
    String element =
        "{\"id\":\"a\",\"type\":\"ffmpeg\",\"reference\":\"\",\"created_at\":1,\"updated_at\":1}";
    int limit = dev.corekit.core.internal.JsonArrayDecoder.WHOLE_LIMIT;
    int count = limit / (element.length() + 1) - 1;
    String list = "[" + (element + ",").repeat(count) + element + "]";
    for (int size : new int[] {limit, limit + 1}) {
      // Padded with white space after the array to the exact size.
      byte[] bytes =
          (list + " ".repeat(size - list.length()))
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      for (boolean chunked : new boolean[] {false, true}) {
        server.on("GET /api/v3/process", (request, response) -> answer(response, bytes, chunked));
        StepVerifier.create(client.processes().list())
            .expectNextCount(count + 1)
            .as(size + " bytes, " + (chunked ? "chunked" : "with a Content-Length"))
            .expectComplete()
            .verify(Duration.ofSeconds(60));
      }
    }
  }

  @Test
  void aShortListThatStallsMidBodyEndsAtTheCallDeadline() {
    // The body never ends within the test: a list (or no error) would mean the deadline failed.
    server.on(
        "GET /api/v3/process",
        (request, response) ->
            response
                .header("Content-Type", "application/json")
                .sendString(
                    reactor.core.publisher.Flux.concat(
                        reactor.core.publisher.Mono.just(
                            "[{\"id\":\"a\",\"type\":\"ffmpeg\",\"reference\":\"\",\"created_at\":1,\"updated_at\":1},"),
                        reactor.core.publisher.Mono.delay(Duration.ofMinutes(5))
                            .map(tick -> "]"))));
    StepVerifier.create(
            client.processes().with(RequestOptions.timeout(Duration.ofMillis(400))).list())
        .expectError(CoreTimeoutException.class)
        .verify(Duration.ofSeconds(60));
  }

  @Test
  void reachesAServerOnAOneDigitPort() {
    try (CoreClient onPortOne =
        CoreClient.builder().baseUrl("http://127.0.0.1:1").retry(RetryPolicy.NONE).build()) {
      StepVerifier.create(onPortOne.about().ping())
          .expectErrorSatisfies(
              error ->
                  assertThat(error)
                      .isInstanceOf(CoreConnectException.class)
                      .hasMessageContaining("127.0.0.1:1")
                      .hasMessageNotContaining("resolve"))
          .verify(Duration.ofSeconds(10));
    }
  }

  @Test
  void keepsUnknownEnumValues() {
    server.json(
        "GET /api/v3/process",
        200,
        "[{\"id\":\"b\",\"type\":\"gstreamer\",\"reference\":\"\",\"created_at\":2,\"updated_at\":2}]");
    List<CoreProcess> processes =
        client.processes().list().collectList().block(Duration.ofSeconds(5));
    assertThat(processes).hasSize(1);
    assertThat(processes.get(0).type().value()).isEqualTo("gstreamer");
    assertThat(processes.get(0).type().isKnown()).isFalse();
  }
}
