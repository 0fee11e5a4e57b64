package dev.corekit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

@Timeout(30)
class BlockingProxyTest {

  /** A typed failure of the reactive side. */
  static final class GreeterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GreeterException(String message) {
      super(message);
    }
  }

  static final class GreeterTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GreeterTimeout(String message) {
      super(message);
    }
  }

  static final class GreeterInterrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GreeterInterrupted(Throwable cause) {
      super(cause);
    }
  }

  public interface Child {
    Mono<Integer> size();

    Child with(String option);

    String option();
  }

  public interface BlockingChild {
    int size();

    BlockingChild with(String option);

    String option();
  }

  public interface Greeter {
    String name();

    Mono<String> greet(String who);

    Mono<String> maybe(boolean present);

    Mono<Void> fire();

    Flux<Integer> numbers(int count);

    Mono<String> never();

    Mono<String> fail();

    Mono<String> checkedFailure();

    Child child();

    Mono<Void> closeAsync();
  }

  public interface BlockingGreeter extends AutoCloseable {
    String name();

    String greet(String who);

    Optional<String> maybe(boolean present);

    void fire();

    List<Integer> numbers(int count);

    Stream<Integer> numbersStream(int count);

    String never();

    String fail();

    String checkedFailure();

    BlockingChild child();

    default String greetTwice(String who) {
      return greet(who) + greet(who);
    }

    @Override
    void close();
  }

  static final class TestChild implements Child {
    private final String option;

    TestChild(String option) {
      this.option = option;
    }

    @Override
    public Mono<Integer> size() {
      return Mono.just(option.length());
    }

    @Override
    public Child with(String option) {
      return new TestChild(option);
    }

    @Override
    public String option() {
      return option;
    }
  }

  static class TestGreeter implements Greeter {
    final AtomicInteger subscriptions = new AtomicInteger();
    final AtomicInteger emitted = new AtomicInteger();
    final CountDownLatch cancelled = new CountDownLatch(1);
    final CountDownLatch subscribed = new CountDownLatch(1);
    final AtomicBoolean fired = new AtomicBoolean();
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public String name() {
      return "test";
    }

    @Override
    public Mono<String> greet(String who) {
      return Mono.fromCallable(() -> "hello " + who).subscribeOn(Schedulers.parallel());
    }

    @Override
    public Mono<String> maybe(boolean present) {
      return present ? Mono.just("here") : Mono.empty();
    }

    @Override
    public Mono<Void> fire() {
      return Mono.delay(Duration.ofMillis(20)).doOnNext(t -> fired.set(true)).then();
    }

    @Override
    public Flux<Integer> numbers(int count) {
      return Flux.range(1, count)
          .doOnSubscribe(s -> subscriptions.incrementAndGet())
          .doOnNext(i -> emitted.incrementAndGet())
          .doOnCancel(cancelled::countDown)
          .publishOn(Schedulers.parallel(), 4);
    }

    @Override
    public Mono<String> never() {
      return Mono.<String>never()
          .doOnSubscribe(s -> subscribed.countDown())
          .doOnCancel(cancelled::countDown);
    }

    @Override
    public Mono<String> fail() {
      return Mono.<String>error(() -> new GreeterException("refused"))
          .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<String> checkedFailure() {
      return Mono.error(new IOException("disk gone"));
    }

    @Override
    public Child child() {
      return new TestChild("a");
    }

    @Override
    public Mono<Void> closeAsync() {
      return Mono.fromRunnable(() -> closed.set(true));
    }
  }

  private final TestGreeter reactive = new TestGreeter();

  private BlockingGreeter blocking(BlockingPolicy policy) {
    return BlockingProxy.create(BlockingGreeter.class, Greeter.class, reactive, policy);
  }

  private BlockingGreeter blocking() {
    return blocking(BlockingPolicy.defaults());
  }

  @Test
  void mapsMonoToItsValue() {
    assertThat(blocking().greet("world")).isEqualTo("hello world");
  }

  @Test
  void mapsMonoToOptionalWhenTheBlockingMethodDeclaresOptional() {
    assertThat(blocking().maybe(true)).contains("here");
    assertThat(blocking().maybe(false)).isEmpty();
  }

  @Test
  void mapsMonoVoidToVoidAndWaitsForCompletion() {
    blocking().fire();
    assertThat(reactive.fired).isTrue();
  }

  @Test
  void mapsFluxToList() {
    assertThat(blocking().numbers(100)).hasSize(100).startsWith(1, 2, 3).endsWith(100);
  }

  @Test
  void returnsPlainValuesDirectly() {
    assertThat(blocking().name()).isEqualTo("test");
  }

  @Test
  void streamIsLazyAndClosingItCancelsTheSubscription() throws InterruptedException {
    try (Stream<Integer> stream = blocking().numbersStream(1_000_000)) {
      assertThat(reactive.subscriptions).hasValue(0);
      List<Integer> first = stream.limit(5).collect(Collectors.toList());
      assertThat(first).containsExactly(1, 2, 3, 4, 5);
      assertThat(reactive.subscriptions).hasValue(1);
    }
    assertThat(reactive.cancelled.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(reactive.emitted.get()).isLessThan(1_000);
  }

  @Test
  void streamDeliversEveryElementInOrder() {
    try (Stream<Integer> stream = blocking().numbersStream(10_000)) {
      assertThat(stream.mapToLong(Integer::longValue).sum()).isEqualTo(10_000L * 10_001 / 2);
    }
  }

  @Test
  void wrapsInterfaceResultsInBlockingProxiesRecursively() {
    BlockingChild child = blocking().child();
    assertThat(child.size()).isEqualTo(1);
    BlockingChild other = child.with("four");
    assertThat(other.option()).isEqualTo("four");
    assertThat(other.size()).isEqualTo(4);
  }

  @Test
  void runsDefaultMethodsOfTheBlockingInterface() {
    assertThat(blocking().greetTwice("x")).isEqualTo("hello xhello x");
  }

  @Test
  void deadlineCancelsTheSubscriptionAndThrowsThePolicyException() throws InterruptedException {
    BlockingPolicy policy =
        BlockingPolicy.builder()
            .timeout(Duration.ofMillis(200))
            .timeoutException((call, d) -> new GreeterTimeout(call + " after " + d))
            .build();
    long start = System.nanoTime();
    assertThatThrownBy(() -> blocking(policy).never())
        .isInstanceOf(GreeterTimeout.class)
        .hasMessage("BlockingGreeter.never after PT0.2S");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(reactive.cancelled.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void defaultTimeoutExceptionWrapsATimeoutException() {
    BlockingPolicy policy = BlockingPolicy.builder().timeout(Duration.ofMillis(50)).build();
    assertThatThrownBy(() -> blocking(policy).never())
        .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
  }

  @Test
  void streamWaitIsBoundedByTheDeadline() throws InterruptedException {
    BlockingPolicy policy =
        BlockingPolicy.builder()
            .timeout(Duration.ofMillis(200))
            .timeoutException((call, d) -> new GreeterTimeout(call))
            .build();
    Greeter slow =
        new TestGreeter() {
          @Override
          public Flux<Integer> numbers(int count) {
            return Flux.concat(Flux.just(1), Flux.<Integer>never())
                .doOnCancel(cancelled::countDown);
          }
        };
    BlockingGreeter view = BlockingProxy.create(BlockingGreeter.class, Greeter.class, slow, policy);
    try (Stream<Integer> stream = view.numbersStream(2)) {
      var it = stream.iterator();
      assertThat(it.next()).isEqualTo(1);
      assertThatThrownBy(it::hasNext).isInstanceOf(GreeterTimeout.class);
    }
    assertThat(((TestGreeter) slow).cancelled.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void interruptingTheCallerCancelsThrowsAndKeepsTheInterruptFlag() throws Exception {
    BlockingPolicy policy =
        BlockingPolicy.builder().interruptedException(GreeterInterrupted::new).build();
    BlockingGreeter view = blocking(policy);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagAfter = new AtomicBoolean();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                view.never();
              } catch (Throwable t) {
                thrown.set(t);
              }
              flagAfter.set(Thread.currentThread().isInterrupted());
              done.complete(null);
            });
    caller.start();
    // Interrupt once the call has subscribed; an interrupt that lands before the wait starts is
    // seen too.
    assertThat(reactive.subscribed.await(10, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    done.get(10, TimeUnit.SECONDS);
    assertThat(thrown.get())
        .isInstanceOf(GreeterInterrupted.class)
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(flagAfter).isTrue();
    assertThat(reactive.cancelled.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void blockingCallOnNonBlockingThreadFailsAtOnce() {
    BlockingGreeter view = blocking();
    Mono<String> onParallel =
        Mono.fromCallable(() -> view.greet("x")).subscribeOn(Schedulers.parallel());
    StepVerifier.create(onParallel)
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("BlockingGreeter.greet")
                    .hasMessageContaining("use the reactive API"))
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void streamIterationOnNonBlockingThreadFailsAtOnce() {
    BlockingGreeter view = blocking();
    Mono<Long> onParallel =
        Mono.fromCallable(
                () -> {
                  try (Stream<Integer> s = view.numbersStream(3)) {
                    return s.count();
                  }
                })
            .subscribeOn(Schedulers.parallel());
    StepVerifier.create(onParallel)
        .expectError(IllegalStateException.class)
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void throwsTheTypedReactiveExceptionWithTheCallersFrames() {
    Throwable thrown = catchFromCaller(() -> blocking().fail());
    assertThat(thrown).isInstanceOf(GreeterException.class).hasMessage("refused");
    assertThat(Arrays.stream(thrown.getStackTrace()).map(StackTraceElement::getMethodName))
        .contains("catchFromCaller", "throwsTheTypedReactiveExceptionWithTheCallersFrames");
  }

  @Test
  void streamErrorsAreTypedAndCarryTheCallersFrames() {
    Greeter failing =
        new TestGreeter() {
          @Override
          public Flux<Integer> numbers(int count) {
            return Flux.concat(Flux.just(1), Flux.error(new GreeterException("mid-stream")))
                .subscribeOn(Schedulers.boundedElastic());
          }
        };
    BlockingGreeter view = BlockingProxy.create(BlockingGreeter.class, Greeter.class, failing);
    Throwable thrown = catchFromCaller(() -> view.numbersStream(2).count());
    assertThat(thrown).isInstanceOf(GreeterException.class).hasMessage("mid-stream");
    assertThat(Arrays.stream(thrown.getStackTrace()).map(StackTraceElement::getMethodName))
        .contains("streamErrorsAreTypedAndCarryTheCallersFrames");
  }

  @Test
  void translatorMapsCheckedFailures() {
    BlockingPolicy policy =
        BlockingPolicy.builder()
            .exceptionTranslator(e -> new GreeterException("translated: " + e.getMessage()))
            .build();
    assertThatThrownBy(() -> blocking(policy).checkedFailure())
        .isInstanceOf(GreeterException.class)
        .hasMessage("translated: disk gone");
    assertThatThrownBy(() -> blocking().checkedFailure())
        .isInstanceOf(java.util.concurrent.CompletionException.class)
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void closeWaitsForCloseAsync() {
    blocking().close();
    assertThat(reactive.closed).isTrue();
  }

  @Test
  void objectMethodsAreIdentityBasedAndNameTheView() {
    BlockingGreeter a = blocking();
    BlockingGreeter b = blocking();
    assertThat(a).isEqualTo(a).isNotEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(System.identityHashCode(a));
    assertThat(a.toString()).startsWith("BlockingBlockingGreeter[");
  }

  public interface Unmatched {
    String missingEverywhere();
  }

  @Test
  void creatingAViewWithoutReactiveTwinsFailsNamingTheMethod() {
    assertThatThrownBy(() -> BlockingProxy.create(Unmatched.class, Greeter.class, reactive))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missingEverywhere");
  }

  private static Throwable catchFromCaller(Runnable call) {
    try {
      call.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("no exception");
  }
}
