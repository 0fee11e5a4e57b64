package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    Map<String, ProcessConfig> current = new LinkedHashMap<>();
    current.put("main", config("main", "testsrc2", "{memfs}/main.m3u8"));
    current.put("old", config("old", "x", "{memfs}/old.m3u8"));
    current.put("old-consumer", config("old-consumer", "{memfs}/old.m3u8", "{memfs}/oc.m3u8"));

    ApplyPlan plan = ApplyPlan.plan(desired, current, true);

    assertThat(plan.actions())
        .extracting(a -> a.kind() + " " + a.id())
        .containsExactly("UPDATE main", "CREATE preview", "DELETE old-consumer", "DELETE old");
    assertThat(plan.actions().get(0).fields()).containsExactly("input");
    assertThat(ApplyPlan.plan(desired, current, false).actions()).hasSize(2);
  }

  private static ProcessConfig config(String id, String input, String output) {
    return ProcessConfig.builder()
        .id(id)
        .addInput(ProcessConfigIo.builder().address(input).build())
        .addOutput(ProcessConfigIo.builder().address(output).build())
        .build();
  }
}
