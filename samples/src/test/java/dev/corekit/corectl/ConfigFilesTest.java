package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corekit.core.model.ProcessConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

  @Test
  void refusesAnUnknownFieldAndSuggestsTheClosestKnownOne(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("cams.json"),
            "{\"id\":\"cam1\",\"autostrat\":false,"
                + "\"input\":[{\"address\":\"a\"}],\"output\":[{\"address\":\"b\"}]}");

    assertThatThrownBy(() -> ConfigFiles.readOne(file, ConfigFiles.UnknownFields.REFUSE))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "unknown field 'autostrat' in "
                + file
                + " (process cam1); did you mean 'autostart'? (--lenient ignores unknown fields)");
  }

  @Test
  void findsUnknownFieldsInNestedTypesButNotInFreeFormMetadata() throws IOException {
    var tree =
        Json.YAML.readTree(
            String.join(
                "\n",
                "id: cam1",
                "reconnectDelaySeconds: 5",
                "input:",
                "  - adress: a",
                "    address: a",
                "output:",
                "  - address: b",
                "    cleanup: [{pattern: x, max_filez: 3}]",
                "limits: {cpu_usage: 10, bogus: 1}",
                "metadata: {anything: {goes: here}}",
                ""));

    assertThat(ConfigFiles.unknownFields(tree))
        .containsExactly(
            "reconnectDelaySeconds",
            "input[0].adress",
            "output[0].cleanup[0].max_filez",
            "limits.bogus");
    assertThatThrownBy(
            () -> ConfigFiles.toConfig(tree, "cams.yaml", ConfigFiles.UnknownFields.REFUSE))
        .hasMessageContaining(
            "unknown field 'reconnectDelaySeconds' in cams.yaml (process cam1); did you mean"
                + " 'reconnect_delay_seconds'?")
        .hasMessageContaining(
            "unknown field 'input[0].adress' in cams.yaml (process cam1); did you mean"
                + " 'input[0].address'?")
        .hasMessageContaining(
            "'output[0].cleanup[0].max_filez' in cams.yaml (process cam1); did you mean"
                + " 'output[0].cleanup[0].max_files'?")
        .hasMessageContaining("unknown field 'limits.bogus' in cams.yaml (process cam1) (")
        .hasMessageNotContaining("anything");
  }

  @Test
  void lenientAcceptsUnknownFieldsWithAWarningEach() throws IOException {
    var tree =
        Json.JSON.readTree(
            "{\"id\":\"cam1\",\"autostrat\":false,\"zzz\":1,"
                + "\"input\":[{\"address\":\"a\"}],\"output\":[{\"address\":\"b\"}]}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    ProcessConfig config =
        ConfigFiles.toConfig(
            tree,
            "cams.json",
            ConfigFiles.UnknownFields.warnOn(new PrintStream(err, true, StandardCharsets.UTF_8)));

    assertThat(config.id()).contains("cam1");
    assertThat(config.autostart()).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "corectl: warning: unknown field 'autostrat' in cams.json (process cam1); did you"
                + " mean 'autostart'? (ignored)\n"
                + "corectl: warning: unknown field 'zzz' in cams.json (process cam1) (ignored)\n");
  }

  @Test
  void everyFieldOfAFullConfigIsKnown() {
    ProcessConfig full =
        ProcessConfig.builder()
            .id("x")
            .reference("r")
            .autostart(false)
            .reconnect(true)
            .reconnectDelaySeconds(3L)
            .staleTimeoutSeconds(4L)
            .addOptions("-loglevel", "info")
            .addInput(
                dev.corekit.core.model.ProcessConfigIo.builder()
                    .id("in")
                    .address("a")
                    .addOptions("-re")
                    .build())
            .addOutput(
                dev.corekit.core.model.ProcessConfigIo.builder().id("out").address("b").build())
            .build();

    assertThat(ConfigFiles.unknownFields(Json.tree(full))).isEmpty();
  }
}
