package dev.corekit.corectl;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Parses {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, a plain number of seconds, or ISO
 * {@code PT10S}.
 */
final class Durations implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /** Like {@link Durations}, and {@code 0} (any unit) for "none". */
  static final class OrZero implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      if (v.matches("0+(\\.0*)?(ms|s|m|h)?")) {
        return Duration.ZERO;
      }
      return parse(value);
    }
  }

  /** A duration as the options take it: {@code 500ms}, {@code 5s}, {@code 1.5s}. */
  static String text(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    return ms % 1000 == 0
        ? ms / 1000 + "s"
        : String.format(Locale.ROOT, "%.1fs", ms / 1000.0).replace(".0s", "s");
  }

  static Duration parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (v.startsWith("pt") || v.startsWith("p")) {
        d = Duration.parse(v.toUpperCase(Locale.ROOT));
      } else if (v.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      } else if (v.endsWith("s")) {
        d =
            Duration.ofMillis(
                Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
      } else if (v.endsWith("m")) {
        d = Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
      } else if (v.endsWith("h")) {
        d =
            Duration.ofSeconds(
                Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 3600));
      } else {
        d = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
      }
      if (d.isNegative() || d.isZero()) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a positive duration");
      }
      return d;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration (examples: 500ms, 10s, 2m, 1h)");
    }
  }
}
