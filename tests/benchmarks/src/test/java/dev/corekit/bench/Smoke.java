package dev.corekit.bench;

import java.util.concurrent.TimeUnit;

/** Helpers of the smoke tests. */
final class Smoke {
  private Smoke() {}

  /** Whether {@code python3} runs here (the Python contender is skipped otherwise). */
  static boolean hasPython() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
