package dev.corekit.corectl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * Ctrl-C for subprocess tests: sends SIGINT with {@code kill -INT}. A process started in the
 * background of a shell without job control inherits SIGINT as ignored, and so would every child;
 * then the child is started through {@code perl}, which restores the default before it runs
 * corectl.
 */
final class Signals {
  private Signals() {}

  /**
   * Whether this JVM was started with SIGINT ignored (Linux: bit 2 of SigIgn in /proc/self/status).
   */
  static boolean sigintIgnoredHere() {
    Path status = Paths.get("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
        if (line.startsWith("SigIgn:")) {
          return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0x2) != 0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return false;
    }
    return false;
  }

  /** Skips the test, saying why in the test output, when a child cannot receive SIGINT. */
  static void assumeSigintDeliverable() {
    boolean deliverable = !sigintIgnoredHere() || perlAvailable();
    String reason =
        "SIGINT is ignored by this JVM (started in the background without job control) and perl is"
            + " missing";
    if (!deliverable) {
      System.out.println("Skipped: " + reason);
    }
    Assumptions.assumeTrue(deliverable, reason);
  }

  /** Makes the child start with the default SIGINT action even when this JVM ignores SIGINT. */
  static ProcessBuilder withDefaultSigint(ProcessBuilder pb) {
    if (sigintIgnoredHere()) {
      List<String> wrapped =
          new ArrayList<>(List.of("perl", "-e", "$SIG{INT}='DEFAULT'; exec @ARGV or die $!"));
      wrapped.addAll(pb.command());
      pb.command(wrapped);
    }
    return pb;
  }

  static void sigint(Process p) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -INT " + p.pid() + " failed");
    }
  }

  /** Waits until the file has at least {@code n} lines and returns them. */
  static List<String> awaitLines(Path file, int n, Duration timeout) {
    // Polls a file that another process writes.
    return Awaitility.await("at least " + n + " lines in " + file)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> Files.readAllLines(file, StandardCharsets.UTF_8), lines -> lines.size() >= n);
  }

  private static boolean perlAvailable() {
    try {
      Process p = new ProcessBuilder("perl", "-e", "exit 0").start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
