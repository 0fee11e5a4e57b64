package dev.corekit.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreNotFoundException;
import dev.corekit.core.ResourceInfo;
import dev.corekit.simulator.CoreSimulator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Uploads and downloads stream through files; closing the client releases its threads. */
class FileTransferAndLifecycleTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path folder;

  @Test
  void uploadsFromAFileAndDownloadsIntoAFileByteForByte() throws Exception {
    byte[] content = new byte[8 * 1024 * 1024 + 17];
    new Random(42).nextBytes(content);
    Path source = Files.write(folder.resolve("source.bin"), content);
    Path target = folder.resolve("copy.bin");
    try (CoreSimulator sim = Simulators.simulator().build().start();
        CoreClient client = Simulators.client(sim).build()) {
      StepVerifier.create(client.filesystems().upload("disk", "videos/source.bin", source))
          .expectComplete()
          .verify(WAIT);
      StepVerifier.create(client.filesystems().stat("disk", "videos/source.bin"))
          .assertNext((ResourceInfo info) -> assertThat(info.size()).hasValue(content.length))
          .expectComplete()
          .verify(WAIT);
      StepVerifier.create(client.filesystems().download("disk", "videos/source.bin", target))
          .expectNext((long) content.length)
          .expectComplete()
          .verify(WAIT);
      assertThat(Files.readAllBytes(target)).isEqualTo(content);
      try (var files = Files.list(folder)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("source.bin", "copy.bin");
      }
    }
  }

  @Test
  void uploadsFromAPublisherAndDownloadsAsBytes() {
    try (CoreSimulator sim = Simulators.simulator().build().start();
        CoreClient client = Simulators.client(sim).build()) {
      Flux<ByteBuffer> parts =
          Flux.just("hello ", "from ", "a publisher")
              .map(text -> ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      StepVerifier.create(client.filesystems().upload("mem", "greeting.txt", parts))
          .expectComplete()
          .verify(WAIT);
      String back =
          client
              .filesystems()
              .download("mem", "greeting.txt")
              .map(buffer -> StandardCharsets.UTF_8.decode(buffer).toString())
              .reduce(String::concat)
              .block(WAIT);
      assertThat(back).isEqualTo("hello from a publisher");
      StepVerifier.create(client.filesystems().delete("mem", "greeting.txt"))
          .expectComplete()
          .verify(WAIT);
      StepVerifier.create(client.filesystems().stat("mem", "greeting.txt"))
          .expectError(CoreNotFoundException.class)
          .verify(WAIT);
    }
  }

  @Test
  void aFailedDownloadLeavesNoFileBehind() {
    Path target = folder.resolve("never.bin");
    try (CoreSimulator sim = Simulators.simulator().build().start();
        CoreClient client = Simulators.client(sim).build()) {
      StepVerifier.create(client.filesystems().download("mem", "missing.bin", target))
          .expectError(CoreNotFoundException.class)
          .verify(WAIT);
    }
    assertThat(folder.toFile().list()).isEmpty();
  }

  @Test
  void closingTheClientReleasesItsEventLoopThreads() {
    try (CoreSimulator sim = Simulators.simulator().build().start()) {
      // Only this client's threads: other clients may live in the same JVM.
      Set<String> before = Simulators.threadNames("corekit-http");
      CoreClient client = Simulators.client(sim).build();
      StepVerifier.create(client.processes().list()).expectComplete().verify(WAIT);
      Set<String> created = new HashSet<>(Simulators.threadNames("corekit-http"));
      created.removeAll(before);
      assertThat(created).isNotEmpty();
      client.close();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(Simulators.threadNames("corekit-http"))
                      .doesNotContainAnyElementsOf(created));
    }
  }
}
