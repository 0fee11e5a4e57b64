package dev.corekit.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.corekit.core.CoreClient;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.RetryPolicy;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.Fault;
import dev.corekit.simulator.RecordedRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * A client under 64 concurrent callers while the simulator injects each fault alone, then all of
 * them mixed at random: every call ends in success or a typed CoreException within its deadline
 * plus a margin, none hangs, no pooled connection stays active, no POST reaches the server twice,
 * and calls succeed again once the faults stop. Subclasses choose the client style (reactive,
 * blocking).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FaultInjectionTest {
  static final Duration DEADLINE = Duration.ofSeconds(1);

  /**
   * How far past its deadline a call may end: timers and threads of a loaded 2-core machine lag.
   */
  static final Duration MARGIN = Duration.ofMillis(Long.getLong("faults.margin.ms", 1500));

  static final Duration PHASE = Duration.ofMillis(2500);
  static final int CALLERS = 64;
  static final long SEED = Long.getLong("faults.seed", System.nanoTime() % 100_000);
  static final String API = "* /api/v3/**";

  static final List<String> report = new CopyOnWriteArrayList<>();
  static final List<ConnectionPoolMetrics> pools = new CopyOnWriteArrayList<>();
  static CoreSimulator sim;
  static ConnectionProvider provider;
  static CoreClient client;

  /** The calls the callers make, in this client style. */
  abstract List<FaultRun.Call> calls(CoreClient client);

  /** The name of the client style, for the report. */
  abstract String style();

  @BeforeAll
  static void start() {
    report.clear();
    pools.clear();
    System.out.println(
        "fault injection seed: " + SEED + " (rerun with -Dfaults.seed=" + SEED + ")");
    sim =
        CoreSimulator.builder()
            .user("admin")
            .password("fault-pw")
            .accessTtl(Duration.ofSeconds(2))
            .refreshTtl(Duration.ofMinutes(10))
            .requestLogCapacity(200_000)
            .loginFailureDelay(Duration.ofMillis(10))
            .build()
            .start();
    provider =
        ConnectionProvider.builder("faults")
            .maxConnections(128)
            .metrics(true, () -> (poolName, id, remote, metrics) -> pools.add(metrics))
            .build();
    client =
        CoreClient.builder()
            .baseUrl(sim.baseUrl())
            .credentials("admin", "fault-pw")
            .timeout(DEADLINE)
            .retry(
                RetryPolicy.builder()
                    .initialBackoff(Duration.ofMillis(20))
                    .maxBackoff(Duration.ofMillis(150))
                    .build())
            .connectionProvider(provider)
            .build();
    // Warm up (login, class loading) with a generous deadline before the timed phases.
    client
        .processes()
        .with(RequestOptions.timeout(Duration.ofSeconds(30)))
        .list()
        .then()
        .block(Duration.ofSeconds(40));
    client
        .filesystems()
        .with(RequestOptions.timeout(Duration.ofSeconds(30)))
        .upload(
            "mem",
            "sample.txt",
            Mono.just(ByteBuffer.wrap("sample".getBytes(StandardCharsets.UTF_8))))
        .block(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    System.out.println("fault injection results (seed " + SEED + "):");
    report.forEach(line -> System.out.println("  " + line));
    client.close();
    provider.disposeLater().block(Duration.ofSeconds(10));
    sim.close();
  }

  static ProcessConfig config(String id) {
    return ProcessConfig.builder()
        .id(id)
        .reference("faults")
        .addInput(
            ProcessConfigIo.builder()
                .id("in")
                .address("testsrc2")
                .addOptions("-f", "lavfi")
                .build())
        .addOutput(
            ProcessConfigIo.builder().id("out").address("-").addOptions("-f", "null").build())
        .autostart(false)
        .build();
  }

  static List<FaultRun.Call> reactiveCalls(CoreClient client) {
    List<FaultRun.Call> calls = new ArrayList<>();
    calls.add(new FaultRun.Call("list", random -> client.processes().list().then()));
    calls.add(new FaultRun.Call("get", random -> client.processes().get("p" + random.nextInt(50))));
    calls.add(
        new FaultRun.Call(
            "state", random -> client.processes().getState("p" + random.nextInt(50))));
    calls.add(
        new FaultRun.Call(
            "create",
            random -> {
              String callId = new UUID(random.nextLong(), random.nextLong()).toString();
              return client
                  .processes()
                  .with(RequestOptions.builder().header("X-Call-Id", callId).build())
                  .create(config("p" + random.nextInt(50)));
            }));
    calls.add(
        new FaultRun.Call("delete", random -> client.processes().delete("p" + random.nextInt(50))));
    calls.add(
        new FaultRun.Call(
            "download", random -> client.filesystems().download("mem", "sample.txt").then()));
    calls.add(
        new FaultRun.Call(
            "upload",
            random ->
                client
                    .filesystems()
                    .upload(
                        "mem",
                        "up/" + random.nextInt(20) + ".txt",
                        Flux.just(ByteBuffer.wrap("payload".getBytes(StandardCharsets.UTF_8))))));
    return calls;
  }

  void phase(String name, Consumer<CoreSimulator> inject) {
    long postsBefore = posts().size();
    inject.accept(sim);
    FaultRun.Outcome outcome =
        FaultRun.run(calls(client), CALLERS, PHASE, DEADLINE.plus(MARGIN).plusSeconds(3), SEED);
    sim.faults().clear();
    Duration recovery = recover();
    report.add(
        String.format(
            "%-9s %-34s %s; recovered in %d ms", style(), name, outcome, recovery.toMillis()));

    outcome.untyped.stream().limit(1).forEach(Throwable::printStackTrace);
    assertThat(outcome.hung.get()).as(name + ": hung calls").isZero();
    assertThat(outcome.untyped).as(name + ": errors that are not CoreExceptions").isEmpty();
    assertThat(outcome.maxMillis.get())
        .as(name + ": slowest call (ms)")
        .isLessThan(DEADLINE.plus(MARGIN).toMillis());
    assertThat(outcome.total()).as(name + ": calls made").isGreaterThan(CALLERS);
    List<String> duplicated = duplicatedPosts(postsBefore);
    assertThat(duplicated).as(name + ": POSTs that reached the simulator twice").isEmpty();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(pools).allSatisfy(pool -> assertThat(pool.acquiredSize()).isZero()));
  }

  static List<RecordedRequest> posts() {
    return sim.stats().recorded().stream()
        .filter(r -> r.method().equals("POST"))
        .collect(Collectors.toList());
  }

  /**
   * POSTs the simulator processed more than once. A POST refused for its token (the simulator
   * records no token id) was not processed, and the client replays it once with a renewed token.
   */
  static List<String> duplicatedPosts(long skip) {
    Map<String, Long> byCall =
        posts().stream()
            .skip(skip)
            .filter(r -> !r.tokenId().isEmpty())
            .map(r -> r.header("x-call-id"))
            .filter(id -> id != null)
            .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    return byCall.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey)
        .collect(Collectors.toList());
  }

  static Duration recover() {
    long start = System.nanoTime();
    java.util.concurrent.atomic.AtomicInteger attempts =
        new java.util.concurrent.atomic.AtomicInteger();
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(20))
        .alias("a successful call after the faults stopped")
        .until(
            () -> {
              try {
                client.processes().list().then().block(Duration.ofSeconds(5));
                return true;
              } catch (RuntimeException e) {
                if (attempts.incrementAndGet() % 25 == 1) {
                  System.out.println("  recovery attempt " + attempts.get() + " failed: " + e);
                }
                return false;
              }
            });
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Restarts the simulator (200 ms down) after a delay, on a thread that may block. */
  static void restartLater(CoreSimulator s, Duration after) {
    reactor.core.scheduler.Schedulers.boundedElastic()
        .schedule(
            () -> s.restart(Duration.ofMillis(200)),
            after.toMillis(),
            java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Test
  @Order(1)
  void connectionRefusedWhileTheServerIsDown() {
    phase("connection refused/restart", s -> s.restart(Duration.ofMillis(1200)));
  }

  @Test
  @Order(2)
  void resetBeforeTheResponse() {
    phase(
        "reset before response",
        s -> s.faults().on(API).probability(0.3, SEED).inject(Fault.resetBeforeResponse()));
  }

  @Test
  @Order(3)
  void resetInTheMiddleOfTheBody() {
    phase(
        "reset mid-body",
        s -> s.faults().on(API).probability(0.3, SEED).inject(Fault.resetMidBody(20)));
  }

  @Test
  @Order(4)
  void burstsOf5xx() {
    phase(
        "500/502/503/504 bursts",
        s -> {
          s.faults().on(API).times(40).inject(Fault.status(503));
          s.faults().on(API).probability(0.1, SEED).inject(Fault.status(500));
          s.faults().on(API).probability(0.1, SEED + 1).inject(Fault.status(502));
          s.faults().on(API).probability(0.1, SEED + 2).inject(Fault.status(504));
        });
  }

  @Test
  @Order(5)
  void tooManyRequestsWithRetryAfter() {
    phase(
        "429 with Retry-After",
        s -> s.faults().on(API).probability(0.3, SEED).inject(Fault.tooManyRequests(1)));
  }

  @Test
  @Order(6)
  void latencyBeyondTheDeadline() {
    phase(
        "latency beyond deadline",
        s ->
            s.faults().on(API).probability(0.2, SEED).inject(Fault.latency(Duration.ofSeconds(3))));
  }

  @Test
  @Order(7)
  void aBodyThatStalls() {
    phase("stalled body", s -> s.faults().on(API).probability(0.2, SEED).inject(Fault.stall(10)));
  }

  @Test
  @Order(8)
  void truncatedJson() {
    phase(
        "truncated JSON",
        s -> s.faults().on(API).probability(0.3, SEED).inject(Fault.truncatedJson()));
  }

  @Test
  @Order(9)
  void malformedJson() {
    phase(
        "malformed JSON",
        s -> s.faults().on(API).probability(0.3, SEED).inject(Fault.malformedJson()));
  }

  @Test
  @Order(10)
  void wrongContentType() {
    phase(
        "wrong content type",
        s -> s.faults().on(API).probability(0.3, SEED).inject(Fault.wrongContentType("text/html")));
  }

  @Test
  @Order(11)
  void aServerRestartMidRun() {
    phase("server restart mid-run", s -> restartLater(s, Duration.ofMillis(800)));
  }

  @Test
  @Order(12)
  void aTokenThatExpiresAndARefreshThatFailsOnce() {
    // Tokens live 2-3 s in this suite, so each phase crosses expiries; here the next refresh also
    // fails.
    phase("token expiry + refresh fails once", s -> s.faults().failNextRefresh(500));
  }

  @Test
  @Order(13)
  void everythingMixedAtRandom() {
    Random random = new Random(SEED);
    phase(
        "all mixed (seeded)",
        s -> {
          s.faults()
              .on(API)
              .probability(0.05, random.nextLong())
              .inject(Fault.resetBeforeResponse());
          s.faults().on(API).probability(0.05, random.nextLong()).inject(Fault.resetMidBody(20));
          s.faults().on(API).probability(0.05, random.nextLong()).inject(Fault.status(503));
          s.faults().on(API).probability(0.05, random.nextLong()).inject(Fault.status(502));
          s.faults().on(API).probability(0.05, random.nextLong()).inject(Fault.tooManyRequests(1));
          s.faults()
              .on(API)
              .probability(0.05, random.nextLong())
              .inject(Fault.latency(Duration.ofSeconds(3)));
          s.faults().on(API).probability(0.05, random.nextLong()).inject(Fault.stall(10));
          s.faults().on(API).probability(0.05, random.nextLong()).inject(Fault.truncatedJson());
          s.faults().on(API).probability(0.05, random.nextLong()).inject(Fault.malformedJson());
          s.faults()
              .on(API)
              .probability(0.05, random.nextLong())
              .inject(Fault.wrongContentType("text/html"));
          s.faults().failNextRefresh(500);
          restartLater(s, Duration.ofMillis(1200));
        });
  }
}
