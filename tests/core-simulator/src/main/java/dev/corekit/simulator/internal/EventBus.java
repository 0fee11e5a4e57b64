package dev.corekit.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Core's event sources: log entries (also kept in a bounded buffer for {@code /api/v3/log}),
 * process output (lines and progress) and media (file) changes. Slow subscribers lose events.
 */
final class EventBus {
  /** One log entry. */
  record Entry(
      long timeMillis,
      String level,
      String component,
      String message,
      String caller,
      Map<String, String> data) {}

  private final Sinks.Many<Entry> logSink = Sinks.many().multicast().directBestEffort();
  private final Sinks.Many<ObjectNode> processSink = Sinks.many().multicast().directBestEffort();
  private final Sinks.Many<ObjectNode> mediaSink = Sinks.many().multicast().directBestEffort();
  private final ArrayDeque<Entry> buffer = new ArrayDeque<>();
  private final int capacity;
  final String coreId;
  private final Clock clock;

  EventBus(String coreId, Clock clock, int capacity) {
    this.coreId = coreId;
    this.clock = clock;
    this.capacity = capacity;
  }

  void log(
      String level, String component, String message, String caller, Map<String, String> data) {
    Entry e = new Entry(clock.millis(), level, component, message, caller, Map.copyOf(data));
    synchronized (buffer) {
      if (buffer.size() >= capacity) {
        buffer.pollFirst();
      }
      buffer.addLast(e);
    }
    synchronized (logSink) {
      logSink.tryEmitNext(e);
    }
  }

  List<Entry> logEntries() {
    synchronized (buffer) {
      return new ArrayList<>(buffer);
    }
  }

  Flux<Entry> logEvents() {
    return logSink.asFlux();
  }

  /** Renders a log entry as Core's event object. */
  ObjectNode toEvent(Entry e) {
    ObjectNode o = Json.obj();
    o.put("ts", e.timeMillis / 1000);
    o.put("level", e.level);
    o.put("event", e.component.toLowerCase(java.util.Locale.ROOT));
    o.put("message", e.message);
    o.put("caller", e.caller);
    o.put("core_id", coreId);
    ObjectNode d = o.putObject("data");
    e.data.forEach(d::put);
    return o;
  }

  /** Renders a log entry for {@code GET /api/v3/log?format=raw}. */
  static ObjectNode toRaw(Entry e) {
    ObjectNode o = Json.obj();
    e.data.forEach(o::put);
    o.put("ts", Instant.ofEpochMilli(e.timeMillis).toString());
    o.put("level", e.level);
    o.put("component", e.component);
    if (!e.caller.isEmpty()) {
      o.put("caller", e.caller);
    }
    if (!e.message.isEmpty()) {
      o.put("message", e.message);
    }
    return o;
  }

  /** Renders a log entry as a console line, as Core's {@code GET /api/v3/log} does. */
  static String toConsole(Entry e) {
    StringBuilder sb = new StringBuilder();
    sb.append("ts=")
        .append(Instant.ofEpochMilli(e.timeMillis))
        .append(' ')
        .append("level=")
        .append(e.level)
        .append(' ')
        .append("component=\"")
        .append(e.component)
        .append("\" ")
        .append("msg=\"")
        .append(e.message)
        .append('"');
    Map<String, String> sorted = new java.util.TreeMap<>(e.data);
    sorted.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(v).append('"'));
    return sb.toString();
  }

  void processEvent(ObjectNode event) {
    synchronized (processSink) {
      processSink.tryEmitNext(event);
    }
  }

  boolean hasProcessListeners() {
    return processSink.currentSubscriberCount() > 0;
  }

  Flux<ObjectNode> processEvents() {
    return processSink.asFlux();
  }

  void mediaEvent(String source, String action, String name) {
    ObjectNode o = Json.obj();
    o.put("source", source);
    o.put("action", action);
    o.put("name", name);
    o.put("ts", clock.millis());
    synchronized (mediaSink) {
      mediaSink.tryEmitNext(o);
    }
  }

  Flux<ObjectNode> mediaEvents() {
    return mediaSink.asFlux();
  }

  static Map<String, String> data(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /**
   * Whether a log event passes Core's filter set ({@code {"filters":[{"event":..,"message":..}]}}).
   */
  static boolean passes(ObjectNode event, Map<String, List<JsonNode>> filters) {
    if (filters.isEmpty()) {
      return true;
    }
    List<JsonNode> fs = filters.get(event.path("event").asText());
    if (fs == null) {
      return false;
    }
    for (JsonNode f : fs) {
      if (matchesFilter(event, f)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesFilter(ObjectNode e, JsonNode f) {
    for (String field : List.of("message", "level", "caller", "core_id")) {
      String re = f.path(field).asText("");
      if (!re.isEmpty()
          && !java.util.regex.Pattern.compile("(?i)" + re).matcher(e.path(field).asText()).find()) {
        return false;
      }
    }
    for (var d : f.path("data").properties()) {
      JsonNode v = e.path("data").get(d.getKey());
      if (v == null
          || !java.util.regex.Pattern.compile("(?i)" + d.getValue().asText())
              .matcher(v.asText())
              .find()) {
        return false;
      }
    }
    return true;
  }
}
