package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.simulator.CoreSimulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corectl fs ls|put|get|rm} against the simulator's memory filesystem. */
class FsCommandsIT {

  @Test
  void uploadsListsDownloadsToFileAndStdoutAndRemovesAFile(@TempDir Path dir) throws Exception {
    byte[] content = new byte[400_000];
    new Random(7).nextBytes(content);
    Path local = Files.write(dir.resolve("clip.bin"), content);
    try (CoreSimulator sim =
        CoreSimulator.builder().user("admin").password("it-secret").build().start()) {
      Map<String, String> env = Cli.env(sim.baseUrl(), "admin", "it-secret");

      JsonNode put =
          Cli.run(env, "fs", "put", "mem", "/clips/clip.bin", local.toString(), "--json")
              .ok()
              .json();
      assertThat(put.path("bytes").asLong()).isEqualTo(content.length);
      assertThat(put.path("path").asText()).isEqualTo("/clips/clip.bin");

      JsonNode listed = Cli.run(env, "fs", "ls", "mem", "--glob", "/clips/*", "--json").ok().json();
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0).path("name").asText()).isEqualTo("/clips/clip.bin");
      assertThat(listed.get(0).path("size_bytes").asLong()).isEqualTo(content.length);
      assertThat(Cli.run(env, "fs", "ls", "mem").ok().out())
          .startsWith("NAME")
          .contains("/clips/clip.bin  390.6 KiB  ");
      assertThat(Cli.run(env, "fs", "ls", "mem", "--bytes").ok().out())
          .contains("/clips/clip.bin  400000  ");

      Path back = dir.resolve("back.bin");
      assertThat(Cli.run(env, "fs", "get", "mem", "clips/clip.bin", back.toString()).ok().out())
          .contains("downloaded mem:/clips/clip.bin to " + back + " (400000 bytes)");
      assertThat(Files.readAllBytes(back)).isEqualTo(content);

      Process toStdout = Cli.builder(env, "fs", "get", "mem", "clips/clip.bin").start();
      toStdout.getOutputStream().close();
      byte[] streamed;
      try (InputStream in = toStdout.getInputStream()) {
        streamed = in.readAllBytes();
      }
      assertThat(toStdout.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(toStdout.exitValue()).isZero();
      assertThat(streamed).isEqualTo(content);

      assertThat(Cli.run(env, "fs", "rm", "mem", "clips/clip.bin").ok().out())
          .contains("deleted mem:/clips/clip.bin");
      assertThat(Cli.run(env, "fs", "rm", "mem", "clips/clip.bin").failsWith(1).err())
          .startsWith("corectl: not found: DELETE /api/v3/fs/mem/clips/clip.bin answered 404");
      assertThat(
              Cli.run(env, "fs", "put", "mem", "x.bin", dir.resolve("missing.bin").toString())
                  .failsWith(2)
                  .err())
          .contains("missing.bin: no such file");
    }
  }
}
