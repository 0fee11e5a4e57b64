package dev.corekit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 7: the wall time from starting corectl to its exit, {@code java -jar corectl.jar} vs
 * the launcher {@code samples/target/corectl} (class-data archive, client compiler, serial GC), for
 * {@code corectl --help} and {@code corectl about} against a simulator started separately. Runs the
 * variants interleaved, their order alternating each round, so load on the machine hits both alike;
 * reports the median, quartiles and best run of each, and their ratio.
 *
 * <p>Options: {@code --dir} the folder with corectl.jar and the launcher ({@code samples/target}),
 * {@code --url}, {@code --user} (admin), {@code --password} (secret), {@code --runs} per variant
 * (15), {@code --java} (java), {@code --out}.
 */
public final class StartupBench {
  private static final double HELP_TARGET_S = 0.5;
  private static final double ABOUT_TARGET_S = 1.0;

  private StartupBench() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(StartupBench.class, argv);
    run(args).write(args.get("out"));
    System.exit(0);
  }

  /** One way to start corectl. */
  private record Variant(String name, List<String> command) {}

  static Report run(Args args) throws Exception {
    Path dir = Path.of(args.get("dir", "samples/target")).toAbsolutePath();
    Path jar = dir.resolve("corectl.jar");
    Path launcher = dir.resolve("corectl");
    for (Path p : List.of(jar, launcher)) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException(p + " is missing: build samples first");
      }
    }
    boolean archive = Files.isRegularFile(dir.resolve("corectl.jsa"));
    String java = args.get("java", "java");
    int runs = args.integer("runs", 15);
    String url = args.required("url");
    List<String> env =
        List.of(
            "CORE_URL=" + url,
            "CORE_USER=" + args.get("user", "admin"),
            "CORE_PASSWORD=" + args.get("password", "secret"),
            "JAVA=" + java);
    List<Variant> variants =
        List.of(
            new Variant("java -jar corectl.jar", List.of(java, "-jar", jar.toString())),
            new Variant("samples/target/corectl", List.of(launcher.toString())));

    Report report =
        new Report(
            args.get("name", "7-startup"),
            "7. corectl start-up: java -jar corectl.jar vs the launcher samples/target/corectl",
            args.command());
    report.text(
        "Wall time from starting the process to its exit, "
            + runs
            + " runs of each variant, interleaved (the order alternates each round; one unmeasured"
            + " run of each first). `about` asks the simulator of this run (started separately, in"
            + " its own JVM): a login and `GET /api`. The launcher runs `java -XX:TieredStopAtLevel=1"
            + " -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -XX:SharedArchiveFile=corectl.jsa"
            + " -jar corectl.jar`; the archive "
            + (archive
                ? "was made by the build (one training run of `corectl demo`)."
                : "is MISSING in this run (the build could not make it): the launcher ran without"
                    + " it.")
            + " Targets on this 2-core machine: `--help` <= "
            + HELP_TARGET_S
            + " s and `about` <= "
            + ABOUT_TARGET_S
            + " s (median, launcher).");

    List<List<String>> rows = new ArrayList<>();
    for (String[] cmd : List.of(new String[] {"--help"}, new String[] {"about"})) {
      String label = "corectl " + String.join(" ", cmd);
      double[][] times = new double[variants.size()][runs];
      for (Variant v : variants) {
        time(v, cmd, env); // warm the page cache
      }
      for (int round = 0; round < runs; round++) {
        for (int k = 0; k < variants.size(); k++) {
          int i = round % 2 == 0 ? k : variants.size() - 1 - k;
          times[i][round] = time(variants.get(i), cmd, env);
        }
      }
      double base = median(times[0]);
      for (int i = 0; i < variants.size(); i++) {
        double[] t = times[i].clone();
        Arrays.sort(t);
        rows.add(
            List.of(
                "`" + label + "`",
                variants.get(i).name(),
                seconds(median(t)),
                seconds(quantile(t, 0.25)) + " / " + seconds(quantile(t, 0.75)),
                seconds(t[0]),
                i == 0 ? "1.00" : String.format(Locale.ROOT, "%.2f", median(t) / base)));
      }
      double quick = median(times[1]);
      double target = cmd[0].equals("--help") ? HELP_TARGET_S : ABOUT_TARGET_S;
      report.headline(
          String.format(
              Locale.ROOT,
              "7. `%s` median: %.2f s with `java -jar`, %.2f s with the launcher (%.2fx);"
                  + " target <= %.1f s",
              label,
              base,
              quick,
              quick / base,
              target),
          quick <= target);
    }
    report.endHeadlines();
    report.table(
        List.of("command", "started as", "median s", "25 % / 75 % s", "best s", "ratio"), rows);
    return report;
  }

  /** Runs the command once; returns the wall time in seconds; fails unless it exits with 0. */
  private static double time(Variant v, String[] cmd, List<String> env)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(v.command());
    command.addAll(Arrays.asList(cmd));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    for (String e : env) {
      int eq = e.indexOf('=');
      pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
    }
    long start = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not end in 120 s");
    }
    double s = (System.nanoTime() - start) / 1e9;
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " exited with " + p.exitValue() + " (try it by hand)");
    }
    return s;
  }

  private static double median(double[] values) {
    double[] t = values.clone();
    Arrays.sort(t);
    return quantile(t, 0.5);
  }

  /** The quantile of sorted values, interpolated. */
  private static double quantile(double[] sorted, double q) {
    double at = q * (sorted.length - 1);
    int lo = (int) Math.floor(at);
    int hi = (int) Math.ceil(at);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }
}
