package dev.corekit.core.sync;

import static dev.corekit.core.sync.TestSupport.awaitOrFail;
import static dev.corekit.core.sync.TestSupport.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.corekit.core.CoreInterruptedException;
import dev.corekit.core.CoreNotFoundException;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.Fault;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Deadlines, interrupts, event-loop threads and typed errors of blocking calls. */
@Timeout(30)
class FailureTest {
  private static final String SLOW_ROUTE = "GET /api/v3/process/*";
  private static final Duration DEADLINE = Duration.ofMillis(300);

  /** How late the slow route answers: only a deadline can end a call to it before that. */
  private static final Duration LATENCY = Duration.ofSeconds(10);

  private static CoreSimulator sim;
  private static CoreSyncClient core;

  @BeforeAll
  static void connect() {
    sim = TestSupport.simulator().build().start();
    core = CoreSync.connect(TestSupport.client(sim));
    core.processes().create(process("slow"));
  }

  @AfterAll
  static void close() {
    core.close();
    sim.close();
  }

  @AfterEach
  void clearFaults() {
    sim.faults().clear();
  }

  @Test
  void clientDeadlinePassingCancelsTheRequestAndThrowsCoreTimeoutException() {
    sim.faults().on(SLOW_ROUTE).inject(Fault.latency(LATENCY));
    try (CoreSyncClient fast = CoreSync.connect(TestSupport.client(sim).timeout(DEADLINE))) {
      assertTimesOutAndTheServerSeesTheCancel(
          () -> fast.processes().get("slow"), "client deadline");
    }
  }

  @Test
  void blockingDeadlinePassingCancelsTheRequestAndThrowsCoreTimeoutException() {
    sim.faults().on(SLOW_ROUTE).inject(Fault.latency(LATENCY));
    SyncOptions options = SyncOptions.builder().timeout(DEADLINE).build();
    // The short blocking deadline applies to the calls only: connect (login, about) with the
    // defaults.
    try (CoreSyncClient connected = CoreSync.connect(TestSupport.client(sim))) {
      CoreSyncClient shortWait = CoreSync.wrap(connected.reactive(), options);
      assertTimesOutAndTheServerSeesTheCancel(
          () -> shortWait.processes().get("slow"), "blocking deadline");
    }
  }

  @Test
  void perCallDeadlineOfWithCancelsTheRequestAndThrowsCoreTimeoutException() {
    sim.faults().on(SLOW_ROUTE).inject(Fault.latency(LATENCY));
    assertTimesOutAndTheServerSeesTheCancel(
        () -> core.processes().with(dev.corekit.core.RequestOptions.timeout(DEADLINE)).get("slow"),
        "per-call deadline");
  }

  /**
   * Makes the call twice (the first also loads the code of the path), checking both and printing
   * the overshoot.
   */
  private static void assertTimesOutAndTheServerSeesTheCancel(Runnable call, String which) {
    long[] tookMillis = new long[2];
    for (int i = 0; i < 2; i++) {
      long abortsBefore = sim.stats().clientAborts();
      long start = System.nanoTime();
      Throwable thrown = catchThrowable(call::run);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      tookMillis[i] = took.toMillis();
      assertThat(thrown).isInstanceOf(CoreTimeoutException.class);
      assertThat(((CoreTimeoutException) thrown).timeout()).isEqualTo(DEADLINE);
      // Not before the deadline, and long before the server's answer; the overshoot is printed,
      // not asserted (a busy machine's timer lag is no failure of the client).
      assertThat(took).isBetween(DEADLINE, LATENCY.dividedBy(2));
      assertThat(stackOf(thrown)).contains("assertTimesOutAndTheServerSeesTheCancel");
      awaitOrFail(
          Duration.ofSeconds(5),
          "the server sees the connection closed",
          () -> sim.stats().clientAborts() > abortsBefore);
    }
    System.out.printf(
        "%s of %d ms: CoreTimeoutException after %d ms (first call), %d ms (second)%n",
        which, DEADLINE.toMillis(), tookMillis[0], tookMillis[1]);
  }

  @Test
  void interruptingTheCallerCancelsTheRequestThrowsCoreInterruptedExceptionAndKeepsTheFlag()
      throws Exception {
    sim.faults().on(SLOW_ROUTE).inject(Fault.latency(LATENCY));
    long requestsBefore = sim.stats().requests("GET /api/v3/process/{id}");
    long abortsBefore = sim.stats().clientAborts();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagAfter = new AtomicBoolean();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                core.processes().get("slow");
              } catch (Throwable t) {
                thrown.set(t);
              }
              flagAfter.set(Thread.currentThread().isInterrupted());
              done.complete(null);
            },
            "blocking-caller");
    caller.start();
    awaitOrFail(
        Duration.ofSeconds(5),
        "the request reaches the server",
        () -> sim.stats().requests("GET /api/v3/process/{id}") > requestsBefore);
    caller.interrupt();
    done.get(5, TimeUnit.SECONDS);
    assertThat(thrown.get())
        .isInstanceOf(CoreInterruptedException.class)
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(flagAfter).isTrue();
    awaitOrFail(
        Duration.ofSeconds(5),
        "the server sees the connection closed",
        () -> sim.stats().clientAborts() > abortsBefore);
  }

  @Test
  void blockingCallOnAnEventLoopThreadFailsAtOnceSayingWhatToDo() {
    Mono<List<CoreProcess>> nested =
        core.reactive().about().ping().map(pong -> core.processes().list());
    StepVerifier.create(nested)
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ProcessSyncApi.list")
                    .hasMessageContaining("non-blocking thread corekit-http")
                    .hasMessageContaining("use the reactive API"))
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void streamOnAnEventLoopThreadFailsAtOnceToo() {
    Mono<Long> nested =
        core.reactive()
            .about()
            .ping()
            .map(
                pong -> {
                  try (Stream<CoreProcess> all = core.processes().listStream()) {
                    return all.count();
                  }
                });
    StepVerifier.create(nested)
        .expectError(IllegalStateException.class)
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void errorsAreTheTypedCoreExceptionsWithTheCallersLine() {
    Throwable thrown = catchThrowable(() -> core.processes().get("no-such-process"));
    assertThat(thrown).isInstanceOf(CoreNotFoundException.class);
    assertThat(((CoreNotFoundException) thrown).status()).isEqualTo(404);
    StackTraceElement caller =
        Arrays.stream(thrown.getStackTrace())
            .filter(
                e -> e.getMethodName().equals("errorsAreTheTypedCoreExceptionsWithTheCallersLine"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no caller frame in " + stackOf(thrown)));
    assertThat(caller.getFileName()).isEqualTo("FailureTest.java");
    assertThat(caller.getLineNumber()).isPositive();
  }

  @Test
  void streamErrorsAreTypedAndShowTheCallersLineToo() {
    sim.faults().on("GET /api/v3/process").times(1).inject(Fault.status(404));
    Throwable thrown =
        catchThrowable(
            () -> {
              try (Stream<CoreProcess> all = core.processes().listStream()) {
                all.count();
              }
            });
    assertThat(thrown).isInstanceOf(CoreNotFoundException.class);
    assertThat(stackOf(thrown)).contains("streamErrorsAreTypedAndShowTheCallersLineToo");
  }

  private static List<String> stackOf(Throwable t) {
    return Arrays.stream(t.getStackTrace())
        .map(StackTraceElement::getMethodName)
        .collect(Collectors.toList());
  }
}
