package dev.corekit.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corekit.core.CoreNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTransferTest {

  @Test
  void uploadsListsDownloadsAndRemovesAFile(@TempDir Path dir) throws Exception {
    byte[] content = new byte[300_000];
    new Random(42).nextBytes(content);
    Path local = Files.write(dir.resolve("clip.bin"), content);
    try (SimulatorExtension server = new SimulatorExtension()) {
      FileTransfer.Result r =
          FileTransfer.roundTrip(
              server.core, "mem", local, "clips/clip.bin", dir.resolve("back.bin"));

      assertThat(r.uploadedBytes()).isEqualTo(content.length);
      assertThat(r.listed()).extracting(f -> f.name()).containsExactly("/clips/clip.bin");
      assertThat(r.downloadedBytes()).isEqualTo(content.length);
      assertThat(Files.readAllBytes(dir.resolve("back.bin"))).isEqualTo(content);
      assertThatThrownBy(
              () ->
                  server
                      .core
                      .filesystems()
                      .stat("mem", "clips/clip.bin")
                      .block(Duration.ofSeconds(10)))
          .isInstanceOf(CoreNotFoundException.class);
    }
  }
}
