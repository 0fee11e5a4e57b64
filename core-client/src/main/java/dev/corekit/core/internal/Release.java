package dev.corekit.core.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The blocking {@code close()} of the SDK's closeable types. */
public final class Release {
  private Release() {}

  /**
   * Waits up to 10 s for a release to complete; on a Reactor non-blocking thread it only starts it.
   * Keeps the thread's interrupt flag; a release still running after the wait goes on in the
   * background.
   *
   * @param release completes when everything is released
   */
  public static void await(Mono<Void> release) {
    if (Schedulers.isInNonBlockingThread()) {
      release.subscribe();
      return;
    }
    try {
      release.toFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // released in the background
    }
  }
}
