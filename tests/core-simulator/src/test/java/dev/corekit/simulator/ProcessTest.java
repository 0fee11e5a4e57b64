package dev.corekit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProcessTest {
  private static CoreSimulator sim;
  private static Http http;

  @BeforeAll
  static void start() {
    sim = CoreSimulator.builder().processStartDelay(Duration.ofMillis(200)).build().start();
    http = new Http(sim).login("admin", "datarhei");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void createGetUpdateDeleteWithCoreStatusCodes() {
    Http.Resp created = http.post("/api/v3/process", Http.processJson("crud"));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().get("type").asText()).isEqualTo("ffmpeg");
    assertThat(created.json().get("limits").has("waitfor_seconds")).isTrue();
    Http.Resp dup = http.post("/api/v3/process", Http.processJson("crud"));
    assertThat(dup.json().toString())
        .isEqualTo(
            "{\"code\":400,\"message\":\"Invalid process config\",\"details\":[\"process already exists\"]}");

    JsonNode p = http.get("/api/v3/process/crud").json();
    assertThat(p.get("reference").asText()).isEqualTo("demo");
    assertThat(p.has("owner")).isTrue();
    assertThat(p.has("metadata")).isFalse();
    assertThat(p.get("report").toString())
        .isEqualTo("{\"created_at\":-62135596800,\"history\":[]}");
    assertThat(http.get("/api/v3/process/crud?filter=metadata").json().has("config")).isFalse();

    Http.Resp updated =
        http.put("/api/v3/process/crud", Http.processJson("crud").replace("\"demo\"", "\"other\""));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("reference").asText()).isEqualTo("other");
    assertThat(http.put("/api/v3/process/nope", Http.processJson("nope")).json().toString())
        .isEqualTo("{\"code\":404,\"message\":\"Process not found\",\"details\":[\"nope\"]}");

    assertThat(http.delete("/api/v3/process/crud").body()).isEqualTo("\"OK\"");
    assertThat(http.get("/api/v3/process/crud").json().toString())
        .isEqualTo(
            "{\"code\":404,\"message\":\"Unknown process ID\",\"details\":[\"unknown process\"]}");
    assertThat(http.delete("/api/v3/process/crud").status()).isEqualTo(404);
    assertThat(sim.stats().posts("/api/v3/process")).isEqualTo(2);
  }

  @Test
  void rejectsBadBodiesLikeCore() {
    Http.Resp noJson = http.send("POST", "/api/v3/process", Http.processJson("x"), "text/plain");
    assertThat(noJson.json().toString())
        .isEqualTo(
            "{\"code\":400,\"message\":\"Invalid JSON\",\"details\":[\"request doesn't contain JSON content\"]}");
    assertThat(http.post("/api/v3/process", "{bad").json().get("message").asText())
        .isEqualTo("Invalid JSON");
    assertThat(http.post("/api/v3/process", "{\"id\":5}").json().get("details").get(0).asText())
        .startsWith("expect type 'string' for 'id'");
    assertThat(http.post("/api/v3/process", "{\"id\":\"x\"}").json().toString())
        .isEqualTo(
            "{\"code\":400,\"message\":\"At least one input and one output need to be defined\",\"details\":[]}");
    String emptyAddress = Http.processJson("x5").replace("testsrc2=rate=25:size=640x360", "");
    assertThat(http.post("/api/v3/process", emptyAddress).json().get("details").get(0).asText())
        .isEqualTo("reference error for '#x5:in': empty address");
  }

  @Test
  void generatesIdsAndAppliesCoreDefaults() {
    Http.Resp r =
        http.post(
            "/api/v3/process",
            "{\"input\":[{\"address\":\"a\"}],\"output\":[{\"address\":\"b\"}]}");
    JsonNode c = r.json();
    assertThat(c.get("id").asText()).hasSize(22);
    assertThat(c.get("autostart").asBoolean()).isTrue();
    assertThat(c.get("reconnect").asBoolean()).isFalse();
    assertThat(c.get("input").get(0).get("id").asText()).hasSize(22);
    http.delete("/api/v3/process/" + c.get("id").asText());
  }

  @Test
  void commandsMoveTheStateFromStartingToRunningAndStopFinishesIt() {
    http.post("/api/v3/process", Http.processJson("cmd"));
    assertThat(http.put("/api/v3/process/cmd/command", "{\"command\":\"start\"}").body())
        .isEqualTo("\"OK\"");
    JsonNode st = http.get("/api/v3/process/cmd/state").json();
    assertThat(st.get("order").asText()).isEqualTo("start");
    assertThat(st.get("exec").asText()).isIn("starting", "running");
    assertThat(
            Http.await(
                () ->
                    http.get("/api/v3/process/cmd/state")
                        .json()
                        .get("exec")
                        .asText()
                        .equals("running"),
                Duration.ofSeconds(20)))
        .isTrue();
    assertThat(
            Http.await(
                () ->
                    http.get("/api/v3/process/cmd/state").json().get("runtime_seconds").asLong()
                            >= 1
                        && http.get("/api/v3/process/cmd/report").json().get("log").size() > 12,
                Duration.ofSeconds(20)))
        .isTrue();
    JsonNode running = http.get("/api/v3/process/cmd/state").json();
    assertThat(running.get("progress").get("frame").asLong()).isPositive();
    assertThat(running.get("progress").get("outputs").get(0).get("address").asText())
        .isEqualTo("pipe:");
    assertThat(running.get("pid").asInt()).isPositive();
    JsonNode report = http.get("/api/v3/process/cmd/report").json();
    assertThat(report.get("prelude").get(0).asText()).startsWith("ffmpeg version");
    JsonNode lastLine = report.get("log").get(report.get("log").size() - 1);
    assertThat(lastLine.get(0).asText()).matches("\\d+");
    assertThat(lastLine.get(1).asText()).startsWith("frame=");

    http.put("/api/v3/process/cmd/command", "{\"command\":\"stop\"}");
    JsonNode stopped = http.get("/api/v3/process/cmd/state").json();
    assertThat(stopped.get("exec").asText()).isEqualTo("finished");
    assertThat(stopped.get("last_logline").asText())
        .isEqualTo("Exiting normally, received signal 2.");
    assertThat(stopped.get("pid").asInt()).isEqualTo(-1);
    // starting again moves the previous report to the history
    http.put("/api/v3/process/cmd/command", "{\"command\":\"start\"}");
    assertThat(http.get("/api/v3/process/cmd/report").json().get("history").size()).isEqualTo(1);
    assertThat(
            http.put("/api/v3/process/cmd/command", "{\"command\":\"jump\"}")
                .json()
                .get("message")
                .asText())
        .isEqualTo("Unknown command provided");
    assertThat(
            http.put("/api/v3/process/none/command", "{\"command\":\"start\"}").json().toString())
        .isEqualTo(
            "{\"code\":400,\"message\":\"Command failed\",\"details\":[\"unknown process\"]}");
    http.delete("/api/v3/process/cmd");
  }

  @Test
  void metadataPutGetAndNullDeletes() {
    http.post("/api/v3/process", Http.processJson("meta"));
    assertThat(http.put("/api/v3/process/meta/metadata/k", "{\"foo\":\"bar\",\"n\":1}").body())
        .isEqualTo("{\"foo\":\"bar\",\"n\":1}");
    assertThat(http.put("/api/v3/process/meta/metadata/s", "\"hello\"").body())
        .isEqualTo("\"hello\"");
    assertThat(http.get("/api/v3/process/meta/metadata/k").json().get("n").asInt()).isEqualTo(1);
    assertThat(http.get("/api/v3/process/meta/metadata").json().size()).isEqualTo(2);
    assertThat(http.get("/api/v3/process/meta").json().get("metadata").get("s").asText())
        .isEqualTo("hello");
    assertThat(http.put("/api/v3/process/meta/metadata/k", "null").body()).isEqualTo("null");
    assertThat(http.get("/api/v3/process/meta/metadata/k").json().toString())
        .isEqualTo(
            "{\"code\":404,\"message\":\"Unknown process ID\",\"details\":[\"unknown key\"]}");

    assertThat(http.put("/api/v3/metadata/global", "[1,2]").body()).isEqualTo("[1,2]");
    assertThat(http.get("/api/v3/metadata/global").body()).isEqualTo("[1,2]");
    http.put("/api/v3/metadata/global", "null");
    assertThat(http.get("/api/v3/metadata/global").json().toString())
        .isEqualTo(
            "{\"code\":404,\"message\":\"Metadata not found\",\"details\":[\"unknown key\"]}");
    http.delete("/api/v3/process/meta");
  }

  @Test
  void listFiltersByIdReferenceAndPatterns() {
    http.post("/api/v3/process", Http.processJson("list-a"));
    http.post("/api/v3/process", Http.processJson("list-b").replace("\"demo\"", "\"other\""));
    assertThat(ids(http.get("/api/v3/process?idpattern=list-*").json()))
        .containsExactly("list-a", "list-b");
    assertThat(ids(http.get("/api/v3/process?idpattern=list-*&reference=other").json()))
        .containsExactly("list-b");
    assertThat(ids(http.get("/api/v3/process?refpattern=dem?&idpattern=list-*").json()))
        .containsExactly("list-a");
    assertThat(ids(http.get("/api/v3/process?id=list-b,nope").json())).containsExactly("list-b");
    JsonNode filtered = http.get("/api/v3/process?id=list-a&filter=state").json().get(0);
    assertThat(filtered.has("state")).isTrue();
    assertThat(filtered.has("config")).isFalse();
    assertThat(http.get("/api/v3/process?idpattern=zzz*").body()).isEqualTo("[]");
    http.delete("/api/v3/process/list-a");
    http.delete("/api/v3/process/list-b");
  }

  @Test
  void probeValidateReportAndWidget() {
    http.post("/api/v3/process", Http.processJson("probe"));
    assertThat(
            http.get("/api/v3/process/probe/probe")
                .json()
                .get("streams")
                .get(0)
                .get("url")
                .asText())
        .isEqualTo("testsrc2=rate=25:size=640x360");
    assertThat(http.get("/api/v3/process/nope/probe").json().toString())
        .isEqualTo("{\"streams\":[],\"log\":[\"Unknown process ID (nope)\"]}");
    assertThat(http.post("/api/v3/process/validate", Http.processJson("v")).status())
        .isEqualTo(200);
    assertThat(
            http.post("/api/v3/process/probe", Http.processJson("v")).json().get("streams").size())
        .isEqualTo(1);
    assertThat(
            http.put(
                    "/api/v3/process/probe/report",
                    "{\"history\":[{\"created_at\":10,\"exited_at\":20,\"exit_state\":\"failed\",\"prelude\":[],\"log\":[]}]}")
                .body())
        .isEqualTo("\"OK\"");
    assertThat(http.get("/api/v3/report/process?state=failed").json().get(0).get("id").asText())
        .isEqualTo("probe");
    assertThat(http.get("/api/v3/report/process?from=abc").status()).isEqualTo(400);
    Http open = new Http(sim);
    assertThat(open.get("/api/v3/widget/process/probe").json().has("total_sessions")).isTrue();
    http.delete("/api/v3/process/probe");
  }

  @Test
  void version1616RendersMetadataNullAndLacksNewerFields() {
    try (CoreSimulator old =
        CoreSimulator.builder().coreVersion(CoreVersion.V16_16).build().start()) {
      Http h = new Http(old).login("admin", "datarhei");
      JsonNode cfg = h.post("/api/v3/process", Http.processJson("old")).json();
      assertThat(cfg.has("owner")).isFalse();
      assertThat(cfg.get("limits").size()).isEqualTo(3);
      JsonNode p = h.get("/api/v3/process/old").json();
      assertThat(p.get("metadata").isNull()).isTrue();
      assertThat(p.has("core_id")).isFalse();
      assertThat(p.get("state").has("pid")).isFalse();
      assertThat(h.get("/api/v3/report/process").status()).isEqualTo(404);
      // like Core's router: the path matches /process/{id}, which has no POST
      assertThat(h.post("/api/v3/process/validate", Http.processJson("v")).status()).isEqualTo(405);
    }
  }

  private static java.util.List<String> ids(JsonNode list) {
    java.util.List<String> out = new java.util.ArrayList<>();
    list.forEach(p -> out.add(p.get("id").asText()));
    return out;
  }

  @Test
  void core1616WritesTheMemfsPasswordIntoCommandAndLogLinesAndCore1620DoesNot() {
    for (CoreVersion version : CoreVersion.values()) {
      try (CoreSimulator core = CoreSimulator.builder().coreVersion(version).build().start()) {
        Http h = new Http(core).login("admin", "datarhei");
        String password =
            h.get("/api/v3/config")
                .json()
                .path("config")
                .path("storage")
                .path("memory")
                .path("auth")
                .path("password")
                .asText();
        assertThat(password).isNotEmpty();
        h.post(
            "/api/v3/process",
            Http.processJson("hls")
                .replace("\"address\":\"-\"", "\"address\":\"{memfs}/hls.m3u8\""));
        h.put("/api/v3/process/hls/command", "{\"command\":\"start\"}");
        String expected =
            "http://"
                + (version.isBefore(CoreVersion.V16_20) ? "admin:" + password + "@" : "")
                + "127.0.0.1:"
                + core.port()
                + "/memfs/hls.m3u8";
        JsonNode state = h.get("/api/v3/process/hls/state").json();
        JsonNode command = state.get("command");
        assertThat(command.get(command.size() - 1).asText()).as(version.name()).isEqualTo(expected);
        assertThat(h.get("/api/v3/process/hls/report").json().get("prelude").toString())
            .as(version.name())
            .contains("Output #0, null, to '" + expected + "':");
        // The config keeps the placeholder, as Core's does.
        assertThat(
                h.get("/api/v3/process/hls/config")
                    .json()
                    .path("output")
                    .get(0)
                    .path("address")
                    .asText())
            .isEqualTo("{memfs}/hls.m3u8");
      }
    }
  }
}
