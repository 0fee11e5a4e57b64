package dev.corekit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventsTest {
  private static CoreSimulator sim;
  private static Http http;

  @BeforeAll
  static void start() {
    sim =
        CoreSimulator.builder()
            .eventKeepalive(Duration.ofMillis(200))
            .processStartDelay(Duration.ofMillis(50))
            .build()
            .start();
    http = new Http(sim).login("admin", "datarhei");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static HttpResponse<Stream<String>> open(String path, String body, String accept)
      throws Exception {
    HttpRequest.Builder b =
        http.request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (accept != null) {
      b.header("Accept", accept);
    }
    return http.client.send(b.build(), HttpResponse.BodyHandlers.ofLines());
  }

  /** Reads lines until one matches; keepalives every 200 ms bound each read. */
  private static String awaitLine(
      Iterator<String> lines, Predicate<String> match, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end && lines.hasNext()) {
      String line = lines.next();
      if (match.test(line)) {
        return line;
      }
    }
    throw new AssertionError("no matching line within " + timeout);
  }

  @Test
  void ndjsonStreamSendsKeepalivesAndProcessEvents() throws Exception {
    HttpResponse<Stream<String>> r =
        open(
            "/api/v3/events",
            "{\"filters\":[{\"event\":\"process\"}]}",
            "application/x-json-stream");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValue("application/x-json-stream; charset=UTF-8");
    assertThat(r.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    long aborts = sim.stats().clientAborts();
    try (Stream<String> body = r.body()) {
      Iterator<String> lines = body.iterator();
      assertThat(lines.next()).isEqualTo("{\"event\": \"keepalive\"}");
      http.post(
          "/api/v3/process",
          Http.processJson("evt").replace("\"autostart\":false", "\"autostart\":true"));
      JsonNode created =
          Http.JSON.readTree(
              awaitLine(lines, l -> l.contains("\"Created\""), Duration.ofSeconds(5)));
      assertThat(created.get("event").asText()).isEqualTo("process");
      assertThat(created.get("level").asText()).isEqualTo("INFO");
      assertThat(created.get("data").get("id").asText()).isEqualTo("evt");
      assertThat(created.get("core_id").asText()).isNotEmpty();
      assertThat(created.get("ts").isIntegralNumber()).isTrue();
      assertThat(created.has("caller")).isTrue();
      awaitLine(lines, l -> l.contains("\"Started\""), Duration.ofSeconds(5));
      awaitLine(lines, l -> l.equals("{\"event\": \"keepalive\"}"), Duration.ofSeconds(5));
    }
    // closing the stream closes the connection, which the simulator sees
    assertThat(Http.await(() -> sim.stats().clientAborts() > aborts, Duration.ofSeconds(5)))
        .isTrue();
    http.delete("/api/v3/process/evt");
  }

  @Test
  void withoutAcceptItIsServerSentEvents() throws Exception {
    HttpResponse<Stream<String>> r = open("/api/v3/events", "{}", null);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=UTF-8");
    try (Stream<String> body = r.body()) {
      Iterator<String> lines = body.iterator();
      assertThat(lines.next()).isEqualTo(":keepalive");
      http.put("/api/v3/metadata/x", "1");
      http.post("/api/v3/process", Http.processJson("sse"));
      awaitLine(lines, l -> l.equals("event: process"), Duration.ofSeconds(5));
      assertThat(lines.next()).startsWith("data: {\"ts\":");
    }
    http.delete("/api/v3/process/sse");
  }

  @Test
  void processEventsCarryProgressOfRunningProcesses() throws Exception {
    http.post(
        "/api/v3/process",
        Http.processJson("pev").replace("\"autostart\":false", "\"autostart\":true"));
    HttpResponse<Stream<String>> r =
        open("/api/v3/events/process", "{}", "application/x-json-stream");
    try (Stream<String> body = r.body()) {
      Iterator<String> lines = body.iterator();
      assertThat(lines.next()).isEqualTo("{\"type\":\"keepalive\"}");
      JsonNode progress =
          Http.JSON.readTree(
              awaitLine(lines, l -> l.contains("\"progress\""), Duration.ofSeconds(5)));
      assertThat(progress.get("pid").asText()).isEqualTo("pev");
      assertThat(progress.get("progress").has("output")).isTrue();
      // as Core 16.20 sends them; the client's event model requires both
      assertThat(progress.at("/progress/input/0/avstream").has("enabled")).isTrue();
      assertThat(progress.at("/progress/output/0").has("q")).isTrue();
      JsonNode line =
          Http.JSON.readTree(
              awaitLine(lines, l -> l.contains("\"type\":\"line\""), Duration.ofSeconds(5)));
      assertThat(line.get("line").asText()).startsWith("frame=");
    }
    http.delete("/api/v3/process/pev");
  }

  @Test
  void requiresAJsonBodyAndDoesNotExistIn1616() {
    assertThat(http.send("POST", "/api/v3/events", null, "application/json").json().toString())
        .isEqualTo(
            "{\"code\":400,\"message\":\"Bad Request\",\"details\":[\"invalid JSON: request doesn't contain any content\"]}");
    assertThat(http.send("POST", "/api/v3/events", "{}", "text/plain").status()).isEqualTo(400);
    assertThat(http.post("/api/v3/events/media/nope", "{}").status()).isEqualTo(404);
    try (CoreSimulator old =
        CoreSimulator.builder().coreVersion(CoreVersion.V16_16).build().start()) {
      Http h = new Http(old).login("admin", "datarhei");
      assertThat(h.post("/api/v3/events", "{}").json().toString())
          .isEqualTo("{\"code\":404,\"message\":\"Not Found\",\"details\":[\"Not Found\"]}");
      assertThat(h.get("/api/v3/iam/user").status()).isEqualTo(404);
    }
  }
}
