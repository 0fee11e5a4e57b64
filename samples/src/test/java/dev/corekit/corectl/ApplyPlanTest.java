package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplyPlanTest {

  @Test
  void ordersProducersBeforeConsumersByAddressPlaceholderOrReference() {
    Map<String, ProcessConfig> configs = new LinkedHashMap<>();
    configs.put("a-thumbs", config("a-thumbs", "#b-preview:output=out", "{memfs}/thumb.jpg"));
    configs.put(
        "b-preview", config("b-preview", "{fs:mem}/z-main.m3u8", "{memfs}/{processid}.m3u8"));
    configs.put("z-main", config("z-main", "testsrc2", "{memfs}/{processid}.m3u8"));
    configs.put("c-alone", config("c-alone", "testsrc2", "{memfs}/alone.m3u8"));

    assertThat(ApplyPlan.order(configs))
        .containsExactly("c-alone", "z-main", "b-preview", "a-thumbs");
  }

  @Test
  void rejectsADependencyCycle() {
    Map<String, ProcessConfig> configs =
        Map.of(
            "a", config("a", "{memfs}/b.m3u8", "{memfs}/a.m3u8"),
            "b", config("b", "{memfs}/a.m3u8", "{memfs}/b.m3u8"),
            "c", config("c", "x", "{memfs}/c.m3u8"));

    assertThatThrownBy(() -> ApplyPlan.order(configs))
        .isInstanceOf(UsageException.class)
        .hasMessage("the configs depend on each other in a cycle: a, b");
  }

  @Test
  void ignoresWhatCoreFillsInAndNamesTheFieldsThatDiffer() {
    ProcessConfig desired = config("cam", "testsrc2", "{memfs}/cam.m3u8");
    ProcessConfig asCoreAnswers =
        ProcessConfig.builder()
            .from(desired)
            .owner("admin")
            .domain("")
            .binary("ffmpeg")
            .type(dev.corekit.core.model.ProcessType.of("ffmpeg"))
            .reference("")
            .autostart(true)
            .reconnect(false)
            .reconnectDelaySeconds(0L)
            .staleTimeoutSeconds(0L)
            .input(List.of(ProcessConfigIo.builder().id("in_7f3a").address("testsrc2").build()))
            .output(
                List.of(
                    ProcessConfigIo.builder().id("out_91bc").address("{memfs}/cam.m3u8").build()))
            .build();

    assertThat(ApplyPlan.differences(desired, asCoreAnswers)).isEmpty();

    ProcessConfig changed =
        ProcessConfig.builder().from(asCoreAnswers).reconnect(true).autostart(false).build();
    assertThat(ApplyPlan.differences(desired, changed)).containsExactly("autostart", "reconnect");
  }

  @Test
  void plansCreatesAndUpdatesInOrderAndPrunesConsumersFirst() {
    List<ApplyPlan.Desired> desired =
        List.of(
            new ApplyPlan.Desired(
                "preview",
                "p.json",
                config("preview", "{memfs}/main.m3u8", "{memfs}/preview.m3u8")),
            new ApplyPlan.Desired(
                "main", "m.yaml", config("main", "testsrc2=rate=30", "{memfs}/main.m3u8")));
    List<ApplyPlan.Current> current =
        List.of(
            owned("main", config("main", "testsrc2", "{memfs}/main.m3u8"), "cams"),
            owned("old", config("old", "x", "{memfs}/old.m3u8"), "cams"),
            owned(
                "old-consumer",
                config("old-consumer", "{memfs}/old.m3u8", "{memfs}/oc.m3u8"),
                "cams"),
            owned("a-lone", config("a-lone", "x", "{memfs}/alone.m3u8"), "cams"));

    ApplyPlan plan = ApplyPlan.plan(desired, current, new ApplyPlan.Options("cams", true, false));

    assertThat(plan.actions())
        .extracting(a -> a.kind() + " " + a.id())
        .containsExactly(
            "UPDATE main", "CREATE preview", "DELETE a-lone", "DELETE old-consumer", "DELETE old");
    assertThat(plan.actions().get(0).fields()).containsExactly("input");
    assertThat(plan.actions())
        .extracting(ApplyPlan.Action::reason)
        .containsExactly(
            "config differs in input",
            "not on server",
            "owned by set cams, in no file",
            "owned by set cams, in no file",
            "owned by set cams, in no file");
    assertThat(
            ApplyPlan.plan(desired, current, new ApplyPlan.Options("cams", false, false)).actions())
        .hasSize(2);
  }

  @Test
  void prunesOnlyTheSetsProcessesAndSkipsProcessesTheSetDoesNotOwn() {
    List<ApplyPlan.Desired> desired =
        List.of(
            new ApplyPlan.Desired("main", "cams.json", config("main", "a", "{memfs}/main.m3u8")),
            new ApplyPlan.Desired("manual", "cams.json", config("manual", "b", "{memfs}/m.m3u8")),
            new ApplyPlan.Desired("theirs", "cams.json", config("theirs", "c", "{memfs}/t.m3u8")));
    List<ApplyPlan.Current> current =
        List.of(
            owned("main", config("main", "a", "{memfs}/main.m3u8"), "cams"),
            unowned("manual", config("manual", "b-edited", "{memfs}/m.m3u8")),
            owned("theirs", config("theirs", "c", "{memfs}/t.m3u8"), "studio"),
            unowned("other-tool", config("other-tool", "x", "{memfs}/x.m3u8")),
            owned("studio-live", config("studio-live", "y", "{memfs}/y.m3u8"), "studio"),
            owned("gone", config("gone", "z", "{memfs}/z.m3u8"), "cams"));

    ApplyPlan plan = ApplyPlan.plan(desired, current, new ApplyPlan.Options("cams", true, false));

    assertThat(plan.actions())
        .extracting(a -> a.kind().verb + ": " + a.id() + ": " + a.reason())
        .containsExactly(
            "update: main: ownership record out of date",
            "delete: gone: owned by set cams, in no file");
    assertThat(plan.skipped())
        .extracting(a -> a.kind().verb + ": " + a.id() + ": " + a.reason())
        .containsExactly(
            "skip: manual: exists, not owned by set cams (use --adopt)",
            "skip: theirs: exists, owned by set studio, not by set cams (use --adopt)");
    assertThat(plan.notOwned()).containsExactly("other-tool", "studio-live");
    assertThat(plan.unchanged()).isEmpty();
  }

  @Test
  void adoptTakesOverTheFilesProcessesButPruneStillDeletesOnlyTheSets() {
    List<ApplyPlan.Desired> desired =
        List.of(
            new ApplyPlan.Desired("manual", "cams.json", config("manual", "b", "{memfs}/m.m3u8")),
            new ApplyPlan.Desired("theirs", "cams.json", config("theirs", "c", "{memfs}/t.m3u8")));
    List<ApplyPlan.Current> current =
        List.of(
            unowned("manual", config("manual", "b-edited", "{memfs}/m.m3u8")),
            owned("theirs", config("theirs", "c", "{memfs}/t.m3u8"), "studio"),
            unowned("other-tool", config("other-tool", "x", "{memfs}/x.m3u8")));

    ApplyPlan plan = ApplyPlan.plan(desired, current, new ApplyPlan.Options("cams", true, true));

    assertThat(plan.actions())
        .extracting(a -> a.kind().verb + ": " + a.id() + ": " + a.reason())
        .containsExactly(
            "update: manual: config differs in input (not owned by set cams; --adopt)",
            "adopt: theirs: exists with the same config, owned by set studio, not by set cams;"
                + " --adopt takes it over");
    assertThat(plan.actions().get(0).config()).isNotNull();
    assertThat(plan.actions().get(1).config()).as("adopting an equal config: no restart").isNull();
    for (ApplyPlan.Action a : plan.actions()) {
      assertThat(ApplyPlan.Marker.of(a.metadata().get(ApplyPlan.MARKER_KEY)))
          .isEqualTo(
              ApplyPlan.marker(
                  "cams",
                  a.id().equals("manual") ? desired.get(0).config() : desired.get(1).config()));
    }
    assertThat(plan.skipped()).isEmpty();
    assertThat(plan.notOwned()).containsExactly("other-tool");
  }

  @Test
  void comparesTheFilesMetadataKeysButNotTheMarkerOrKeysOfOthers() {
    ProcessConfig file =
        ProcessConfig.builder()
            .from(config("cam", "a", "{memfs}/cam.m3u8"))
            .putMetadata("title", TextNode.valueOf("Cam 1"))
            .putMetadata("rank", IntNode.valueOf(2))
            .build();
    ApplyPlan.Marker marker = ApplyPlan.marker("cams", file);
    Map<String, JsonNode> same = new LinkedHashMap<>();
    same.put("title", TextNode.valueOf("Cam 1"));
    same.put("rank", LongNode.valueOf(2L));
    same.put("restreamer-ui", TextNode.valueOf("another tool's key"));
    same.put(ApplyPlan.MARKER_KEY, marker.toJson());
    List<ApplyPlan.Desired> desired = List.of(new ApplyPlan.Desired("cam", "c.yaml", file));
    ApplyPlan.Options options = new ApplyPlan.Options("cams", false, false);

    ApplyPlan unchanged =
        ApplyPlan.plan(desired, List.of(new ApplyPlan.Current("cam", file, same)), options);
    assertThat(unchanged.actions()).isEmpty();
    assertThat(unchanged.unchanged()).containsExactly("cam");

    Map<String, JsonNode> edited = new LinkedHashMap<>(same);
    edited.put("title", TextNode.valueOf("Cam one"));
    ApplyPlan plan =
        ApplyPlan.plan(desired, List.of(new ApplyPlan.Current("cam", file, edited)), options);
    assertThat(plan.actions()).hasSize(1);
    ApplyPlan.Action update = plan.actions().get(0);
    assertThat(update.kind()).isEqualTo(ApplyPlan.Kind.UPDATE);
    assertThat(update.fields()).containsExactly("metadata");
    assertThat(update.reason())
        .isEqualTo("changed on the server since the last apply: metadata differs in title");
    assertThat(update.config()).as("a metadata change does not restart the process").isNull();
    assertThat(update.metadata()).containsOnlyKeys("title");

    // A key the set set before and the file no longer has is removed; other keys stay.
    ProcessConfig withoutRank =
        ProcessConfig.builder()
            .from(config("cam", "a", "{memfs}/cam.m3u8"))
            .putMetadata("title", TextNode.valueOf("Cam 1"))
            .build();
    ApplyPlan removal =
        ApplyPlan.plan(
            List.of(new ApplyPlan.Desired("cam", "c.yaml", withoutRank)),
            List.of(new ApplyPlan.Current("cam", file, same)),
            options);
    ApplyPlan.Action remove = removal.actions().get(0);
    assertThat(remove.reason()).isEqualTo("metadata differs in rank");
    assertThat(remove.metadata()).containsOnlyKeys("rank", ApplyPlan.MARKER_KEY);
    assertThat(remove.metadata().get("rank").isNull()).isTrue();
    assertThat(ApplyPlan.Marker.of(remove.metadata().get(ApplyPlan.MARKER_KEY)).metadataKeys())
        .containsExactly("title");
  }

  @Test
  void theHashTellsAChangedFileFromAProcessEditedOnTheServer() {
    ProcessConfig applied = config("cam", "a", "{memfs}/cam.m3u8");
    Map<String, JsonNode> metadata =
        Map.of(ApplyPlan.MARKER_KEY, ApplyPlan.marker("cams", applied).toJson());
    ApplyPlan.Options options = new ApplyPlan.Options("cams", false, false);

    ApplyPlan serverEdited =
        ApplyPlan.plan(
            List.of(new ApplyPlan.Desired("cam", "c.json", applied)),
            List.of(new ApplyPlan.Current("cam", config("cam", "b", "{memfs}/cam.m3u8"), metadata)),
            options);
    assertThat(serverEdited.actions().get(0).reason())
        .isEqualTo("changed on the server since the last apply: config differs in input");
    assertThat(serverEdited.actions().get(0).metadata()).as("the marker stays as it is").isEmpty();

    ProcessConfig fileEdited = config("cam", "a", "{memfs}/cam2.m3u8");
    ApplyPlan changedFile =
        ApplyPlan.plan(
            List.of(new ApplyPlan.Desired("cam", "c.json", fileEdited)),
            List.of(new ApplyPlan.Current("cam", applied, metadata)),
            options);
    assertThat(changedFile.actions().get(0).reason()).isEqualTo("config differs in output");
    assertThat(ApplyPlan.marker("cams", fileEdited).hash())
        .startsWith("sha256:")
        .hasSize(7 + 64)
        .isNotEqualTo(ApplyPlan.marker("cams", applied).hash());
    // Only what the normalized config holds counts: Core's defaults written out hash the same.
    assertThat(
            ApplyPlan.hash(
                ProcessConfig.builder().from(applied).autostart(true).reconnect(false).build()))
        .isEqualTo(ApplyPlan.hash(applied));
  }

  private static ApplyPlan.Current owned(String id, ProcessConfig config, String set) {
    return new ApplyPlan.Current(
        id,
        config,
        Map.of(ApplyPlan.MARKER_KEY, new ApplyPlan.Marker(set, "sha256:old", List.of()).toJson()));
  }

  private static ApplyPlan.Current unowned(String id, ProcessConfig config) {
    return new ApplyPlan.Current(id, config, Map.of());
  }

  private static ProcessConfig config(String id, String input, String output) {
    return ProcessConfig.builder()
        .id(id)
        .addInput(ProcessConfigIo.builder().address(input).build())
        .addOutput(ProcessConfigIo.builder().address(output).build())
        .build();
  }
}
