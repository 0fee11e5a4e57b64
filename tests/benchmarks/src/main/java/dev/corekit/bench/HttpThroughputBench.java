package dev.corekit.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Benchmark 1 (and 6): throughput and client CPU per call of {@code processes().list()} and {@code
 * about()} at several concurrencies, core-client against the same calls written by hand with
 * Reactor Netty + Jackson (the ceiling of this stack) and with the JDK's HttpClient + Jackson; at
 * concurrency 1 also a plain Python urllib loop (the script user's alternative). All contenders run
 * in this JVM against the same server, interleaved round by round (the order rotates), after a
 * warm-up.
 *
 * <p>Options: {@code --url} (required), {@code --user}, {@code --password}, {@code --seconds} per
 * window (5), {@code --rounds} (3), {@code --warmup} seconds per contender and operation (3),
 * {@code --concurrency} (1,16,256), {@code --ops} (list,about), {@code --contenders}
 * (sdk,hand,jdk), {@code --python} path of {@code urllib_bench.py} (optional), {@code --label} of
 * the server, {@code --name} of the result file, {@code --out} directory of results.
 */
public final class HttpThroughputBench {
  static final String SDK = "core-client";
  static final String CEILING = "Reactor Netty + Jackson by hand";
  static final String PYTHON = "Python urllib loop";

  private HttpThroughputBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(HttpThroughputBench.class, argv);
    run(args).write(args.get("out"));
    System.exit(0);
  }

  /** The samples of one operation at one concurrency, per contender, in round order. */
  record Cell(String op, int concurrency, Map<String, List<Sample>> samples) {}

  static Report run(Args args) throws Exception {
    List<Cell> cells = measure(args);
    return report(
        args,
        args.get("label", "the Core simulator (its own JVM) on loopback"),
        args.seconds("seconds", 5),
        args.integer("rounds", 3),
        args.seconds("warmup", 3),
        cells);
  }

  static List<Cell> measure(Args args) throws Exception {
    Target target = args.target();
    Duration window = args.seconds("seconds", 5);
    Duration warmup = args.seconds("warmup", 3);
    int rounds = args.integer("rounds", 3);
    List<Integer> concurrencies = args.integers("concurrency", "1,16,256");
    List<String> ops = args.words("ops", "list,about");
    String python = args.get("python");

    List<String> chosen = args.words("contenders", "sdk,hand,jdk");
    List<HttpContender> contenders = new ArrayList<>();
    for (String key : chosen) {
      switch (key) {
        case "sdk" -> contenders.add(HttpContender.coreClient(target));
        case "hand" -> contenders.add(HttpContender.reactorNettyByHand(target));
        case "jdk" -> contenders.add(HttpContender.jdkHttpClient(target));
        case "hand-timeout" ->
            contenders.add(HttpContender.reactorNettyByHandWithTimers(target, false));
        case "hand-timers" ->
            contenders.add(HttpContender.reactorNettyByHandWithTimers(target, true));
        default ->
            throw new IllegalArgumentException(
                "unknown contender " + key + " (sdk, hand, jdk, hand-timeout, hand-timers)");
      }
    }
    List<Cell> cells = new ArrayList<>();
    try {
      int maxConcurrency = concurrencies.stream().mapToInt(Integer::intValue).max().orElse(1);
      for (String op : ops) {
        for (HttpContender contender : contenders) {
          Sample warm = LoadDriver.reactive(call(contender, op), maxConcurrency, warmup);
          log(
              "warm-up %s %s: %.0f calls/s, %d failed %s",
              op,
              contender.name(),
              warm.perSecond(),
              warm.failed(),
              warm.firstError() == null ? "" : warm.firstError());
        }
      }
      for (String op : ops) {
        for (int concurrency : concurrencies) {
          Map<String, List<Sample>> samples = new LinkedHashMap<>();
          for (HttpContender contender : contenders) {
            samples.put(contender.name(), new ArrayList<>());
          }
          if (python != null && concurrency == 1) {
            samples.put(PYTHON, new ArrayList<>());
          }
          for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < contenders.size(); i++) {
              HttpContender contender = contenders.get((i + round) % contenders.size());
              Sample sample = LoadDriver.reactive(call(contender, op), concurrency, window);
              samples.get(contender.name()).add(sample);
              log(
                  "%s c=%d round %d %-32s %9.0f calls/s %7.1f us CPU/call %6.1f KB/call p99 %.2f ms%s",
                  op,
                  concurrency,
                  round + 1,
                  contender.name(),
                  sample.perSecond(),
                  sample.cpuMicrosPerCall(),
                  sample.allocatedKbPerCall(),
                  sample.p99Millis(),
                  sample.failed() > 0
                      ? " FAILED " + sample.failed() + ": " + sample.firstError()
                      : "");
            }
            if (python != null && concurrency == 1) {
              Sample sample = python(python, target, op, window);
              samples.get(PYTHON).add(sample);
              log("%s c=1 round %d %-32s %9.0f calls/s", op, round + 1, PYTHON, sample.perSecond());
            }
          }
          cells.add(new Cell(op, concurrency, samples));
        }
      }
    } finally {
      for (HttpContender contender : contenders) {
        contender.close();
      }
    }
    return cells;
  }

  private static java.util.function.Supplier<Mono<?>> call(HttpContender contender, String op) {
    switch (op) {
      case "list":
        return contender::list;
      case "about":
        return contender::about;
      default:
        throw new IllegalArgumentException("unknown op " + op + " (list, about)");
    }
  }

  static Report report(
      Args args, String label, Duration window, int rounds, Duration warmup, List<Cell> cells) {
    boolean attribution = args.get("title") != null;
    Report report =
        new Report(
            args.get("name", "1-http-throughput"),
            attribution
                ? args.get("title")
                : "1. Throughput and CPU per call: core-client vs by hand vs JDK HttpClient"
                    + (args.get("python") != null ? " (and 6. the Python script user)" : "")
                    + (args.get("label") != null ? " on " + args.get("label") : ""),
            args.command());
    if (args.get("text") != null) {
      report.text(args.get("text"));
    }
    report.text(
        "Against "
            + label
            + ", seeded with 10 processes (`GET /api/v3/process` answers ~17 KB, decoded into "
            + "`CoreProcess`; `GET /api` ~0.7 KB into `About`). A closed loop keeps exactly *in flight* calls "
            + "running; each contender runs "
            + rounds
            + " windows of "
            + window.toSeconds()
            + " s, interleaved "
            + "with the others (order rotating), after a "
            + warmup.toSeconds()
            + " s warm-up each. "
            + "calls/s and CPU are medians over the windows; *vs by hand* is the median of the per-round ratios "
            + "(min-max in brackets). CPU and allocation are the benchmark JVM's (the client's alone: the "
            + "simulator runs in its own JVM, and competes for the same 2 cores); the Python row's CPU is its "
            + "own process's. *Timer threads*: CPU of Reactor's `parallel-*` threads (where `timeout()` and "
            + "`Mono.delay()` timers run by default) and of core-client's `corekit-deadlines` timer wheel. Python's urllib opens a new connection per call (no keep-alive).");
    List<List<String>> rows = new ArrayList<>();
    List<String> headline = new ArrayList<>();
    boolean allMet = true;
    for (Cell cell : cells) {
      List<Sample> ceiling = cell.samples().get(CEILING);
      for (Map.Entry<String, List<Sample>> entry : cell.samples().entrySet()) {
        List<Sample> samples = entry.getValue();
        List<Double> throughputRatios = ratios(samples, ceiling, Sample::perSecond);
        List<Double> cpuRatios = ratios(samples, ceiling, Sample::cpuMicrosPerCall);
        boolean isCeiling = entry.getKey().equals(CEILING);
        long failed = samples.stream().mapToLong(Sample::failed).sum();
        rows.add(
            List.of(
                cell.op() + "()",
                Integer.toString(cell.concurrency()),
                entry.getKey().equals(SDK) ? "**" + SDK + "**" : entry.getKey(),
                Report.f(median(samples, Sample::perSecond), 0),
                isCeiling ? "1" : withRange(throughputRatios),
                Report.f(median(samples, Sample::cpuMicrosPerCall), 1),
                isCeiling ? "1" : withRange(cpuRatios),
                Report.f(median(samples, Sample::timerMicrosPerCall), 1),
                Report.f(median(samples, Sample::allocatedKbPerCall), 1),
                Report.f(median(samples, Sample::p50Millis), 2),
                Report.f(median(samples, Sample::p99Millis), 2),
                failed == 0 ? "0" : failed + " (" + firstError(samples) + ")"));
        if (attribution && !isCeiling) {
          headline.add(
              entry.getKey()
                  + " "
                  + cell.op()
                  + "() c="
                  + cell.concurrency()
                  + ": "
                  + Report.ratio(Report.median(throughputRatios))
                  + " (CPU/call "
                  + Report.ratio(Report.median(cpuRatios))
                  + ")");
        } else if (entry.getKey().equals(SDK)) {
          double ratio = Report.median(throughputRatios);
          allMet &= ratio >= 0.95 && failed == 0;
          headline.add(
              cell.op()
                  + "() c="
                  + cell.concurrency()
                  + ": "
                  + Report.ratio(ratio)
                  + " (CPU/call "
                  + Report.ratio(Report.median(cpuRatios))
                  + ")");
        }
      }
    }
    report.table(
        List.of(
            "call",
            "in flight",
            "contender",
            "calls/s",
            "vs by hand",
            "CPU µs/call",
            "CPU vs by hand",
            "of which timer threads µs/call",
            "KB alloc/call",
            "p50 ms",
            "p99 ms",
            "failed"),
        rows);
    if (attribution) {
      report.headline("Attribution, throughput vs by hand: " + String.join("; ", headline), null);
      report.endHeadlines();
      return report;
    }
    report.headline(
        "Throughput"
            + (args.get("label") != null ? " on " + args.get("label") : "")
            + ", core-client / Reactor Netty by hand (target >= 0.95 x each): "
            + String.join("; ", headline),
        allMet);
    for (Cell cell : cells) {
      if (cell.concurrency() == 1 && cell.samples().containsKey(PYTHON)) {
        double py = median(cell.samples().get(PYTHON), Sample::perSecond);
        double sdk = median(cell.samples().get(SDK), Sample::perSecond);
        report.headline(
            "Python urllib loop, "
                + cell.op()
                + "() one at a time: "
                + Report.f(py, 0)
                + " calls/s = "
                + Report.ratio(py / sdk)
                + " core-client's "
                + Report.f(sdk, 0)
                + " calls/s",
            null);
      }
    }
    report.endHeadlines();
    return report;
  }

  private static String firstError(List<Sample> samples) {
    for (Sample s : samples) {
      if (s.firstError() != null) {
        return s.firstError();
      }
    }
    return "";
  }

  private static String withRange(List<Double> ratios) {
    if (ratios.isEmpty()) {
      return "-";
    }
    return Report.ratio(Report.median(ratios))
        + " ("
        + Report.f(Report.min(ratios), 2)
        + "-"
        + Report.f(Report.max(ratios), 2)
        + ")";
  }

  static double median(List<Sample> samples, Function<Sample, Double> metric) {
    List<Double> values = new ArrayList<>();
    for (Sample s : samples) {
      values.add(metric.apply(s));
    }
    return Report.median(values);
  }

  /** Per-round ratios of a metric against the ceiling's in the same round. */
  static List<Double> ratios(
      List<Sample> samples, @Nullable List<Sample> ceiling, Function<Sample, Double> metric) {
    List<Double> out = new ArrayList<>();
    if (ceiling == null) {
      return out;
    }
    for (int i = 0; i < Math.min(samples.size(), ceiling.size()); i++) {
      out.add(metric.apply(samples.get(i)) / metric.apply(ceiling.get(i)));
    }
    return out;
  }

  /** Runs the Python loop for one window and reads its one-line JSON result. */
  static Sample python(String script, Target target, String op, Duration window) throws Exception {
    String python = System.getenv().getOrDefault("PYTHON", "python3");
    Process process =
        new ProcessBuilder(
                python,
                script,
                "--url",
                target.url,
                "--user",
                target.user,
                "--password",
                target.password,
                "--op",
                op,
                "--seconds",
                Double.toString(window.toMillis() / 1000.0),
                "--warmup",
                "0.5")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String last = null;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        last = line;
      }
    }
    if (!process.waitFor(window.toSeconds() + 60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    if (last == null || process.exitValue() != 0) {
      return new Sample(
          0,
          1,
          window.toMillis() / 1000.0,
          -1,
          -1,
          -1,
          Double.NaN,
          Double.NaN,
          "python exited with " + process.exitValue());
    }
    var json = Mappers.tree(last);
    return new Sample(
        json.path("ok").asLong(),
        json.path("failed").asLong(),
        json.path("seconds").asDouble(),
        (long) (json.path("cpu_seconds").asDouble() * 1e9),
        -1,
        -1,
        json.path("p50_ms").asDouble(Double.NaN),
        json.path("p99_ms").asDouble(Double.NaN),
        json.path("error").isNull() ? null : json.path("error").asText());
  }

  static void log(String format, Object... values) {
    System.err.printf(
        java.util.Locale.ROOT, "[%tT] " + format + "%n", prepend(new java.util.Date(), values));
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
