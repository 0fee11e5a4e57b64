package dev.corekit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreClient;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.model.CoreProcess;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Benchmark 4: streaming a list of 1 000 000 processes. core-client decodes {@code GET
 * /api/v3/process} element by element; the alternative aggregates the whole body and decodes it
 * with {@code readValue(bytes, List<CoreProcess>)}. Measured in this (client) JVM: time to the
 * first element, the whole list, heap growth (a sampler collecting and reading the used heap every
 * 250 ms, against a baseline after collections). The whole-array decoder runs in a child JVM per
 * size, with the same bounded heap, so that running out of memory is a result, not a crash.
 *
 * <p>Options: {@code --url} (a simulator run with {@code --admin}: seeded through it), {@code
 * --sizes} (1000,100000,1000000), {@code --ttfe-reps} (9), {@code --child-xmx} (the heap of the
 * whole-array JVM, default this JVM's), {@code --out}; {@code --whole-array N} runs the child part.
 */
public final class StreamingBench {
  private static final long MB = 1024 * 1024;
  private static final Duration LONG = Duration.ofMinutes(10);

  private StreamingBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(StreamingBench.class, argv);
    if (args.get("whole-array") != null) {
      wholeArrayChild(args);
      return;
    }
    run(args).write(args.get("out"));
    System.exit(0);
  }

  /** One full read of a list. */
  record Read(
      long n,
      long count,
      double firstMillis,
      double seconds,
      double growthMb,
      double retainedMb,
      double bodyMb,
      String outcome) {}

  /** What was measured. */
  record Measured(
      int small,
      int large,
      List<Double> firstSmall,
      List<Double> firstLarge,
      Map<Integer, Read> streamed,
      Map<Integer, Read> whole,
      Read defaults,
      String childXmx) {}

  static Report run(Args args) throws Exception {
    Measured m = measure(args);
    return report(
        args,
        m.small(),
        m.large(),
        m.firstSmall(),
        m.firstLarge(),
        m.streamed(),
        m.whole(),
        m.defaults(),
        m.childXmx());
  }

  static Measured measure(Args args) throws Exception {
    Target target = args.target();
    List<Integer> sizes = args.integers("sizes", "1000,100000,1000000");
    int small = sizes.get(0);
    int large = sizes.get(sizes.size() - 1);
    int reps = args.integer("ttfe-reps", 9);
    String childXmx = args.get("child-xmx", Runtime.getRuntime().maxMemory() / MB + "m");
    List<Double> firstSmall = new ArrayList<>();
    List<Double> firstLarge = new ArrayList<>();
    Map<Integer, Read> streamed = new LinkedHashMap<>();
    Map<Integer, Read> whole = new LinkedHashMap<>();
    Read defaults;
    try (CoreClient client =
        CoreClient.builder()
            .baseUrl(target.url)
            .credentials(target.user, target.password)
            .build()) {
      // Warm-up: the decoding path and the first-element path.
      target.seed(small);
      for (int i = 0; i < 20; i++) {
        client.processes().list().count().block(LONG);
      }
      for (int rep = 0; rep < reps; rep++) {
        for (int n : rep % 2 == 0 ? List.of(small, large) : List.of(large, small)) {
          target.seed(n);
          double first = firstElementMillis(client);
          (n == small ? firstSmall : firstLarge).add(first);
          HttpThroughputBench.log("first element of %,d: %.2f ms", n, first);
        }
      }
      for (int n : sizes) {
        target.seed(n);
        Read read = streamed(client, target, n, RequestOptions.timeout(LONG));
        streamed.put(n, read);
        HttpThroughputBench.log("streamed %,d: %s", n, read);
      }
      // The same large list with the client's default options: its deadline (10 s) bounds the whole
      // call.
      target.seed(large);
      defaults = streamed(client, target, large, RequestOptions.DEFAULTS);
      HttpThroughputBench.log("streamed %,d with default options: %s", large, defaults);
    }
    for (int n : sizes) {
      target.seed(n);
      Read read = wholeArrayInChild(args, target, n, childXmx);
      whole.put(n, read);
      HttpThroughputBench.log("whole array %,d: %s", n, read);
    }
    target.seed(10);
    return new Measured(small, large, firstSmall, firstLarge, streamed, whole, defaults, childXmx);
  }

  /** Time to the first element: subscribe, take one, cancel the rest. */
  static double firstElementMillis(CoreClient client) {
    long start = System.nanoTime();
    CoreProcess first =
        client.processes().with(RequestOptions.timeout(LONG)).list().next().block(LONG);
    if (first == null) {
      throw new IllegalStateException("empty list");
    }
    return (System.nanoTime() - start) / 1e6;
  }

  static Read streamed(CoreClient client, Target target, long n, RequestOptions options)
      throws InterruptedException {
    JsonNode before = target.stats();
    AtomicLong firstAt = new AtomicLong();
    HeapSampler heap = HeapSampler.start();
    long start = System.nanoTime();
    long count = 0;
    String outcome = "ok";
    try {
      AtomicLong seen = new AtomicLong();
      try {
        client
            .processes()
            .with(options)
            .list()
            .doOnNext(
                p -> {
                  firstAt.compareAndSet(0, System.nanoTime() - start);
                  seen.incrementAndGet();
                })
            .then()
            .block(LONG);
      } finally {
        count = seen.get();
      }
    } catch (RuntimeException e) {
      outcome = e.toString();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    heap.stop();
    JsonNode after = target.stats();
    double body =
        (after.path("body_bytes_sent").asLong() - before.path("body_bytes_sent").asLong())
            / (double) MB;
    return new Read(
        n, count, firstAt.get() / 1e6, seconds, heap.growthMb(), heap.retainedMb(), body, outcome);
  }

  private static Read wholeArrayInChild(Args args, Target target, int n, String xmx)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xms" + xmx,
            "-Xmx" + xmx,
            "-cp",
            System.getProperty("java.class.path"),
            StreamingBench.class.getName(),
            "--whole-array",
            Integer.toString(n),
            "--url",
            target.url,
            "--user",
            target.user,
            "--password",
            target.password);
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String last = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        last = line;
      }
    }
    if (!child.waitFor(5, TimeUnit.MINUTES)) {
      child.destroyForcibly();
    }
    if (last == null || !last.startsWith("{")) {
      return new Read(
          n,
          -1,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          "child exited with " + child.exitValue() + (last == null ? "" : ": " + last));
    }
    JsonNode json = Mappers.tree(last);
    return new Read(
        n,
        json.path("count").asLong(),
        number(json, "first_ms"),
        number(json, "seconds"),
        number(json, "growth_mb"),
        number(json, "retained_mb"),
        number(json, "body_mb"),
        json.path("outcome").asText());
  }

  private static double number(JsonNode json, String field) {
    return json.path(field).isNumber() ? json.path(field).asDouble() : Double.NaN;
  }

  /**
   * The child: {@code GET /api/v3/process} with Reactor Netty, the body aggregated, then {@code
   * readValue(bytes, List<CoreProcess>)}: the first element exists when the whole list does.
   */
  static void wholeArrayChild(Args args) throws Exception {
    Target target = args.target();
    ConnectionProvider pool = ConnectionProvider.builder("whole").maxConnections(4).build();
    String bearer = "Bearer " + Mappers.login(target);
    HttpClient http =
        HttpClient.create(pool)
            .baseUrl(target.url)
            .responseTimeout(LONG)
            .headers(
                h ->
                    h.set(HttpHeaderNames.AUTHORIZATION, bearer)
                        .set(HttpHeaderNames.ACCEPT, "application/json"));
    Supplier<Mono<byte[]>> get =
        () ->
            http.get()
                .uri("/api/v3/process")
                .responseSingle((response, body) -> body.asByteArray());
    // Warm-up on a small list, as the streaming client was warmed; then the list to measure.
    long n = args.number("whole-array", 0);
    target.seed(100);
    for (int i = 0; i < 30; i++) {
      Mappers.processes(get.get().block(LONG));
    }
    target.seed(n);
    HeapSampler heap = HeapSampler.start(1000);
    long start = System.nanoTime();
    String outcome = "ok";
    long count = -1;
    double first = Double.NaN;
    double bodyMb = Double.NaN;
    List<CoreProcess> list = null;
    byte[] bytes = null;
    try {
      bytes = get.get().block(Duration.ofMinutes(3));
      bodyMb = bytes == null ? 0 : bytes.length / (double) MB;
      list = Mappers.processes(bytes == null ? new byte[] {'[', ']'} : bytes);
      first = (System.nanoTime() - start) / 1e6;
      count = list.size();
    } catch (OutOfMemoryError e) {
      list = null;
      outcome = "OutOfMemoryError: " + e.getMessage();
    } catch (RuntimeException e) {
      list = null;
      outcome =
          (e.getCause() instanceof OutOfMemoryError
                  ? "OutOfMemoryError: " + e.getCause().getMessage()
                  : e.toString())
              .replace('"', '\'');
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    heap.stop(); // measures with the body and the list both alive, as at the end of decoding
    double retained = heap.retainedMb();
    if (list != null && bytes != null) {
      list.clear();
      bytes = null;
    }
    System.out.printf(
        Locale.ROOT,
        "{\"count\":%d,\"first_ms\":%s,\"seconds\":%.3f,\"growth_mb\":%.1f,\"retained_mb\":%.1f,"
            + "\"body_mb\":%s,\"outcome\":\"%s\"}%n",
        count,
        Double.isNaN(first) ? "null" : String.format(Locale.ROOT, "%.1f", first),
        seconds,
        heap.growthMb(),
        retained,
        Double.isNaN(bodyMb) ? "null" : String.format(Locale.ROOT, "%.1f", bodyMb),
        outcome);
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  static Report report(
      Args args,
      int small,
      int large,
      List<Double> firstSmall,
      List<Double> firstLarge,
      Map<Integer, Read> streamed,
      Map<Integer, Read> whole,
      Read defaults,
      String childXmx) {
    Report report =
        new Report(
            args.get("name", "4-streaming"),
            "4. Streaming a list of " + String.format("%,d", large) + " processes",
            args.command());
    report.text(
        "The simulator (own JVM, `--admin`) lists N synthetic processes (~1.7 KB of JSON each; rendered lazily, "
            + "so the server's memory does not grow). *core-client*: `processes().list()` counted element by "
            + "element, in this JVM (`-Xmx` as in the command). *whole array*: Reactor Netty aggregates the body, "
            + "then `readValue(bytes, List<CoreProcess>)`, in a child JVM with `-Xmx"
            + childXmx
            + "`. Heap "
            + "growth = peak of the used heap after a `System.gc()` every 250 ms, minus the baseline; *retained* = "
            + "used heap after the read, before the result is dropped.");
    double medSmall = Report.median(firstSmall);
    double medLarge = Report.median(firstLarge);
    report.table(
        List.of("list", "time to first element (median of " + firstSmall.size() + ")", "runs (ms)"),
        List.of(
            List.of(String.format("%,d", small), Report.f(medSmall, 2) + " ms", fmt(firstSmall)),
            List.of(String.format("%,d", large), Report.f(medLarge, 2) + " ms", fmt(firstLarge)),
            List.of("ratio", Report.ratio(medLarge / medSmall), "")));
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<Integer, Read> entry : streamed.entrySet()) {
      for (Read read : List.of(entry.getValue(), whole.get(entry.getKey()))) {
        if (read == null) {
          continue;
        }
        boolean isStream = read == entry.getValue();
        rows.add(
            List.of(
                String.format("%,d", read.n()),
                isStream ? "**core-client streaming**" : "whole array, then readValue",
                read.count() < 0 ? "-" : String.format("%,d", read.count()),
                Report.f(read.bodyMb(), 0),
                Report.f(read.firstMillis(), 1),
                Report.f(read.seconds(), 2),
                read.count() > 0 ? Report.f(read.count() / read.seconds(), 0) : "-",
                Report.f(read.growthMb(), 1),
                Report.f(read.retainedMb(), 1),
                read.outcome().replace("|", "/")));
      }
    }
    rows.add(
        List.of(
            String.format("%,d", defaults.n()),
            "core-client streaming, default options",
            String.format("%,d", defaults.count()),
            Report.f(defaults.bodyMb(), 0),
            Report.f(defaults.firstMillis(), 1),
            Report.f(defaults.seconds(), 2),
            "-",
            Report.f(defaults.growthMb(), 1),
            Report.f(defaults.retainedMb(), 1),
            defaults.outcome().replace("|", "/")));
    report.table(
        List.of(
            "processes",
            "reader",
            "elements",
            "body MB",
            "first element ms",
            "whole list s",
            "elements/s",
            "heap growth MB",
            "retained MB",
            "outcome"),
        rows);
    report.text(
        "The streamed reads above set a 10 min deadline (`with(RequestOptions.timeout(..))`); the last row uses "
            + "the client's defaults, whose deadline (10 s) bounds the whole call, every element included. The "
            + "whole-array reader's *retained* is measured with the body and the list both alive (the end of "
            + "decoding); its sampler collects once a second.");
    Read big = streamed.get(large);
    Read bigWhole = whole.get(large);
    boolean heapMet = big != null && big.count() == large && big.growthMb() < 32;
    report.headline(
        "Streaming "
            + String.format("%,d", large)
            + ": heap growth "
            + (big == null ? "-" : Report.f(big.growthMb(), 1))
            + " MB (target < 32 MB), whole list in "
            + (big == null ? "-" : Report.f(big.seconds(), 1))
            + " s; "
            + "whole array at once: "
            + (bigWhole == null
                ? "-"
                : bigWhole.outcome().startsWith("ok")
                    ? Report.f(bigWhole.growthMb(), 0)
                        + " MB heap growth, first element after "
                        + Report.f(bigWhole.firstMillis() / 1000, 1)
                        + " s"
                    : bigWhole.outcome()),
        heapMet);
    report.headline(
        "Time to first element, "
            + String.format("%,d", large)
            + " vs "
            + String.format("%,d", small)
            + ": "
            + Report.f(medLarge, 2)
            + " vs "
            + Report.f(medSmall, 2)
            + " ms = "
            + Report.ratio(medLarge / medSmall)
            + " (target <= 2 x)",
        medLarge <= 2 * medSmall);
    report.endHeadlines();
    return report;
  }

  private static String fmt(List<Double> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(Report.f(v, 1)));
    return String.join(", ", out);
  }

  /** Samples the used heap after a collection every 250 ms. */
  static final class HeapSampler {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "heap-sampler");
              t.setDaemon(true);
              return t;
            });
    private final long baseline;
    private final AtomicLong peak;
    private volatile long retained;

    private HeapSampler(long baseline) {
      this.baseline = baseline;
      this.peak = new AtomicLong(baseline);
    }

    static HeapSampler start() {
      return start(250);
    }

    /**
     * Samples every {@code millis}; each sample is a full collection, so keep it rare for big
     * heaps.
     */
    static HeapSampler start(long millis) {
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      HeapSampler sampler = new HeapSampler(MEMORY.getHeapMemoryUsage().getUsed());
      sampler.timer.scheduleAtFixedRate(sampler::sample, 100, millis, TimeUnit.MILLISECONDS);
      return sampler;
    }

    private void sample() {
      System.gc();
      peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
    }

    void stop() throws InterruptedException {
      timer.shutdownNow();
      timer.awaitTermination(10, TimeUnit.SECONDS);
      sample();
      retained = MEMORY.getHeapMemoryUsage().getUsed();
    }

    double growthMb() {
      return (peak.get() - baseline) / (double) MB;
    }

    double retainedMb() {
      return (retained - baseline) / (double) MB;
    }
  }
}
