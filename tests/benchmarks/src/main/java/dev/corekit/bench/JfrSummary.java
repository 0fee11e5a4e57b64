package dev.corekit.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time goes, from JFR recordings of the same load (one recording per contender): CPU
 * samples ({@code jdk.ExecutionSample}) by library of the top frame, the hottest methods, the SDK's
 * own methods on the stack, and allocation samples by library.
 *
 * <p>Options: {@code --jfr label=file,label=file} (the first is the subject, e.g. core-client),
 * {@code --title}, {@code --text} (a paragraph under the title), {@code --top} (15), {@code
 * --name}, {@code --out}.
 */
public final class JfrSummary {
  private JfrSummary() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(JfrSummary.class, argv);
    run(args).write(args.get("out"));
  }

  /** Counts of one recording. */
  static final class Profile {
    final Map<String, Long> selfByLibrary = new HashMap<>();
    final Map<String, Long> selfByMethod = new HashMap<>();
    final Map<String, Long> inclusiveSdk = new HashMap<>();
    final Map<String, Long> allocByLibrary = new HashMap<>();
    final Map<String, Long> allocByMethod = new HashMap<>();
    long samples;
    long allocated;

    static Profile read(Path file) throws Exception {
      Profile p = new Profile();
      try (RecordingFile recording = new RecordingFile(file)) {
        while (recording.hasMoreEvents()) {
          RecordedEvent event = recording.readEvent();
          String type = event.getEventType().getName();
          RecordedStackTrace stack = event.getStackTrace();
          if (stack == null || stack.getFrames().isEmpty()) {
            continue;
          }
          jdk.jfr.consumer.RecordedThread thread =
              event.hasField("sampledThread")
                  ? event.getThread("sampledThread")
                  : event.getThread();
          if (thread != null && "main".equals(thread.getJavaName())) {
            continue; // the harness's set-up and bookkeeping, not the calls
          }
          if (type.equals("jdk.ExecutionSample")) {
            p.samples++;
            RecordedFrame top = stack.getFrames().get(0);
            p.selfByLibrary.merge(library(top), 1L, Long::sum);
            p.selfByMethod.merge(method(top), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
              String m = method(frame);
              if (m.startsWith("dev.corekit.core") && seen.add(m)) {
                p.inclusiveSdk.merge(m, 1L, Long::sum);
              }
            }
          } else if (type.equals("jdk.ObjectAllocationSample")) {
            long weight = event.getLong("weight");
            p.allocated += weight;
            RecordedFrame site = firstNonJdk(stack.getFrames());
            p.allocByLibrary.merge(library(site), weight, Long::sum);
            p.allocByMethod.merge(method(site), weight, Long::sum);
          }
        }
      }
      return p;
    }
  }

  private static RecordedFrame firstNonJdk(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        return frame;
      }
    }
    return frames.get(0);
  }

  static String method(RecordedFrame frame) {
    RecordedMethod m = frame.getMethod();
    return m.getType().getName() + "." + m.getName();
  }

  static String library(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    String[][] groups = {
      {"dev.corekit.core", "core-client (dev.corekit.core)"},
      {"dev.corekit.sync", "blocking proxy (dev.corekit.sync)"},
      {"dev.corekit.bench", "benchmark harness"},
      {"reactor.netty", "Reactor Netty"},
      {"reactor.core", "Reactor Core"},
      {"reactor.", "Reactor (other)"},
      {"io.netty", "Netty"},
      {"com.fasterxml.jackson", "Jackson"},
      {"io.github.resilience4j", "Resilience4j"},
      {"io.vavr", "Resilience4j"},
      {"org.slf4j", "SLF4J"},
      {"java.util.concurrent", "java.util.concurrent"},
      {"java.lang.reflect", "reflection"},
      {"jdk.internal.reflect", "reflection"},
      {"java.", "JDK (other)"},
      {"jdk.", "JDK (other)"},
      {"sun.", "JDK (other)"},
    };
    for (String[] group : groups) {
      if (type.startsWith(group[0])) {
        return group[1];
      }
    }
    return "other";
  }

  static Report run(Args args) throws Exception {
    Map<String, Profile> profiles = new LinkedHashMap<>();
    for (String pair : args.required("jfr").split(",")) {
      String[] kv = pair.split("=", 2);
      profiles.put(kv[0], Profile.read(Path.of(kv[1])));
    }
    int top = args.integer("top", 15);
    Report report =
        new Report(
            args.get("name", "profile"), args.get("title", "Where the time goes"), args.command());
    if (args.get("text") != null) {
      report.text(args.get("text"));
    }
    List<String> labels = new ArrayList<>(profiles.keySet());
    // CPU by library: share of samples.
    Set<String> libraries = new java.util.TreeSet<>();
    profiles.values().forEach(p -> libraries.addAll(p.selfByLibrary.keySet()));
    List<List<String>> rows = new ArrayList<>();
    for (String library : libraries) {
      List<String> row = new ArrayList<>();
      row.add(library);
      for (String label : labels) {
        Profile p = profiles.get(label);
        row.add(
            Report.f(100.0 * p.selfByLibrary.getOrDefault(library, 0L) / Math.max(1, p.samples), 1)
                + " %");
        row.add(
            Report.f(
                    100.0 * p.allocByLibrary.getOrDefault(library, 0L) / Math.max(1, p.allocated),
                    1)
                + " %");
      }
      rows.add(row);
    }
    rows.sort((a, b) -> Double.compare(parse(b.get(1)), parse(a.get(1))));
    List<String> header = new ArrayList<>();
    header.add("library (top frame)");
    for (String label : labels) {
      header.add(label + ": CPU samples");
      header.add(label + ": allocation");
    }
    List<String> totals = new ArrayList<>();
    totals.add("(samples / MB sampled)");
    for (String label : labels) {
      totals.add(Long.toString(profiles.get(label).samples));
      totals.add(Report.f(profiles.get(label).allocated / 1024.0 / 1024.0, 0));
    }
    rows.add(totals);
    report.table(header, rows);
    for (String label : labels) {
      Profile p = profiles.get(label);
      report.text("Hottest methods (self CPU samples), " + label + ":");
      report.table(List.of("method", "share"), topOf(p.selfByMethod, p.samples, top));
      if (!p.inclusiveSdk.isEmpty()) {
        report.text("SDK methods on the stack (inclusive CPU samples), " + label + ":");
        report.table(List.of("method", "share"), topOf(p.inclusiveSdk, p.samples, top));
      }
      report.text("Allocation sites (first non-JDK frame, sampled bytes), " + label + ":");
      report.table(List.of("method", "share"), topOf(p.allocByMethod, p.allocated, top));
    }
    return report;
  }

  private static double parse(String percent) {
    try {
      return Double.parseDouble(percent.replace("%", "").replace(",", "").trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<List<String>> topOf(Map<String, Long> counts, long total, int top) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Long> e : entries.subList(0, Math.min(top, entries.size()))) {
      rows.add(
          List.of(
              "`" + e.getKey() + "`",
              Report.f(100.0 * e.getValue() / Math.max(1, total), 1) + " %"));
    }
    return rows;
  }
}
