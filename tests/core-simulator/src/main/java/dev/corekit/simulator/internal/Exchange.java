package dev.corekit.simulator.internal;

import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** One request: raw and decoded path, query, headers, body, and what routing and auth found. */
final class Exchange {
  final String method;
  final String rawPath;
  final String rawQuery;
  final List<String> rawSegments;
  final List<String> segments;
  final Map<String, List<String>> query;
  final HttpHeaders headers;
  final long connectionId;
  byte[] body = new byte[0];
  Map<String, String> params = Map.of();
  String template = "";

  /** The authenticated user, or null. */
  @Nullable String user;

  String tokenId = "";

  Exchange(String method, String uri, HttpHeaders headers, long connectionId) {
    this.method = method;
    this.headers = headers;
    this.connectionId = connectionId;
    String u = uri;
    int scheme = u.indexOf("://");
    if (scheme > 0 && scheme < 8) {
      int slash = u.indexOf('/', scheme + 3);
      u = slash < 0 ? "/" : u.substring(slash);
    }
    int hash = u.indexOf('#');
    if (hash >= 0) {
      u = u.substring(0, hash);
    }
    int q = u.indexOf('?');
    this.rawPath = q < 0 ? u : u.substring(0, q);
    this.rawQuery = q < 0 ? "" : u.substring(q + 1);
    List<String> raw = new ArrayList<>();
    List<String> dec = new ArrayList<>();
    String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    for (String s : p.split("/", -1)) {
      raw.add(s);
      dec.add(decodePath(s));
    }
    this.rawSegments = Collections.unmodifiableList(raw);
    this.segments = Collections.unmodifiableList(dec);
    this.query = parseQuery(rawQuery);
  }

  /** A query parameter, or the default when absent or empty (Core's DefaultQuery). */
  String q(String name, String def) {
    List<String> v = query.get(name);
    if (v == null || v.isEmpty() || v.get(0).isEmpty()) {
      return def;
    }
    return v.get(0);
  }

  String param(String name) {
    String v = params.get(name);
    return v == null ? "" : v;
  }

  @Nullable String header(String name) {
    return headers.get(name);
  }

  boolean isJsonContent() {
    String ct = headers.get("Content-Type");
    return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  /** Headers for the request record: lower-case names, secrets redacted. */
  Map<String, String> recordedHeaders() {
    Map<String, String> out = new TreeMap<>();
    for (Entry<String, String> e : headers) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      String value = e.getValue();
      if (name.equals("authorization") || name.equals("proxy-authorization")) {
        int sp = value.indexOf(' ');
        value = (sp > 0 ? value.substring(0, sp) + " " : "") + "<redacted>";
      } else if (name.equals("cookie")) {
        value = "<redacted>";
      }
      out.merge(name, value, (a, b) -> a + ", " + b);
    }
    return Collections.unmodifiableMap(out);
  }

  /** Percent-decodes one path segment as UTF-8; {@code +} stays; a bad escape is kept literally. */
  static String decodePath(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
        out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  static Map<String, List<String>> parseQuery(String raw) {
    if (raw.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
      m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    m.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(m);
  }

  private static String decodeQuery(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
