package dev.corekit.core.internal;

import dev.corekit.core.CoreValidationException;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes path segments and query components so that a value reaches the server exactly as
 * given: {@code /}, {@code %}, spaces, control characters and non-ASCII are encoded, never
 * interpreted.
 */
public final class PathEncoder {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathEncoder() {}

  /**
   * Encodes a value as one path segment.
   *
   * @param name the parameter name, for the error message
   * @param value the value
   * @return the encoded segment
   * @throws CoreValidationException if the value is empty, {@code .} or {@code ..}
   */
  public static String segment(String name, String value) {
    checkSegment(name, value, value);
    return encode(value);
  }

  /**
   * Encodes a value whose {@code /} separate segments (a file path in a storage); each segment is
   * encoded on its own. A leading {@code /} is ignored.
   *
   * @param name the parameter name, for the error message
   * @param value the path
   * @return the encoded segments joined by {@code /}
   * @throws CoreValidationException if the path is empty or has an empty, {@code .} or {@code ..}
   *     segment
   */
  public static String segments(String name, String value) {
    String path = value.startsWith("/") ? value.substring(1) : value;
    if (path.isEmpty()) {
      throw new CoreValidationException("path parameter '" + name + "' must not be empty");
    }
    StringBuilder out = new StringBuilder(path.length() + 16);
    int start = 0;
    while (true) {
      int slash = path.indexOf('/', start);
      String part = slash < 0 ? path.substring(start) : path.substring(start, slash);
      checkSegment(name, part, value);
      out.append(encode(part));
      if (slash < 0) {
        return out.toString();
      }
      out.append('/');
      start = slash + 1;
    }
  }

  private static void checkSegment(String name, String segment, String whole) {
    if (segment.isEmpty()) {
      throw new CoreValidationException(
          "path parameter '"
              + name
              + "' must not be empty"
              + (whole.isEmpty() ? "" : " or have empty segments"));
    }
    if (segment.equals(".") || segment.equals("..")) {
      throw new CoreValidationException(
          "path parameter '" + name + "' must not be or contain the segment '" + segment + "'");
    }
  }

  /**
   * Percent-encodes everything but RFC 3986 unreserved characters.
   *
   * @param value the text
   * @return the encoded text
   */
  public static String encode(String value) {
    int i = 0;
    while (i < value.length() && isUnreserved(value.charAt(i))) {
      i++;
    }
    if (i == value.length()) {
      return value;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c < 128 && isUnreserved((char) c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
