package dev.corekit.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH {@link JsonDecodeBenchmark} (decoding one list body, no network) with the GC
 * profiler: how much of list()'s client CPU is the incremental decoder's.
 *
 * <p>Options: {@code --forks} (1), {@code --warmup-iterations} (3), {@code --iterations} (5),
 * {@code --time} (2), {@code --out}.
 */
public final class JsonDecodeReport {
  private JsonDecodeReport() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(JsonDecodeReport.class, argv);
    run(args).write(args.get("out"));
    System.exit(0);
  }

  static Report run(Args args) throws Exception {
    long millis = (long) (Double.parseDouble(args.get("time", "2")) * 1000);
    OptionsBuilder options = new OptionsBuilder();
    options
        .include(JsonDecodeBenchmark.class.getName())
        .forks(args.integer("forks", 1))
        .warmupIterations(args.integer("warmup-iterations", 3))
        .warmupTime(TimeValue.milliseconds(millis))
        .measurementIterations(args.integer("iterations", 5))
        .measurementTime(TimeValue.milliseconds(millis))
        .addProfiler(GCProfiler.class);
    Map<String, RunResult> byName = new LinkedHashMap<>();
    for (RunResult result : new Runner(options.build()).run()) {
      String name = result.getParams().getBenchmark();
      byName.put(name.substring(name.lastIndexOf('.') + 1), result);
    }
    Report report =
        new Report(
            args.get("name", "1b-json-decode"),
            "1b. Decoding one list() body: core-client's incremental decoder vs the whole array at once (JMH)",
            args.command());
    report.text(
        "JMH (`JsonDecodeBenchmark`): the simulator's `GET /api/v3/process` body for 10 processes (~17 KB), "
            + "decoded into `CoreProcess` in this JVM, no network: core-client's `JsonArrayDecoder` fed 8 KiB "
            + "chunks, against `ObjectReader.readValue(bytes)` of the whole array (the ceiling's way). GC profiler "
            + "for the allocation per decode.");
    RunResult whole = byName.get("wholeArray");
    double wholeUs = whole == null ? Double.NaN : whole.getPrimaryResult().getScore();
    List<List<String>> rows = new ArrayList<>();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("sdkList", "**core-client JsonArrayDecoder as list() uses it (8 KiB chunks)**");
    labels.put(
        "sdkIncremental", "core-client JsonArrayDecoder, scanning each element (8 KiB chunks)");
    labels.put("wholeArray", "whole array, ObjectReader.readValue");
    for (Map.Entry<String, String> label : labels.entrySet()) {
      RunResult r = byName.get(label.getKey());
      if (r == null) {
        continue;
      }
      Result<?> primary = r.getPrimaryResult();
      Result<?> alloc = r.getSecondaryResults().get("·gc.alloc.rate.norm");
      if (alloc == null) {
        alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      }
      rows.add(
          List.of(
              label.getValue(),
              Report.f(primary.getScore(), 1) + " ± " + Report.f(primary.getScoreError(), 1),
              Report.ratio(primary.getScore() / wholeUs),
              alloc == null ? "-" : Report.f(alloc.getScore() / 1024, 1)));
    }
    report.table(List.of("decoder", "µs/decode", "vs whole array", "KB allocated/decode"), rows);
    RunResult sdk = byName.get("sdkList");
    if (sdk != null && whole != null) {
      report.headline(
          "Decoding one list() body: core-client's incremental decoder "
              + Report.f(sdk.getPrimaryResult().getScore(), 1)
              + " µs vs whole array "
              + Report.f(wholeUs, 1)
              + " µs = "
              + Report.ratio(sdk.getPrimaryResult().getScore() / wholeUs)
              + ", allocating "
              + Report.f(Jmh.allocatedPerOp(sdk) / 1024, 0)
              + " vs "
              + Report.f(Jmh.allocatedPerOp(whole) / 1024, 0)
              + " KB",
          null);
      report.endHeadlines();
    }
    return report;
  }
}
