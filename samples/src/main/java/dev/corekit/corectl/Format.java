package dev.corekit.corectl;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small formatting helpers for human output. */
final class Format {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  private Format() {}

  /** {@code 3723} as {@code 1h02m03s}. */
  static String seconds(long seconds) {
    if (seconds < 0) {
      return "-";
    }
    long h = seconds / 3600;
    long m = (seconds / 60) % 60;
    long s = seconds % 60;
    if (h > 0) {
      return String.format(Locale.ROOT, "%dh%02dm%02ds", h, m, s);
    }
    if (m > 0) {
      return String.format(Locale.ROOT, "%dm%02ds", m, s);
    }
    return s + "s";
  }

  /** Bytes as {@code 1.5 MiB} (powers of 1024, IEC units). */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /**
   * Unix seconds as local {@code yyyy-MM-dd HH:mm:ss}; {@code -} for 0 and earlier: Core's "never"
   * (epoch 0, or {@code 0001-01-01} as 16.20 sends for a process that never ran).
   */
  static String unixTime(long seconds) {
    return seconds <= 0 ? "-" : TIME.format(Instant.ofEpochSecond(seconds));
  }
}
