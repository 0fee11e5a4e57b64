package dev.corekit.rac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.rac.RacException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class AsyncPermitsTest {

  private final AsyncPermits permits =
      new AsyncPermits(2, () -> new RacException("closed", List.of(), null));

  @Test
  void grantsInRequestOrderWithoutBlocking() {
    List<AsyncPermits.Permit> held = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      permits
          .acquire()
          .subscribe(
              p -> {
                order.add(n);
                held.add(p);
              });
    }
    assertThat(order).containsExactly(0, 1);
    held.get(0).release();
    held.get(0).release();
    assertThat(order).containsExactly(0, 1, 2);
    held.get(1).release();
    held.get(2).release();
    assertThat(order).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void aCancelledWaiterGivesItsTurnToTheNext() {
    List<AsyncPermits.Permit> held = new ArrayList<>();
    permits.acquire().subscribe(held::add);
    permits.acquire().subscribe(held::add);
    Disposable cancelled = permits.acquire().subscribe(held::add);
    AtomicInteger last = new AtomicInteger();
    permits.acquire().subscribe(p -> last.incrementAndGet());
    cancelled.dispose();
    held.get(0).release();
    assertThat(held).hasSize(2);
    assertThat(last).hasValue(1);
  }

  @Test
  void closingFailsWaitersAndLaterAcquires() {
    permits.acquire().subscribe();
    permits.acquire().subscribe();
    Mono<AsyncPermits.Permit> waiting = permits.acquire();
    StepVerifier.create(waiting)
        .then(permits::close)
        .expectError(RacException.class)
        .verify(Duration.ofSeconds(5));
    StepVerifier.create(permits.acquire())
        .expectError(RacException.class)
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void neverGrantsMoreThanItsPermitsUnderConcurrentUse() {
    AtomicInteger inUse = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    Flux<Integer> work =
        Flux.range(0, 2_000)
            .flatMap(
                i ->
                    permits
                        .acquire()
                        .publishOn(Schedulers.parallel())
                        .map(
                            p -> {
                              max.accumulateAndGet(inUse.incrementAndGet(), Math::max);
                              inUse.decrementAndGet();
                              p.release();
                              return i;
                            }),
                64);
    StepVerifier.create(work)
        .expectNextCount(2_000)
        .expectComplete()
        .verify(Duration.ofSeconds(30));
    assertThat(max.get()).isLessThanOrEqualTo(2);
    assertThat(permits.available()).isEqualTo(2);
  }
}
