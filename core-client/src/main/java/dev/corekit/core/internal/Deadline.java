package dev.corekit.core.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.Context;

/**
 * One deadline over a whole call: when it passes before the call ends, the call is cancelled and
 * fails with the given error.
 *
 * <p>What Reactor's {@code timeout(Duration)} does for a {@code Mono}, and {@code
 * takeUntilOther(Mono.delay(..))} plus a check for a {@code Flux}, in one subscriber per call and
 * one timer on the given scheduler: {@code timeout()} names the whole operator chain for its
 * message at each subscription (a walk over the chain and several strings per call, measured as 6 %
 * of the bytes a small call allocates). Values are never delivered concurrently with the error: a
 * deadline that passes while a value is being delivered fails the call right after it.
 */
public final class Deadline {
  private Deadline() {}

  /**
   * A duration in nanoseconds, at most {@code Long.MAX_VALUE} (about 292 years).
   *
   * @param duration a positive duration
   * @return its nanoseconds
   */
  public static long nanos(java.time.Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Bounds a {@code Mono}.
   *
   * @param source the call
   * @param nanos the time it may take, from subscription
   * @param timer where the deadline is scheduled
   * @param error the error when it passes
   * @param <T> the value type
   * @return the bounded call
   */
  public static <T> Mono<T> mono(
      Mono<T> source, long nanos, Scheduler timer, Supplier<? extends Throwable> error) {
    return new MonoOperator<T, T>(source) {
      @Override
      public void subscribe(CoreSubscriber<? super T> actual) {
        source.subscribe(new DeadlineSubscriber<>(actual, nanos, timer, error));
      }
    };
  }

  /**
   * Bounds a {@code Flux}: all of it, not each value.
   *
   * @param source the call
   * @param nanos the time it may take, from subscription
   * @param timer where the deadline is scheduled
   * @param error the error when it passes
   * @param <T> the value type
   * @return the bounded call
   */
  public static <T> Flux<T> flux(
      Flux<T> source, long nanos, Scheduler timer, Supplier<? extends Throwable> error) {
    return new FluxOperator<T, T>(source) {
      @Override
      public void subscribe(CoreSubscriber<? super T> actual) {
        source.subscribe(new DeadlineSubscriber<>(actual, nanos, timer, error));
      }
    };
  }

  /**
   * States: {@link #ACTIVE}; {@link #EMITTING} while a value is delivered; {@link
   * #EXPIRED_EMITTING} when the deadline passed during that delivery (the deliverer fails the call
   * after it); {@link #DONE} after the end, an error, a cancellation or the deadline.
   */
  static final class DeadlineSubscriber<T>
      implements CoreSubscriber<T>, org.reactivestreams.Subscription, Runnable, Scannable {
    static final int ACTIVE = 0;
    static final int EMITTING = 1;
    static final int EXPIRED_EMITTING = 2;
    static final int DONE = 3;

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<DeadlineSubscriber> STATE =
        AtomicIntegerFieldUpdater.newUpdater(DeadlineSubscriber.class, "state");

    private final CoreSubscriber<? super T> actual;
    private final long nanos;
    private final Scheduler timer;
    private final Supplier<? extends Throwable> error;
    private org.reactivestreams.@Nullable Subscription upstream;
    private volatile @Nullable Disposable deadline;
    private volatile int state;
    // Only read and written by the thread signalling from upstream (signals are serial).
    private int depth;

    DeadlineSubscriber(
        CoreSubscriber<? super T> actual,
        long nanos,
        Scheduler timer,
        Supplier<? extends Throwable> error) {
      this.actual = actual;
      this.nanos = nanos;
      this.timer = timer;
      this.error = error;
    }

    @Override
    public void onSubscribe(org.reactivestreams.Subscription s) {
      if (Operators.validate(upstream, s)) {
        upstream = s;
        actual.onSubscribe(this);
        if (state != DONE) {
          Disposable scheduled = timer.schedule(this, nanos, TimeUnit.NANOSECONDS);
          deadline = scheduled;
          if (state == DONE) {
            // ended while the timer was being set
            scheduled.dispose();
          }
        }
      }
    }

    @Override
    public void onNext(T value) {
      if (depth > 0) {
        // a value delivered from within the delivery of another (a synchronous source answering a
        // request made in onNext): the outer delivery holds the state
        actual.onNext(value);
        return;
      }
      if (!STATE.compareAndSet(this, ACTIVE, EMITTING)) {
        Operators.onNextDropped(value, actual.currentContext());
        return;
      }
      depth++;
      try {
        actual.onNext(value);
      } finally {
        depth--;
      }
      if (!STATE.compareAndSet(this, EMITTING, ACTIVE)) {
        // the deadline passed while the value was delivered (or downstream cancelled)
        if (STATE.getAndSet(this, DONE) == EXPIRED_EMITTING) {
          expire();
        }
      }
    }

    @Override
    public void onError(Throwable failure) {
      if (STATE.getAndSet(this, DONE) == DONE) {
        Operators.onErrorDropped(failure, actual.currentContext());
        return;
      }
      disarm();
      actual.onError(failure);
    }

    @Override
    public void onComplete() {
      if (STATE.getAndSet(this, DONE) == DONE) {
        return;
      }
      disarm();
      actual.onComplete();
    }

    /** The deadline passed (on the timer's thread). */
    @Override
    public void run() {
      for (; ; ) {
        int current = state;
        if (current == ACTIVE) {
          if (STATE.compareAndSet(this, ACTIVE, DONE)) {
            expire();
            return;
          }
        } else if (current == EMITTING) {
          if (STATE.compareAndSet(this, EMITTING, EXPIRED_EMITTING)) {
            return;
          }
        } else {
          return;
        }
      }
    }

    private void expire() {
      org.reactivestreams.Subscription s = upstream;
      if (s != null) {
        s.cancel();
      }
      actual.onError(error.get());
    }

    private void disarm() {
      Disposable scheduled = deadline;
      if (scheduled != null) {
        scheduled.dispose();
      }
    }

    @Override
    public void request(long n) {
      org.reactivestreams.Subscription s = upstream;
      if (s != null) {
        s.request(n);
      }
    }

    @Override
    public void cancel() {
      STATE.set(this, DONE);
      disarm();
      org.reactivestreams.Subscription s = upstream;
      if (s != null) {
        s.cancel();
      }
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public @Nullable Object scanUnsafe(Attr key) {
      if (key == Attr.PARENT) {
        return upstream;
      }
      if (key == Attr.ACTUAL) {
        return actual;
      }
      if (key == Attr.TERMINATED || key == Attr.CANCELLED) {
        return state == DONE;
      }
      if (key == Attr.RUN_STYLE) {
        return Attr.RunStyle.SYNC;
      }
      return null;
    }
  }
}
