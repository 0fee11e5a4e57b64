package dev.corekit.bench;

import dev.corekit.fakerac.FakeRac;
import dev.corekit.rac.RacClient;
import dev.corekit.rac.RacSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Benchmark 5b: records per second from {@code rac} to the caller, through tests/fake-rac writing N
 * generated infobase-summary records ({@code @generate N}) as fast as it can. Contenders, each
 * running the fake once per window: RacClient with typed records ({@code infobases().summaries()}),
 * RacClient with raw records ({@code records(..)}), the racpy way (read all stdout, then split and
 * match with a regular expression), and the pipe alone (bytes read and records counted: the ceiling
 * the producer allows). Interleaved rounds; the fake's JVM start (~0.1-0.2 s) is in every
 * contender's time.
 *
 * <p>Options: {@code --records} (1000000), {@code --rounds} (3), {@code --out}.
 */
public final class RacEndToEndBench {
  static final UUID CLUSTER = UUID.fromString("6d6958e1-a96c-4999-a995-698a0298161e");
  static final List<String> ARGV =
      List.of("localhost:1545", "infobase", "summary", "list", "--cluster=" + CLUSTER);
  static final String PIPE = "pipe only, records counted (ceiling)";
  static final String TYPED = "RacClient, typed (infobases().summaries())";
  static final String RAW = "RacClient, raw records";
  static final String REGEX = "read all, then regex (racpy way)";

  private RacEndToEndBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(RacEndToEndBench.class, argv);
    run(args).write(args.get("out"));
    System.exit(0);
  }

  record Run(long records, long bytes, Usage used) {}

  /** What was measured: runs per contender and the size of the fake's output. */
  record Measured(Map<String, List<Run>> runs, long outputBytes) {}

  static Report run(Args args) throws Exception {
    Measured m = measure(args);
    return report(
        args,
        args.number("records", 1_000_000),
        m.outputBytes(),
        args.integer("rounds", 3),
        m.runs());
  }

  static Measured measure(Args args) throws Exception {
    long n = args.number("records", 1_000_000);
    int rounds = args.integer("rounds", 3);
    Path dir = Files.createTempDirectory("bench-fake-rac");
    Path executable = FakeRacLauncher.write(dir, "@generate " + n);
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    long outputBytes;
    try (RacClient rac =
        RacClient.builder()
            .executable(executable)
            .timeout(Duration.ofMinutes(5))
            .maxConcurrency(2)
            .build()) {
      RacSession session = rac.session("localhost");
      Map<String, Callable<Long>> contenders = new LinkedHashMap<>();
      contenders.put(PIPE, () -> pipeCount(executable));
      contenders.put(TYPED, () -> session.cluster(CLUSTER).infobases().summaries().count().block());
      contenders.put(RAW, () -> session.records(ARGV.subList(1, ARGV.size())).count().block());
      contenders.put(
          REGEX, () -> (long) RacParseBenchmark.readAllThenRegex(readAll(executable)).size());
      List<String> names = new ArrayList<>(contenders.keySet());
      names.forEach(name -> runs.put(name, new ArrayList<>()));
      for (String name : names) {
        contenders.get(name).call(); // warm-up
      }
      long[] measured = new long[1];
      pipeCount(executable, measured);
      outputBytes = measured[0];
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < names.size(); i++) {
          String name = names.get((i + round) % names.size());
          LoadDriver.settle();
          Usage start = Usage.now();
          Long records = contenders.get(name).call();
          Usage used = Usage.now().since(start);
          Run run = new Run(records == null ? -1 : records, outputBytes, used);
          runs.get(name).add(run);
          HttpThroughputBench.log(
              "%-45s %,d records in %.2f s = %,.0f records/s, %.2f us CPU/record",
              name,
              run.records(),
              used.seconds(),
              run.records() / used.seconds(),
              used.cpuNanos() / 1e3 / run.records());
        }
      }
    } finally {
      deleteQuietly(dir);
    }
    return new Measured(runs, outputBytes);
  }

  static long pipeCount(Path executable) throws IOException, InterruptedException {
    return pipeCount(executable, new long[1]);
  }

  /** Reads the fake's stdout, counting records (blank lines) and bytes ({@code bytes[0]}). */
  static long pipeCount(Path executable, long[] bytes) throws IOException, InterruptedException {
    Process process = start(executable);
    long records = 0;
    try (InputStream in = process.getInputStream()) {
      byte[] buffer = new byte[1 << 16];
      byte previous = 0;
      for (int read; (read = in.read(buffer)) > 0; ) {
        bytes[0] += read;
        for (int i = 0; i < read; i++) {
          byte b = buffer[i];
          if (b == '\n' && previous == '\n') {
            records++;
          }
          previous = b;
        }
      }
    }
    process.waitFor();
    return records;
  }

  static byte[] readAll(Path executable) throws IOException, InterruptedException {
    Process process = start(executable);
    byte[] all;
    try (InputStream in = process.getInputStream()) {
      all = in.readAllBytes();
    }
    process.waitFor();
    return all;
  }

  private static Process start(Path executable) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(ARGV);
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  static Report report(
      Args args, long n, long outputBytes, int rounds, Map<String, List<Run>> runs) {
    Report report =
        new Report(
            args.get("name", "5b-rac-end-to-end"),
            "5b. RAC end to end through tests/fake-rac",
            args.command());
    report.text(
        "The fake `rac` (a JVM started per call, as the rac-reactive tests launch it) writes "
            + String.format("%,d", n)
            + " infobase-summary records (3 fields, ~"
            + (outputBytes / Math.max(1, n))
            + " bytes each) as fast as it can; each contender reads them all. "
            + rounds
            + " interleaved rounds; "
            + "medians. CPU is this JVM's (the reader's), not the fake's.");
    List<Run> pipe = runs.get(PIPE);
    List<List<String>> rows = new ArrayList<>();
    double typed = Double.NaN;
    double typedVsPipe = Double.NaN;
    double regex = Double.NaN;
    for (Map.Entry<String, List<Run>> entry : runs.entrySet()) {
      List<Run> mine = entry.getValue();
      List<Double> rates = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      List<Double> mbs = new ArrayList<>();
      for (int i = 0; i < mine.size(); i++) {
        Run run = mine.get(i);
        rates.add(run.records() / run.used().seconds());
        mbs.add(run.bytes() / 1e6 / run.used().seconds());
        cpu.add(run.used().cpuNanos() / 1e3 / run.records());
        Run p = pipe.get(i);
        ratios.add(run.records() / run.used().seconds() / (p.records() / p.used().seconds()));
      }
      double rate = Report.median(rates);
      if (entry.getKey().equals(TYPED)) {
        typed = rate;
        typedVsPipe = Report.median(ratios);
      } else if (entry.getKey().equals(REGEX)) {
        regex = rate;
      }
      rows.add(
          List.of(
              entry.getKey().startsWith("RacClient, typed")
                  ? "**" + entry.getKey() + "**"
                  : entry.getKey(),
              mine.stream().map(r -> Long.toString(r.records())).distinct().toList().toString(),
              Report.f(rate, 0),
              Report.f(Report.median(mbs), 0),
              entry.getKey().equals(PIPE) ? "1" : Report.ratio(Report.median(ratios)),
              Report.f(Report.median(cpu), 2)));
    }
    report.table(
        List.of("reader", "records", "records/s", "MB/s", "vs pipe", "CPU µs/record (reader)"),
        rows);
    report.headline(
        "RAC end to end: RacClient typed "
            + Report.f(typed, 0)
            + " records/s = "
            + Report.ratio(typedVsPipe)
            + " the bare pipe (the fake's own pace) and "
            + Report.ratio(typed / regex)
            + " read-all-then-regex's "
            + Report.f(regex, 0)
            + " records/s",
        null);
    report.endHeadlines();
    return report;
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory
    }
  }

  /**
   * Writes a {@code rac} launcher running {@link FakeRac} with this JVM, as FakeRacFixture does.
   */
  static final class FakeRacLauncher {
    private FakeRacLauncher() {}

    static Path write(Path dir, String... scenario) {
      try {
        Path file = dir.resolve("scenario.rac");
        Files.writeString(file, String.join("\n", scenario) + "\n", StandardCharsets.UTF_8);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String classpath =
            Paths.get(FakeRac.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        Path executable = dir.resolve("rac");
        Files.writeString(
            executable,
            "#!/bin/sh\n"
                + "FAKE_RAC_SCENARIO='"
                + file
                + "'\n"
                + "export FAKE_RAC_SCENARIO\n"
                + "exec '"
                + java
                + "' -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
                + " -Xmx64m -cp '"
                + classpath
                + "' "
                + FakeRac.class.getName()
                + " \"$@\"\n");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        return executable;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
