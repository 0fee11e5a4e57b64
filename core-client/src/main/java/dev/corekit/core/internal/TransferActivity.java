package dev.corekit.core.internal;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * When a streamed transfer last moved bytes, and the idle timeout that watches it: {@link
 * #idleFor(Duration)} completes once no byte moved for that long after the exchange began (a login
 * or version check before it is bounded by its own deadline). It sleeps for the time left until
 * then, so a busy transfer costs one timer per idle timeout, not one per chunk.
 */
final class TransferActivity {
  private volatile long lastNanos = System.nanoTime();
  private volatile boolean begun;

  /** Records that the exchange began or bytes moved, now. */
  void moved() {
    lastNanos = System.nanoTime();
    begun = true;
  }

  /**
   * Completes when no byte moved for {@code idle}, measured from the latest {@link #moved()}.
   *
   * @param idle the idle timeout
   * @return completes (empty) when the transfer has been idle that long
   */
  Mono<Void> idleFor(Duration idle) {
    long idleNanos = idle.toNanos();
    return Mono.defer(
            () -> {
              long left = begun ? lastNanos + idleNanos - System.nanoTime() : idleNanos;
              return left <= 0
                  ? Mono.just(Boolean.TRUE)
                  : Mono.delay(Duration.ofNanos(left), DeadlineTimer.INSTANCE)
                      .thenReturn(Boolean.FALSE);
            })
        .repeat()
        .filter(Boolean::booleanValue)
        .next()
        .then();
  }
}
