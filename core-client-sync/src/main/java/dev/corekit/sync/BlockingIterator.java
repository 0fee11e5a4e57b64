package dev.corekit.sync;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;

/**
 * A lazy iterator over a Flux: subscribes on the first {@code hasNext()}, requests in batches of
 * {@value #BATCH}, waits at most the policy's deadline for each element, and cancels on {@link
 * #cancel()}. Signals are handed over through a lock-free queue and {@code LockSupport.unpark}, so
 * the producing thread never blocks.
 */
final class BlockingIterator<T> implements Iterator<T>, CoreSubscriber<T> {

  static final int BATCH = 32;
  private static final int REPLENISH = BATCH - BATCH / 4;
  private static final Object COMPLETE = new Object();

  private final Flux<? extends T> source;
  private final String call;
  private final BlockingPolicy policy;
  private final SyncInvocationHandler handler;
  private final Queue<Object> queue = new ConcurrentLinkedQueue<>();

  private volatile @Nullable Subscription subscription;
  private volatile @Nullable Thread waiter;
  private volatile boolean cancelled;
  private boolean subscribed;
  private boolean finished;
  private int consumed;
  private @Nullable Object next;

  BlockingIterator(
      Flux<? extends T> source, String call, BlockingPolicy policy, SyncInvocationHandler handler) {
    this.source = source;
    this.call = call;
    this.policy = policy;
    this.handler = handler;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (finished) {
      return false;
    }
    if (Schedulers.isInNonBlockingThread()) {
      throw new IllegalStateException(
          "Blocking iteration of "
              + call
              + " on non-blocking thread "
              + Thread.currentThread().getName()
              + "; use the reactive API on Reactor's non-blocking threads");
    }
    if (cancelled) {
      throw new IllegalStateException("Stream of " + call + " is closed");
    }
    if (!subscribed) {
      subscribed = true;
      source.subscribe(this);
    }
    Duration deadline = policy.timeout();
    long deadlineNanos = System.nanoTime() + saturatedNanos(deadline);
    waiter = Thread.currentThread();
    try {
      for (; ; ) {
        Object o = queue.poll();
        if (o != null) {
          return accept(o);
        }
        if (Thread.interrupted()) {
          cancel();
          Thread.currentThread().interrupt();
          throw policy.interruptedException(
              new InterruptedException("Interrupted while waiting for " + call));
        }
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
          cancel();
          finished = true;
          throw policy.timeoutException(call, deadline);
        }
        LockSupport.parkNanos(this, remaining);
      }
    } finally {
      waiter = null;
    }
  }

  private boolean accept(Object o) {
    if (o == COMPLETE) {
      finished = true;
      return false;
    }
    if (o instanceof Failure) {
      finished = true;
      throw handler.failure(((Failure) o).error);
    }
    next = o;
    if (++consumed == REPLENISH) {
      consumed = 0;
      Subscription s = subscription;
      if (s != null) {
        s.request(REPLENISH);
      }
    }
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Object o = next;
    next = null;
    return (T) o;
  }

  /** Cancels the subscription; later calls to {@link #hasNext()} fail. */
  void cancel() {
    cancelled = true;
    Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    queue.clear();
  }

  @Override
  public void onSubscribe(Subscription s) {
    if (Operators.validate(subscription, s)) {
      subscription = s;
      if (cancelled) {
        s.cancel();
      } else {
        s.request(BATCH);
      }
    }
  }

  @Override
  public void onNext(T t) {
    queue.offer(t);
    signal();
  }

  @Override
  public void onError(Throwable t) {
    queue.offer(new Failure(t));
    signal();
  }

  @Override
  public void onComplete() {
    queue.offer(COMPLETE);
    signal();
  }

  private void signal() {
    Thread w = waiter;
    if (w != null) {
      LockSupport.unpark(w);
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }

  private static final class Failure {
    final Throwable error;

    Failure(Throwable error) {
      this.error = error;
    }
  }
}
