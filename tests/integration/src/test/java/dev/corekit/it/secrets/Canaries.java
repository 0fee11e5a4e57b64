package dev.corekit.it.secrets;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values of a suite (passwords, tokens, keys), each under a name, and the texts
 * collected from the SDK to be searched for them. A JWT also counts by its signature alone (a token
 * cut after its payload is still a leak).
 */
final class Canaries {

  /** Where a canary was found. */
  record Leak(String source, String canary, String excerpt) {
    @Override
    public String toString() {
      return source + " shows " + canary + ": ..." + excerpt + "...";
    }
  }

  private final Map<String, String> values = new ConcurrentHashMap<>();
  private final Map<String, String> texts = Collections.synchronizedMap(new LinkedHashMap<>());

  Canaries add(String name, String value) {
    if (value != null && value.length() >= 8) {
      values.put(name, value);
      int lastDot = value.lastIndexOf('.');
      if (value.startsWith("eyJ") && lastDot > 0 && value.length() - lastDot > 16) {
        values.put(name + " (signature)", value.substring(lastDot + 1));
      }
    }
    return this;
  }

  Map<String, String> values() {
    return Map.copyOf(values);
  }

  /** Collects a text under a source description (later texts of the same source are appended). */
  void collect(String source, String text) {
    texts.merge(source, String.valueOf(text), (a, b) -> a + "\n" + b);
  }

  /**
   * Collects the message, toString and full stack trace text (causes, suppressed) of a throwable.
   */
  void collect(String source, Throwable error) {
    collect(source, describe(error));
  }

  static String describe(Throwable error) {
    StringBuilder sb = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    describe(error, sb, seen);
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return sb.append('\n').append(trace).toString();
  }

  private static void describe(Throwable e, StringBuilder sb, Set<Throwable> seen) {
    if (e == null || !seen.add(e)) {
      return;
    }
    sb.append("type=")
        .append(e.getClass().getName())
        .append(" message=")
        .append(e.getMessage())
        .append(" localized=")
        .append(e.getLocalizedMessage())
        .append(" toString=")
        .append(e)
        .append('\n');
    describe(e.getCause(), sb, seen);
    for (Throwable s : e.getSuppressed()) {
      describe(s, sb, seen);
    }
  }

  int textCount() {
    return texts.size();
  }

  Map<String, String> texts() {
    synchronized (texts) {
      return new LinkedHashMap<>(texts);
    }
  }

  /** Every occurrence of every canary in the collected texts. */
  List<Leak> leaks() {
    return leaks(texts());
  }

  List<Leak> leaks(Map<String, String> collected) {
    List<Leak> leaks = new ArrayList<>();
    collected.forEach((source, text) -> leaks.addAll(find(source, text)));
    return leaks;
  }

  List<Leak> find(String source, String text) {
    List<Leak> leaks = new ArrayList<>();
    values.forEach(
        (name, value) -> {
          int at = text.indexOf(value);
          if (at >= 0) {
            int from = Math.max(0, at - 80);
            int to = Math.min(text.length(), at + value.length() + 40);
            leaks.add(new Leak(source, name, text.substring(from, to).replace('\n', ' ')));
          }
        });
    return leaks;
  }
}
