package dev.corekit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corekit.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decodes answers real Core servers sent (16.16 and 16.20 shapes) and writes them back. */
class ModelShapesTest {
  private final ObjectMapper mapper = Json.newMapper();

  private <T> T read(String name, TypeReference<T> type) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/shapes/" + name)) {
      return mapper.readValue(in, type);
    }
  }

  private <T> void roundTrips(T value, Class<T> type) throws IOException {
    byte[] written = mapper.writeValueAsBytes(value);
    assertThat(mapper.readValue(written, type)).isEqualTo(value);
  }

  @Test
  void decodesAProcessAsCore16_16SendsIt() throws IOException {
    List<CoreProcess> processes = read("process-list-16.16.json", new TypeReference<>() {});
    CoreProcess process = processes.get(0);
    assertThat(process.id()).isEqualTo("test");
    assertThat(process.type()).isEqualTo(ProcessType.FFMPEG);
    assertThat(process.metadata()).isEmpty();
    ProcessConfig config = process.config().orElseThrow();
    assertThat(config.input())
        .extracting(ProcessConfigIo::address)
        .containsExactly("testsrc2=rate=25:size=640x360");
    assertThat(config.reconnectDelaySeconds()).contains(5L);
    ProcessState state = process.state().orElseThrow();
    assertThat(state.order()).isEqualTo(ProcessOrder.STOP);
    assertThat(state.reconnectSeconds()).isEqualTo(-1);
    ProcessReport report = process.report().orElseThrow();
    assertThat(report.log()).containsExactly(List.of("1795447401", "frame=1"));
    roundTrips(process, CoreProcess.class);
  }

  @Test
  void decodesAProcessAsCore16_20SendsItKeepingUnknownFieldsHarmless() throws IOException {
    List<CoreProcess> processes = read("process-list-16.20.json", new TypeReference<>() {});
    CoreProcess process = processes.get(0);
    assertThat(process.owner()).contains("admin");
    assertThat(process.coreId()).contains("node-1");
    ProcessState state = process.state().orElseThrow();
    assertThat(state.exec()).isEqualTo(ProcessExecState.RUNNING);
    assertThat(state.cpuUsage()).isEqualTo(12.5);
    assertThat(state.progress().inputs().get(0).width()).contains(640L);
    assertThat(process.report().orElseThrow().createdAt()).isEqualTo(-62135596800L);
    assertThat(process.report().orElseThrow().prelude()).isEmpty();
    roundTrips(process, CoreProcess.class);
  }

  @Test
  void decodesTheFullAndTheMinimalAboutAnswer() throws IOException {
    About full = read("about-full.json", new TypeReference<>() {});
    assertThat(full.version().number()).isEqualTo("16.16.0");
    assertThat(full.id()).contains("887d1ac8-8f3a-4c1b-9b1e-1f2e3d4c5b6a");
    assertThat(full.createdAt()).isPresent();
    About minimal = read("about-minimal.json", new TypeReference<>() {});
    assertThat(minimal.id()).isEmpty();
    assertThat(minimal.version().number()).isEqualTo("16.0.0");
    roundTrips(full, About.class);
    roundTrips(minimal, About.class);
  }

  @Test
  void decodesFileListsMetricsAndProbes() throws IOException {
    List<FileInfo> files = read("fs-list.json", new TypeReference<>() {});
    assertThat(files).extracting(FileInfo::name).containsExactly("/hello.txt", "/sub/a.txt");
    assertThat(files.get(0).sizeBytes()).isEqualTo(11);
    MetricsResponse metrics = read("metrics-query.json", new TypeReference<>() {});
    assertThat(metrics.metrics().get(0).labels()).isEmpty();
    assertThat(metrics.metrics().get(1).labels()).containsEntry("state", "running");
    assertThat(metrics.metrics().get(0).values().get(0)).containsExactly(1795447400.0, 97.5);
    Probe probe = read("probe-unknown.json", new TypeReference<>() {});
    assertThat(probe.streams()).isEmpty();
    assertThat(probe.log()).containsExactly("Unknown process ID (nope)");
    CoreError error = read("error.json", new TypeReference<>() {});
    assertThat(error.details()).isEmpty();
    roundTrips(metrics, MetricsResponse.class);
  }

  @Test
  void writesOnlyTheFieldsThatAreSet() throws IOException {
    ProcessConfig config =
        ProcessConfig.builder()
            .id("cam1")
            .addInput(ProcessConfigIo.builder().address("rtmp://in").build())
            .addOutput(ProcessConfigIo.builder().address("-").addOptions("-f", "null").build())
            .autostart(false)
            .build();
    JsonNode written = mapper.valueToTree(config);
    assertThat(written.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("id", "input", "output", "autostart");
    assertThat(written.get("output").get(0).get("options")).hasSize(2);
  }

  @Test
  void refusesToBuildARequestThatBreaksTheSpec() {
    assertThatThrownBy(() -> ProcessConfigIo.builder().id("in").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("address");
    assertThatThrownBy(
            () ->
                ProcessConfig.builder()
                    .id("x")
                    .addOutput(ProcessConfigIo.builder().address("-").build())
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ProcessConfig.input needs at least 1 element");
  }

  @Test
  void keepsAnEnumValueThisSdkDoesNotKnow() throws IOException {
    ProcessState state =
        mapper.readValue(
            "{\"order\":\"pause\",\"exec\":\"hibernating\",\"runtime_seconds\":0,\"reconnect_seconds\":-1,"
                + "\"last_logline\":\"\",\"progress\":{\"inputs\":[],\"outputs\":[],\"frame\":0,\"packet\":0,"
                + "\"fps\":0,\"q\":0,\"size_kb\":0,\"time\":0,\"bitrate_kbit\":0,\"speed\":0,\"drop\":0,\"dup\":0},"
                + "\"memory_bytes\":0,\"cpu_usage\":0,\"command\":[]}",
            ProcessState.class);
    assertThat(state.order().value()).isEqualTo("pause");
    assertThat(state.order().isKnown()).isFalse();
    assertThat(state.exec()).isEqualTo(ProcessExecState.of("hibernating"));
    assertThat(mapper.writeValueAsString(state)).contains("\"order\":\"pause\"");
  }
}
