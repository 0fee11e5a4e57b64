package dev.corekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;
import reactor.test.publisher.PublisherProbe;
import reactor.test.publisher.TestPublisher;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The per-call deadline, in virtual time. */
class DeadlineTest {
  private static final long TEN_S = Duration.ofSeconds(10).toNanos();
  private final VirtualTimeScheduler virtual = VirtualTimeScheduler.create();
  private final List<Disposable> timers = new ArrayList<>();

  /** The virtual clock, keeping each timer the deadline sets. */
  private final Scheduler clock =
      new Scheduler() {
        @Override
        public Disposable schedule(Runnable task) {
          return virtual.schedule(task);
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
          Disposable timer = virtual.schedule(task, delay, unit);
          timers.add(timer);
          return timer;
        }

        @Override
        public Worker createWorker() {
          return virtual.createWorker();
        }
      };

  @AfterEach
  void dispose() {
    virtual.dispose();
  }

  private static IllegalStateException late() {
    return new IllegalStateException("GET /api: no answer within 10 s");
  }

  @Test
  void aValueBeforeTheDeadlinePassesAndDisarmsTheTimer() {
    TestPublisher<String> answer = TestPublisher.create();
    StepVerifier.create(Deadline.mono(answer.mono(), TEN_S, clock, DeadlineTest::late))
        .then(() -> virtual.advanceTimeBy(Duration.ofMillis(9_999)))
        .then(() -> answer.emit("about"))
        .expectNext("about")
        .verifyComplete();
    assertThat(timers).hasSize(1).allMatch(Disposable::isDisposed);
  }

  @Test
  void aCallAnsweredAtOnceSetsNoTimer() {
    StepVerifier.create(Deadline.mono(Mono.just("about"), TEN_S, clock, DeadlineTest::late))
        .expectNext("about")
        .verifyComplete();
    assertThat(timers).isEmpty();
  }

  @Test
  void aCallWithoutAnswerFailsAtTheDeadlineAndIsCancelled() {
    PublisherProbe<String> never = PublisherProbe.of(Mono.never());
    StepVerifier.create(Deadline.mono(never.mono(), TEN_S, clock, DeadlineTest::late))
        .expectSubscription()
        .then(() -> virtual.advanceTimeBy(Duration.ofMillis(9_999)))
        .expectNoEvent(Duration.ZERO)
        .then(() -> virtual.advanceTimeBy(Duration.ofMillis(1)))
        .expectErrorMessage("GET /api: no answer within 10 s")
        .verify(Duration.ofSeconds(5));
    never.assertWasCancelled();
  }

  @Test
  void aStreamKeepsItsValuesAndFailsWhenTheWholeCallOutlastsTheDeadline() {
    TestPublisher<Integer> source = TestPublisher.create();
    StepVerifier.create(Deadline.flux(source.flux(), TEN_S, clock, DeadlineTest::late))
        .then(() -> source.next(1, 2))
        .expectNext(1, 2)
        .then(() -> virtual.advanceTimeBy(Duration.ofSeconds(9)))
        .then(() -> source.next(3))
        .expectNext(3)
        .then(() -> virtual.advanceTimeBy(Duration.ofSeconds(1)))
        .expectErrorMessage("GET /api: no answer within 10 s")
        .verify(Duration.ofSeconds(5));
    source.assertCancelled();
  }

  @Test
  void aDeadlinePassingWhileAValueIsDeliveredFailsTheCallRightAfterIt() {
    TestPublisher<Integer> source = TestPublisher.create();
    List<Object> seen = new ArrayList<>();
    Deadline.flux(source.flux(), TEN_S, clock, DeadlineTest::late)
        .subscribe(
            value -> {
              // the timer runs on this thread, inside this delivery
              virtual.advanceTimeBy(Duration.ofSeconds(10));
              seen.add("value " + value + ", error " + seen.size());
            },
            error -> seen.add(error.getMessage()));
    source.next(1);
    assertThat(seen).containsExactly("value 1, error 0", "GET /api: no answer within 10 s");
    source.assertCancelled();
  }

  @Test
  void cancellingTheCallDisarmsTheTimerAndSignalsNothing() {
    TestPublisher<Integer> source = TestPublisher.create();
    AtomicReference<Throwable> error = new AtomicReference<>();
    BaseSubscriber<Integer> subscriber =
        new BaseSubscriber<>() {
          @Override
          protected void hookOnSubscribe(Subscription subscription) {
            request(1);
          }

          @Override
          protected void hookOnError(Throwable throwable) {
            error.set(throwable);
          }
        };
    Deadline.flux(source.flux(), TEN_S, clock, DeadlineTest::late).subscribe(subscriber);
    subscriber.cancel();
    assertThat(timers).hasSize(1).allMatch(Disposable::isDisposed);
    virtual.advanceTimeBy(Duration.ofSeconds(20));
    assertThat(error.get()).isNull();
    source.assertCancelled();
  }

  @Test
  void aSynchronousSourceAnsweringARequestFromWithinADeliveryLosesNoValue() {
    StepVerifier.create(Deadline.flux(Flux.range(1, 5), TEN_S, clock, DeadlineTest::late), 1)
        .expectNext(1)
        .thenRequest(4)
        .expectNext(2, 3, 4, 5)
        .verifyComplete();
  }

  @Test
  void anEndlessDurationIsCappedRatherThanOverflowing() {
    assertThat(Deadline.nanos(Duration.ofDays(365L * 1_000))).isEqualTo(Long.MAX_VALUE);
    assertThat(Deadline.nanos(Duration.ofSeconds(10))).isEqualTo(TEN_S);
  }
}
