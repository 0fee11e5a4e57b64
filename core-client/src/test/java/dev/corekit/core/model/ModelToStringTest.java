package dev.corekit.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corekit.core.internal.Json;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code toString()} of the models hides what Core 16.16 puts into command and log lines: the
 * memory filesystem's password in {@code http://admin:PASSWORD@host/memfs/...}. Accessors and JSON
 * keep the text as Core sent it.
 */
class ModelToStringTest {
  private static final String PASSWORD = "8TvCtvvG0A7uNzgX7R";
  private static final String MEMFS = "http://admin:" + PASSWORD + "@127.0.0.1:8080/memfs/m1.m3u8";
  private final ObjectMapper mapper = Json.newMapper();

  @Test
  void aProcessStateAsCore16_16SendsItShowsNoMemfsPassword() throws IOException {
    String json =
        "{\"order\":\"start\",\"exec\":\"running\",\"runtime_seconds\":4,\"reconnect_seconds\":-1,"
            + "\"last_logline\":\"[hls @ 0x55] Opening '"
            + MEMFS.replace(".m3u8", "0.ts")
            + "' for writing\",\"progress\":{\"inputs\":[],\"outputs\":[{\"id\":\"out\",\"address\":\""
            + MEMFS
            + "\",\"index\":0,\"stream\":0,\"format\":\"hls\",\"type\":\"video\",\"codec\":\"h264\","
            + "\"coder\":\"\",\"frame\":0,\"keyframe\":0,\"framerate\":{\"min\":0,\"max\":0,\"avg\":0},"
            + "\"fps\":0,\"packet\":0,\"pps\":0,\"size_kb\":0,\"extradata_size_bytes\":0,"
            + "\"bitrate_kbit\":0,\"q\":0}],\"frame\":89,\"packet\":0,\"fps\":21.3,\"q\":28,"
            + "\"size_kb\":0,\"time\":1.6,\"bitrate_kbit\":0,\"speed\":0.45,\"drop\":0,\"dup\":0},"
            + "\"memory_bytes\":76779520,\"cpu_usage\":2.5,\"command\":[\"-f\",\"lavfi\",\"-i\","
            + "\"testsrc2\",\"-f\",\"hls\",\""
            + MEMFS
            + "\"]}";
    ProcessState state = mapper.readValue(json, ProcessState.class);

    assertThat(state.toString())
        .doesNotContain(PASSWORD)
        .contains("command=[-f, lavfi, -i, testsrc2, -f, hls, http://admin:***@127.0.0.1:8080/")
        .contains("lastLogline=[hls @ 0x55] Opening 'http://admin:***@127.0.0.1:8080/memfs/m10.ts'")
        .startsWith("ProcessState{order=start, exec=running, runtimeSeconds=4,");
    assertThat(state.progress().outputs().get(0).toString()).doesNotContain(PASSWORD);
    // The data stays as Core sent it.
    assertThat(state.command()).endsWith(MEMFS);
    assertThat(mapper.writeValueAsString(state)).contains(PASSWORD);
  }

  @Test
  void aReportAndAConfigShowNoPasswordOfTheirUrls() {
    ProcessReport report =
        ProcessReport.builder()
            .createdAt(1)
            .addPrelude("Output #0, hls, to '" + MEMFS + "':")
            .addLog(java.util.List.of("1", "[hls @ 0x55] Opening '" + MEMFS + "' for writing"))
            .build();
    assertThat(report.toString()).doesNotContain(PASSWORD).contains("admin:***@127.0.0.1:8080");
    ProcessConfigIo output =
        ProcessConfigIo.builder()
            .id("out")
            .address("rtmp://user:" + PASSWORD + "@example.org/live/x")
            .build();
    assertThat(output.toString())
        .isEqualTo(
            "ProcessConfigIo{id=out, address=rtmp://user:***@example.org/live/x, options=[],"
                + " cleanup=[]}");
  }

  @Test
  void secretFieldsStillShowAsMasks() {
    ConfigBasicAuth auth =
        ConfigBasicAuth.builder().enable(true).username("admin").password(PASSWORD).build();
    assertThat(auth.toString()).doesNotContain(PASSWORD).contains("password=***");
    assertThat(auth.password()).isEqualTo(PASSWORD);
  }
}
