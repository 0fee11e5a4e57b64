package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.corekit.core.CoreClient;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.simulator.CoreSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corectl apply DIR}: create, update, prune in dependency order; idempotent; only the set's
 * own processes are changed or pruned.
 */
class ApplyIT {
  private CoreSimulator sim;
  private CoreClient core;
  private Map<String, String> env;

  @BeforeEach
  void start() {
    sim = CoreSimulator.builder().user("admin").password("it-secret").build().start();
    core = CoreClient.builder().baseUrl(sim.baseUrl()).credentials("admin", "it-secret").build();
    env = Cli.env(sim.baseUrl(), "admin", "it-secret");
  }

  @AfterEach
  void stop() {
    core.close();
    sim.close();
  }

  @Test
  void createsProducersBeforeConsumersAndASecondRunChangesNothing(@TempDir Path dir)
      throws IOException {
    // File names sort the consumer first; the dependency must still put the producer first.
    Files.writeString(
        dir.resolve("0-preview.json"),
        "{\"id\":\"preview\",\"input\":[{\"address\":\"{memfs}/main.m3u8\"}],"
            + "\"output\":[{\"address\":\"{memfs}/preview.m3u8\",\"options\":[\"-s\",\"320x180\"]}]}",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("1-main.yaml"),
        String.join(
            "\n",
            "id: main",
            "input:",
            "  - address: testsrc2=size=640x360:rate=25",
            "    options: [-f, lavfi, -re]",
            "output:",
            "  - address: '{memfs}/{processid}.m3u8'",
            ""),
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("notes.txt"), "not a config", StandardCharsets.UTF_8);

    JsonNode first = Cli.run(env, "apply", dir.toString(), "--json").ok().json();

    assertThat(first.path("changed").asBoolean()).isTrue();
    assertThat(first.path("actions"))
        .extracting(a -> a.path("action").asText() + " " + a.path("id").asText())
        .containsExactly("create main", "create preview");
    assertThat(ids()).containsExactlyInAnyOrder("main", "preview");
    assertThat(sim.stats().posts("/api/v3/process")).isEqualTo(2);

    Cli.Result second = Cli.run(env, "apply", dir.toString()).ok();
    assertThat(second.out().strip()).isEqualTo("no changes: 2 processes up to date");
    JsonNode third = Cli.run(env, "apply", dir.toString(), "--json").ok().json();
    assertThat(third.path("changed").asBoolean()).isFalse();
    assertThat(third.path("actions")).isEmpty();
    assertThat(sim.stats().requests("PUT /api/v3/process/{id}")).isZero();
  }

  @Test
  void updatesChangedConfigsAndPrunesConsumersFirstAfterADryRun(@TempDir Path dir)
      throws IOException {
    Path main =
        Files.writeString(
            dir.resolve("main.json"),
            "{\"id\":\"main\",\"input\":[{\"address\":\"testsrc2\",\"options\":[\"-f\",\"lavfi\"]}],"
                + "\"output\":[{\"address\":\"{memfs}/main.m3u8\"}]}",
            StandardCharsets.UTF_8);
    Path preview =
        Files.writeString(
            dir.resolve("preview.json"),
            "{\"id\":\"preview\",\"input\":[{\"address\":\"{memfs}/main.m3u8\"}],"
                + "\"output\":[{\"address\":\"{memfs}/preview.m3u8\"}]}",
            StandardCharsets.UTF_8);
    Path thumbs =
        Files.writeString(
            dir.resolve("thumbs.json"),
            "{\"id\":\"thumbs\",\"input\":[{\"address\":\"{memfs}/preview.m3u8\"}],"
                + "\"output\":[{\"address\":\"{memfs}/thumb.jpg\"}]}",
            StandardCharsets.UTF_8);
    Cli.run(env, "apply", dir.toString()).ok();
    Files.writeString(main, Files.readString(main).replace("testsrc2", "testsrc2=rate=30"));
    Files.delete(preview);
    Files.delete(thumbs);

    Cli.Result plan = Cli.run(env, "apply", dir.toString(), "--prune", "--dry-run").ok();
    assertThat(plan.out())
        .contains(
            "would update  main",
            "would delete  thumbs",
            "would delete  preview",
            "dry run: 0 to create, 1 to update, 2 to delete, 0 unchanged; nothing was changed");
    assertThat(ids()).containsExactlyInAnyOrder("main", "preview", "thumbs");

    JsonNode applied = Cli.run(env, "apply", dir.toString(), "--prune", "--json").ok().json();
    assertThat(applied.path("actions"))
        .extracting(a -> a.path("action").asText() + " " + a.path("id").asText())
        .containsExactly("update main", "delete thumbs", "delete preview");
    assertThat(applied.path("actions").get(0).path("fields"))
        .extracting(JsonNode::asText)
        .containsExactly("input");
    assertThat(ids()).containsExactly("main");
    assertThat(
            core.processes()
                .getConfig("main")
                .block(Duration.ofSeconds(10))
                .input()
                .get(0)
                .address())
        .isEqualTo("testsrc2=rate=30");

    assertThat(Cli.run(env, "apply", dir.toString(), "--prune").ok().out())
        .contains("no changes: 1 process up to date");
  }

  @Test
  void rejectsConfigsWithoutIdOrInACycleWithoutChangingAnything(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("a.json"),
        "{\"id\":\"a\",\"input\":[{\"address\":\"{memfs}/b.m3u8\"}],\"output\":[{\"address\":\"{memfs}/a.m3u8\"}]}");
    Files.writeString(
        dir.resolve("b.json"),
        "{\"id\":\"b\",\"input\":[{\"address\":\"{memfs}/a.m3u8\"}],\"output\":[{\"address\":\"{memfs}/b.m3u8\"}]}");
    assertThat(Cli.run(env, "apply", dir.toString()).failsWith(2).err())
        .contains("cycle")
        .contains("a, b");

    Files.writeString(
        dir.resolve("b.json"),
        "{\"input\":[{\"address\":\"x\"}],\"output\":[{\"address\":\"y\"}]}");
    assertThat(Cli.run(env, "apply", dir.toString()).failsWith(2).err())
        .contains("b.json")
        .contains("id");
    assertThat(ids()).isEmpty();
  }

  @Test
  void prunesOnlyTheSetsProcessesAndUpdatesAProcessItDoesNotOwnOnlyWhenAdopting(@TempDir Path tmp)
      throws IOException {
    // Made by another tool: one with an id of the folder, one in no file.
    core.processes().create(config("cam1", "testsrc2=rate=10")).block(Duration.ofSeconds(10));
    core.processes().create(config("manual", "testsrc2")).block(Duration.ofSeconds(10));
    Path cams = Files.createDirectory(tmp.resolve("cams"));
    Files.writeString(
        cams.resolve("cams.json"),
        "["
            + Json.compact(config("cam1", "testsrc2=rate=25"))
            + ","
            + Json.compact(config("main", "testsrc2"))
            + "]");

    Cli.Result first = Cli.run(env, "apply", cams.toString(), "--prune");

    assertThat(first.exit()).as("a skipped process fails the run: %s", first.err()).isEqualTo(1);
    assertThat(first.out())
        .contains("created  main  (cams.json): not on server")
        .contains("skip  cam1  (cams.json): exists, not owned by set cams (use --adopt)")
        .contains("1 other process left alone (not of set cams)");
    assertThat(first.err())
        .isEqualTo(
            "corectl: 1 process was not applied: cam1 exists but set cams does not own it"
                + " (--adopt takes it over)\n");
    assertThat(ids()).containsExactlyInAnyOrder("cam1", "main", "manual");
    assertThat(inputOf("cam1")).isEqualTo("testsrc2=rate=10");
    assertThat(marker("main").path("set").asText()).isEqualTo("cams");
    assertThat(marker("main").path("hash").asText()).startsWith("sha256:");

    JsonNode adopted =
        Cli.run(env, "apply", cams.toString(), "--prune", "--adopt", "--json").ok().json();
    assertThat(adopted.path("set").asText()).isEqualTo("cams");
    assertThat(adopted.path("actions"))
        .extracting(a -> a.path("action").asText() + " " + a.path("id").asText())
        .containsExactly("update cam1");
    assertThat(adopted.path("actions").get(0).path("reason").asText())
        .isEqualTo("config differs in input (not owned by set cams; --adopt)");
    assertThat(adopted.path("not_owned")).extracting(JsonNode::asText).containsExactly("manual");
    assertThat(inputOf("cam1")).isEqualTo("testsrc2=rate=25");
    assertThat(marker("cam1").path("set").asText()).isEqualTo("cams");

    // Another set (--set) neither updates nor prunes the processes of "cams".
    Path studio = Files.createDirectory(tmp.resolve("studio"));
    Files.writeString(studio.resolve("s.json"), Json.compact(config("studio1", "testsrc2")));
    Cli.run(env, "apply", studio.toString(), "--prune").ok();
    assertThat(ids()).containsExactlyInAnyOrder("cam1", "main", "manual", "studio1");

    // Emptied on purpose: only the set's own processes go.
    Files.delete(cams.resolve("cams.json"));
    assertThat(Cli.run(env, "apply", cams.toString(), "--prune", "--allow-empty").ok().out())
        .contains("deleted  cam1: owned by set cams, in no file")
        .contains("deleted  main: owned by set cams, in no file");
    assertThat(ids()).containsExactlyInAnyOrder("manual", "studio1");
  }

  @Test
  void refusesAnEmptyOrMissingFolderWithoutChangingAnything(@TempDir Path tmp) throws IOException {
    core.processes().create(config("manual", "testsrc2")).block(Duration.ofSeconds(10));
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Files.writeString(empty.resolve("README.txt"), "not a config");
    Files.writeString(empty.resolve("none.yaml"), "# nothing yet\n");

    assertThat(Cli.run(env, "apply", empty.toString(), "--prune").failsWith(2).err())
        .isEqualTo(
            "corectl: "
                + empty
                + " holds no process configs (*.json, *.yaml, *.yml); --prune would delete every"
                + " process of set empty: check the folder, or pass --allow-empty\n");
    assertThat(Cli.run(env, "apply", tmp.resolve("emtpy").toString(), "--prune").failsWith(2).err())
        .contains("emtpy: no such folder");
    assertThat(ids()).containsExactly("manual");
    assertThat(sim.stats().requests("DELETE /api/v3/process/{id}")).isZero();
  }

  @Test
  void appliesTheFilesMetadataAndUpdatesItWithoutRestartingWhenOnlyItDiffers(@TempDir Path tmp)
      throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("cams"));
    Path file =
        Files.writeString(
            dir.resolve("cam.yaml"),
            String.join(
                "\n",
                "id: cam",
                "input: [{address: testsrc2, options: [-f, lavfi]}]",
                "output: [{address: '{memfs}/cam.m3u8'}]",
                "metadata:",
                "  title: Cam 1",
                "  tags: [north, gate]",
                ""));
    Cli.run(env, "apply", dir.toString()).ok();
    Map<String, JsonNode> metadata =
        core.processes().getMetadata("cam").block(Duration.ofSeconds(10));
    assertThat(metadata.get("title").asText()).isEqualTo("Cam 1");
    assertThat(metadata.get("tags")).hasSize(2);
    assertThat(metadata.get("corectl.apply").path("metadata_keys"))
        .extracting(JsonNode::asText)
        .containsExactly("tags", "title");
    assertThat(Cli.run(env, "apply", dir.toString()).ok().out().strip())
        .isEqualTo("no changes: 1 process up to date");

    Files.writeString(file, Files.readString(file).replace("Cam 1", "Cam one"));
    assertThat(Cli.run(env, "apply", dir.toString()).ok().out())
        .contains("updated  cam  (cam.yaml): metadata differs in title");
    assertThat(
            core.processes().getMetadataKey("cam", "title").block(Duration.ofSeconds(10)).asText())
        .isEqualTo("Cam one");
    assertThat(sim.stats().requests("PUT /api/v3/process/{id}"))
        .as("a metadata change does not replace (restart) the process")
        .isZero();

    core.processes()
        .setMetadataKey("cam", "title", TextNode.valueOf("edited by hand"))
        .block(Duration.ofSeconds(10));
    assertThat(Cli.run(env, "apply", dir.toString(), "--dry-run").ok().out())
        .contains(
            "would update  cam  (cam.yaml): changed on the server since the last apply: metadata"
                + " differs in title");
  }

  @Test
  void refusesUnknownFieldsUnlessLenient(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("cams"));
    Files.writeString(
        dir.resolve("cams.json"),
        "{\"id\":\"cam1\",\"autostrat\":false,\"input\":[{\"address\":\"testsrc2\"}],"
            + "\"output\":[{\"address\":\"{memfs}/cam1.m3u8\"}]}");

    assertThat(Cli.run(env, "apply", dir.toString()).failsWith(2).err())
        .isEqualTo(
            "corectl: unknown field 'autostrat' in "
                + dir.resolve("cams.json")
                + " (process cam1); did you mean 'autostart'? (--lenient ignores unknown fields)\n");
    assertThat(
            Cli.run(env, "process", "create", "-f", dir.resolve("cams.json").toString())
                .failsWith(2)
                .err())
        .contains("did you mean 'autostart'?");
    assertThat(ids()).isEmpty();

    Cli.Result lenient = Cli.run(env, "apply", dir.toString(), "--lenient").ok();
    assertThat(lenient.err())
        .startsWith("corectl: warning: unknown field 'autostrat' in ")
        .endsWith("(ignored)\n");
    assertThat(ids()).containsExactly("cam1");
    assertThat(
            Cli.run(
                    env,
                    "process",
                    "update",
                    "cam1",
                    "-f",
                    dir.resolve("cams.json").toString(),
                    "--lenient")
                .ok()
                .err())
        .contains("warning: unknown field 'autostrat'");
  }

  private static ProcessConfig config(String id, String input) {
    return ProcessConfig.builder()
        .id(id)
        .autostart(false)
        .addInput(ProcessConfigIo.builder().address(input).addOptions("-f", "lavfi").build())
        .addOutput(ProcessConfigIo.builder().address("{memfs}/" + id + ".m3u8").build())
        .build();
  }

  private String inputOf(String id) {
    return core.processes().getConfig(id).block(Duration.ofSeconds(10)).input().get(0).address();
  }

  private JsonNode marker(String id) {
    return core.processes().getMetadataKey(id, "corectl.apply").block(Duration.ofSeconds(10));
  }

  private List<String> ids() {
    return core.processes().list().map(CoreProcess::id).collectList().block(Duration.ofSeconds(10));
  }
}
