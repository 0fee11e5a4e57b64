package dev.corekit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the sections of a partial run ({@code run.sh --only NAME}) into an existing RESULTS.md: each
 * new section replaces the one with the same title (or is added at the end), each new headline
 * replaces the one that starts with the same words (or is added to the headlines), and the header
 * table gets a line saying which sections were measured when.
 *
 * <p>Usage: {@code ResultsMerge RESULTS.md RESULTS_DIR DATE NAMES}.
 */
public final class ResultsMerge {
  private static final int HEADLINE_KEY = 24;

  private ResultsMerge() {}

  /**
   * What a headline is known by from one run to the next: its words up to the first colon (such as
   * "- Throughput on a real Core 16.16, core-client / ... each): "), or its first words.
   */
  static String headlineKey(String headline) {
    int colon = headline.indexOf(": ");
    return colon > 0 && colon < 160
        ? headline.substring(0, colon + 2)
        : headline.substring(0, Math.min(HEADLINE_KEY, headline.length()));
  }

  public static void main(String[] argv) throws IOException {
    if (argv.length != 4) {
      System.err.println("usage: ResultsMerge RESULTS.md RESULTS_DIR DATE NAMES");
      System.exit(2);
    }
    Path results = Path.of(argv[0]);
    Path dir = Path.of(argv[1]);
    List<String> lines =
        Files.exists(results)
            ? new ArrayList<>(Files.readAllLines(results, StandardCharsets.UTF_8))
            : new ArrayList<>(List.of("# Benchmark results", "", "## Headlines", ""));
    for (String name : argv[3].split(",")) {
      Path section = dir.resolve(name + ".md");
      Path headline = dir.resolve(name + ".headline.md");
      if (!Files.exists(section)) {
        System.err.println("ResultsMerge: no results of " + name + " in " + dir);
        System.exit(1);
      }
      lines = merge(lines, Files.readAllLines(section), readIfExists(headline));
    }
    lines = note(lines, "| partial run |", "| partial run | " + argv[3] + " on " + argv[2] + " |");
    Files.write(results, lines, StandardCharsets.UTF_8);
  }

  private static List<String> readIfExists(Path path) throws IOException {
    return Files.exists(path) ? Files.readAllLines(path) : List.of();
  }

  static List<String> merge(List<String> lines, List<String> section, List<String> headlines) {
    List<String> out = new ArrayList<>(lines);
    String title = section.isEmpty() ? "" : section.get(0);
    int start = out.indexOf(title);
    List<String> body = new ArrayList<>(section);
    while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
      body.remove(body.size() - 1);
    }
    body.add("");
    if (start < 0) {
      while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
        out.remove(out.size() - 1);
      }
      out.add("");
      out.addAll(body);
    } else {
      int end = start + 1;
      while (end < out.size() && !out.get(end).startsWith("## ")) {
        end++;
      }
      out.subList(start, end).clear();
      out.addAll(start, body);
    }
    int head = out.indexOf("## Headlines");
    for (String headline : headlines) {
      if (headline.isBlank() || head < 0) {
        continue;
      }
      String key = headlineKey(headline);
      int at = -1;
      int last = head + 1;
      for (int i = head + 1; i < out.size() && !out.get(i).startsWith("## "); i++) {
        if (out.get(i).startsWith(key)) {
          at = i;
        }
        if (out.get(i).startsWith("- ")) {
          last = i;
        }
      }
      if (at >= 0) {
        out.set(at, headline);
      } else {
        out.add(last + 1, headline);
      }
    }
    return out;
  }

  private static List<String> note(List<String> lines, String prefix, String line) {
    List<String> out = new ArrayList<>(lines);
    int at = -1;
    int lastRow = -1;
    for (int i = 0; i < out.size() && !out.get(i).startsWith("## "); i++) {
      if (out.get(i).startsWith(prefix)) {
        at = i;
      }
      if (out.get(i).startsWith("| ")) {
        lastRow = i;
      }
    }
    if (at >= 0) {
      out.set(at, out.get(at) + "; " + line.substring(prefix.length()).replace(" |", "").trim());
    } else if (lastRow >= 0) {
      out.add(lastRow + 1, line);
    }
    return out;
  }
}
