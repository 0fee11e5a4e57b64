package dev.corekit.bench;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Benchmark 5a: runs the JMH {@link RacParseBenchmark} (streaming parser vs read-all-then-regex,
 * same bytes, same fork) with JMH's GC profiler and reports MB/s and bytes allocated per input
 * byte.
 *
 * <p>Options: {@code --megabytes} (16), {@code --forks} (1), {@code --warmup-iterations} (3),
 * {@code --iterations} (5), {@code --time} seconds per iteration (2), {@code --out}.
 */
public final class RacParseReport {
  private RacParseReport() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(RacParseReport.class, argv);
    run(args).write(args.get("out"));
    System.exit(0);
  }

  static Report run(Args args) throws Exception {
    int megabytes = args.integer("megabytes", 16);
    int forks = args.integer("forks", 1);
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(RacParseBenchmark.class.getName())
            .param("megabytes", Integer.toString(megabytes))
            .forks(forks)
            .warmupIterations(args.integer("warmup-iterations", 3))
            .warmupTime(
                TimeValue.milliseconds((long) (Double.parseDouble(args.get("time", "2")) * 1000)))
            .measurementIterations(args.integer("iterations", 5))
            .measurementTime(
                TimeValue.milliseconds((long) (Double.parseDouble(args.get("time", "2")) * 1000)))
            .jvmArgsAppend("-Xmx2g")
            .addProfiler(GCProfiler.class);
    List<RunResult> results = new ArrayList<>(new Runner(options.build()).run());
    Report report =
        new Report(
            args.get("name", "5a-rac-parse"),
            "5a. RAC output parsing: streaming parser vs read all, then regex",
            args.command());
    report.text(
        "JMH (`RacParseBenchmark`, "
            + megabytes
            + " MiB of generated `rac session list` output, 50 fields per "
            + "record, some Cyrillic values; average time per parse, "
            + forks
            + " fork, GC profiler). MB/s = MiB / "
            + "(ms/op / 1000); the error is JMH's 99.9 % interval. *B allocated/input byte* from "
            + "`gc.alloc.rate.norm`.");
    List<List<String>> rows = new ArrayList<>();
    double streaming = Double.NaN;
    double regex = Double.NaN;
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      Result<?> primary = result.getPrimaryResult();
      double ms = primary.getScore();
      double mbs = megabytes / (ms / 1000);
      double low = megabytes / ((ms + primary.getScoreError()) / 1000);
      double high = megabytes / (Math.max(1e-9, ms - primary.getScoreError()) / 1000);
      Result<?> alloc = result.getSecondaryResults().get("·gc.alloc.rate.norm");
      if (alloc == null) {
        alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
      }
      double perByte =
          alloc == null ? Double.NaN : alloc.getScore() / (megabytes * 1024.0 * 1024.0);
      if (name.equals("streaming")) {
        streaming = mbs;
      } else {
        regex = mbs;
      }
      rows.add(
          List.of(
              name.equals("streaming") ? "**RacOutputParser (streaming)**" : "read all, then regex",
              Report.f(ms, 2) + " ± " + Report.f(primary.getScoreError(), 2),
              Report.f(mbs, 0),
              Report.f(low, 0) + "-" + Report.f(high, 0),
              Report.f(perByte, 2)));
    }
    report.table(
        List.of("parser", "ms/op", "MB/s", "MB/s interval", "B allocated / input byte"), rows);
    report.headline(
        "RAC parse: streaming "
            + Report.f(streaming, 0)
            + " MB/s vs read-all-then-regex "
            + Report.f(regex, 0)
            + " MB/s = "
            + Report.ratio(streaming / regex)
            + " (target >= 200 MB/s and >= 1 x)",
        streaming >= 200 && streaming >= regex);
    report.endHeadlines();
    return report;
  }
}
