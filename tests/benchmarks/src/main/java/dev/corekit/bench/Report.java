package dev.corekit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One benchmark's part of {@code RESULTS.md}: a section (title, command, method, tables, notes) and
 * headline lines for the summary at the top. Written to {@code <dir>/<name>.md} and {@code
 * <dir>/<name>.headline.md}; {@code run.sh} puts the parts together. Also printed.
 */
final class Report {
  private final String name;
  private final StringBuilder section = new StringBuilder();
  private final List<String> headlines = new ArrayList<>();

  Report(String name, String title, String command) {
    this.name = name;
    section.append("## ").append(title).append("\n\n");
    section.append("Command: `").append(command).append("`\n\n");
  }

  Report text(String paragraph) {
    section.append(paragraph).append("\n\n");
    return this;
  }

  Report table(List<String> header, List<List<String>> rows) {
    section.append("| ").append(String.join(" | ", header)).append(" |\n");
    section.append("|");
    for (int i = 0; i < header.size(); i++) {
      section.append(i == 0 ? "---" : "---:").append("|");
    }
    section.append("\n");
    for (List<String> row : rows) {
      section.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    section.append("\n");
    return this;
  }

  /** A headline: one line of the summary, with whether its target was met (null: no target). */
  Report headline(String line, @Nullable Boolean met) {
    String mark = met == null ? "" : met ? " **(target met)**" : " **(target NOT met)**";
    headlines.add("- " + line + mark);
    section.append("- ").append(line).append(mark).append("\n");
    return this;
  }

  Report endHeadlines() {
    section.append("\n");
    return this;
  }

  String section() {
    return section.toString();
  }

  void write(@Nullable String dir) {
    System.out.println(section);
    if (dir == null) {
      return;
    }
    try {
      Path out = Path.of(dir);
      Files.createDirectories(out);
      Files.writeString(out.resolve(name + ".md"), section.toString(), StandardCharsets.UTF_8);
      Files.writeString(
          out.resolve(name + ".headline.md"),
          String.join("\n", headlines) + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String f(double value, int decimals) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  static String ratio(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f x", value);
  }

  static String percent(double fraction) {
    return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>();
    for (Double v : values) {
      if (!v.isNaN()) {
        sorted.add(v);
      }
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static double min(List<Double> values) {
    return values.stream()
        .filter(v -> !v.isNaN())
        .mapToDouble(Double::doubleValue)
        .min()
        .orElse(Double.NaN);
  }

  static double max(List<Double> values) {
    return values.stream()
        .filter(v -> !v.isNaN())
        .mapToDouble(Double::doubleValue)
        .max()
        .orElse(Double.NaN);
  }
}
