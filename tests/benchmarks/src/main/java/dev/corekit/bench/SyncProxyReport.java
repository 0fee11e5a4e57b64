package dev.corekit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs the JMH {@link SyncProxyBenchmark}: the blocking proxy's own cost per call, without a
 * network.
 *
 * <p>Options: {@code --forks} (1), {@code --warmup-iterations} (3), {@code --iterations} (5),
 * {@code --time} (2), {@code --out}.
 */
public final class SyncProxyReport {
  private SyncProxyReport() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(SyncProxyReport.class, argv);
    run(args).write(args.get("out"));
    System.exit(0);
  }

  static Report run(Args args) throws Exception {
    Map<String, RunResult> r = Jmh.run(args, SyncProxyBenchmark.class);
    Report report =
        new Report(
            args.get("name", "2b-sync-proxy-cost"),
            "2b. The blocking proxy's own cost per call, no network (JMH)",
            args.command());
    report.text(
        "JMH (`SyncProxyBenchmark`): the generic proxy behind `CoreSync` (`BlockingProxy`) over a `Mono` that "
            + "completes at once (`Mono.just(..).hide()`, so `.block()` takes no scalar shortcut) or on another "
            + "thread (as an answer from an event loop does), against `.block()` on the same `Mono`; and "
            + "`CoreSync`'s accessor `sync.processes()`. ns/op, GC profiler for bytes allocated per call. With "
            + "2 cores shared with other processes, the other-thread variants are dominated by thread hand-off "
            + "and are noisy.");
    List<List<String>> rows = new ArrayList<>();
    String[][] names = {
      {"blockImmediate", "`.block()`, completes at once"},
      {"proxyImmediate", "proxy, completes at once"},
      {"blockOtherThread", "`.block()`, completes on another thread"},
      {"proxyOtherThread", "proxy, completes on another thread"},
      {"syncAccessor", "`sync.processes()` (the accessor alone)"},
    };
    for (String[] n : names) {
      RunResult result = r.get(n[0]);
      rows.add(
          List.of(n[1], Jmh.scoreWithError(result, 0), Report.f(Jmh.allocatedPerOp(result), 0)));
    }
    report.table(List.of("call", "ns/op", "B allocated/op"), rows);
    double immediate = Jmh.score(r.get("proxyImmediate")) - Jmh.score(r.get("blockImmediate"));
    double other = Jmh.score(r.get("proxyOtherThread")) - Jmh.score(r.get("blockOtherThread"));
    double accessor = Jmh.score(r.get("syncAccessor"));
    report.headline(
        "Blocking proxy's own cost over `.block()`: "
            + Report.f(immediate / 1000, 2)
            + " µs per call (value at once), "
            + Report.f(other / 1000, 2)
            + " µs (value from another thread); the `sync.processes()` accessor "
            + Report.f(accessor, 0)
            + " ns",
        null);
    report.endHeadlines();
    return report;
  }
}
