package dev.corekit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Benchmark 3: 10 000 concurrent {@code processes().list()} calls across an access-token expiry.
 * Two simulators: one issuing short-lived tokens ({@code --access-ttl}, 10 s) and one with a long
 * lifetime (1 h), else identical. Per repetition a fresh client logs in, waits until shortly before
 * it would renew its token by itself ({@code lifetime - margin}), then starts the burst:
 *
 * <ul>
 *   <li><b>all at once</b>: all 10 000 calls subscribed at the same moment; they queue for the 256
 *       pooled connections, so many are sent after the token's real expiry on the server;
 *   <li><b>512 lanes</b>: 512 calls in flight at a time until 10 000 are done; later calls
 *       subscribe after the client's own early renewal.
 * </ul>
 *
 * Counted on the simulator ({@code GET /_sim/stats}): refreshes and logins during the burst, and
 * calls sent more than once (401 then replay). Latency runs from subscription to the last element.
 *
 * <p>Options: {@code --url-expiring}, {@code --url-steady} (simulators run with {@code --admin}),
 * {@code --ttl} seconds of the expiring one (10), {@code --requests} (10000), {@code --reps} (3),
 * {@code --lanes} (512), {@code --user}, {@code --password}, {@code --out}.
 */
public final class TokenExpiryBench {
  private TokenExpiryBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(TokenExpiryBench.class, argv);
    run(args).write(args.get("out"));
    System.exit(0);
  }

  /** One burst. */
  record Burst(
      String variant,
      boolean expiring,
      long requests,
      long failed,
      long timeouts,
      String firstError,
      long refreshes,
      long logins,
      long sent,
      double startSeconds,
      double seconds,
      double p50,
      double p99) {

    /**
     * Renewals a correct client makes in this burst. With a long-lived token none. With 512 lanes,
     * calls keep subscribing, so one at {@code renewsAt} after login, then one per {@code renewsAt}
     * of each new token. All at once, every call took the old token when it subscribed: one
     * renewal, when the server first rejects it ({@code ttl - 1} to {@code ttl} s after login), if
     * the burst lasts that long.
     */
    long expectedRefreshes(double renewsAt, double ttl) {
      double end = startSeconds + seconds;
      if (!expiring) {
        return 0;
      }
      if (variant.equals("all at once")) {
        return end < ttl - 1 ? 0 : 1 + (long) Math.floor(Math.max(0, end - ttl) / renewsAt);
      }
      return end < renewsAt ? 0 : 1 + (long) Math.floor((end - renewsAt) / renewsAt);
    }
  }

  static Report run(Args args) throws Exception {
    double ttl = Double.parseDouble(args.get("ttl", "10"));
    double lifetime = Math.max(ttl - 1, ttl / 2);
    double renewsAt = lifetime - Math.min(30, lifetime / 5);
    return report(
        args,
        ttl,
        renewsAt,
        Math.max(0, renewsAt - 0.2),
        args.integer("requests", 10_000),
        args.integer("lanes", 512),
        measure(args));
  }

  static List<Burst> measure(Args args) throws Exception {
    String user = args.get("user", "admin");
    String password = args.get("password", "secret");
    Target expiring = Target.of(args.required("url-expiring"), user, password);
    Target steady = Target.of(args.required("url-steady"), user, password);
    double ttl = Double.parseDouble(args.get("ttl", "10"));
    int requests = args.integer("requests", 10_000);
    int reps = args.integer("reps", 3);
    int lanes = args.integer("lanes", 512);
    // The client's estimate of the lifetime (exp - iat, less the second iat may be late) and its
    // margin.
    double lifetime = Math.max(ttl - 1, ttl / 2);
    double renewsAt = lifetime - Math.min(30, lifetime / 5);
    double startAt = Math.max(0, renewsAt - 0.2);

    // Both servers answer the list after a fixed delay, so that a burst lasts long enough (10 000
    // calls
    // over 256 connections: ~4 s at 100 ms) to outlive the token whatever the machine's load.
    long latency = args.number("server-latency-ms", 100);
    for (Target target : List.of(expiring, steady)) {
      target.clearFaults();
      if (latency > 0) {
        target.fault(
            "{\"route\":\"GET /api/v3/process\",\"fault\":\"latency\",\"ms\":" + latency + "}");
      }
    }
    // Warm the client code paths (JIT) first.
    burst(steady, "warm-up", requests, Math.min(lanes, requests), 0, false);
    burst(expiring, "warm-up", requests, Math.min(lanes, requests), 0, true);
    List<Burst> bursts = new ArrayList<>();
    for (int rep = 0; rep < reps; rep++) {
      for (String variant : List.of("all at once", lanes + " lanes")) {
        int concurrency = variant.equals("all at once") ? requests : lanes;
        for (boolean expires : rep % 2 == 0 ? List.of(true, false) : List.of(false, true)) {
          Burst b =
              burst(expires ? expiring : steady, variant, requests, concurrency, startAt, expires);
          bursts.add(b);
          HttpThroughputBench.log(
              "%s %-12s %s: %d calls in %.2f s from %.2f s after login, %d failed, %d refreshes, %d logins, "
                  + "%d sent, p99 %.0f ms%s",
              expires ? "expiring" : "steady  ",
              variant,
              "rep " + (rep + 1),
              b.requests(),
              b.seconds(),
              b.startSeconds(),
              b.failed(),
              b.refreshes(),
              b.logins(),
              b.sent(),
              b.p99(),
              b.failed() > 0 ? " (" + b.timeouts() + " past the deadline) " + b.firstError() : "");
        }
      }
    }
    for (Target target : List.of(expiring, steady)) {
      target.clearFaults();
    }
    return bursts;
  }

  static Burst burst(
      Target target,
      String variant,
      int requests,
      int concurrency,
      double startAt,
      boolean expiring)
      throws InterruptedException {
    try (CoreClient client =
        CoreClient.builder()
            .baseUrl(target.url)
            .credentials(target.user, target.password)
            .build()) {
      client.processes().list().then().block(Duration.ofSeconds(30));
      long loggedIn = System.nanoTime();
      long wait = (long) (startAt * 1e9) - (System.nanoTime() - loggedIn);
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      JsonNode before = target.stats();
      Latencies latencies = new Latencies(requests);
      LongAdder failed = new LongAdder();
      LongAdder timeouts = new LongAdder();
      AtomicReference<String> firstError = new AtomicReference<>("");
      long start = System.nanoTime();
      Flux.range(0, requests)
          .flatMap(
              i -> {
                long t0 = System.nanoTime();
                return client
                    .processes()
                    .list()
                    .then()
                    .doOnSuccess(v -> latencies.record(System.nanoTime() - t0))
                    .onErrorResume(
                        error -> {
                          failed.increment();
                          if (error instanceof dev.corekit.core.CoreTimeoutException) {
                            timeouts.increment();
                          } else {
                            firstError.compareAndSet("", error.toString());
                          }
                          return Mono.empty();
                        });
              },
              concurrency)
          .then()
          .block(Duration.ofMinutes(3));
      long end = System.nanoTime();
      JsonNode after = target.stats();
      long[] sorted = latencies.sorted();
      return new Burst(
          variant,
          expiring,
          requests,
          failed.sum(),
          timeouts.sum(),
          firstError.get(),
          after.path("refreshes").asLong() - before.path("refreshes").asLong(),
          after.path("logins").asLong() - before.path("logins").asLong(),
          route(after) - route(before),
          (start - loggedIn) / 1e9,
          (end - start) / 1e9,
          Latencies.percentileMillis(sorted, 50),
          Latencies.percentileMillis(sorted, 99));
    }
  }

  private static long route(JsonNode stats) {
    return stats.path("requests_by_route").path("GET /api/v3/process").asLong();
  }

  static Report report(
      Args args,
      double ttl,
      double renewsAt,
      double startAt,
      int requests,
      int lanes,
      List<Burst> bursts) {
    Report report =
        new Report(
            args.get("name", "3-token-expiry"),
            "3. " + String.format("%,d", requests) + " concurrent calls across a token expiry",
            args.command());
    report.text(
        "Two simulators (own JVMs), both answering `GET /api/v3/process` after "
            + args.get("server-latency-ms", "100")
            + " ms (a latency fault, so that a burst outlives the token however loaded the machine): access "
            + "tokens living "
            + Report.f(ttl, 0)
            + " s, and 1 h. A fresh client "
            + "logs in, waits "
            + Report.f(startAt, 2)
            + " s (it renews by itself "
            + Report.f(renewsAt, 2)
            + " s after login: estimated lifetime less a fifth), then runs the burst. The server rejects a token "
            + "between "
            + Report.f(ttl - 1, 0)
            + " and "
            + Report.f(ttl, 0)
            + " s after login (iat is whole "
            + "seconds). *sent* counts `GET /api/v3/process` requests the simulator received during the burst: "
            + "more than the calls means rejected (401) and replayed. Latency runs from subscription (including "
            + "the wait for one of the 256 pooled connections). *expected* refreshes: one when the burst passes "
            + "the renewal point, one more per renewal interval it outlasts. The client keeps its defaults (a "
            + "10 s deadline per call, retries). Medians over the repetitions; every burst is listed below.");
    List<List<String>> rows = new ArrayList<>();
    List<String> headline = new ArrayList<>();
    boolean allMet = true;
    for (String variant : List.of("all at once", lanes + " lanes")) {
      double steadyP99 = Double.NaN;
      for (boolean expires : List.of(false, true)) {
        List<Burst> mine = new ArrayList<>();
        for (Burst b : bursts) {
          if (b.variant().equals(variant) && b.expiring() == expires) {
            mine.add(b);
          }
        }
        double p99 = med(mine, Burst::p99);
        if (!expires) {
          steadyP99 = p99;
        }
        long failed = mine.stream().mapToLong(Burst::failed).sum();
        long timeouts = mine.stream().mapToLong(Burst::timeouts).sum();
        List<Long> refreshes = mine.stream().map(Burst::refreshes).toList();
        List<Long> expected = mine.stream().map(b -> b.expectedRefreshes(renewsAt, ttl)).toList();
        boolean met = !expires || (failed == 0 && refreshes.stream().allMatch(r -> r == 1));
        rows.add(
            List.of(
                variant,
                expires ? Report.f(ttl, 0) + " s" : "1 h",
                refreshes + (expires ? " (expected " + expected + ")" : ""),
                mine.stream().map(Burst::logins).toList().toString(),
                failed + (timeouts > 0 ? " (" + timeouts + " deadline)" : ""),
                mine.stream().map(b -> Long.toString(b.sent() - b.requests())).toList().toString(),
                Report.f(med(mine, Burst::seconds), 2),
                Report.f(med(mine, Burst::p50), 0),
                Report.f(p99, 0),
                expires ? Report.ratio(p99 / steadyP99) : "1"));
        if (expires) {
          allMet &= met;
          headline.add(
              variant
                  + ": refreshes "
                  + refreshes
                  + " (expected "
                  + expected
                  + "), failures "
                  + failed
                  + (timeouts > 0 ? " (" + timeouts + " past the 10 s deadline)" : "")
                  + ", replays "
                  + mine.stream().map(b -> Long.toString(b.sent() - b.requests())).toList()
                  + ", p99 "
                  + Report.f(p99, 0)
                  + " ms vs "
                  + Report.f(steadyP99, 0)
                  + " ms without expiry ("
                  + Report.ratio(p99 / steadyP99)
                  + ")");
        }
      }
    }
    report.table(
        List.of(
            "burst",
            "token lifetime",
            "refreshes",
            "logins",
            "failed",
            "replayed (sent - calls)",
            "burst s",
            "p50 ms",
            "p99 ms",
            "p99 vs 1 h"),
        rows);
    report.headline(
        "Token expiry under "
            + String.format("%,d", requests)
            + " concurrent calls (target: 1 refresh, 0 failures): "
            + String.join("; ", headline),
        allMet);
    report.endHeadlines();
    List<List<String>> all = new ArrayList<>();
    for (Burst b : bursts) {
      all.add(
          List.of(
              b.variant(),
              b.expiring() ? Report.f(ttl, 0) + " s" : "1 h",
              Report.f(b.startSeconds(), 2),
              Report.f(b.seconds(), 2),
              b.refreshes() + " (" + b.expectedRefreshes(renewsAt, ttl) + ")",
              Long.toString(b.logins()),
              b.failed() + (b.timeouts() > 0 ? " (" + b.timeouts() + " deadline)" : ""),
              Long.toString(b.sent()),
              Report.f(b.p99(), 0),
              b.firstError().isEmpty() ? "" : b.firstError().replace("|", "/")));
    }
    report.text("Every burst:");
    report.table(
        List.of(
            "burst",
            "token lifetime",
            "starts s after login",
            "lasts s",
            "refreshes (expected)",
            "logins",
            "failed",
            "sent",
            "p99 ms",
            "first error other than the deadline"),
        all);
    return report;
  }

  private static double med(List<Burst> bursts, java.util.function.ToDoubleFunction<Burst> metric) {
    List<Double> values = new ArrayList<>();
    bursts.forEach(b -> values.add(metric.applyAsDouble(b)));
    return Report.median(values);
  }
}
