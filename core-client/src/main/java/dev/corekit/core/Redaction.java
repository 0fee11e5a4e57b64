package dev.corekit.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Hides the passwords that URLs carry inside text: the password of a URL's user info ({@code
 * http://admin:secret@host/} becomes {@code http://admin:***@host/}) and the value of the query
 * parameters {@code password}, {@code passphrase} and {@code token} ({@code
 * srt://host:6000?passphrase=secret} becomes {@code srt://host:6000?passphrase=***}).
 *
 * <p>Core 16.16 writes the memory filesystem's password into ffmpeg command lines and log lines
 * ({@code http://admin:PASSWORD@127.0.0.1:8080/memfs/...}); the SDK's models show such text
 * redacted in {@code toString()}, and so does {@code corectl}. The accessors and JSON of the models
 * keep the text as Core sent it.
 *
 * <pre>{@code
 * Redaction.redactUrls("Output #0, hls, to 'http://admin:pw@127.0.0.1:8080/memfs/a.m3u8':")
 * // "Output #0, hls, to 'http://admin:***@127.0.0.1:8080/memfs/a.m3u8':"
 * }</pre>
 */
public final class Redaction {
  /** What a hidden password is replaced with. */
  public static final String MASK = "***";

  private Redaction() {}

  /**
   * Replaces the passwords of every URL in a text with {@value #MASK}. A URL is a scheme followed
   * by {@code ://}; it ends at white space, a quote, an angle bracket or a backslash. The user name
   * stays. Runs in one pass over the text, in time linear in its length, without regular
   * expressions.
   *
   * @param text any text, such as a log line, a command line argument or a JSON document
   * @return the text with the passwords hidden; the same instance when it holds none
   */
  public static String redactUrls(String text) {
    Objects.requireNonNull(text, "text");
    if (text.indexOf("://") < 0) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    boolean inUrl = false;
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (c == ':' && text.startsWith("//", i + 1) && hasScheme(text, i)) {
        int authority = i + 3;
        int end = authority;
        int at = -1;
        int colon = -1;
        while (end < length) {
          char a = text.charAt(end);
          if (a == '/' || a == '?' || a == '#' || endsUrl(a)) {
            break;
          }
          if (a == ':' && text.startsWith("//", end + 1)) {
            break; // the next URL begins (its scheme was taken for a host)
          }
          if (a == '@') {
            at = end;
          } else if (a == ':' && colon < 0) {
            colon = end;
          }
          end++;
        }
        if (colon > 0 && at > colon + 1 && !isMask(text, colon + 1, at)) {
          out = masked(out, text, copied, colon + 1);
          copied = at;
        }
        inUrl = true;
        i = end;
        continue;
      }
      if (endsUrl(c)) {
        inUrl = false;
      } else if (inUrl && (c == '?' || c == '&')) {
        int value = secretValue(text, i + 1);
        if (value > 0) {
          int end = value;
          while (end < length && !endsValue(text.charAt(end))) {
            end++;
          }
          if (end > value && !isMask(text, value, end)) {
            out = masked(out, text, copied, value);
            copied = end;
          }
          i = end;
          continue;
        }
      }
      i++;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, length).toString();
  }

  /** Copies the text from the end of the last copy up to {@code upTo}, then the mask. */
  private static StringBuilder masked(
      @Nullable StringBuilder out, String text, int copiedUpTo, int upTo) {
    StringBuilder to = out != null ? out : new StringBuilder(text.length());
    return to.append(text, copiedUpTo, upTo).append(MASK);
  }

  /** Whether a scheme (a letter, then letters, digits, {@code +-.}) ends at {@code colon}. */
  private static boolean hasScheme(String text, int colon) {
    int start = colon;
    boolean letter = false;
    while (start > 0 && isSchemeChar(text.charAt(start - 1))) {
      start--;
      letter |= isAsciiLetter(text.charAt(start));
    }
    return letter;
  }

  private static boolean isSchemeChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean endsUrl(char c) {
    return Character.isWhitespace(c)
        || c == '"'
        || c == '\''
        || c == '<'
        || c == '>'
        || c == '`'
        || c == '\\';
  }

  private static boolean endsValue(char c) {
    return c == '&' || c == '#' || endsUrl(c);
  }

  /**
   * Where the value of a query parameter starts when the parameter at {@code from} is a secret
   * ({@code password=}, {@code passphrase=}, {@code token=}, any case); else -1.
   */
  private static int secretValue(String text, int from) {
    for (String name : SECRET_PARAMETERS) {
      int equals = from + name.length();
      if (text.regionMatches(true, from, name, 0, name.length())
          && equals < text.length()
          && text.charAt(equals) == '=') {
        return equals + 1;
      }
    }
    return -1;
  }

  private static final String[] SECRET_PARAMETERS = {"password", "passphrase", "token"};

  private static boolean isMask(String text, int from, int to) {
    return to - from == MASK.length() && text.startsWith(MASK, from);
  }
}
