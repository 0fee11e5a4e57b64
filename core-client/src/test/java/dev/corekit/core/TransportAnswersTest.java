package dev.corekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * How the transport reads answers real servers give: a JSON {@code null} for a map, Core's error
 * body with status 200 on a text operation, public operations a server protects anyway, and what
 * the errors say when the URL leads nowhere, to a plain-HTTP server, or to a server that is not
 * Core.
 */
class TransportAnswersTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final RecordingServer server = new RecordingServer();

  @AfterEach
  void close() {
    server.close();
  }

  private CoreClient.Builder client() {
    return CoreClient.builder().baseUrl(server.baseUrl()).retry(RetryPolicy.NONE);
  }

  private void loginAnswersTokens() {
    server.json(
        "POST /api/login",
        200,
        "{\"access_token\":\""
            + OperationPerTagTest.jwt("access", 600)
            + "\",\"refresh_token\":\""
            + OperationPerTagTest.jwt("refresh", 6000)
            + "\"}");
  }

  // ---- item 5: null bodies ----

  @Test
  void aJsonNullForAMapResultIsAnEmptyMap() {
    // Core 16.16 answers GET /api/v3/process/{id}/metadata of a process without metadata so.
    server.json("GET /api/v3/process/p1/metadata", 200, "null");
    try (CoreClient client = client().build()) {
      StepVerifier.create(client.processes().getMetadata("p1"))
          .assertNext(all -> assertThat(all).isEmpty())
          .expectComplete()
          .verify(WAIT);
    }
  }

  @Test
  void anEmptyBodyForAMapResultIsAnEmptyMapToo() {
    server.on(
        "GET /api/v3/metadata",
        (request, response) ->
            response.status(200).header("Content-Type", "application/json").send());
    try (CoreClient client = client().build()) {
      StepVerifier.create(client.metadata().getAll())
          .assertNext(all -> assertThat(all).isEmpty())
          .expectComplete()
          .verify(WAIT);
    }
  }

  @Test
  void aJsonNullForAListIsNoElement() {
    server.json("GET /api/v3/process", 200, "null");
    try (CoreClient client = client().build()) {
      StepVerifier.create(client.processes().list()).expectComplete().verify(WAIT);
    }
  }

  // ---- item 8: /metrics ----

  @Test
  void aTextOperationAnsweredWithCoresErrorBodyFailsWithTheMatchingException() {
    // Core 16.10 with Prometheus off: status 200, and its error body.
    server.json(
        "GET /metrics",
        200,
        "{\"code\":404,\"message\":\"File not found\",\"details\":[\"/metrics\"]}");
    try (CoreClient client = client().build()) {
      StepVerifier.create(client.metrics().prometheus())
          .expectErrorSatisfies(
              error ->
                  assertThat(error)
                      .isInstanceOf(CoreNotFoundException.class)
                      .hasMessage("GET /metrics answered 404 File not found: /metrics")
                      .satisfies(e -> assertThat(((CoreApiException) e).status()).isEqualTo(404)))
          .verify(WAIT);
    }
  }

  @Test
  void aTextOperationStillReadsTextThatLooksLikeJson() {
    server.on(
        "GET /metrics",
        (request, response) ->
            response
                .header("Content-Type", "text/plain")
                .sendString(Mono.just("{\"code\":200}\n"), StandardCharsets.UTF_8));
    try (CoreClient client = client().build()) {
      StepVerifier.create(client.metrics().prometheus())
          .expectNext("{\"code\":200}\n")
          .expectComplete()
          .verify(WAIT);
    }
  }

  @Test
  void aPublicOperationThatTheServerProtectsLogsInAndIsSentAgainWithTheToken() {
    // Core 16.20's default policy denies anonymous calls of /metrics and the widget.
    loginAnswersTokens();
    server.on(
        "GET /metrics",
        (request, response) ->
            request.headers.contains("Authorization")
                ? response
                    .header("Content-Type", "text/plain")
                    .sendString(Mono.just("core_up 1\n"), StandardCharsets.UTF_8)
                : RecordingServer.json(
                    response,
                    401,
                    "{\"code\":401,\"message\":\"Unauthorized\",\"details\":[\"authentication"
                        + " required\"]}"));
    try (CoreClient client = client().credentials("admin", "pw").build()) {
      StepVerifier.create(client.metrics().prometheus())
          .expectNext("core_up 1\n")
          .expectComplete()
          .verify(WAIT);
    }
    assertThat(server.requests("GET /metrics")).hasSize(2);
    assertThat(server.requests("GET /metrics").get(1).headers.get("Authorization"))
        .startsWith("Bearer ");
    assertThat(server.requests("POST /api/login")).hasSize(1);
  }

  @Test
  void aPublicOperationCarriesTheTokenTheClientHolds() {
    String token = OperationPerTagTest.jwt("access", 600);
    server.on(
        "GET /ping",
        (request, response) ->
            response
                .header("Content-Type", "text/plain")
                .sendString(Mono.just("pong"), StandardCharsets.UTF_8));
    try (CoreClient client = client().tokens(token, null).build()) {
      StepVerifier.create(client.about().ping()).expectNext("pong").expectComplete().verify(WAIT);
    }
    assertThat(server.requests("GET /ping").get(0).headers.get("Authorization"))
        .isEqualTo("Bearer " + token);
  }

  @Test
  void aPublicOperationRefusedDespiteTheTokenLeavesTheTokenInUseForLaterCalls() {
    // Core 16.20 answers /metrics with 401 while Prometheus is off, whatever the token.
    String token = OperationPerTagTest.jwt("access", 600);
    server.json("GET /metrics", 401, "{\"code\":401,\"message\":\"Unauthorized\",\"details\":[]}");
    server.json("GET /api/v3/process", 200, "[]");
    try (CoreClient client = client().tokens(token, null).build()) {
      StepVerifier.create(client.metrics().prometheus())
          .expectError(CoreAuthenticationException.class)
          .verify(WAIT);
      StepVerifier.create(client.processes().list()).expectComplete().verify(WAIT);
    }
    assertThat(server.requests("GET /api/v3/process").get(0).headers.get("Authorization"))
        .isEqualTo("Bearer " + token);
  }

  @Test
  void aPublicOperationThatTheServerAnswersNeverLogsIn() {
    loginAnswersTokens();
    server.on(
        "GET /ping",
        (request, response) ->
            response
                .header("Content-Type", "text/plain")
                .sendString(Mono.just("pong"), StandardCharsets.UTF_8));
    try (CoreClient client = client().credentials("admin", "pw").build()) {
      StepVerifier.create(client.about().ping()).expectNext("pong").expectComplete().verify(WAIT);
    }
    assertThat(server.requests("POST /api/login")).isEmpty();
    assertThat(server.requests("GET /ping").get(0).headers.contains("Authorization")).isFalse();
  }

  // ---- item 9: errors in the user's words ----

  @Test
  void aRefusedConnectionNamesTheServer() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (CoreClient client =
        CoreClient.builder().baseUrl("http://127.0.0.1:" + port).retry(RetryPolicy.NONE).build()) {
      StepVerifier.create(client.about().about())
          .expectErrorSatisfies(
              error ->
                  assertThat(error)
                      .isInstanceOf(CoreConnectException.class)
                      .hasMessageStartingWith("GET /api: connection refused by 127.0.0.1:" + port)
                      .hasMessageNotContaining("Exception")
                      .hasMessageNotContaining("error(-111)"))
          .verify(WAIT);
    }
  }

  @Test
  void httpsToAPlainHttpServerSaysItDoesNotSpeakTls() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread answering =
          new Thread(
              () -> {
                // Like Core: a TLS hello is no HTTP request, so it answers 400 in plain text.
                try (Socket s = plain.accept()) {
                  InputStream in = s.getInputStream();
                  in.read(new byte[512]);
                  OutputStream out = s.getOutputStream();
                  out.write(
                      ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"
                              + "Connection: close\r\n\r\n400 Bad Request")
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (java.io.IOException ignored) {
                  // the test ends either way
                }
              },
              "plain-http-server");
      answering.setDaemon(true);
      answering.start();
      String server = "127.0.0.1:" + plain.getLocalPort();
      try (CoreClient client =
          CoreClient.builder().baseUrl("https://" + server).retry(RetryPolicy.NONE).build()) {
        StepVerifier.create(client.about().ping())
            .expectErrorSatisfies(
                error ->
                    assertThat(error)
                        .isInstanceOf(CoreConnectException.class)
                        .hasMessage(
                            "GET /ping: "
                                + server
                                + " does not speak TLS (it answered in plain text): use http://"
                                + server
                                + " instead of https://"))
            .verify(WAIT);
      }
    }
  }

  @Test
  void aServerThatIsNotCoreIsNamedSo() {
    String page =
        "<!DOCTYPE HTML>\n<html><head><title>Error response</title></head>"
            + "<body><h1>Error response</h1><p>Error code: 404</p></body></html>";
    server.on(
        "GET /api",
        (request, response) ->
            response
                .status(404)
                .header("Content-Type", "text/html;charset=utf-8")
                .sendString(Mono.just(page), StandardCharsets.UTF_8));
    server.on(
        "GET /api/v3/process",
        (request, response) ->
            response
                .header("Content-Type", "text/html")
                .sendString(Mono.just(page), StandardCharsets.UTF_8));
    try (CoreClient client = client().build()) {
      StepVerifier.create(client.about().about())
          .expectErrorSatisfies(
              error ->
                  assertThat(error)
                      .isInstanceOf(CoreProtocolException.class)
                      .hasMessage(
                          "not a datarhei Core server at "
                              + server.baseUrl()
                              + ": GET /api answered 404 text/html (Error response)"))
          .verify(WAIT);
      StepVerifier.create(client.processes().list())
          .expectErrorSatisfies(
              error ->
                  assertThat(error)
                      .isInstanceOf(CoreProtocolException.class)
                      .hasMessageStartingWith("not a datarhei Core server at " + server.baseUrl()))
          .verify(WAIT);
    }
  }

  @Test
  void aProxysErrorPageKeepsItsStatusAndShowsItsTitle() {
    server.on(
        "GET /api",
        (request, response) ->
            response
                .status(502)
                .header("Content-Type", "text/html")
                .sendString(
                    Mono.just("<html>\r\n<head><title>502 Bad Gateway</title></head></html>"),
                    StandardCharsets.UTF_8));
    try (CoreClient client = client().build()) {
      StepVerifier.create(client.about().about())
          .expectErrorSatisfies(
              error ->
                  assertThat(error)
                      .isInstanceOf(CoreApiException.class)
                      .hasMessage("GET /api answered 502 text/html (502 Bad Gateway)"))
          .verify(WAIT);
    }
  }

  @Test
  void anErrorBodyQuotingACommandLineShowsNoPassword() {
    server.json(
        "POST /api/v3/process",
        400,
        "{\"code\":400,\"message\":\"invalid output\",\"details\":[\"http://admin:s3cr3t-pw@127.0.0.1:8080/memfs/x.m3u8\"]}");
    try (CoreClient client = client().build()) {
      StepVerifier.create(
              client
                  .processes()
                  .create(
                      dev.corekit.core.model.ProcessConfig.builder()
                          .id("x")
                          .addInput(
                              dev.corekit.core.model.ProcessConfigIo.builder()
                                  .id("in")
                                  .address("testsrc2")
                                  .build())
                          .addOutput(
                              dev.corekit.core.model.ProcessConfigIo.builder()
                                  .id("out")
                                  .address("{memfs}/x.m3u8")
                                  .build())
                          .build()))
          .expectErrorSatisfies(
              error ->
                  assertThat(error)
                      .isInstanceOf(CoreBadRequestException.class)
                      .hasMessageNotContaining("s3cr3t-pw")
                      .hasMessageContaining("http://admin:***@127.0.0.1:8080/memfs/x.m3u8")
                      .satisfies(
                          e ->
                              assertThat(((CoreApiException) e).details())
                                  .noneMatch(d -> d.contains("s3cr3t-pw"))))
          .verify(WAIT);
    }
  }
}
