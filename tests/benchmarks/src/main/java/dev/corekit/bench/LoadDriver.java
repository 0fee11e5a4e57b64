package dev.corekit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A closed-loop load: {@code concurrency} lanes, each making one call after the other for a fixed
 * time, so exactly that many calls are in flight. The same driver runs every contender: reactive
 * ones as lanes of repeated {@code Mono}s, blocking ones on that many platform threads.
 */
final class LoadDriver {
  private static final int LATENCY_CAPACITY = 1 << 21;

  private LoadDriver() {}

  /**
   * Runs a reactive call in {@code concurrency} lanes for {@code window}.
   *
   * @param call makes one call (a cold {@code Mono}; subscribed once per call)
   * @param concurrency calls in flight
   * @param window how long new calls are started
   * @return the measurement
   */
  static Sample reactive(Supplier<Mono<?>> call, int concurrency, Duration window) {
    Latencies latencies = new Latencies(LATENCY_CAPACITY);
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicReference<String> firstError = new AtomicReference<>();
    settle();
    Usage start = Usage.now();
    long end = start.wallNanos() + window.toNanos();
    Flux.range(0, concurrency)
        .flatMap(
            lane ->
                Mono.defer(
                        () -> {
                          long t0 = System.nanoTime();
                          return call.get()
                              .doOnSuccess(
                                  value -> {
                                    latencies.record(System.nanoTime() - t0);
                                    ok.increment();
                                  })
                              .onErrorResume(
                                  error -> {
                                    failed.increment();
                                    firstError.compareAndSet(null, error.toString());
                                    return Mono.empty();
                                  });
                        })
                    .repeat(() -> System.nanoTime() - end < 0)
                    .then(),
            concurrency)
        .then()
        .block(window.plus(Duration.ofMinutes(2)));
    Usage used = Usage.now().since(start);
    return Sample.of(ok.sum(), failed.sum(), used, latencies, firstError.get());
  }

  /**
   * Runs a blocking call on {@code threads} threads for {@code window}.
   *
   * @param call makes one call
   * @param threads callers in parallel
   * @param window how long new calls are started
   * @return the measurement
   */
  static Sample blocking(Callable<?> call, int threads, Duration window)
      throws InterruptedException {
    Latencies latencies = new Latencies(LATENCY_CAPACITY);
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicReference<String> firstError = new AtomicReference<>();
    CountDownLatch go = new CountDownLatch(1);
    long[] end = new long[1];
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread caller =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                while (System.nanoTime() - end[0] < 0) {
                  long t0 = System.nanoTime();
                  try {
                    call.call();
                    latencies.record(System.nanoTime() - t0);
                    ok.increment();
                  } catch (Exception e) {
                    failed.increment();
                    firstError.compareAndSet(null, e.toString());
                  }
                }
              },
              "bench-caller-" + i);
      caller.start();
      callers.add(caller);
    }
    settle();
    Usage start = Usage.now();
    end[0] = start.wallNanos() + window.toNanos();
    go.countDown();
    for (Thread caller : callers) {
      caller.join();
    }
    Usage used = Usage.now().since(start);
    return Sample.of(ok.sum(), failed.sum(), used, latencies, firstError.get());
  }

  /**
   * A full collection before a window, so one contender's garbage is not collected in the next
   * one's.
   */
  static void settle() {
    System.gc();
  }
}
