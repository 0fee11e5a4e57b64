package dev.corekit.it.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.corekit.core.CoreClient;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.RetryPolicy;
import dev.corekit.core.model.LogEventFilter;
import dev.corekit.core.model.LogEventFilters;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.it.client.SimulatorProcess;
import dev.corekit.it.rac.FakeRacHarness;
import dev.corekit.it.rac.Processes;
import dev.corekit.rac.RacClient;
import dev.corekit.rac.RacCredentials;
import dev.corekit.rac.RacSession;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The soak: minutes of mixed load with faults, sampling this JVM's heap after GC, live threads and
 * open file descriptors at a fixed interval. Passes when every sample after the warm-up (the first
 * interval) stays within 10 % of the first post-warm-up sample, or within a small absolute slack
 * for small values: 1 MiB of heap (what is in flight at the sampling moment), 4 threads (scheduler
 * workers come and go), 16 file descriptors (16 calls in flight each may hold a socket, and each
 * running rac 2 pipes). Threads and descriptors are the median of 5 readings. The report ends with
 * the classes whose heap grew most between the first and the last sample (class histograms).
 *
 * <p>Load: the reactive client (lists, create/get/update/delete chains, file upload/download,
 * config, metadata, event subscriptions, watches; 16 calls in flight) against the Core simulator in
 * its own JVM (so the heap measured is the client's), with seeded random faults (5xx, 429, resets
 * before and after processing, truncated and malformed JSON, latency, stalled bodies), a refresh
 * failure every 2 minutes, a server restart every 5 minutes and 3-second access tokens; and {@code
 * rac} calls through the fake rac (records, 3000-record lists, exit 255, hangs killed at the
 * timeout, deaths mid-output, garbage).
 *
 * <p>Run: {@code ./mvnw -B -pl tests/integration verify -Psoak} (30 minutes; {@code
 * -Dsoak.minutes=N}, {@code -Dsoak.seed=S} to repeat a run). Run by hand without the profile the
 * duration defaults to 1 minute, sampled every 15 s.
 */
@Tag("soak")
class SoakTest {

  private static final String USER = "admin";
  private static final String PASSWORD = "canary-pw-soak-4d2e8a";
  private static final double TOLERANCE = 0.10;
  private static final long HEAP_SLACK = 1L * 1024 * 1024;
  private static final long THREAD_SLACK = 4;
  private static final long FD_SLACK = 16;
  private static final UUID CLUSTER = UUID.fromString("0b6f5d1e-2c3a-4e5f-8a9b-1c2d3e4f5a6b");

  @TempDir Path dir;

  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<String, String> examples = new ConcurrentHashMap<>();
  private final LongAdder calls = new LongAdder();

  record Sample(String at, long heap, long threads, long fds, long calls) {}

  private Map<String, long[]> firstHistogram = Map.of();
  private Map<String, long[]> lastHistogram = Map.of();

  /**
   * Class name to {instances, bytes} of live objects (the JVM's GC.class_histogram; it runs a full
   * GC).
   */
  private static Map<String, long[]> histogram() {
    try {
      Object text =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "gcClassHistogram",
                  new Object[] {null},
                  new String[] {String[].class.getName()});
      Map<String, long[]> h = new java.util.HashMap<>();
      Pattern row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
      for (String line : String.valueOf(text).split("\\R")) {
        Matcher m = row.matcher(line);
        if (m.find()) {
          h.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
      }
      return h;
    } catch (javax.management.JMException | RuntimeException e) {
      return Map.of();
    }
  }

  @Test
  void heapThreadsAndFileDescriptorsStayFlatUnderMixedLoadWithFaults() throws Exception {
    int minutes = intProperty("soak.minutes", 1);
    long seed = longProperty("soak.seed", System.nanoTime());
    Duration interval =
        Duration.ofSeconds(Long.getLong("soak.sampleSeconds", minutes >= 5 ? 60 : 15));
    int samples = (int) Math.max(2, Duration.ofMinutes(minutes).toSeconds() / interval.toSeconds());
    System.out.printf(
        Locale.ROOT,
        "SOAK: %d minute(s), a sample every %d s, seed %d (repeat with -Dsoak.seed=%d)%n",
        minutes,
        interval.toSeconds(),
        seed,
        seed);
    Random random = new Random(seed);

    FakeRacHarness rac = new FakeRacHarness(dir.resolve("rac"));
    racScenarios(rac);
    try (SimulatorProcess sim =
            SimulatorProcess.start(
                "512m",
                "--user",
                USER,
                "--password",
                PASSWORD,
                "--access-ttl",
                "3s",
                "--refresh-ttl",
                "20s",
                "--admin");
        RacClient racClient = rac.client(b -> b.timeout(Duration.ofSeconds(2)).maxConcurrency(2))) {
      sim.post("/_sim/faults", faults(random));
      CoreClient client =
          CoreClient.builder()
              .baseUrl(sim.baseUrl())
              .credentials(USER, PASSWORD)
              .timeout(Duration.ofSeconds(5))
              .retry(
                  RetryPolicy.builder()
                      .initialBackoff(Duration.ofMillis(20))
                      .maxBackoff(Duration.ofMillis(500))
                      .build())
              .build();
      Sinks.Empty<Void> stop = Sinks.empty();
      long opSeed = random.nextLong();
      CompletableFuture<Void> coreLoad =
          coreLoad(client, new Random(opSeed), stop.asMono()).toFuture();
      CompletableFuture<Void> racLoad =
          racLoad(racClient.session("ras.example"), new Random(opSeed + 1), stop.asMono())
              .toFuture();
      CompletableFuture<Void> chaos = chaos(sim, stop.asMono()).toFuture();

      // The first class histogram loads and retains the JMX machinery: do it before the baseline is
      // taken.
      histogram();
      List<Sample> table = new ArrayList<>();
      long started = System.nanoTime();
      for (int i = 1; i <= samples; i++) {
        long due = started + interval.toNanos() * i;
        Mono.delay(Duration.ofNanos(Math.max(0, due - System.nanoTime()))).block();
        assertThat(coreLoad).as("the Core load is still running").isNotDone();
        table.add(
            sample(String.format(Locale.ROOT, "%6.2f", (System.nanoTime() - started) / 60e9)));
        if (i == 1) {
          firstHistogram = histogram();
        } else if (i == samples) {
          lastHistogram = histogram();
        }
        System.out.println("SOAK sample " + table.get(table.size() - 1));
      }
      stop.tryEmitEmpty();
      CompletableFuture.allOf(coreLoad, racLoad, chaos).get(60, TimeUnit.SECONDS);
      client.closeAsync().block(Duration.ofSeconds(30));
      racClient.closeAsync().block(Duration.ofSeconds(30));
      Awaitility.await("fake rac processes gone")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(rac.liveProcesses()).isEmpty();
                assertThat(Processes.stillThere(rac.pids(), rac.marker())).isEmpty();
                assertThat(Processes.zombieChildren()).isEmpty();
              });
      Sample after = sample("closed");
      String report = report(table, after, minutes, interval, seed);
      System.out.println(report);
      Path out = Paths.get("target", "soak-report.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);

      assertThat(calls.sum()).as("calls made").isGreaterThan(100L * samples);
      Sample base = table.get(0);
      List<String> violations = new ArrayList<>();
      for (Sample s : table.subList(1, table.size())) {
        check(violations, s.at(), "heap", s.heap(), base.heap(), HEAP_SLACK);
        check(violations, s.at(), "threads", s.threads(), base.threads(), THREAD_SLACK);
        if (base.fds() >= 0) {
          check(violations, s.at(), "fds", s.fds(), base.fds(), FD_SLACK);
        }
      }
      assertThat(violations)
          .as("samples outside 10 %% (or the absolute slack) of the post-warm-up value")
          .isEmpty();
    }
  }

  private static void check(
      List<String> violations, String at, String what, long value, long base, long slack) {
    long allowed = Math.max((long) Math.ceil(base * TOLERANCE), slack);
    if (Math.abs(value - base) > allowed) {
      violations.add(
          String.format(
              Locale.ROOT,
              "minute %s: %s %d vs %d (allowed +-%d)",
              at.trim(),
              what,
              value,
              base,
              allowed));
    }
  }

  /**
   * Heap used after two GCs; live threads and open file descriptors as the median of 5 readings 100
   * ms apart (a reading alone catches whatever calls and rac pipes happen to be in flight).
   */
  private Sample sample(String at) {
    var memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    memory.gc();
    long heap = memory.getHeapMemoryUsage().getUsed();
    long[] threads = new long[5];
    long[] fds = new long[5];
    for (int i = 0; i < 5; i++) {
      if (i > 0) {
        Mono.delay(Duration.ofMillis(100)).block();
      }
      threads[i] = ManagementFactory.getThreadMXBean().getThreadCount();
      fds[i] = Processes.openFileDescriptors();
    }
    java.util.Arrays.sort(threads);
    java.util.Arrays.sort(fds);
    return new Sample(at, heap, threads[2], fds[2], calls.sum());
  }

  private String report(
      List<Sample> table, Sample after, int minutes, Duration interval, long seed) {
    Sample base = table.get(0);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "SOAK REPORT: %d min, sample every %d s, seed %d; baseline = first sample"
                + " (end of warm-up); pass band +-10 %% or +-%d MiB heap / +-%d threads / +-%d fds%n",
            minutes,
            interval.toSeconds(),
            seed,
            HEAP_SLACK >> 20,
            THREAD_SLACK,
            FD_SLACK));
    sb.append(
        String.format(
            Locale.ROOT,
            "%8s | %14s | %7s | %7s | %5s | %8s | %8s | %8s%n",
            "minute",
            "heap (MiB)",
            "threads",
            "fds",
            "calls",
            "d heap",
            "d thr",
            "d fds"));
    for (Sample s : table) {
      sb.append(row(s, base));
    }
    sb.append(row(after, base));
    sb.append("outcomes: ")
        .append(
            new java.util.TreeMap<>(
                outcomes.entrySet().stream()
                    .collect(
                        java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().sum()))))
        .append('\n');
    if (!firstHistogram.isEmpty() && !lastHistogram.isEmpty()) {
      sb.append(
          "classes whose live heap grew most from the first to the last sample (instances, bytes):\n");
      lastHistogram.entrySet().stream()
          .map(
              e ->
                  Map.entry(
                      e.getKey(),
                      new long[] {
                        e.getValue()[0] - firstHistogram.getOrDefault(e.getKey(), new long[2])[0],
                        e.getValue()[1] - firstHistogram.getOrDefault(e.getKey(), new long[2])[1]
                      }))
          .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
          .limit(8)
          .forEach(
              e ->
                  sb.append(
                      String.format(
                          Locale.ROOT,
                          "  %+9d %+11d  %s%n",
                          e.getValue()[0],
                          e.getValue()[1],
                          e.getKey())));
    }
    new java.util.TreeMap<>(examples)
        .forEach(
            (k, v) ->
                sb.append("  e.g. ")
                    .append(k)
                    .append(": ")
                    .append(v.length() > 200 ? v.substring(0, 200) + "..." : v)
                    .append('\n'));
    return sb.toString();
  }

  private static String row(Sample s, Sample base) {
    return String.format(
        Locale.ROOT,
        "%8s | %14.1f | %7d | %7d | %5d | %+7.1f%% | %+7.1f%% | %+7.1f%%%n",
        s.at(),
        s.heap() / 1048576.0,
        s.threads(),
        s.fds(),
        s.calls(),
        pct(s.heap(), base.heap()),
        pct(s.threads(), base.threads()),
        pct(s.fds(), base.fds()));
  }

  private static double pct(long v, long base) {
    return base == 0 ? 0 : 100.0 * (v - base) / base;
  }

  // ---- load ----

  private Mono<Void> coreLoad(CoreClient client, Random random, Mono<Void> stop) {
    AtomicLong sequence = new AtomicLong();
    return Flux.<Integer>generate(sink -> sink.next(random.nextInt(100)))
        .takeUntilOther(stop)
        .flatMap(op -> track(coreOp(client, op, sequence.incrementAndGet())), 16)
        .then();
  }

  private Mono<Void> racLoad(RacSession ras, Random random, Mono<Void> stop) {
    RacCredentials admin = RacCredentials.of("admin", PASSWORD);
    return Flux.interval(Duration.ofMillis(400))
        .onBackpressureDrop()
        .takeUntilOther(stop)
        .map(tick -> random.nextInt(6))
        .flatMap(
            op ->
                track(
                    switch (op) {
                      case 0 -> ras.cluster(CLUSTER, admin).sessions().list().then();
                      case 1 -> ras.cluster(CLUSTER).infobases().summaries().then();
                      case 2 -> ras.cluster(CLUSTER, admin).locks().list().then();
                      case 3 -> ras.cluster(CLUSTER).counters().list().then();
                      case 4 -> ras.cluster(CLUSTER).processes().list().then();
                      default -> ras.clusters().list().then();
                    },
                    "rac"),
            2)
        .then();
  }

  private Mono<Void> track(Mono<Void> call) {
    return track(call, "core");
  }

  private Mono<Void> track(Mono<Void> call, String area) {
    return call.doOnSuccess(v -> count(area + " ok"))
        .onErrorResume(
            e -> {
              count(area + " " + e.getClass().getSimpleName());
              examples.putIfAbsent(
                  area + " " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
              return Mono.empty();
            })
        .doFinally(s -> calls.increment());
  }

  private void count(String key) {
    outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  private static final LogEventFilters PROCESS_EVENTS =
      LogEventFilters.builder()
          .addFilters(LogEventFilter.builder().event("process").build())
          .build();

  private static ProcessConfig config(String id, String reference) {
    return ProcessConfig.builder()
        .id(id)
        .reference(reference)
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

  private static Mono<Void> coreOp(CoreClient client, int op, long n) {
    String id = "soak-" + (n % 200);
    if (op < 20) {
      return client.processes().list().then();
    } else if (op < 40) {
      return client
          .processes()
          .create(config(id, "a"))
          .onErrorResume(e -> Mono.empty())
          .then(client.processes().get(id))
          .then(client.processes().update(id, config(id, "b")))
          .then(client.processes().delete(id));
    } else if (op < 50) {
      return client.processes().getState(id).then();
    } else if (op < 60) {
      String path = "soak/" + (n % 50) + ".bin";
      byte[] bytes = new byte[1024 + (int) (n % 64) * 1024];
      return client
          .filesystems()
          .upload("mem", path, Flux.just(ByteBuffer.wrap(bytes)))
          .then(
              client
                  .filesystems()
                  .download("mem", path)
                  .map(ByteBuffer::remaining)
                  .reduce(0, Integer::sum))
          .then(client.filesystems().delete("mem", path));
    } else if (op < 65) {
      return client.about().about().then();
    } else if (op < 70) {
      return client.config().get().then();
    } else if (op < 75) {
      return client
          .metadata()
          .set("soak-" + (n % 10), JsonNodeFactory.instance.numberNode(n))
          .then(client.metadata().get("soak-" + (n % 10)))
          .then();
    } else if (op < 85) {
      return client.events().log(PROCESS_EVENTS).take(Duration.ofMillis(500 + n % 2000)).then();
    } else {
      return client
          .processes()
          .with(RequestOptions.timeout(Duration.ofSeconds(3)))
          .watch(id)
          .take(Duration.ofMillis(500 + n % 2500))
          .then();
    }
  }

  /** Faults with seeded probabilities on the main routes. */
  private static String faults(Random random) {
    String[][] rules = {
      {"GET /api/v3/process", "\"fault\":\"status\",\"status\":503", "0.05"},
      {"GET /api/v3/process/*", "\"fault\":\"reset\"", "0.03"},
      {"* /api/v3/**", "\"fault\":\"latency\",\"ms\":100", "0.05"},
      {"POST /api/v3/process", "\"fault\":\"reset_after_processing\"", "0.03"},
      {"PUT /api/v3/process/*", "\"fault\":\"too_many_requests\",\"retry_after\":1", "0.03"},
      {"GET /api/v3/process", "\"fault\":\"truncated_json\"", "0.02"},
      {"GET /api/v3/fs/mem/**", "\"fault\":\"stall\",\"bytes\":10", "0.02"},
      {"GET /api/v3/config", "\"fault\":\"malformed_json\"", "0.03"},
      {"DELETE /api/v3/process/*", "\"fault\":\"status\",\"status\":502", "0.03"},
    };
    StringBuilder sb = new StringBuilder("[");
    for (String[] r : rules) {
      sb.append(sb.length() > 1 ? "," : "")
          .append("{\"route\":\"")
          .append(r[0])
          .append("\",")
          .append(r[1])
          .append(",\"probability\":")
          .append(r[2])
          .append(",\"seed\":")
          .append(random.nextLong())
          .append('}');
    }
    return sb.append(']').toString();
  }

  /**
   * A refresh failure every 2 minutes and a restart (0.3 s down) every 5 minutes, half-way between
   * two samples (a restart closes every pooled connection: sampled at once, it would show as fewer
   * descriptors).
   */
  private static Mono<Void> chaos(SimulatorProcess sim, Mono<Void> stop) {
    return Flux.interval(Duration.ofSeconds(30), Duration.ofMinutes(1))
        .takeUntilOther(stop)
        .concatMap(
            m ->
                Mono.fromCallable(
                        () -> {
                          if ((m + 1) % 2 == 0) {
                            sim.post("/_sim/fail-next-refresh?status=500", "");
                          }
                          if ((m + 1) % 5 == 0) {
                            sim.post("/_sim/restart?downtime_ms=300", "");
                          }
                          return m;
                        })
                    .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                    .onErrorResume(e -> Mono.empty()))
        .then();
  }

  private static void racScenarios(FakeRacHarness rac) {
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sessions.add("| session   : 5d0a3a3e-1b7c-4a7e-8f61-1e6a9f3c2b0" + i);
      sessions.add("| user-name : user" + i);
      sessions.add("|");
    }
    rac.scenario("session_list", sessions);
    rac.scenario("infobase_summary_list", "@generate 3000");
    rac.scenario(
        "lock_list",
        "! Ошибка операции администрирования",
        "! Администратор кластера не аутентифицирован",
        "@exit 255");
    rac.scenario("counter_list", "| name : c1", "|", "@hang");
    rac.scenario(
        "process_list",
        "| process : 5d0a3a3e-1b7c-4a7e-8f61-1e6a9f3c2b00",
        "| host    : srv1",
        "| port    : 1560",
        "| pid     : 4242",
        "|",
        "> process : 5d",
        "@die 9");
    rac.scenario("cluster_list", "| garbage line", "|");
  }

  private static int intProperty(String name, int fallback) {
    String v = System.getProperty(name, "").trim();
    return v.isEmpty() ? fallback : Integer.parseInt(v);
  }

  private static long longProperty(String name, long fallback) {
    String v = System.getProperty(name, "").trim();
    return v.isEmpty() ? fallback : Long.parseLong(v);
  }
}
