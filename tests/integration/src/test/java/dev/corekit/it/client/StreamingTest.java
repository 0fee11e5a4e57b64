package dev.corekit.it.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreClient;
import dev.corekit.core.RequestOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Lists are decoded element by element: memory does not grow with their length. */
class StreamingTest {
  private static final long PROCESSES = 1_000_000;
  private static final long MB = 1024 * 1024;

  @Test
  void aListOfAMillionProcessesStreamsInBoundedMemoryAndStartsBeforeTheBodyEnds() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    // The simulator runs in its own JVM: the heap measured here is the client's alone.
    try (SimulatorProcess sim =
            SimulatorProcess.start(
                "1g",
                "--user",
                Simulators.USER,
                "--password",
                Simulators.PASSWORD,
                "--seed",
                Long.toString(PROCESSES));
        CoreClient client =
            CoreClient.builder()
                .baseUrl(sim.baseUrl())
                .credentials(Simulators.USER, Simulators.PASSWORD)
                .build()) {
      client
          .processes()
          .list(dev.corekit.core.api.ProcessApi.ListQuery.builder().idpattern("none").build())
          .then()
          .block(Duration.ofSeconds(30));
      settle(memory);
      long baseline = memory.getHeapMemoryUsage().getUsed();
      AtomicLong peak = new AtomicLong(baseline);
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
      sampler.scheduleAtFixedRate(
          () -> {
            System.gc();
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          },
          100,
          250,
          TimeUnit.MILLISECONDS);
      long start = System.nanoTime();
      AtomicLong firstAt = new AtomicLong();
      Long count;
      try {
        count =
            client
                .processes()
                .with(RequestOptions.timeout(Duration.ofMinutes(5)))
                .list()
                .doOnNext(process -> firstAt.compareAndSet(0, System.nanoTime() - start))
                .count()
                .block(Duration.ofMinutes(6));
      } finally {
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
      }
      long whole = System.nanoTime() - start;
      long growth = peak.get() - baseline;
      System.out.printf(
          "streaming: %d processes, first element after %d ms, whole list in %d ms, heap growth %.1f MB "
              + "(baseline %d MB, peak %d MB)%n",
          count,
          firstAt.get() / 1_000_000,
          whole / 1_000_000,
          growth / (double) MB,
          baseline / MB,
          peak.get() / MB);
      assertThat(count).isEqualTo(PROCESSES);
      assertThat(firstAt.get()).isLessThan(whole / 20);
      assertThat(growth).isLessThan(32 * MB);
    }
  }

  private static void settle(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
  }
}
