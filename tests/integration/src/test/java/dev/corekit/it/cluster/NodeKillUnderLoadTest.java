package dev.corekit.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.corekit.core.CoreClient;
import dev.corekit.core.FailoverPolicy;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.model.CoreProcess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 64 concurrent readers (and a few writers) while one node of three is killed and restarted: no
 * idempotent call fails, none outlives its deadline, no POST runs twice, and the restarted node
 * gets traffic again after the first probe that reaches it.
 */
class NodeKillUnderLoadTest {
  private static final Duration DEADLINE = Duration.ofSeconds(5);
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void sixtyFourReadersSeeNoFailureWhileANodeIsKilledAndRestarted() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (Nodes nodes = new Nodes(3);
        CoreClient client =
            nodes
                .client(
                    FailoverPolicy.builder()
                        .selection(FailoverPolicy.Selection.ROUND_ROBIN)
                        .failureThreshold(3)
                        .probeInterval(Duration.ofMillis(200))
                        .attemptTimeout(Duration.ofSeconds(2))
                        .build())
                .timeout(DEADLINE)
                .meterRegistry(meters)
                .build()) {
      nodes.sims.forEach(sim -> sim.seedProcesses(20));
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong reads = new AtomicLong();
      AtomicLong slowestNanos = new AtomicLong();
      List<Throwable> readFailures = new CopyOnWriteArrayList<>();
      AtomicInteger posts = new AtomicInteger();
      AtomicInteger postsDone = new AtomicInteger();

      Flux<Void> readers =
          Flux.range(0, 64)
              .flatMap(
                  reader ->
                      Mono.defer(
                              () -> {
                                long start = System.nanoTime();
                                return client
                                    .processes()
                                    .list()
                                    .then()
                                    .doOnSuccess(
                                        done -> {
                                          reads.incrementAndGet();
                                          slowestNanos.accumulateAndGet(
                                              System.nanoTime() - start, Math::max);
                                        })
                                    .onErrorResume(
                                        error -> {
                                          readFailures.add(error);
                                          return Mono.empty();
                                        });
                              })
                          .repeat(running::get),
                  64);
      Flux<Void> writers =
          Flux.range(0, 4)
              .flatMap(
                  writer ->
                      Mono.defer(
                              () ->
                                  client
                                      .processes()
                                      .with(RequestOptions.timeout(DEADLINE))
                                      .create(Nodes.config("w-" + posts.incrementAndGet()))
                                      .then()
                                      .onErrorResume(error -> Mono.empty())
                                      .doFinally(signal -> postsDone.incrementAndGet()))
                          .repeat(running::get),
                  4);
      Disposable load = Flux.merge(readers, writers).subscribe();
      try {
        await()
            .atMost(WAIT)
            .until(
                () ->
                    nodes.sims.stream()
                        .allMatch(sim -> sim.stats().requests("GET /api/v3/process") >= 50));

        nodes.node(2).stop();
        long readsAtKill = reads.get();
        await()
            .atMost(WAIT)
            .until(() -> !client.nodes().get(1).available() && reads.get() >= readsAtKill + 500);

        long servedBeforeRestart = nodes.node(2).stats().requests("GET /api/v3/process");
        nodes.node(2).start();
        await()
            .atMost(WAIT)
            .until(
                () -> nodes.node(2).stats().requests("GET /api/v3/process") > servedBeforeRestart);
        // The probes refused while it was down never arrived: every ping it counts came after the
        // restart, and the first one that got an answer brought it back.
        assertThat(nodes.node(2).stats().requests("GET /ping")).isBetween(1L, 2L);
      } finally {
        running.set(false);
        await().atMost(WAIT).until(() -> postsDone.get() == posts.get());
        load.dispose();
      }

      assertThat(readFailures).isEmpty();
      // Calls did move: the kill was felt, and hidden from the readers by failover.
      assertThat(meters.get("corekit.core.failovers").counters())
          .anySatisfy(counter -> assertThat(counter.count()).isPositive());
      assertThat(Duration.ofNanos(slowestNanos.get())).isLessThan(DEADLINE);

      // Each POST reached one server at most: no process id exists on two nodes, and no node
      // received more POSTs than were made.
      Map<String, Integer> holders = new HashMap<>();
      long arrived = 0;
      for (var sim : nodes.sims) {
        arrived += sim.stats().posts("/api/v3/process");
        try (CoreClient one =
            CoreClient.builder()
                .baseUrl(sim.baseUrl())
                .credentials(Nodes.USER, Nodes.PASSWORD)
                .build()) {
          List<CoreProcess> listed = one.processes().list().collectList().block(WAIT);
          for (CoreProcess process : listed) {
            if (process.id().startsWith("w-")) {
              holders.merge(process.id(), 1, Integer::sum);
            }
          }
        }
      }
      assertThat(posts.get()).isPositive();
      assertThat(arrived).isLessThanOrEqualTo(posts.get());
      assertThat(holders.values()).allMatch(count -> count == 1);
    }
  }
}
