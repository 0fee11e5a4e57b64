package dev.corekit.core.internal;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.NonBlocking;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The scheduler of the client's deadlines: one hashed-wheel timer thread for all clients. Deadlines
 * almost never fire, and scheduling or cancelling one on a wheel wakes no thread, where a {@code
 * ScheduledThreadPoolExecutor} (Reactor's parallel scheduler) wakes its thread for nearly every
 * call. A deadline fires up to one tick (10 ms) late. Its thread is a Reactor non-blocking thread.
 */
final class DeadlineTimer implements Scheduler {
  static final DeadlineTimer INSTANCE = new DeadlineTimer();

  private final HashedWheelTimer wheel =
      new HashedWheelTimer(
          runnable -> {
            Thread thread = new TimerThread(runnable);
            thread.setDaemon(true);
            return thread;
          },
          10,
          TimeUnit.MILLISECONDS,
          512);

  private DeadlineTimer() {}

  /** The timer's thread: non-blocking in Reactor's and BlockHound's eyes. */
  private static final class TimerThread extends Thread implements NonBlocking {
    TimerThread(Runnable task) {
      super(task, "corekit-deadlines");
    }
  }

  @Override
  public Disposable schedule(Runnable task) {
    return Schedulers.parallel().schedule(task);
  }

  @Override
  public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
    Timeout timeout;
    try {
      timeout = wheel.newTimeout(ignored -> task.run(), delay, unit);
    } catch (IllegalStateException stopped) {
      throw new RejectedExecutionException("the deadline timer is stopped", stopped);
    }
    return new Disposable() {
      @Override
      public void dispose() {
        timeout.cancel();
      }

      @Override
      public boolean isDisposed() {
        return timeout.isCancelled() || timeout.isExpired();
      }
    };
  }

  @Override
  public Worker createWorker() {
    return Schedulers.parallel().createWorker();
  }
}
