package dev.corekit.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs a JMH benchmark class with the options of a report main and the GC profiler. */
final class Jmh {
  private Jmh() {}

  /** Results by benchmark method name. */
  static Map<String, RunResult> run(Args args, Class<?> benchmark) throws Exception {
    long millis = (long) (Double.parseDouble(args.get("time", "2")) * 1000);
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(benchmark.getName())
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
    return byName;
  }

  static double score(@Nullable RunResult result) {
    return result == null ? Double.NaN : result.getPrimaryResult().getScore();
  }

  static String scoreWithError(@Nullable RunResult result, int decimals) {
    if (result == null) {
      return "-";
    }
    Result<?> primary = result.getPrimaryResult();
    return Report.f(primary.getScore(), decimals)
        + " ± "
        + Report.f(primary.getScoreError(), decimals);
  }

  /** Bytes allocated per operation, from the GC profiler. */
  static double allocatedPerOp(@Nullable RunResult result) {
    if (result == null) {
      return Double.NaN;
    }
    Result<?> alloc = result.getSecondaryResults().get("·gc.alloc.rate.norm");
    if (alloc == null) {
      alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
    }
    return alloc == null ? Double.NaN : alloc.getScore();
  }
}
