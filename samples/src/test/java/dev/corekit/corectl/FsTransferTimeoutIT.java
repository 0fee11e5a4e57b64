package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreClient;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.Fault;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * {@code fs get|put}: {@code --timeout} bounds the time without data moving, not the transfer. The
 * slow download sends 20 pieces 50 ms apart: at least 1 s in total, longer than its 300 ms {@code
 * --timeout} on any machine, and never idle for anything near it... on a loaded machine a pause
 * could stretch, so the slow cases use a 300 ms timeout against 50 ms pauses.
 */
class FsTransferTimeoutIT {
  private static final String CONTENT = "0123456789".repeat(200);
  private CoreSimulator sim;
  private Map<String, String> env;

  @BeforeEach
  void start() {
    sim = CoreSimulator.builder().user("admin").password("it-secret").build().start();
    env = Cli.env(sim.baseUrl(), "admin", "it-secret");
    try (CoreClient core =
        CoreClient.builder().baseUrl(sim.baseUrl()).credentials("admin", "it-secret").build()) {
      core.filesystems()
          .upload(
              "mem",
              "video.bin",
              Flux.just(ByteBuffer.wrap(CONTENT.getBytes(StandardCharsets.US_ASCII))))
          .block(Duration.ofSeconds(30));
    }
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void aDownloadLongerThanTimeoutButNeverIdleSucceedsIntoAFileAndToStdout(@TempDir Path dir)
      throws IOException {
    sim.faults()
        .on("GET /api/v3/fs/mem/video.bin")
        .inject(Fault.slowBody(50, Duration.ofMillis(50)));
    Path target = dir.resolve("video.bin");

    Cli.run(env, "fs", "get", "mem", "video.bin", target.toString(), "--timeout", "1s").ok();
    assertThat(Files.readString(target, StandardCharsets.US_ASCII)).isEqualTo(CONTENT);

    assertThat(Cli.run(env, "fs", "get", "mem", "video.bin", "--timeout", "1s").ok().out())
        .isEqualTo(CONTENT);
  }

  @Test
  void aDownloadThatStopsMovingFailsWithAClearMessageAndLeavesNoFile(@TempDir Path dir)
      throws IOException {
    sim.faults().on("GET /api/v3/fs/mem/video.bin").inject(Fault.stall(100));
    Path target = dir.resolve("video.bin");

    Cli.Result get =
        Cli.run(env, "fs", "get", "mem", "video.bin", target.toString(), "--timeout", "1s");

    get.failsWith(1);
    assertThat(get.err())
        .contains("download of mem:/video.bin stopped: no data moved for 1s")
        .contains("--timeout");
    try (var left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void anUploadIsBoundedByTheIdleTimeoutToo(@TempDir Path dir) throws IOException {
    Path source = Files.writeString(dir.resolve("up.txt"), CONTENT, StandardCharsets.US_ASCII);
    // The answer to the upload is late by more than --timeout: no data moves meanwhile.
    sim.faults()
        .on("PUT /api/v3/fs/mem/up.txt")
        .times(1)
        .inject(Fault.latency(Duration.ofSeconds(30)));

    Cli.Result put =
        Cli.run(env, "fs", "put", "mem", "up.txt", source.toString(), "--timeout", "1s");

    put.failsWith(1);
    assertThat(put.err())
        .contains("upload of " + source + " to mem:/up.txt stopped: no data moved for 1s");
    Cli.run(env, "fs", "put", "mem", "up.txt", source.toString(), "--timeout", "1s").ok();
  }
}
