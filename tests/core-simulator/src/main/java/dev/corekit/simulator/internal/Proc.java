package dev.corekit.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One simulated ffmpeg process. Its state is derived from the time of the last start command, so
 * nothing ticks per process: {@code starting} until the start delay passed, then {@code running}
 * with runtime, progress and one log line per second growing. Guarded by its own monitor.
 */
final class Proc {
  static final long ZERO_TIME = -62135596800L;
  static final int MAX_LOG_LINES = 100;
  static final int MAX_HISTORY = 3;
  static final String EXIT_LINE = "Exiting normally, received signal 2.";

  String id;
  String domain;
  String owner;

  /** The normalized config in 16.20's full shape. */
  ObjectNode config;

  long createdAt;
  long updatedAt;
  final Map<String, JsonNode> metadata = new LinkedHashMap<>();

  String order = "stop";

  /** Millis of the last start, 0 if never started. */
  long startedAt;

  long stoppedAt;
  int epoch;
  final int pid;

  /** Report of the current (or last) run; null log while running (derived on read). */
  long reportCreatedAt = ZERO_TIME;

  List<String> prelude = List.of();
  List<String[]> frozenLog = List.of();
  String exitState = "";
  final Deque<ObjectNode> history = new ArrayDeque<>();

  /**
   * The lines ffmpeg wrote before it gave up, when the current run fails once the start delay
   * passed (for example a {@code {memfs}} output the cluster refuses); null for a healthy run.
   */
  @Nullable List<String> failure;

  Proc(String id, String domain, String owner, ObjectNode config, long nowSeconds, int pid) {
    this.id = id;
    this.domain = domain;
    this.owner = owner;
    this.config = config;
    this.createdAt = nowSeconds;
    this.updatedAt = nowSeconds;
    this.pid = pid;
  }

  String reference() {
    return config.path("reference").asText("");
  }

  boolean running() {
    return order.equals("start");
  }

  /** Seconds since the process entered {@code running}, or -1 while starting or stopped. */
  long runningSeconds(long now, long startDelayMs) {
    if (!running() || failure != null || now < startedAt + startDelayMs) {
      return -1;
    }
    return (now - startedAt - startDelayMs) / 1000;
  }

  String exec(long now, long startDelayMs) {
    if (!running()) {
      return "finished";
    }
    if (now < startedAt + startDelayMs) {
      return "starting";
    }
    return failure != null ? "failed" : "running";
  }

  /** Begins a run: the previous report moves to the history. */
  void start(long now, java.util.function.UnaryOperator<String> addresses) {
    if (reportCreatedAt != ZERO_TIME) {
      history.addLast(historyEntry());
      while (history.size() > MAX_HISTORY) {
        history.pollFirst();
      }
    }
    order = "start";
    epoch++;
    startedAt = now;
    reportCreatedAt = now / 1000;
    prelude = preludeLines(addresses);
    frozenLog = List.of();
    exitState = "";
    failure = null;
  }

  /** Ends a run: the log is frozen with ffmpeg's exit line. */
  void stop(long now, long startDelayMs) {
    List<String[]> log = new ArrayList<>(log(now, startDelayMs));
    log.add(new String[] {Long.toString(now / 1000), EXIT_LINE});
    frozenLog = List.copyOf(log.subList(Math.max(0, log.size() - MAX_LOG_LINES), log.size()));
    order = "stop";
    stoppedAt = now;
    exitState = failure != null && now >= startedAt + startDelayMs ? "failed" : "finished";
    failure = null;
  }

  /** The log of the current run: prelude lines, then one progress line per second of running. */
  List<String[]> log(long now, long startDelayMs) {
    if (!running()) {
      return frozenLog;
    }
    List<String[]> out = new ArrayList<>();
    String t0 = Long.toString(startedAt / 1000);
    for (String p : prelude) {
      out.add(new String[] {t0, p});
    }
    if (failure != null) {
      if (now >= startedAt + startDelayMs) {
        String t1 = Long.toString((startedAt + startDelayMs) / 1000);
        failure.forEach(l -> out.add(new String[] {t1, l}));
      }
      return out;
    }
    long secs = runningSeconds(now, startDelayMs);
    for (long k = Math.max(1, secs - MAX_LOG_LINES); k <= secs; k++) {
      out.add(new String[] {Long.toString((startedAt + startDelayMs) / 1000 + k), progressLine(k)});
    }
    return out.size() > MAX_LOG_LINES ? out.subList(out.size() - MAX_LOG_LINES, out.size()) : out;
  }

  String lastLogline(long now, long startDelayMs) {
    if (!running()) {
      return frozenLog.isEmpty() ? "" : frozenLog.get(frozenLog.size() - 1)[1];
    }
    if (failure != null && !failure.isEmpty() && now >= startedAt + startDelayMs) {
      return failure.get(failure.size() - 1);
    }
    long secs = runningSeconds(now, startDelayMs);
    if (secs < 1) {
      return prelude.isEmpty() ? "" : prelude.get(prelude.size() - 1);
    }
    return progressLine(secs);
  }

  static String progressLine(long k) {
    long frame = k * 25;
    long sizeKb = k * 128;
    return String.format(
        java.util.Locale.ROOT,
        "frame=%5d fps= 25 q=28.0 size=%8dkB time=%02d:%02d:%02d.00 bitrate=1048.6kbits/s speed=   1x",
        frame,
        sizeKb,
        k / 3600,
        (k / 60) % 60,
        k % 60);
  }

  private List<String> preludeLines(java.util.function.UnaryOperator<String> addresses) {
    List<String> lines = new ArrayList<>();
    lines.add("ffmpeg version 5.1.9 Copyright (c) 2000-2025 the FFmpeg developers");
    lines.add("  built with gcc 12 (Debian 12.2.0-14)");
    int i = 0;
    for (JsonNode in : config.path("input")) {
      lines.add("Input #" + i + ", lavfi, from '" + in.path("address").asText() + "':");
      lines.add("  Duration: N/A, start: 0.000000, bitrate: N/A");
      lines.add(
          "  Stream #"
              + i
              + ":0: Video: rawvideo (I420 / 0x30323449), yuv420p, 640x360 [SAR 1:1 DAR 16:9], 25 fps, 25 tbr, 25 tbn");
      i++;
    }
    lines.add("Stream mapping:");
    lines.add("  Stream #0:0 -> #0:0 (rawvideo (native) -> h264 (libx264))");
    int o = 0;
    for (JsonNode out : config.path("output")) {
      lines.add(
          "Output #" + o + ", null, to '" + addresses.apply(out.path("address").asText()) + "':");
      o++;
    }
    lines.add("Press [q] to stop, [?] for help");
    return List.copyOf(lines);
  }

  private ObjectNode historyEntry() {
    ObjectNode h = Json.obj();
    h.put("created_at", reportCreatedAt);
    h.set("prelude", Json.strings(prelude));
    h.set("log", logArray(frozenLog));
    h.put("exited_at", stoppedAt / 1000);
    h.put("exit_state", exitState.isEmpty() ? "finished" : exitState);
    return h;
  }

  static ArrayNode logArray(List<String[]> log) {
    ArrayNode a = Json.arr();
    for (String[] l : log) {
      a.addArray().add(l[0]).add(l[1]);
    }
    return a;
  }
}
