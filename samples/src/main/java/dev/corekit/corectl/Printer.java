package dev.corekit.corectl;

import dev.corekit.core.Redaction;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes command results: aligned tables and key/value lists for people, JSON with {@code --json}.
 * Passwords inside URLs ({@code http://admin:PASSWORD@host/memfs/...}, as Core 16.16 writes into
 * command and log lines) are printed as {@code ***} unless {@code --show-secrets} is given.
 */
final class Printer {
  private final PrintStream out;
  private final boolean json;
  private final boolean showSecrets;

  Printer(PrintStream out, boolean json) {
    this(out, json, false);
  }

  Printer(PrintStream out, boolean json, boolean showSecrets) {
    this.out = out;
    this.json = json;
    this.showSecrets = showSecrets;
  }

  /**
   * A text as it may be printed: with the passwords of its URLs hidden, unless shown on request.
   */
  String shown(String text) {
    return showSecrets ? text : Redaction.redactUrls(text);
  }

  boolean json() {
    return json;
  }

  PrintStream stream() {
    return out;
  }

  /** Prints a value as pretty JSON. */
  void printJson(Object value) {
    out.println(shown(Json.pretty(value)));
  }

  /** Prints a value as one line of JSON (for streams: one object per line). */
  void printJsonLine(Object value) {
    out.println(shown(Json.compact(value)));
  }

  void line(String text) {
    out.println(shown(text));
  }

  /**
   * Prints rows under upper-case headers, columns separated by two spaces; the last column is not
   * padded.
   */
  void table(List<String> headers, List<List<String>> rows) {
    int[] widths = new int[headers.size()];
    List<List<String>> all = new ArrayList<>();
    List<String> head = new ArrayList<>();
    for (String h : headers) {
      head.add(h.toUpperCase(Locale.ROOT));
    }
    all.add(head);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < widths.length && i < row.size(); i++) {
        widths[i] = Math.max(widths[i], cell(row.get(i)).length());
      }
    }
    for (List<String> row : all) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String c = i < row.size() ? cell(row.get(i)) : "";
        sb.append(c);
        if (i < widths.length - 1) {
          sb.append(" ".repeat(widths[i] - c.length() + 2));
        }
      }
      out.println(sb.toString().stripTrailing());
    }
  }

  /** Prints {@code key: value} lines with the values aligned. */
  void fields(Map<String, ?> fields) {
    int width = 0;
    for (String k : fields.keySet()) {
      width = Math.max(width, k.length());
    }
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      String value = String.valueOf(e.getValue());
      out.println(
          shown(
              (e.getKey() + ":" + " ".repeat(width - e.getKey().length() + 1) + value)
                  .stripTrailing()));
    }
  }

  static Map<String, Object> map() {
    return new LinkedHashMap<>();
  }

  private String cell(String value) {
    return value == null ? "" : shown(value).replace('\n', ' ').replace('\t', ' ');
  }
}
