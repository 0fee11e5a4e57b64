package dev.corekit.bench;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Draws PNG charts of {@code RESULTS.md}: reads the tables that {@link Report} wrote into sections
 * 1, 4, 5a and 5b and draws them with XChart, then lists the charts in a {@code ## Charts} section
 * of {@code RESULTS.md} (added after the headlines, or replaced where it is).
 *
 * <p>A missing section (a partial or failed run) skips its chart with a warning on stderr; a table
 * that does not read as {@link Report} writes it fails that chart with an error naming the section
 * (exit status 1, the other charts are still drawn).
 *
 * <p>Usage: {@code Charts RESULTS.md [OUT_DIR]} (OUT_DIR: the directory of RESULTS.md).
 */
public final class Charts {
  static final String THROUGHPUT = "1. Throughput";
  static final String STREAMING = "4. Streaming";
  static final String RAC_PARSE = "5a. RAC output parsing";
  static final String RAC_END_TO_END = "5b. RAC end to end";
  static final String CHARTS_TITLE = "## Charts";
  private static final String FAILED = " (failed: ";

  private static final int PANEL_WIDTH = 560;
  private static final int PANEL_HEIGHT = 460;
  private static final Color SUBJECT = new Color(0x1f77b4);
  private static final Color[] PALETTE = {
    new Color(0xff7f0e),
    new Color(0x7f7f7f),
    new Color(0x2ca02c),
    new Color(0x9467bd),
    new Color(0xd62728),
    new Color(0x8c564b)
  };

  private Charts() {}

  /** A table of RESULTS.md is not as {@link Report} writes it. */
  static final class MalformedResults extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedResults(String section, String problem) {
      super("RESULTS.md section \"" + section + "\": " + problem);
    }
  }

  /** A markdown table of a section: the header cells and the rows' cells, markup removed. */
  record Table(String section, List<String> header, List<List<String>> rows) {
    /** The index of a column, or a {@link MalformedResults} naming the section. */
    int column(String name) {
      int at = header.indexOf(name);
      if (at < 0) {
        throw new MalformedResults(section, "no column \"" + name + "\" in " + header);
      }
      return at;
    }

    /** A number of a row's cell: the first word, thousands separators removed; null for "-". */
    @Nullable Double number(List<String> row, String name) {
      String cell = text(row, name);
      String word = cell.split("\\s+", 2)[0].replace(",", "");
      if (word.isEmpty() || word.equals("-")) {
        return null;
      }
      try {
        return Double.valueOf(word);
      } catch (NumberFormatException e) {
        throw new MalformedResults(
            section,
            "\"" + cell + "\" in column \"" + name + "\" is not a number (row " + row + ")");
      }
    }

    String text(List<String> row, String name) {
      return row.get(column(name)).replace("**", "");
    }

    /** Whether a row's cell is bold: the SDK's own row, as the benchmarks mark it. */
    boolean bold(List<String> row, String name) {
      String cell = row.get(column(name));
      return cell.length() > 4 && cell.startsWith("**") && cell.endsWith("**");
    }
  }

  /**
   * One series of bars: a value per category of its panel (null: no bar); {@code subject}: the
   * SDK's own row (bold in RESULTS.md), drawn in the first colour.
   */
  record Series(String name, boolean subject, List<@Nullable Double> values) {}

  /** One chart of grouped bars: categories along x, a bar per series in each. */
  record Panel(
      String title,
      String xTitle,
      String yTitle,
      String valueFormat,
      List<String> categories,
      List<Series> series) {}

  /** One PNG file: its panels side by side, and a line describing it for the Charts section. */
  record Chart(String file, String description, List<Panel> panels) {}

  public static void main(String[] argv) throws IOException {
    if (argv.length < 1 || argv.length > 2) {
      System.err.println("usage: Charts RESULTS.md [OUT_DIR]");
      System.exit(2);
    }
    System.setProperty("java.awt.headless", "true");
    Path results = Path.of(argv[0]).toAbsolutePath();
    if (!Files.isRegularFile(results)) {
      System.err.println(
          "Charts: " + results + " does not exist; run tests/benchmarks/run.sh first");
      System.exit(1);
    }
    Path out = argv.length > 1 ? Path.of(argv[1]).toAbsolutePath() : results.getParent();
    Files.createDirectories(out);
    List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
    Map<String, List<String>> sections = sections(lines);
    Consumer<String> warn = w -> System.err.println("Charts: " + w);
    List<Chart> drawn = new ArrayList<>();
    boolean failed = false;
    for (Builder builder : BUILDERS) {
      try {
        Optional<Chart> chart = builder.build(sections, warn);
        if (chart.isPresent()) {
          Path file = out.resolve(chart.get().file());
          draw(chart.get(), file);
          drawn.add(chart.get());
          System.err.println("Charts: wrote " + file + " (" + Files.size(file) / 1024 + " KB)");
        }
      } catch (MalformedResults e) {
        System.err.println("Charts: " + e.getMessage() + "; fix the table or rerun the benchmark");
        failed = true;
      }
    }
    String prefix = relativePrefix(results.getParent(), out);
    List<String> updated = withChartsSection(lines, chartsSection(drawn, prefix));
    if (!updated.equals(lines)) {
      Files.write(results, updated, StandardCharsets.UTF_8);
    }
    if (failed) {
      System.exit(1);
    }
  }

  /** Builds one chart from the sections, or nothing (with a warning) when its data is missing. */
  @FunctionalInterface
  interface Builder {
    Optional<Chart> build(Map<String, List<String>> sections, Consumer<String> warn);
  }

  static final List<Builder> BUILDERS =
      List.of(Charts::throughput, Charts::cpuPerCall, Charts::streaming, Charts::rac);

  /** The sections of a RESULTS.md by title (without {@code ## }), each with its lines. */
  static Map<String, List<String>> sections(List<String> lines) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        current = new ArrayList<>();
        sections.putIfAbsent(line.substring(3).trim(), current);
      } else if (current != null) {
        current.add(line);
      }
    }
    return sections;
  }

  /**
   * The first table of the section whose title starts with {@code prefix} that has the column
   * {@code marker}; empty with a warning if there is no such section.
   */
  static Optional<Table> table(
      Map<String, List<String>> sections, String prefix, String marker, Consumer<String> warn) {
    Optional<Map.Entry<String, List<String>>> section =
        sections.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst();
    if (section.isEmpty()) {
      warn.accept("no section \"" + prefix + "...\" in RESULTS.md: its chart is skipped");
      return Optional.empty();
    }
    String title = section.get().getKey();
    List<List<String>> block = new ArrayList<>();
    for (String line : section.get().getValue()) {
      if (line.startsWith("|")) {
        block.add(cells(line));
        continue;
      }
      if (!block.isEmpty() && block.get(0).contains(marker)) {
        break;
      }
      block.clear();
    }
    if (block.isEmpty() || !block.get(0).contains(marker)) {
      throw new MalformedResults(title, "no table with a column \"" + marker + "\"");
    }
    List<String> header = block.get(0);
    if (block.size() < 2 || !block.get(1).stream().allMatch(c -> c.matches(":?-{3,}:?"))) {
      throw new MalformedResults(title, "the table has no |---| line under its header " + header);
    }
    List<List<String>> rows = block.subList(2, block.size());
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new MalformedResults(
            title, "a row has " + row.size() + " cells, the header " + header.size() + ": " + row);
      }
    }
    return Optional.of(new Table(title, header, List.copyOf(rows)));
  }

  private static List<String> cells(String line) {
    String inner = line.trim();
    inner =
        inner.substring(
            1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("\\|", -1)) {
      cells.add(cell.trim());
    }
    return cells;
  }

  /** Section 1: calls/s against calls in flight, a panel per call, a series per contender. */
  static Optional<Chart> throughput(Map<String, List<String>> sections, Consumer<String> warn) {
    return table(sections, THROUGHPUT, "calls/s", warn)
        .map(
            t ->
                new Chart(
                    "chart-throughput.png",
                    "calls/s of list() and about() at each number of calls in flight, per contender"
                        + " (section 1; higher is better)",
                    byCall(t, "calls/s", "calls/s (higher is better)", "#,##0")));
  }

  /** Section 1: CPU µs per call against calls in flight, a panel per call. */
  static Optional<Chart> cpuPerCall(Map<String, List<String>> sections, Consumer<String> warn) {
    return table(sections, THROUGHPUT, "CPU µs/call", warn)
        .map(
            t ->
                new Chart(
                    "chart-cpu-per-call.png",
                    "CPU time of the client per call (µs) of list() and about() at each number of"
                        + " calls in flight, per contender (section 1; lower is better; the Python row: its own process's CPU)",
                    byCall(t, "CPU µs/call", "CPU µs per call (lower is better)", "#,##0")));
  }

  private static List<Panel> byCall(Table t, String column, String yTitle, String format) {
    Map<String, List<List<String>>> byCall = new LinkedHashMap<>();
    for (List<String> row : t.rows()) {
      byCall.computeIfAbsent(t.text(row, "call"), k -> new ArrayList<>()).add(row);
    }
    List<Panel> panels = new ArrayList<>();
    for (Map.Entry<String, List<List<String>>> call : byCall.entrySet()) {
      List<String> categories = new ArrayList<>();
      Map<String, Map<String, Double>> values = new LinkedHashMap<>();
      Set<String> subjects = new HashSet<>();
      for (List<String> row : call.getValue()) {
        if (t.bold(row, "contender")) {
          subjects.add(t.text(row, "contender"));
        }
        String inFlight = t.text(row, "in flight");
        if (!categories.contains(inFlight)) {
          categories.add(inFlight);
        }
        Double value = t.number(row, column);
        Map<String, Double> series =
            values.computeIfAbsent(t.text(row, "contender"), k -> new LinkedHashMap<>());
        if (value != null) {
          series.put(inFlight, value);
        }
      }
      categories.sort((a, b) -> Double.compare(numberOr(a), numberOr(b)));
      panels.add(
          new Panel(
              call.getKey() + ": " + column,
              "calls in flight",
              yTitle,
              format,
              categories,
              series(categories, values, subjects)));
    }
    return panels;
  }

  /** Whether a series' name is {@code name}, or {@code name} with its failures noted. */
  private static boolean isNamed(String series, String name) {
    return series.equals(name) || series.startsWith(name + FAILED);
  }

  private static double numberOr(String text) {
    try {
      return Double.parseDouble(text.replace(",", ""));
    } catch (NumberFormatException e) {
      return Double.MAX_VALUE;
    }
  }

  private static List<Series> series(
      List<String> categories, Map<String, Map<String, Double>> values, Set<String> subjects) {
    List<Series> series = new ArrayList<>();
    for (Map.Entry<String, Map<String, Double>> e : values.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      List<@Nullable Double> aligned = new ArrayList<>();
      for (String category : categories) {
        aligned.add(e.getValue().get(category));
      }
      series.add(
          new Series(e.getKey(), subjects.stream().anyMatch(n -> isNamed(e.getKey(), n)), aligned));
    }
    return series;
  }

  /**
   * Section 4: heap growth and time to first element against the list's size, per reader. Reads
   * that failed (outcome other than ok) have no bar; the legend names the failure. RESULTS.md has
   * the peak heap growth of each read, not the heap over time.
   */
  static Optional<Chart> streaming(Map<String, List<String>> sections, Consumer<String> warn) {
    return table(sections, STREAMING, "heap growth MB", warn)
        .map(
            t -> {
              List<String> categories = new ArrayList<>();
              Map<String, Map<String, Double>> heap = new LinkedHashMap<>();
              Map<String, Map<String, Double>> first = new LinkedHashMap<>();
              Map<String, List<String>> failures = new LinkedHashMap<>();
              Set<String> subjects = new HashSet<>();
              for (List<String> row : t.rows()) {
                String size = t.text(row, "processes");
                if (!categories.contains(size)) {
                  categories.add(size);
                }
                String reader = t.text(row, "reader");
                if (t.bold(row, "reader")) {
                  subjects.add(reader);
                }
                Map<String, Double> h = heap.computeIfAbsent(reader, k -> new LinkedHashMap<>());
                Map<String, Double> f = first.computeIfAbsent(reader, k -> new LinkedHashMap<>());
                String outcome = t.text(row, "outcome");
                if (!outcome.equals("ok")) {
                  failures
                      .computeIfAbsent(reader, k -> new ArrayList<>())
                      .add(size + ": " + shortOutcome(outcome));
                  continue;
                }
                putIfNumber(h, size, t.number(row, "heap growth MB"));
                putIfNumber(f, size, t.number(row, "first element ms"));
              }
              categories.sort((a, b) -> Double.compare(numberOr(a), numberOr(b)));
              return new Chart(
                  "chart-streaming-heap.png",
                  "heap growth (MB, peak of the read) and time to the first element (ms) against"
                      + " the number of processes listed, per reader; failed reads have no bar"
                      + " (section 4; RESULTS.md has the peak per read, not the heap over time)",
                  List.of(
                      new Panel(
                          "Heap growth while reading the list",
                          "processes listed",
                          "heap growth MB (lower is better)",
                          "#,##0.0",
                          categories,
                          series(categories, withFailures(heap, failures), subjects)),
                      new Panel(
                          "Time to the first element",
                          "processes listed",
                          "first element ms (lower is better)",
                          "#,##0.0",
                          categories,
                          series(categories, withFailures(first, failures), subjects))));
            });
  }

  private static void putIfNumber(Map<String, Double> into, String key, @Nullable Double value) {
    if (value != null) {
      into.put(key, value);
    }
  }

  private static String shortOutcome(String outcome) {
    String head = outcome.split(":", 2)[0].trim();
    return head.substring(head.lastIndexOf('.') + 1);
  }

  private static Map<String, Map<String, Double>> withFailures(
      Map<String, Map<String, Double>> values, Map<String, List<String>> failures) {
    Map<String, Map<String, Double>> named = new LinkedHashMap<>();
    values.forEach(
        (reader, v) -> {
          List<String> failed = failures.get(reader);
          named.put(failed == null ? reader : reader + FAILED + String.join("; ", failed) + ")", v);
        });
    return named;
  }

  /** Sections 5a and 5b: MB/s per parser, records/s per reader end to end. */
  static Optional<Chart> rac(Map<String, List<String>> sections, Consumer<String> warn) {
    List<Panel> panels = new ArrayList<>();
    table(sections, RAC_PARSE, "MB/s", warn)
        .ifPresent(t -> panels.add(onePerRow(t, "parser", "MB/s", "RAC output parsing", "MB/s")));
    table(sections, RAC_END_TO_END, "records/s", warn)
        .ifPresent(
            t ->
                panels.add(
                    onePerRow(t, "reader", "records/s", "RAC end to end (fake rac)", "records/s")));
    if (panels.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Chart(
            "chart-rac.png",
            "MB/s of the rac output parsers (section 5a) and records/s end to end through the fake"
                + " rac (section 5b); higher is better",
            panels));
  }

  private static Panel onePerRow(
      Table t, String nameColumn, String column, String title, String unit) {
    List<Series> series = new ArrayList<>();
    for (List<String> row : t.rows()) {
      Double value = t.number(row, column);
      if (value != null) {
        series.add(new Series(t.text(row, nameColumn), t.bold(row, nameColumn), List.of(value)));
      }
    }
    if (series.isEmpty()) {
      throw new MalformedResults(t.section(), "no row has a value in column \"" + column + "\"");
    }
    return new Panel(title, "", unit + " (higher is better)", "#,##0", List.of(column), series);
  }

  /** Draws a chart's panels side by side into a PNG. */
  static void draw(Chart chart, Path file) throws IOException {
    List<CategoryChart> panels = new ArrayList<>();
    for (Panel panel : chart.panels()) {
      panels.add(panel(panel, new LinkedHashMap<>(), chart.panels().size() == 1));
    }
    BitmapEncoder.saveBitmap(panels, 1, panels.size(), file.toString(), BitmapFormat.PNG);
  }

  private static CategoryChart panel(Panel p, Map<String, Color> colors, boolean alone) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(alone ? 900 : PANEL_WIDTH)
            .height(PANEL_HEIGHT)
            .title(p.title())
            .xAxisTitle(p.xTitle())
            .yAxisTitle(p.yTitle())
            .build();
    var styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridVerticalLinesVisible(false);
    styler.setLegendPosition(LegendPosition.OutsideS);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setChartTitleBoxVisible(false);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    styler.setYAxisDecimalPattern(p.valueFormat());
    styler.setXAxisTitleVisible(!p.xTitle().isBlank());
    styler.setYAxisMin(0.0);
    // Headroom above the highest bar for its value label.
    double max =
        p.series().stream()
            .flatMap(x -> x.values().stream())
            .filter(v -> v != null)
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(1.0);
    styler.setYAxisMax(max > 0 ? max * 1.12 : 1.0);
    styler.setLabelsVisible(true);
    styler.setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    styler.setLabelsFontColorAutomaticEnabled(false);
    styler.setLabelsFontColor(Color.DARK_GRAY);
    styler.setLabelsPosition(1.0);
    styler.setLabelsRotation(p.categories().size() * p.series().size() > 6 ? 90 : 0);
    styler.setDecimalPattern(p.valueFormat());
    styler.setAvailableSpaceFill(0.8);
    styler.setLocale(Locale.ROOT);
    for (Series s : p.series()) {
      Color color =
          s.subject()
              ? SUBJECT
              : colors.computeIfAbsent(s.name(), k -> PALETTE[colors.size() % PALETTE.length]);
      chart.addSeries(s.name(), p.categories(), s.values()).setFillColor(color);
    }
    return chart;
  }

  /** The lines of the {@code ## Charts} section listing the drawn charts (empty: none drawn). */
  static List<String> chartsSection(List<Chart> drawn, String prefix) {
    if (drawn.isEmpty()) {
      return List.of();
    }
    List<String> section = new ArrayList<>();
    section.add(CHARTS_TITLE);
    section.add("");
    section.add(
        "Drawn from the tables below by `dev.corekit.bench.Charts` (run.sh redraws them after each"
            + " run):");
    section.add("");
    for (Chart chart : drawn) {
      section.add(
          "- [" + chart.file() + "](" + prefix + chart.file() + "): " + chart.description());
    }
    section.add("");
    return section;
  }

  /**
   * RESULTS.md with its {@code ## Charts} section replaced by {@code section}: where it was, or
   * after the headlines (at the end if there are none). An empty {@code section} removes it.
   */
  static List<String> withChartsSection(List<String> lines, List<String> section) {
    List<String> out = new ArrayList<>(lines);
    int at = out.indexOf(CHARTS_TITLE);
    if (at >= 0) {
      int end = at + 1;
      while (end < out.size() && !out.get(end).startsWith("## ")) {
        end++;
      }
      out.subList(at, end).clear();
    } else {
      int head = out.indexOf("## Headlines");
      at = out.size();
      if (head >= 0) {
        at = head + 1;
        while (at < out.size() && !out.get(at).startsWith("## ")) {
          at++;
        }
      }
      if (at == out.size() && !section.isEmpty() && !out.isEmpty() && !out.get(at - 1).isBlank()) {
        out.add("");
        at++;
      }
    }
    out.addAll(at, section);
    return out;
  }

  private static String relativePrefix(Path resultsDir, Path out) {
    String relative = resultsDir.relativize(out).toString().replace('\\', '/');
    return relative.isEmpty() ? "" : relative + "/";
  }
}
