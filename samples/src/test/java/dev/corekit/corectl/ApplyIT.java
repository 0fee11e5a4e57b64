package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreClient;
import dev.corekit.core.model.CoreProcess;
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

/** {@code corectl apply DIR}: create, update, prune in dependency order; idempotent. */
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

  private List<String> ids() {
    return core.processes().list().map(CoreProcess::id).collectList().block(Duration.ofSeconds(10));
  }
}
