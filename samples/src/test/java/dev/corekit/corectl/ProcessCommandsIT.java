package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreClient;
import dev.corekit.samples.TestPattern;
import dev.corekit.simulator.CoreSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corectl process ...} run as a subprocess against the Core simulator. */
class ProcessCommandsIT {
  private static CoreSimulator sim;
  private static Map<String, String> env;

  @BeforeAll
  static void start() {
    sim = CoreSimulator.builder().user("admin").password("it-secret").build().start();
    env = Cli.env(sim.baseUrl(), "admin", "it-secret");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void createsInspectsCommandsUpdatesAndDeletesAProcess(@TempDir Path dir) throws IOException {
    Path yaml =
        Files.writeString(
            dir.resolve("cam.yaml"),
            String.join(
                "\n",
                "id: cam1",
                "reference: lobby",
                "input:",
                "  - id: in",
                "    address: testsrc2=size=640x360:rate=25",
                "    options: [-f, lavfi, -re]",
                "output:",
                "  - id: out",
                "    address: '{memfs}/cam1.m3u8'",
                "    options: [-codec:v, libx264, -f, hls]",
                ""),
            StandardCharsets.UTF_8);

    JsonNode created =
        Cli.run(env, "process", "create", "-f", yaml.toString(), "--json").ok().json();
    assertThat(created.path("id").asText()).isEqualTo("cam1");
    assertThat(created.path("reference").asText()).isEqualTo("lobby");

    JsonNode list = Cli.run(env, "--json", "process", "list", "--idpattern", "cam*").ok().json();
    assertThat(list.isArray()).isTrue();
    assertThat(list).extracting(p -> p.path("id").asText()).containsExactly("cam1");

    Cli.Result table = Cli.run(env, "process", "list").ok();
    assertThat(table.out().lines().findFirst().orElse(""))
        .startsWith("ID")
        .contains("REFERENCE", "STATE");
    assertThat(table.out()).contains("cam1", "lobby");

    JsonNode got = Cli.run(env, "process", "get", "cam1", "--json").ok().json();
    assertThat(got.path("config").path("output").path(0).path("address").asText())
        .isEqualTo("{memfs}/cam1.m3u8");

    assertThat(Cli.run(env, "process", "stop", "cam1").ok().out()).contains("stopped process cam1");
    assertThat(
            Cli.run(env, "process", "state", "cam1", "--json").ok().json().path("order").asText())
        .isEqualTo("stop");
    assertThat(
            Cli.run(env, "process", "start", "cam1", "--json").ok().json().path("command").asText())
        .isEqualTo("start");
    assertThat(Cli.run(env, "process", "restart", "cam1").ok().out())
        .contains("restarted process cam1");
    assertThat(Cli.run(env, "process", "reload", "cam1").ok().out())
        .contains("reloaded process cam1");

    JsonNode report = Cli.run(env, "process", "report", "cam1", "--json").ok().json();
    assertThat(report.path("log").isArray()).isTrue();
    assertThat(report.path("history").size())
        .isPositive(); // the stop and restarts ended earlier runs
    JsonNode probe = Cli.run(env, "process", "probe", "cam1", "--json").ok().json();
    assertThat(probe.path("streams").isArray()).isTrue();

    assertThat(
            Cli.run(env, "process", "metadata", "cam1", "owner", "{\"team\":\"video\"}").ok().out())
        .contains("set metadata owner of process cam1");
    assertThat(
            Cli.run(env, "process", "metadata", "cam1", "owner", "--json")
                .ok()
                .json()
                .path("team")
                .asText())
        .isEqualTo("video");
    assertThat(Cli.run(env, "process", "metadata", "cam1", "note", "plain text").ok().exit())
        .isZero();
    JsonNode all = Cli.run(env, "process", "metadata", "cam1", "--json").ok().json();
    assertThat(all.path("note").asText()).isEqualTo("plain text");

    Path json =
        Files.writeString(
            dir.resolve("cam.json"),
            "{\"id\":\"cam1\",\"reference\":\"hall\",\"input\":[{\"address\":\"testsrc2\",\"options\":[\"-f\",\"lavfi\"]}],"
                + "\"output\":[{\"address\":\"{memfs}/cam1.m3u8\"}]}",
            StandardCharsets.UTF_8);
    assertThat(Cli.run(env, "process", "update", "cam1", "-f", json.toString()).ok().out())
        .contains("updated process cam1");
    assertThat(
            Cli.run(env, "process", "get", "cam1", "--json").ok().json().path("reference").asText())
        .isEqualTo("hall");

    assertThat(Cli.run(env, "process", "delete", "cam1").ok().out())
        .contains("deleted process cam1");
    assertThat(Cli.run(env, "process", "list", "--idpattern", "cam*", "--json").ok().json())
        .isEmpty();
  }

  @Test
  void logsPrintTheLastLinesAsTextOrJson() {
    createRunning("logs1");

    JsonNode lines = Cli.run(env, "process", "logs", "logs1", "--lines", "3", "--json").ok().json();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).has("time")).isTrue();
    assertThat(lines.get(0).path("line").isTextual()).isTrue();

    Cli.Result text = Cli.run(env, "process", "logs", "logs1", "-n", "2").ok();
    assertThat(text.out().lines()).hasSize(2);
  }

  @Test
  void logsFollowPrintsNewLinesAndEndsCleanlyOnCtrlC() throws Exception {
    createRunning("follow1");
    Signals.assumeSigintDeliverable();
    Path out = Files.createTempFile("follow", ".out");
    Path err = Files.createTempFile("follow", ".err");
    Process p =
        Signals.withDefaultSigint(
                Cli.builder(
                    env,
                    "process",
                    "logs",
                    "follow1",
                    "--follow",
                    "--lines",
                    "1",
                    "--interval",
                    "200ms"))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      // One line at once (the last), then one per second while the simulated ffmpeg runs.
      List<String> seen = Signals.awaitLines(out, 2, Duration.ofSeconds(60));
      assertThat(seen.get(1)).startsWith("frame=");

      Signals.sigint(p);

      assertThat(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS))
          .as("corectl ended after Ctrl-C")
          .isTrue();
      assertThat(p.exitValue()).isZero();
      assertThat(Files.readString(err)).doesNotContain("Exception").doesNotContain("\tat ");
      List<String> lines = new ArrayList<>(Files.readAllLines(out));
      assertThat(lines).doesNotHaveDuplicates();
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Creates a running process through the SDK in-process (quicker than another corectl run). */
  private static void createRunning(String id) {
    try (CoreClient core =
        CoreClient.builder().baseUrl(sim.baseUrl()).credentials("admin", "it-secret").build()) {
      core.processes().create(TestPattern.config(id)).block(Duration.ofSeconds(30));
    }
  }
}
