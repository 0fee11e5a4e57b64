package dev.corekit.simulator.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * One in-memory filesystem of Core ({@code disk} or {@code mem}); paths are absolute and cleaned.
 */
final class FileStore {
  record Entry(byte[] data, long modMillis) {}

  final String name;
  final String type;
  final String mount;
  private final ConcurrentSkipListMap<String, Entry> files = new ConcurrentSkipListMap<>();

  FileStore(String name, String type, String mount) {
    this.name = name;
    this.type = type;
    this.mount = mount;
  }

  /** Stores a file; returns true if it was created, false if overwritten. */
  boolean put(String path, byte[] data, long nowMillis) {
    return files.put(clean(path), new Entry(data, nowMillis)) == null;
  }

  @Nullable Entry get(String path) {
    return files.get(clean(path));
  }

  @Nullable Entry remove(String path) {
    return files.remove(clean(path));
  }

  /** Removes every file (a killed node loses its memory filesystem). */
  void clear() {
    files.clear();
  }

  List<Map.Entry<String, Entry>> list() {
    return new ArrayList<>(files.entrySet());
  }

  long totalBytes() {
    long n = 0;
    for (Entry e : files.values()) {
      n += e.data.length;
    }
    return n;
  }

  int count() {
    return files.size();
  }

  /** Like Go's path.Clean on "/" + p: resolves "." and "..", never above the root. */
  static String clean(String p) {
    Deque<String> parts = new ArrayDeque<>();
    for (String s : p.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(s);
      }
    }
    return "/" + String.join("/", parts);
  }

  static String mimeType(String path) {
    int dot = path.lastIndexOf('.');
    String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "txt", "log" -> "text/plain";
      case "html", "htm" -> "text/html";
      case "css" -> "text/css";
      case "js" -> "text/javascript";
      case "json" -> "application/json";
      case "xml" -> "application/xml";
      case "m3u8" -> "application/x-mpegURL";
      case "mpd" -> "application/dash+xml";
      case "ts" -> "video/MP2T";
      case "mp4", "m4s" -> "video/mp4";
      case "webm" -> "video/webm";
      case "mp3" -> "audio/mpeg";
      case "aac" -> "audio/aac";
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "gif" -> "image/gif";
      case "svg" -> "image/svg+xml";
      case "ico" -> "image/x-icon";
      default -> "application/data";
    };
  }
}
