package dev.corekit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultTest {
  private static CoreSimulator sim;
  private static Http http;

  @BeforeAll
  static void start() {
    sim = CoreSimulator.builder().build().start();
    http = new Http(sim).login("admin", "datarhei");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void clear() {
    sim.faults().clear();
  }

  @Test
  void latencyDelaysTheAnswer() {
    // Long enough that the undelayed second answer (a few ms) stays below it on a busy machine.
    Duration latency = Duration.ofSeconds(2);
    sim.faults().on("GET /api/v3/skills").times(1).inject(Fault.latency(latency));
    long start = System.nanoTime();
    assertThat(http.get("/api/v3/skills").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(latency);
    start = System.nanoTime();
    http.get("/api/v3/skills");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(latency);
  }

  @Test
  void resetBeforeResponseDoesNotProcessThePost() {
    Faults.Rule rule =
        sim.faults().on("POST /api/v3/process").times(1).inject(Fault.resetBeforeResponse());
    long before = sim.stats().posts("/api/v3/process");
    assertThatThrownBy(() -> http.post("/api/v3/process", Http.processJson("reset-before")))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(rule.hits()).isEqualTo(1);
    assertThat(sim.faults().rules()).isEmpty();
    assertThat(sim.stats().posts("/api/v3/process")).isEqualTo(before + 1);
    assertThat(http.get("/api/v3/process/reset-before").status()).isEqualTo(404);
  }

  @Test
  void resetAfterProcessingCreatesTheProcessButGivesNoAnswer() {
    sim.faults().on("POST /api/v3/process").times(1).inject(Fault.resetAfterProcessing());
    assertThatThrownBy(() -> http.post("/api/v3/process", Http.processJson("reset-after")))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(http.get("/api/v3/process/reset-after").status()).isEqualTo(200);
    http.delete("/api/v3/process/reset-after");
  }

  @Test
  void resetMidBodyCutsTheResponse() {
    sim.faults().on("GET /api/v3/skills").times(1).inject(Fault.resetMidBody(100));
    assertThatThrownBy(() -> http.get("/api/v3/skills")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void statusBurstAndTooManyRequests() {
    sim.faults().on("GET /api/v3/process").times(2).inject(Fault.status(503));
    Http.Resp first = http.get("/api/v3/process");
    assertThat(first.status()).isEqualTo(503);
    assertThat(first.body())
        .isEqualTo("{\"code\":503,\"message\":\"Service Unavailable\",\"details\":[]}");
    assertThat(http.get("/api/v3/process").status()).isEqualTo(503);
    assertThat(http.get("/api/v3/process").status()).isEqualTo(200);

    sim.faults().on("* /api/v3/process/*").times(1).inject(Fault.tooManyRequests(7));
    Http.Resp limited = http.get("/api/v3/process/x");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("7");
  }

  @Test
  void truncatedMalformedAndWrongContentType() {
    String full = http.get("/api/v3/skills").body();
    sim.faults().on("GET /api/v3/skills").times(1).inject(Fault.truncatedJson());
    Http.Resp truncated = http.get("/api/v3/skills");
    assertThat(truncated.status()).isEqualTo(200);
    assertThat(truncated.body()).hasSize(full.length() / 2);
    assertThatThrownBy(truncated::json).isInstanceOf(UncheckedIOException.class);

    sim.faults().on("GET /api/v3/skills").times(1).inject(Fault.malformedJson());
    assertThatThrownBy(http.get("/api/v3/skills")::json).isInstanceOf(UncheckedIOException.class);

    sim.faults()
        .on("GET /api/v3/skills")
        .times(1)
        .inject(Fault.wrongContentType("text/html; charset=UTF-8"));
    Http.Resp html = http.get("/api/v3/skills");
    assertThat(html.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
    assertThat(html.body()).isEqualTo(full);

    sim.faults().on("GET /api/v3/process").times(1).inject(Fault.truncatedJson());
    assertThat(http.get("/api/v3/process").status()).isEqualTo(200);
  }

  @Test
  void slowBodyArrivesInPieces() {
    sim.faults().on("GET /ping").times(1).inject(Fault.slowBody(1, Duration.ofMillis(100)));
    long start = System.nanoTime();
    assertThat(http.get("/ping").body()).isEqualTo("pong");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void stallKeepsTheConnectionUntilTheClientClosesIt() throws Exception {
    sim.faults().on("GET /api/v3/skills").times(1).inject(Fault.stall(10));
    long aborts = sim.stats().clientAborts();
    try (Socket s = rawGet("/api/v3/skills")) {
      String head = readHead(s.getInputStream());
      assertThat(head).startsWith("HTTP/1.1 200");
      byte[] ten = s.getInputStream().readNBytes(10);
      assertThat(ten).hasSize(10);
      assertThat(sim.stats().clientAborts()).isEqualTo(aborts);
    }
    assertThat(Http.await(() -> sim.stats().clientAborts() == aborts + 1, Duration.ofSeconds(5)))
        .isTrue();
  }

  @Test
  void clientClosingDuringLatencyCountsAsAbortAndConnectionCloses() throws Exception {
    sim.faults().on("GET /api/v3/config").times(1).inject(Fault.latency(Duration.ofSeconds(30)));
    long aborts = sim.stats().clientAborts();
    try (Socket s = rawGet("/api/v3/config")) {
      assertThat(s.isConnected()).isTrue();
      assertThat(
              Http.await(
                  () -> sim.stats().requests("GET /api/v3/config") > 0, Duration.ofSeconds(5)))
          .isTrue();
    }
    assertThat(Http.await(() -> sim.stats().clientAborts() == aborts + 1, Duration.ofSeconds(5)))
        .isTrue();
  }

  @Test
  void probabilityFaultsRepeatWithTheSameSeed() {
    List<Integer> first = pattern(42);
    List<Integer> second = pattern(42);
    assertThat(first).isEqualTo(second).contains(200, 500);
  }

  private List<Integer> pattern(long seed) {
    sim.faults().clear();
    sim.faults().on("GET /ping").probability(0.5, seed).inject(Fault.status(500));
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      codes.add(http.get("/ping").status());
    }
    return codes;
  }

  @Test
  void refreshFailsOnce() {
    Http h = new Http(sim);
    h.token = sim.issueTokens().refreshToken();
    sim.faults().failNextRefresh(500);
    assertThat(h.get("/api/login/refresh").status()).isEqualTo(500);
    assertThat(h.get("/api/login/refresh").status()).isEqualTo(200);
  }

  @Test
  void adminEndpointIsOffByDefaultAndControlsFaultsWhenOn() {
    assertThat(http.get("/_sim/stats").status()).isIn(403, 404);
    try (CoreSimulator admin = CoreSimulator.builder().admin(true).build().start()) {
      Http h = new Http(admin);
      assertThat(
              h.post(
                      "/_sim/faults",
                      "{\"route\":\"GET /ping\",\"fault\":\"status\",\"status\":502,\"times\":1}")
                  .status())
          .isEqualTo(200);
      assertThat(h.get("/_sim/faults").json().size()).isEqualTo(1);
      assertThat(h.get("/ping").status()).isEqualTo(502);
      assertThat(h.get("/ping").status()).isEqualTo(200);
      assertThat(h.get("/_sim/stats").json().get("requests_by_path").get("GET /ping").asLong())
          .isEqualTo(2);
      assertThat(h.get("/_sim/requests").json().get(0).get("raw_path").asText()).isEqualTo("/ping");
      assertThat(h.post("/_sim/faults", "{\"route\":\"GET /ping\",\"fault\":\"bogus\"}").status())
          .isEqualTo(400);
      assertThat(h.post("/_sim/seed?processes=5", "").status()).isEqualTo(200);
      h.login("admin", "datarhei");
      assertThat(h.get("/api/v3/process?filter=metadata").json().size()).isEqualTo(5);
      assertThat(h.delete("/_sim/faults").status()).isEqualTo(200);
      int port = admin.port();
      assertThat(h.post("/_sim/restart?downtime_ms=100", "").status()).isEqualTo(202);
      assertThat(
              Http.await(() -> ping(h) && admin.stats().connections() >= 2, Duration.ofSeconds(5)))
          .isTrue();
      assertThat(admin.port()).isEqualTo(port);
    }
  }

  private static boolean ping(Http h) {
    try {
      return h.get("/ping").status() == 200;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  @Test
  void cannedResponses() {
    sim.faults()
        .on("GET /api")
        .times(1)
        .inject(Fault.respond(502, "text/html", "<html>bad gateway</html>"));
    Http.Resp r = http.get("/api");
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.header("Content-Type")).isEqualTo("text/html");
    assertThat(r.body()).isEqualTo("<html>bad gateway</html>");
  }

  @Test
  void servesManyConcurrentClients() throws Exception {
    List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> all =
        new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      all.add(
          http.client.sendAsync(
              http.request("/api/v3/process").GET().build(),
              java.net.http.HttpResponse.BodyHandlers.ofString()));
    }
    for (var f : all) {
      assertThat(f.get(20, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
  }

  private static Socket rawGet(String path) throws IOException {
    Socket s = new Socket("127.0.0.1", sim.port());
    s.setSoTimeout(10_000);
    String req =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + http.token
            + "\r\n\r\n";
    s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  static String readHead(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (!sb.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      sb.append((char) b);
    }
    return sb.toString();
  }
}
