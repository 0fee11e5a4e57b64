package dev.corekit.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.model.CoreProcess;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Blocking callers share the reactive client's single-flight token renewal. */
@Timeout(60)
class TokenRenewalBurstTest {
  private static final int THREADS = 100;
  private static final Duration ACCESS_TTL = Duration.ofSeconds(10);

  @Test
  void hundredThreadsCallingAcrossATokenExpiryAllSucceedWithOneRefresh() throws Exception {
    try (CoreSimulator sim =
        TestSupport.simulator()
            .accessTtl(ACCESS_TTL)
            .refreshTtl(Duration.ofMinutes(5))
            .build()
            .start()) {
      long connectedAt;
      Duration burst;
      try (CoreSyncClient core = CoreSync.connect(TestSupport.client(sim))) {
        connectedAt = System.nanoTime();
        core.processes().create(TestSupport.process("burst"));
        assertThat(sim.stats().logins()).isEqualTo(1);
        long refreshesBefore = sim.stats().refreshes();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
          // Warm up: open the connections the burst will use (the pool keeps them), so that the
          // burst
          // itself is short even on a slow machine.
          assertThat(burst(pool, core, null)).isLessThan(ACCESS_TTL.multipliedBy(6).dividedBy(10));
          assertThat(sim.stats().refreshes())
              .as("no renewal during the warm-up")
              .isEqualTo(refreshesBefore);
          // The client renews the access token a fifth of its lifetime before it expires; it counts
          // the
          // lifetime as exp - iat less one second (iat is truncated), so a 10 s token is renewed
          // about
          // 7.2 s after the login (which happened before connect returned). Release the burst once
          // that moment has certainly passed and no request has renewed it yet: the first request
          // of the
          // burst finds the token due, and the others wait on the same renewal. The token outlives
          // the
          // burst by seconds, so no request of it needs a second renewal.
          long due = connectedAt + ACCESS_TTL.toNanos() * 4 / 5 + Duration.ofMillis(50).toNanos();
          burst = burst(pool, core, due);
        } finally {
          pool.shutdownNow();
          assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        long refreshes = sim.stats().refreshes() - refreshesBefore;
        System.out.printf(
            "token burst: %d threads, all done %d ms after release, %d refresh(es), %d login(s)%n",
            THREADS, burst.toMillis(), refreshes, sim.stats().logins());
        assertThat(refreshes).isEqualTo(1);
        assertThat(sim.stats().logins()).isEqualTo(1);
      }
    }
  }

  /**
   * Starts {@link #THREADS} callers at a latch, releases them at {@code releaseAt} (nanoTime; at
   * once when null), and checks that every call succeeds.
   *
   * @return how long the calls took after the release
   */
  private static Duration burst(ExecutorService pool, CoreSyncClient core, Long releaseAt)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<CoreProcess>>> calls = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      calls.add(
          pool.submit(
              () -> {
                ready.countDown();
                assertThat(go.await(20, TimeUnit.SECONDS)).isTrue();
                return core.processes().list();
              }));
    }
    assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
    if (releaseAt != null) {
      while (System.nanoTime() - releaseAt < 0) {
        LockSupport.parkNanos(releaseAt - System.nanoTime());
      }
    }
    long released = System.nanoTime();
    go.countDown();
    for (Future<List<CoreProcess>> call : calls) {
      assertThat(call.get(20, TimeUnit.SECONDS)).extracting(CoreProcess::id).contains("burst");
    }
    return Duration.ofNanos(System.nanoTime() - released);
  }
}
