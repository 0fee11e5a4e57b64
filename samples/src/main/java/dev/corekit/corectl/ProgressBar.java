package dev.corekit.corectl;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * A one-line progress bar on stderr for transfers, redrawn at most ten times a second; used only
 * when corectl runs on a terminal ({@code System.console() != null}).
 */
final class ProgressBar implements LongConsumer {
  private static final int WIDTH = 30;

  private final PrintStream err;
  private final String label;
  private final long total;
  private long done;
  private long lastDraw;

  ProgressBar(PrintStream err, String label, long total) {
    this.err = err;
    this.label = label;
    this.total = total;
  }

  /** A bar when stdout/stderr are a terminal, else a consumer that ignores progress. */
  static LongConsumer onTerminal(PrintStream err, String label, long total) {
    return System.console() != null ? new ProgressBar(err, label, total) : bytes -> {};
  }

  /** Adds transferred bytes. */
  @Override
  public synchronized void accept(long bytes) {
    done += bytes;
    long now = System.nanoTime();
    if (now - lastDraw > 100_000_000L) {
      lastDraw = now;
      err.print("\r" + render());
      err.flush();
    }
  }

  /** Draws the final state and ends the line. */
  synchronized void finish() {
    err.print("\r" + render() + "\n");
    err.flush();
  }

  String render() {
    if (total <= 0) {
      return String.format(Locale.ROOT, "%s %s", label, Format.bytes(done));
    }
    double share = Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(share * WIDTH);
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3d%% %s / %s",
        label,
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        Math.round(share * 100),
        Format.bytes(done),
        Format.bytes(total));
  }
}
