package dev.corekit.bench;

import dev.corekit.core.CoreClient;
import dev.corekit.core.sync.CoreSync;
import dev.corekit.core.sync.CoreSyncClient;
import dev.corekit.core.sync.api.AboutSyncApi;
import dev.corekit.core.sync.api.ProcessSyncApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Benchmark 2: per-call overhead of the blocking proxy ({@code CoreSync}) against calling {@code
 * .block()} on the same reactive call of the same {@code CoreClient} (same connections, same
 * token), in the same run, interleaved. A third contender calls the proxy through an API view
 * fetched once, to tell the cost of the accessor ({@code processes()}) from the cost of the call.
 *
 * <p>Options: {@code --url} (required), {@code --user}, {@code --password}, {@code --seconds} (3),
 * {@code --rounds} (4), {@code --warmup} (4), {@code --threads} (1,16), {@code --ops} (list,about),
 * {@code --out}.
 */
public final class BlockingProxyBench {
  static final String BLOCK = ".block() on the reactive call";
  static final String PROXY = "CoreSync proxy";
  static final String PROXY_VIEW = "CoreSync proxy, API view kept";

  private BlockingProxyBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(BlockingProxyBench.class, argv);
    run(args).write(args.get("out"));
    System.exit(0);
  }

  record Cell(String op, int threads, Map<String, List<Sample>> samples) {}

  static Report run(Args args) throws Exception {
    return report(args, args.seconds("seconds", 3), args.integer("rounds", 4), measure(args));
  }

  static List<Cell> measure(Args args) throws Exception {
    Target target = args.target();
    Duration window = args.seconds("seconds", 3);
    Duration warmup = args.seconds("warmup", 4);
    int rounds = args.integer("rounds", 4);
    List<Integer> threadCounts = args.integers("threads", "1,16");
    List<String> ops = args.words("ops", "list,about");
    List<Cell> cells = new ArrayList<>();
    try (CoreClient client =
            CoreClient.builder()
                .baseUrl(target.url)
                .credentials(target.user, target.password)
                .build();
        CoreSyncClient sync = CoreSync.wrap(client)) {
      ProcessSyncApi processes = sync.processes();
      AboutSyncApi about = sync.about();
      Map<String, Map<String, Callable<?>>> contenders = new LinkedHashMap<>();
      contenders.put(
          "list",
          Map.of(
              BLOCK, () -> client.processes().list().collectList().block(),
              PROXY, () -> sync.processes().list(),
              PROXY_VIEW, () -> processes.list()));
      contenders.put(
          "about",
          Map.of(
              BLOCK, () -> client.about().about().block(),
              PROXY, () -> sync.about().about(),
              PROXY_VIEW, () -> about.about()));
      List<String> order = List.of(BLOCK, PROXY, PROXY_VIEW);
      for (String op : ops) {
        for (String name : order) {
          Sample warm = LoadDriver.blocking(contenders.get(op).get(name), 4, warmup);
          HttpThroughputBench.log(
              "warm-up %s %s: %.0f calls/s, %d failed %s",
              op,
              name,
              warm.perSecond(),
              warm.failed(),
              warm.firstError() == null ? "" : warm.firstError());
        }
      }
      for (String op : ops) {
        for (int threads : threadCounts) {
          Map<String, List<Sample>> samples = new LinkedHashMap<>();
          order.forEach(name -> samples.put(name, new ArrayList<>()));
          for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < order.size(); i++) {
              String name = order.get((i + round) % order.size());
              Sample sample = LoadDriver.blocking(contenders.get(op).get(name), threads, window);
              samples.get(name).add(sample);
              HttpThroughputBench.log(
                  "%s threads=%d round %d %-32s %8.1f us/call %7.1f us CPU/call%s",
                  op,
                  threads,
                  round + 1,
                  name,
                  sample.microsPerCall(threads),
                  sample.cpuMicrosPerCall(),
                  sample.failed() > 0
                      ? " FAILED " + sample.failed() + ": " + sample.firstError()
                      : "");
            }
          }
          cells.add(new Cell(op, threads, samples));
        }
      }
    }
    return cells;
  }

  static Report report(Args args, Duration window, int rounds, List<Cell> cells) {
    Report report =
        new Report(
            args.get("name", "2-blocking-proxy"),
            "2. Blocking proxy vs `.block()`",
            args.command());
    report.text(
        "One `CoreClient` against the simulator (10 processes); `CoreSync.wrap(client)` over it, so both "
            + "contenders share connections and token. Each caller thread calls in a loop: the proxy as a user "
            + "writes it (`sync.processes().list()`, `sync.about().about()`), the same reactive call with "
            + "`.collectList().block()` / `.block()`, and the proxy through a view kept in a variable (tells the "
            + "accessor's cost apart). "
            + rounds
            + " interleaved windows of "
            + window.toSeconds()
            + " s each; "
            + "*µs/call* = window x threads / calls (median of windows); *overhead* = median of the per-round "
            + "ratios proxy / block - 1.");
    List<List<String>> rows = new ArrayList<>();
    List<String> headline = new ArrayList<>();
    boolean allMet = true;
    for (Cell cell : cells) {
      List<Sample> block = cell.samples().get(BLOCK);
      for (Map.Entry<String, List<Sample>> entry : cell.samples().entrySet()) {
        List<Sample> samples = entry.getValue();
        int threads = cell.threads();
        List<Double> overheads = new ArrayList<>();
        for (int i = 0; i < Math.min(samples.size(), block.size()); i++) {
          overheads.add(
              samples.get(i).microsPerCall(threads) / block.get(i).microsPerCall(threads) - 1);
        }
        List<Double> cpu = HttpThroughputBench.ratios(samples, block, Sample::cpuMicrosPerCall);
        long failed = samples.stream().mapToLong(Sample::failed).sum();
        boolean isBlock = entry.getKey().equals(BLOCK);
        double overhead = Report.median(overheads);
        rows.add(
            List.of(
                cell.op() + "()",
                Integer.toString(threads),
                entry.getKey(),
                Report.f(HttpThroughputBench.median(samples, s -> s.microsPerCall(threads)), 1),
                isBlock
                    ? "-"
                    : Report.percent(overhead)
                        + " ("
                        + Report.percent(Report.min(overheads))
                        + " .. "
                        + Report.percent(Report.max(overheads))
                        + ")",
                Report.f(HttpThroughputBench.median(samples, Sample::cpuMicrosPerCall), 1),
                isBlock ? "-" : Report.ratio(Report.median(cpu)),
                Report.f(HttpThroughputBench.median(samples, Sample::timerMicrosPerCall), 1),
                Report.f(HttpThroughputBench.median(samples, Sample::allocatedKbPerCall), 1),
                Report.f(HttpThroughputBench.median(samples, Sample::p50Millis), 3),
                Report.f(HttpThroughputBench.median(samples, Sample::p99Millis), 3),
                Long.toString(failed)));
        if (entry.getKey().equals(PROXY)) {
          allMet &= overhead <= 0.05 && failed == 0;
          headline.add(
              cell.op()
                  + "() "
                  + threads
                  + " thread"
                  + (threads == 1 ? "" : "s")
                  + ": "
                  + Report.f(HttpThroughputBench.median(samples, s -> s.microsPerCall(threads)), 1)
                  + " vs "
                  + Report.f(HttpThroughputBench.median(block, s -> s.microsPerCall(threads)), 1)
                  + " µs = "
                  + Report.percent(overhead));
        }
      }
    }
    report.table(
        List.of(
            "call",
            "threads",
            "contender",
            "µs/call",
            "overhead vs block",
            "CPU µs/call",
            "CPU vs block",
            "of which timer threads",
            "KB alloc/call",
            "p50 ms",
            "p99 ms",
            "failed"),
        rows);
    report.headline(
        "Blocking proxy vs `.block()` (target overhead <= 5 %): " + String.join("; ", headline),
        allMet);
    report.endHeadlines();
    return report;
  }
}
