package dev.corekit.it.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.api.FilesystemApi;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.Fault;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * {@link RequestOptions.Builder#idleTimeout(Duration)}: a streamed transfer is bounded by the time
 * in which no byte moves, not by the call's deadline. The slow transfers below take at least 20
 * pauses of 50 ms, so they are longer in total than their 300 ms deadline on any machine, and never
 * pause for anything near their 10 s idle timeout.
 */
class IdleTimeoutTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration DEADLINE = Duration.ofMillis(300);
  private static final Duration GENEROUS_IDLE = Duration.ofSeconds(10);
  private static final Duration SHORT_IDLE = Duration.ofMillis(500);
  private static final byte[] CONTENT = content(2000);

  @TempDir Path folder;
  private CoreSimulator sim;
  private CoreClient client;

  @BeforeEach
  void start() {
    sim = Simulators.simulator().build().start();
    client = Simulators.client(sim).build();
    client
        .filesystems()
        .upload("mem", "video.bin", Flux.just(ByteBuffer.wrap(CONTENT)))
        .block(WAIT);
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  private FilesystemApi fs(RequestOptions.Builder options) {
    return client.filesystems().with(options.build());
  }

  @Test
  void aSlowDownloadLongerThanTheDeadlineButNeverIdleSucceeds() {
    sim.faults()
        .on("GET /api/v3/fs/mem/video.bin")
        .inject(Fault.slowBody(100, Duration.ofMillis(50)));

    byte[] back =
        fs(RequestOptions.builder().timeout(DEADLINE).idleTimeout(GENEROUS_IDLE))
            .download("mem", "video.bin")
            .reduce(new byte[0], IdleTimeoutTest::append)
            .block(WAIT);

    assertThat(back).isEqualTo(CONTENT);
  }

  @Test
  void theSameSlowDownloadFailsOnItsDeadlineWithoutAnIdleTimeout() {
    sim.faults()
        .on("GET /api/v3/fs/mem/video.bin")
        .inject(Fault.slowBody(100, Duration.ofMillis(50)));

    StepVerifier.create(fs(RequestOptions.builder().timeout(DEADLINE)).download("mem", "video.bin"))
        .thenConsumeWhile(chunk -> true)
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(CoreTimeoutException.class)
                    .hasMessageContaining("did not finish"))
        .verify(WAIT);
  }

  @Test
  void aSlowDownloadIntoAFileSucceedsAndAStalledOneFailsAsIdleLeavingNoFile() throws Exception {
    sim.faults()
        .on("GET /api/v3/fs/mem/video.bin")
        .times(1)
        .inject(Fault.slowBody(100, Duration.ofMillis(50)));
    Path target = folder.resolve("video.bin");

    assertThat(
            fs(RequestOptions.builder().timeout(DEADLINE).idleTimeout(GENEROUS_IDLE))
                .download("mem", "video.bin", target)
                .block(WAIT))
        .isEqualTo(CONTENT.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);

    sim.faults().on("GET /api/v3/fs/mem/video.bin").inject(Fault.stall(100));
    Path stalled = folder.resolve("stalled.bin");
    StepVerifier.create(
            fs(RequestOptions.builder().idleTimeout(SHORT_IDLE))
                .download("mem", "video.bin", stalled))
        .expectErrorSatisfies(IdleTimeoutTest::isIdleTimeout)
        .verify(WAIT);
    assertThat(stalled).doesNotExist();
    try (var files = Files.list(folder)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aDownloadThatStallsFailsWithAnIdleTimeout() {
    sim.faults().on("GET /api/v3/fs/mem/video.bin").inject(Fault.stall(100));

    StepVerifier.create(
            fs(RequestOptions.builder().idleTimeout(SHORT_IDLE)).download("mem", "video.bin"))
        .thenConsumeWhile(chunk -> true)
        .expectErrorSatisfies(IdleTimeoutTest::isIdleTimeout)
        .verify(WAIT);
  }

  @Test
  void aSlowUploadLongerThanTheDeadlineButNeverIdleSucceeds() {
    Flux<ByteBuffer> slow =
        Flux.interval(Duration.ofMillis(50))
            .take(20)
            .map(
                i ->
                    ByteBuffer.wrap(
                        Arrays.copyOfRange(CONTENT, (int) (i * 100), (int) (i * 100 + 100))));

    StepVerifier.create(
            fs(RequestOptions.builder().timeout(DEADLINE).idleTimeout(GENEROUS_IDLE))
                .upload("mem", "slow.bin", slow))
        .expectComplete()
        .verify(WAIT);

    byte[] stored =
        client
            .filesystems()
            .download("mem", "slow.bin")
            .reduce(new byte[0], IdleTimeoutTest::append)
            .block(WAIT);
    assertThat(stored).isEqualTo(CONTENT);
  }

  @Test
  void anUploadWhoseSourceStallsFailsWithAnIdleTimeout() {
    Flux<ByteBuffer> stalling = Flux.concat(Flux.just(ByteBuffer.wrap(CONTENT)), Flux.never());

    StepVerifier.create(
            fs(RequestOptions.builder().idleTimeout(SHORT_IDLE))
                .upload("mem", "never.bin", stalling))
        .expectErrorSatisfies(IdleTimeoutTest::isIdleTimeout)
        .verify(WAIT);
  }

  @Test
  void callsWithoutAStreamedBodyKeepTheirDeadline() {
    sim.faults().on("GET /api/v3/fs/mem").inject(Fault.latency(Duration.ofSeconds(5)));

    StepVerifier.create(
            fs(RequestOptions.builder().timeout(DEADLINE).idleTimeout(GENEROUS_IDLE).retries(0))
                .list("mem"))
        .expectErrorSatisfies(
            e -> {
              assertThat(e).isInstanceOf(CoreTimeoutException.class);
              assertThat(((CoreTimeoutException) e).idle()).isFalse();
            })
        .verify(WAIT);
  }

  @Test
  void theIdleTimeoutIsAnOptionLikeTheOthers() {
    RequestOptions idle = RequestOptions.builder().idleTimeout(SHORT_IDLE).build();

    assertThat(idle.mergedWith(RequestOptions.timeout(DEADLINE)).idleTimeout())
        .contains(SHORT_IDLE);
    assertThat(RequestOptions.timeout(DEADLINE).mergedWith(idle).idleTimeout())
        .contains(SHORT_IDLE);
    assertThat(idle).isEqualTo(RequestOptions.builder().idleTimeout(SHORT_IDLE).build());
    assertThat(idle).hasToString("RequestOptions{idleTimeout=PT0.5S}");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RequestOptions.builder().idleTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void isIdleTimeout(Throwable e) {
    assertThat(e).isInstanceOf(CoreTimeoutException.class);
    assertThat(((CoreTimeoutException) e).idle()).isTrue();
    assertThat(((CoreTimeoutException) e).timeout()).isEqualTo(SHORT_IDLE);
    assertThat(e).hasMessageContaining("moved no data for 500 ms");
  }

  private static byte[] append(byte[] sofar, ByteBuffer chunk) {
    byte[] out = Arrays.copyOf(sofar, sofar.length + chunk.remaining());
    chunk.get(out, sofar.length, chunk.remaining());
    return out;
  }

  private static byte[] content(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    return b;
  }
}
