package dev.corekit.bench;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreFleet;
import dev.corekit.core.FailoverPolicy;
import dev.corekit.core.RetryPolicy;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Benchmark 8: many Cores. Three simulators in this JVM stand in for three nodes.
 *
 * <ul>
 *   <li><b>Reads during a node kill</b>: a client of the three nodes (round robin, probe every
 *       {@code --probe-ms}) with {@code --readers} concurrent {@code processes().list()} loops;
 *       after {@code --phase-s} seconds one node is killed (unbound, its connections reset), after
 *       another phase restarted. Counted: failed calls, latency percentiles of the steady phase and
 *       of the phase with the node down, how long until the client took the node out, and how long
 *       from the restart until the node served the client again.
 *   <li><b>Fan-out</b>: the process lists of the three nodes (each answering after {@code
 *       --latency-ms}, as a network would) through {@link CoreFleet} against the three lists one
 *       after the other; median of {@code --reps} repetitions.
 * </ul>
 *
 * <p>Options: {@code --readers} (64), {@code --phase-s} (5), {@code --probe-ms} (500), {@code
 * --processes} per node (50), {@code --latency-ms} (20), {@code --reps} (30), {@code --out}.
 */
public final class ClusterBench {
  private static final String USER = "admin";
  private static final String PASSWORD = "bench-secret";

  private ClusterBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(ClusterBench.class, argv);
    run(args, String.join(" ", argv)).write(args.get("out"));
    System.exit(0);
  }

  static Report run(Args args, String command) throws Exception {
    int readers = args.integer("readers", 64);
    long phaseMs = args.number("phase-s", 5) * 1000;
    long probeMs = args.number("probe-ms", 500);
    int processes = args.integer("processes", 50);
    long latencyMs = args.number("latency-ms", 20);
    int reps = args.integer("reps", 30);
    Report report =
        new Report(
            "8-cluster",
            "8. Many Cores: reads during a node kill, and a 3-node fan-out",
            "java -cp benchmarks.jar dev.corekit.bench.ClusterBench " + command);
    List<CoreSimulator> sims = new ArrayList<>();
    try {
      for (int i = 1; i <= 3; i++) {
        CoreSimulator sim =
            CoreSimulator.builder()
                .user(USER)
                .password(PASSWORD)
                .id("node" + i)
                .jwtSecret("bench-secret-of-node-" + i + "-0123456789")
                .build()
                .start();
        sim.seedProcesses(processes);
        sims.add(sim);
      }
      Kill kill = killDuringReads(sims, readers, phaseMs, probeMs);
      FanOutResult fan = fanOut(sims, latencyMs, reps);
      report
          .headline(
              "Reads during a node kill: "
                  + kill.failed
                  + " failed of "
                  + kill.calls
                  + " calls ("
                  + readers
                  + " readers); p99 "
                  + Report.f(kill.p99Steady, 1)
                  + " ms steady, "
                  + Report.f(kill.p99Down, 1)
                  + " ms with the node down; node back "
                  + Report.f(kill.backAfterMs, 0)
                  + " ms after its restart (probe every "
                  + probeMs
                  + " ms)",
              kill.failed == 0 && kill.backAfterMs <= 2 * probeMs + 100)
          .headline(
              "3-node fan-out list: "
                  + Report.f(fan.fleetMs, 1)
                  + " ms through CoreFleet vs "
                  + Report.f(fan.sequentialMs, 1)
                  + " ms one node after the other ("
                  + Report.ratio(fan.sequentialMs / fan.fleetMs)
                  + " faster)",
              null)
          .endHeadlines();
      report.text(
          "Three simulators in the benchmark's JVM, each with its own JWT secret (the client logs"
              + " in on each node). Reads: "
              + readers
              + " concurrent `processes().list()` loops ("
              + processes
              + " processes per node) through one client of the three nodes, round robin, breaker"
              + " after 3 failures in a row, probe every "
              + probeMs
              + " ms, 2 s attempt timeout, 10 s deadline. Phases of "
              + phaseMs / 1000
              + " s: steady, node 2 killed (`stop()`: unbound, open connections reset), node 2"
              + " restarted.");
      report.table(
          List.of("phase", "calls", "failed", "p50 ms", "p99 ms", "max ms"),
          List.of(
              List.of(
                  "steady",
                  Long.toString(kill.callsSteady),
                  "0",
                  Report.f(kill.p50Steady, 1),
                  Report.f(kill.p99Steady, 1),
                  Report.f(kill.maxSteady, 1)),
              List.of(
                  "node 2 down",
                  Long.toString(kill.callsDown),
                  Long.toString(kill.failed),
                  Report.f(kill.p50Down, 1),
                  Report.f(kill.p99Down, 1),
                  Report.f(kill.maxDown, 1))));
      report.text(
          "Node 2 taken out "
              + Report.f(kill.outAfterMs, 0)
              + " ms after the kill; calls moved to another node: "
              + kill.failovers
              + ". After the restart node 2 served the client again after "
              + Report.f(kill.backAfterMs, 0)
              + " ms (target: within two probe intervals, "
              + 2 * probeMs
              + " ms).");
      report.text(
          "Fan-out: every node answers `GET /api/v3/process` after "
              + latencyMs
              + " ms (a simulator latency fault standing in for the network), "
              + processes
              + " processes each. `CoreFleet.processes().collectList()` (all three nodes at once)"
              + " against three `processes().list().collectList()` one after the other; median of "
              + reps
              + " repetitions after 5 for warm-up.");
      report.table(
          List.of("contender", "median ms", "min ms"),
          List.of(
              List.of("CoreFleet fan-out", Report.f(fan.fleetMs, 1), Report.f(fan.fleetMin, 1)),
              List.of(
                  "sequential per node",
                  Report.f(fan.sequentialMs, 1),
                  Report.f(fan.sequentialMin, 1))));
      return report;
    } finally {
      sims.forEach(CoreSimulator::close);
    }
  }

  record Kill(
      long calls,
      long failed,
      long callsSteady,
      long callsDown,
      double p50Steady,
      double p99Steady,
      double maxSteady,
      double p50Down,
      double p99Down,
      double maxDown,
      double outAfterMs,
      double backAfterMs,
      long failovers) {}

  static Kill killDuringReads(List<CoreSimulator> sims, int readers, long phaseMs, long probeMs)
      throws Exception {
    io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    try (CoreClient client =
        CoreClient.builder()
            .baseUrls(sims.stream().map(CoreSimulator::baseUrl).toList())
            .credentials(USER, PASSWORD)
            .failover(
                FailoverPolicy.builder()
                    .selection(FailoverPolicy.Selection.ROUND_ROBIN)
                    .probeInterval(Duration.ofMillis(probeMs))
                    .attemptTimeout(Duration.ofSeconds(2))
                    .build())
            .retry(RetryPolicy.DEFAULT)
            .meterRegistry(meters)
            .build()) {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong failed = new AtomicLong();
      AtomicLong calls = new AtomicLong();
      // 0: warm-up, 1: steady, 2: node down
      java.util.concurrent.atomic.AtomicInteger phase =
          new java.util.concurrent.atomic.AtomicInteger();
      Latencies steady = new Latencies(2_000_000);
      Latencies down = new Latencies(2_000_000);
      Disposable load =
          Flux.range(0, readers)
              .flatMap(
                  reader ->
                      Mono.defer(
                              () -> {
                                long start = System.nanoTime();
                                int at = phase.get();
                                return client
                                    .processes()
                                    .list()
                                    .then()
                                    .doOnSuccess(
                                        done -> {
                                          calls.incrementAndGet();
                                          if (at == 1) {
                                            steady.record(System.nanoTime() - start);
                                          } else if (at == 2) {
                                            down.record(System.nanoTime() - start);
                                          }
                                        })
                                    .onErrorResume(
                                        error -> {
                                          calls.incrementAndGet();
                                          failed.incrementAndGet();
                                          return Mono.empty();
                                        });
                              })
                          .repeat(running::get),
                  readers)
              .subscribe();
      try {
        Thread.sleep(phaseMs); // warm-up
        phase.set(1);
        Thread.sleep(phaseMs);
        long failedBefore = failed.get();
        phase.set(2);
        long killedAt = System.nanoTime();
        sims.get(1).stop();
        double outAfterMs = waitFor(() -> !client.nodes().get(1).available(), killedAt, 30_000);
        Thread.sleep(Math.max(0, phaseMs - (long) outAfterMs));
        phase.set(3);
        long served = sims.get(1).stats().requests("GET /api/v3/process");
        long restartedAt = System.nanoTime();
        sims.get(1).start();
        double backAfterMs =
            waitFor(
                () -> sims.get(1).stats().requests("GET /api/v3/process") > served,
                restartedAt,
                30_000);
        Thread.sleep(phaseMs / 2);
        running.set(false);
        long[] s = steady.sorted();
        long[] d = down.sorted();
        double failovers =
            meters.find("corekit.core.failovers").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
        HttpThroughputBench.log(
            "kill: %d calls, %d failed (%d before the kill), out after %.0f ms, back after %.0f ms",
            calls.get(), failed.get(), failedBefore, outAfterMs, backAfterMs);
        return new Kill(
            calls.get(),
            failed.get(),
            s.length,
            d.length,
            Latencies.percentileMillis(s, 50),
            Latencies.percentileMillis(s, 99),
            Latencies.percentileMillis(s, 100),
            Latencies.percentileMillis(d, 50),
            Latencies.percentileMillis(d, 99),
            Latencies.percentileMillis(d, 100),
            outAfterMs,
            backAfterMs,
            (long) failovers);
      } finally {
        running.set(false);
        load.dispose();
      }
    }
  }

  /** Polls a condition every millisecond; the milliseconds from {@code since} until it held. */
  private static double waitFor(BooleanSupplier condition, long since, long limitMs)
      throws InterruptedException {
    while (!condition.getAsBoolean()) {
      if ((System.nanoTime() - since) / 1_000_000 > limitMs) {
        throw new IllegalStateException("condition not met within " + limitMs + " ms");
      }
      Thread.sleep(1);
    }
    return (System.nanoTime() - since) / 1e6;
  }

  record FanOutResult(double fleetMs, double fleetMin, double sequentialMs, double sequentialMin) {}

  static FanOutResult fanOut(List<CoreSimulator> sims, long latencyMs, int reps) {
    for (CoreSimulator sim : sims) {
      sim.faults().clear();
      if (sim.isRunning()) {
        sim.faults().on("GET /api/v3/process").inject(Fault.latency(Duration.ofMillis(latencyMs)));
      }
    }
    List<CoreClient> clients = new ArrayList<>();
    for (CoreSimulator sim : sims) {
      clients.add(CoreClient.builder().baseUrl(sim.baseUrl()).credentials(USER, PASSWORD).build());
    }
    try (CoreFleet fleet = CoreFleet.of(clients)) {
      List<Double> fleetTimes = new ArrayList<>();
      List<Double> sequentialTimes = new ArrayList<>();
      for (int rep = -5; rep < reps; rep++) {
        long t0 = System.nanoTime();
        fleet.processes().collectList().block(Duration.ofSeconds(30));
        long t1 = System.nanoTime();
        for (CoreClient client : clients) {
          client.processes().list().collectList().block(Duration.ofSeconds(30));
        }
        long t2 = System.nanoTime();
        if (rep >= 0) {
          fleetTimes.add((t1 - t0) / 1e6);
          sequentialTimes.add((t2 - t1) / 1e6);
        }
      }
      return new FanOutResult(
          Report.median(fleetTimes),
          Report.min(fleetTimes),
          Report.median(sequentialTimes),
          Report.min(sequentialTimes));
    } finally {
      clients.forEach(CoreClient::close);
      sims.forEach(sim -> sim.faults().clear());
    }
  }
}
