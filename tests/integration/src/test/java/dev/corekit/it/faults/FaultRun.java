package dev.corekit.it.faults;

import dev.corekit.core.CoreException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Drives concurrent callers through a set of calls for a bounded time and classifies every call:
 * success, a typed {@link CoreException}, another exception, or hung (no end within the deadline
 * plus a generous guard). Works for the reactive client directly and for blocking calls run on a
 * bounded-elastic thread.
 */
final class FaultRun {
  /** One kind of call: a name and what it does, given a random source. */
  record Call(String name, Function<Random, Mono<?>> run) {}

  /** What happened to the calls of one run. */
  static final class Outcome {
    final AtomicLong success = new AtomicLong();
    final AtomicLong typed = new AtomicLong();
    final AtomicLong other = new AtomicLong();
    final AtomicLong hung = new AtomicLong();
    final AtomicLong maxMillis = new AtomicLong();
    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    final List<Throwable> untyped = new java.util.concurrent.CopyOnWriteArrayList<>();

    long total() {
      return success.get() + typed.get() + other.get() + hung.get();
    }

    @Override
    public String toString() {
      return String.format(
          "%6d calls: %6d ok, %5d typed error, %d other, %d hung, slowest %4d ms  %s",
          total(), success.get(), typed.get(), other.get(), hung.get(), maxMillis.get(), errors);
    }
  }

  private FaultRun() {}

  /**
   * Runs {@code callers} loops for {@code length}, each picking calls at random.
   *
   * @param guard how long past its deadline a call may run before it counts as hung
   */
  static Outcome run(List<Call> calls, int callers, Duration length, Duration guard, long seed) {
    Outcome outcome = new Outcome();
    long end = System.nanoTime() + length.toNanos();
    Flux.range(0, callers)
        .flatMap(
            caller -> {
              Random random = new Random(seed * 31 + caller);
              return Mono.defer(
                      () -> one(calls.get(random.nextInt(calls.size())), random, guard, outcome))
                  .repeat(() -> System.nanoTime() < end)
                  .then();
            },
            callers)
        .then()
        .block(length.plus(guard).plus(guard).plusSeconds(30));
    return outcome;
  }

  private static Mono<Void> one(Call call, Random random, Duration guard, Outcome outcome) {
    long start = System.nanoTime();
    return Mono.defer(() -> call.run().apply(random))
        .timeout(guard, Mono.error(new TimeoutException("hung")))
        .then()
        .doOnSuccess(ignored -> outcome.success.incrementAndGet())
        .onErrorResume(
            error -> {
              if (error instanceof TimeoutException && "hung".equals(error.getMessage())) {
                outcome.hung.incrementAndGet();
              } else if (error instanceof CoreException) {
                outcome.typed.incrementAndGet();
                outcome
                    .errors
                    .computeIfAbsent(error.getClass().getSimpleName(), k -> new AtomicLong())
                    .incrementAndGet();
              } else {
                outcome.other.incrementAndGet();
                outcome.untyped.add(error);
              }
              return Mono.empty();
            })
        .doFinally(
            signal ->
                outcome.maxMillis.accumulateAndGet(
                    (System.nanoTime() - start) / 1_000_000, Math::max))
        .subscribeOn(Schedulers.parallel());
  }
}
