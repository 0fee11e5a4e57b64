package dev.corekit.simulator.internal;

import dev.corekit.simulator.RecordedRequest;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters and the bounded request record of one simulator; thread-safe. */
public final class StatsRecorder {
  public final LongAdder logins = new LongAdder();
  public final LongAdder loginFailures = new LongAdder();
  public final LongAdder refreshes = new LongAdder();
  public final LongAdder refreshFailures = new LongAdder();
  public final LongAdder totalRequests = new LongAdder();
  public final LongAdder completedResponses = new LongAdder();
  public final LongAdder bodyBytesSent = new LongAdder();
  public final LongAdder faultsFired = new LongAdder();
  public final AtomicInteger openConnections = new AtomicInteger();
  public final AtomicLong connections = new AtomicLong();
  public final LongAdder clientAborts = new LongAdder();
  private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byRoute = new ConcurrentHashMap<>();
  private final ArrayDeque<RecordedRequest> recorded = new ArrayDeque<>();
  private final int capacity;

  public StatsRecorder(int capacity) {
    this.capacity = Math.max(1, capacity);
  }

  /** Counts a request by method and raw path, at arrival. */
  public void arrived(String method, String rawPath) {
    totalRequests.increment();
    byPath.computeIfAbsent(method + " " + rawPath, k -> new LongAdder()).increment();
  }

  /** Counts a request by its route template. */
  public void routed(String template) {
    byRoute.computeIfAbsent(template, k -> new LongAdder()).increment();
  }

  /** Appends to the bounded record, dropping the oldest entry when full. */
  public void record(RecordedRequest r) {
    synchronized (recorded) {
      if (recorded.size() >= capacity) {
        recorded.pollFirst();
      }
      recorded.addLast(r);
    }
  }

  public List<RecordedRequest> recorded() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  public long requests(String route) {
    Map<String, LongAdder> m = route.indexOf('{') >= 0 ? byRoute : byPath;
    LongAdder a = m.get(normalize(route));
    return a == null ? 0 : a.sum();
  }

  public Map<String, Long> byPath() {
    return snapshot(byPath);
  }

  public Map<String, Long> byRoute() {
    return snapshot(byRoute);
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
    Map<String, Long> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private static String normalize(String route) {
    String t = route.trim();
    int sp = t.indexOf(' ');
    return sp < 0
        ? t
        : t.substring(0, sp).toUpperCase(java.util.Locale.ROOT) + " " + t.substring(sp + 1).trim();
  }

  /** Resets counters and the record; connection gauges stay. */
  public void reset() {
    for (LongAdder a :
        List.of(
            logins,
            loginFailures,
            refreshes,
            refreshFailures,
            totalRequests,
            completedResponses,
            bodyBytesSent,
            faultsFired,
            clientAborts)) {
      a.reset();
    }
    byPath.clear();
    byRoute.clear();
    synchronized (recorded) {
      recorded.clear();
    }
  }
}
