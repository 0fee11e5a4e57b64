package dev.corekit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The releases the simulator plays: their numbers and order, and the behaviour that differs between
 * them where the recorded answers of real releases (checked in the integration tests) do not reach:
 * error bodies, writes, SRT channels, public files.
 */
class CoreVersionTest {
  private static CoreSimulator start(CoreVersion version) {
    return CoreSimulator.builder()
        .coreVersion(version)
        .processStartDelay(Duration.ZERO)
        .loginFailureDelay(Duration.ZERO)
        .build()
        .start();
  }

  @Test
  void parsesEveryReleaseNumberAndOrdersThem() {
    List<String> numbers = new ArrayList<>();
    for (CoreVersion v : CoreVersion.values()) {
      assertThat(CoreVersion.parse(v.number())).isSameAs(v);
      numbers.add(v.number());
    }
    assertThat(numbers)
        .containsExactly(
            "16.10.0", "16.10.1", "16.11.0", "16.12.0", "16.13.0", "16.13.1", "16.14.0", "16.15.0",
            "16.16.0", "16.20.0");
    assertThat(CoreVersion.parse("16.13")).isSameAs(CoreVersion.V16_13);
    assertThat(CoreVersion.parse(" v16.10.1 ")).isSameAs(CoreVersion.V16_10_1);
    assertThat(CoreVersion.V16_12.atLeast(CoreVersion.V16_12)).isTrue();
    assertThat(CoreVersion.V16_12.atLeast(CoreVersion.V16_13)).isFalse();
    assertThat(CoreVersion.V16_13_1.isBefore(CoreVersion.V16_14)).isTrue();
    assertThat(CoreVersion.V16_20.isBefore(CoreVersion.V16_20)).isFalse();
    assertThatThrownBy(() -> CoreVersion.parse("16.9.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16.9.0")
        .hasMessageContaining("16.10.0, 16.10.1");
  }

  @ParameterizedTest
  @EnumSource(CoreVersion.class)
  void reportsTheReleaseItPlays(CoreVersion version) {
    try (CoreSimulator sim = start(version)) {
      Http http = new Http(sim).login("admin", "datarhei");
      assertThat(sim.version()).isSameAs(version);
      assertThat(http.get("/api").json().path("version").path("number").asText())
          .isEqualTo(version.number());
    }
  }

  @Test
  void authenticationErrorsCarryTheReasonAsMessageBefore1614() {
    try (CoreSimulator old = start(CoreVersion.V16_13_1);
        CoreSimulator newer = start(CoreVersion.V16_14)) {
      assertThat(new Http(old).get("/api/v3/process").body())
          .isEqualTo("{\"code\":401,\"message\":\"Missing or invalid JWT token\",\"details\":[]}");
      assertThat(new Http(newer).get("/api/v3/process").body())
          .isEqualTo(
              "{\"code\":401,\"message\":\"Unauthorized\",\"details\":[\"Missing or invalid JWT token\"]}");
      String wrong = "{\"username\":\"admin\",\"password\":\"wrong\"}";
      assertThat(new Http(old).post("/api/login", wrong).body())
          .isEqualTo(
              "{\"code\":401,\"message\":\"Invalid authorization credentials\",\"details\":[\"invalid username or password\"]}");
      assertThat(new Http(old).post("/api/login", "{}").body())
          .isEqualTo(
              "{\"code\":400,\"message\":\"Missing authorization credentials\",\"details\":[]}");
      assertThat(new Http(newer).post("/api/login", wrong).json().path("details").get(0).asText())
          .isEqualTo("Invalid authorization credentials: invalid username or password");
    }
  }

  @Test
  void processUpdatesReplaceTheWholeConfigBefore1612AndMergeFrom1612() {
    try (CoreSimulator old = start(CoreVersion.V16_11);
        CoreSimulator newer = start(CoreVersion.V16_12)) {
      for (CoreSimulator sim : List.of(old, newer)) {
        Http http = new Http(sim).login("admin", "datarhei");
        assertThat(http.post("/api/v3/process", Http.processJson("p")).status()).isEqualTo(200);
        JsonNode cfg = http.get("/api/v3/process/p/config").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) cfg).remove("reference");
        ((com.fasterxml.jackson.databind.node.ObjectNode) cfg).remove("id");
        assertThat(http.put("/api/v3/process/p", cfg.toString()).status()).isEqualTo(200);
        String reference = http.get("/api/v3/process/p/config").json().path("reference").asText();
        assertThat(reference).isEqualTo(sim == old ? "" : "demo");
      }
    }
  }

  @Test
  void aProcessWithoutOutputsIsRefusedByTheRestreamerBefore1612() {
    String inputsOnly =
        "{\"id\":\"half\",\"input\":[{\"id\":\"in\",\"address\":\"testsrc2\"}],\"output\":[]}";
    try (CoreSimulator old = start(CoreVersion.V16_11);
        CoreSimulator newer = start(CoreVersion.V16_12)) {
      assertThat(
              new Http(old).login("admin", "datarhei").post("/api/v3/process", inputsOnly).body())
          .isEqualTo(
              "{\"code\":400,\"message\":\"Invalid process config\",\"details\":[\"at least one output must be defined for the process '#half'\"]}");
      assertThat(
              new Http(newer)
                  .login("admin", "datarhei")
                  .post("/api/v3/process", inputsOnly)
                  .json()
                  .path("message")
                  .asText())
          .isEqualTo("At least one input and one output need to be defined");
    }
  }

  @Test
  void filesystemsBefore1612HaveNoListNoOtherStoragesAndAPlainMem() {
    try (CoreSimulator old = start(CoreVersion.V16_11);
        CoreSimulator newer = start(CoreVersion.V16_12)) {
      Http o = new Http(old).login("admin", "datarhei");
      Http n = new Http(newer).login("admin", "datarhei");
      for (Http h : List.of(o, n)) {
        assertThat(h.send("PUT", "/api/v3/fs/mem/a.txt", "hello", "text/plain").status())
            .isEqualTo(201);
      }
      String notFound = "{\"code\":404,\"message\":\"Not Found\",\"details\":[\"Not Found\"]}";
      assertThat(o.get("/api/v3/fs").body()).isEqualTo(notFound);
      assertThat(o.get("/api/v3/fs/nope").body()).isEqualTo(notFound);
      assertThat(o.send("HEAD", "/api/v3/fs/mem/a.txt", null, null).status()).isEqualTo(405);
      assertThat(o.get("/api/v3/fs/mem/a.txt").header("Content-Type"))
          .isEqualTo("application/data");
      assertThat(n.get("/api/v3/fs").json().size()).isEqualTo(2);
      assertThat(n.get("/api/v3/fs/nope").json().path("message").asText())
          .isEqualTo("File not found");
      assertThat(n.send("HEAD", "/api/v3/fs/mem/a.txt", null, null).status()).isEqualTo(200);
      assertThat(n.get("/api/v3/fs/mem/a.txt").header("Content-Type")).startsWith("text/plain");
    }
  }

  @Test
  void aMissingDiskFileAnswers200Before1611AndFileNotFoundUntil1620() {
    try (CoreSimulator v1610 = start(CoreVersion.V16_10_1);
        CoreSimulator v1611 = start(CoreVersion.V16_11);
        CoreSimulator v1620 = start(CoreVersion.V16_20)) {
      String fileNotFound =
          "{\"code\":404,\"message\":\"File not found\",\"details\":[\"/metrics\"]}";
      Http.Resp old = new Http(v1610).get("/metrics");
      assertThat(old.status()).isEqualTo(200);
      assertThat(old.body()).isEqualTo(fileNotFound);
      assertThat(new Http(v1610).get("/live.m3u8").status()).isEqualTo(404); // not cached
      Http.Resp newer = new Http(v1611).get("/metrics");
      assertThat(newer.status()).isEqualTo(404);
      assertThat(newer.body()).isEqualTo(fileNotFound);
      assertThat(new Http(v1620).get("/metrics").json().path("message").asText())
          .isEqualTo("Not Found");
    }
  }

  @Test
  void aProcessPublishingToSrtIsAChannelInTheShapeOfTheRelease() {
    String publisher =
        "{\"id\":\"pub\",\"input\":[{\"id\":\"in\",\"address\":\"testsrc2\",\"options\":[\"-f\",\"lavfi\"]}],"
            + "\"output\":[{\"id\":\"out\",\"address\":\"srt://127.0.0.1:6000?mode=caller&streamid=live,mode:publish\","
            + "\"options\":[\"-f\",\"mpegts\"]}]}";
    try (CoreSimulator v1610 = start(CoreVersion.V16_10);
        CoreSimulator v1616 = start(CoreVersion.V16_16);
        CoreSimulator v1620 = start(CoreVersion.V16_20)) {
      Http h1610 = new Http(v1610).login("admin", "datarhei");
      Http h1616 = new Http(v1616).login("admin", "datarhei");
      Http h1620 = new Http(v1620).login("admin", "datarhei");
      assertThat(h1616.get("/api/v3/srt").body())
          .isEqualTo("{\"publisher\":{},\"subscriber\":{},\"connections\":{},\"log\":{}}");
      assertThat(h1620.get("/api/v3/srt").body()).isEqualTo("[]");
      for (Http h : List.of(h1610, h1616, h1620)) {
        assertThat(h.post("/api/v3/process", publisher).status()).isEqualTo(200);
      }

      JsonNode legacy = h1616.get("/api/v3/srt").json();
      long socket = legacy.path("publisher").path("live").asLong();
      assertThat(socket).isPositive();
      JsonNode stats = legacy.path("connections").path(Long.toString(socket)).path("stats");
      assertThat(stats.has("sent_unique_bytes")).isTrue();
      assertThat(stats.has("recv_loss_bytes")).isTrue();

      JsonNode oldStats =
          h1610.get("/api/v3/srt").json().path("connections").elements().next().path("stats");
      assertThat(oldStats.has("sent_unique__bytes")).isTrue();
      assertThat(oldStats.has("recv_loss__bytes")).isTrue();
      assertThat(oldStats.has("sent_unique_bytes")).isFalse();

      JsonNode channels = h1620.get("/api/v3/srt").json();
      assertThat(channels.size()).isEqualTo(1);
      assertThat(channels.get(0).path("name").asText()).isEqualTo("live");
      assertThat(channels.get(0).path("connections").has(channels.get(0).path("socketid").asText()))
          .isTrue();

      h1620.put("/api/v3/process/pub/command", "{\"command\":\"stop\"}");
      assertThat(h1620.get("/api/v3/srt").body()).isEqualTo("[]");
    }
  }

  @Test
  void configFieldsFollowTheRelease() {
    try (CoreSimulator v1610 = start(CoreVersion.V16_10);
        CoreSimulator v1612 = start(CoreVersion.V16_12);
        CoreSimulator v1620 = start(CoreVersion.V16_20)) {
      JsonNode c1610 = new Http(v1610).login("admin", "datarhei").get("/api/v3/config").json();
      JsonNode c1612 = new Http(v1612).login("admin", "datarhei").get("/api/v3/config").json();
      JsonNode c1620 = new Http(v1620).login("admin", "datarhei").get("/api/v3/config").json();
      assertThat(c1610.at("/config/tls").has("email")).isFalse();
      assertThat(c1610.at("/config/storage").has("s3")).isFalse();
      assertThat(c1610.at("/config/debug").has("memory_limit_mbytes")).isFalse();
      assertThat(c1612.at("/config/tls").has("email")).isTrue();
      assertThat(c1612.at("/config/storage").has("s3")).isTrue();
      assertThat(c1612.at("/config/storage/memory").has("backup")).isFalse();
      assertThat(c1612.at("/config").has("compress")).isFalse();
      assertThat(c1620.at("/config/storage/memory").has("backup")).isTrue();
      assertThat(c1620.at("/config").has("compress")).isTrue();
    }
  }
}
