package dev.corekit.rac.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * A fair, non-blocking semaphore: {@link #acquire()} completes when a permit is free, in request
 * order, without parking any thread. Cancelling a waiting acquire gives its place up; a permit
 * granted to a cancelled acquire is passed on.
 */
final class AsyncPermits {

  private static final int WAITING = 0;
  private static final int GRANTED = 1;
  private static final int CANCELLED = 2;

  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private final Supplier<? extends RuntimeException> closedError;
  private int available;
  private boolean closed;

  AsyncPermits(int permits, Supplier<? extends RuntimeException> closedError) {
    this.available = permits;
    this.closedError = closedError;
  }

  /** A held permit; {@link #release()} is idempotent. */
  final class Permit {
    private final AtomicBoolean released = new AtomicBoolean();

    void release() {
      if (released.compareAndSet(false, true)) {
        releaseOne();
      }
    }
  }

  private final class Waiter {
    final MonoSink<Permit> sink;
    final AtomicInteger state = new AtomicInteger(WAITING);
    final Permit permit = new Permit();

    Waiter(MonoSink<Permit> sink) {
      this.sink = sink;
    }
  }

  Mono<Permit> acquire() {
    return Mono.create(
        sink -> {
          Waiter w = new Waiter(sink);
          boolean grantNow = false;
          boolean rejected = false;
          synchronized (this) {
            if (closed) {
              rejected = true;
            } else if (available > 0 && waiters.isEmpty()) {
              available--;
              grantNow = true;
            } else {
              waiters.add(w);
            }
          }
          if (rejected) {
            sink.error(closedError.get());
            return;
          }
          sink.onCancel(
              () -> {
                if (w.state.compareAndSet(WAITING, CANCELLED)) {
                  synchronized (this) {
                    waiters.remove(w);
                  }
                } else if (w.state.get() == GRANTED) {
                  // Granted but the value may have been dropped by the cancellation: pass it on.
                  w.permit.release();
                }
              });
          if (grantNow && w.state.compareAndSet(WAITING, GRANTED)) {
            sink.success(w.permit);
          }
        });
  }

  private void releaseOne() {
    Waiter next = null;
    synchronized (this) {
      while (!waiters.isEmpty()) {
        Waiter w = waiters.poll();
        if (w.state.compareAndSet(WAITING, GRANTED)) {
          next = w;
          break;
        }
      }
      if (next == null) {
        available++;
      }
    }
    if (next != null) {
      next.sink.success(next.permit);
    }
  }

  /** Fails every waiting acquire and refuses new ones. */
  void close() {
    List<Waiter> failed;
    synchronized (this) {
      closed = true;
      failed = new ArrayList<>(waiters);
      waiters.clear();
    }
    for (Waiter w : failed) {
      if (w.state.compareAndSet(WAITING, CANCELLED)) {
        w.sink.error(closedError.get());
      }
    }
  }

  synchronized int available() {
    return available;
  }
}
