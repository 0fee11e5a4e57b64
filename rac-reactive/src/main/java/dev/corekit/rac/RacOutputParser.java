package dev.corekit.rac;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code rac} output incrementally into {@link RacRecord}s, one record per call.
 *
 * <p>Reads only as much input as the next record needs, so memory stays flat however long the
 * output and a caller that stops calling {@link #next()} stops the reading. Records are blocks of
 * {@code key : value} lines ended by an empty line; the last block may lack its empty line.
 * Accepted: LF, CRLF and CR line ends; keys padded with spaces; empty values with or without the
 * trailing space; values containing {@code :}. A line starting with whitespace, or a line that is
 * not {@code key : value} inside a record, continues the previous value (joined with {@code \n}). A
 * line that is not {@code key : value} where a record should start raises a {@link
 * RacParseException}.
 *
 * <p>Decoding: a fixed charset (replacing malformed bytes with U+FFFD), or auto-detection: UTF-8
 * while the input is valid UTF-8, cp866 (the console code page of Russian Windows) from the first
 * line that is not. Not thread-safe; one parser per stream. Standalone use:
 *
 * <pre>{@code
 * try (RacOutputParser parser = RacOutputParser.of(Files.newInputStream(file), StandardCharsets.UTF_8)) {
 *   for (RacRecord r; (r = parser.next()) != null; ) { ... }
 * }
 * }</pre>
 */
public final class RacOutputParser implements Closeable {

  /** The OEM code page of Russian Windows, used by {@code rac.exe} even on pipes. */
  public static final Charset CP866 = Charset.forName("IBM866");

  private static final int BUFFER = 1 << 16;
  private static final int MAX_LINE = 1 << 24;

  private final @Nullable InputStream in;
  private final @Nullable BufferedReader reader;
  private final boolean auto;
  private Charset charset;
  private @Nullable CharsetDecoder strictUtf8;

  private final byte[] buf;
  private int pos;
  private int limit;
  private byte[] line = new byte[256];
  private int lineLen;
  private boolean eof;
  private boolean unterminated;
  private long lineNumber;

  private String[] keys = new String[32];
  private String[] values = new String[32];
  private String[] lastKeys = new String[0];
  private int size;

  private RacOutputParser(
      @Nullable InputStream in, @Nullable BufferedReader reader, Charset charset, boolean auto) {
    this.in = in;
    this.reader = reader;
    this.charset = charset;
    this.auto = auto;
    this.buf = in == null ? new byte[0] : new byte[BUFFER];
    if (auto) {
      strictUtf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
  }

  /**
   * Parses bytes in a fixed charset.
   *
   * @param in the output of {@code rac}
   * @param charset its encoding (UTF-8 on Linux, cp866 for Russian Windows)
   * @return a parser reading {@code in}
   */
  public static RacOutputParser of(InputStream in, Charset charset) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(charset, "charset");
    if (!asciiCompatible(charset)) {
      return of(new InputStreamReader(in, charset));
    }
    return new RacOutputParser(in, null, charset, false);
  }

  /**
   * Parses bytes as UTF-8 while they are valid UTF-8, else as cp866.
   *
   * @param in the output of {@code rac}
   * @return a parser reading {@code in}
   */
  public static RacOutputParser autoDetect(InputStream in) {
    Objects.requireNonNull(in, "in");
    return new RacOutputParser(in, null, StandardCharsets.UTF_8, true);
  }

  /**
   * Parses already decoded text.
   *
   * @param reader the output of {@code rac}
   * @return a parser reading {@code reader}
   */
  public static RacOutputParser of(Reader reader) {
    Objects.requireNonNull(reader, "reader");
    BufferedReader br =
        reader instanceof BufferedReader
            ? (BufferedReader) reader
            : new BufferedReader(reader, BUFFER);
    return new RacOutputParser(null, br, StandardCharsets.UTF_16, false);
  }

  /**
   * Returns the charset in use: the fixed one, or, when auto-detecting, UTF-8 until a line was not
   * valid UTF-8 and cp866 afterwards.
   *
   * @return the current charset
   */
  public Charset charset() {
    return charset;
  }

  /**
   * Reads the next record.
   *
   * @return the record, or {@code null} at the end of the output
   * @throws IOException if reading fails
   * @throws RacParseException if a record does not start with a {@code key : value} line
   */
  public @Nullable RacRecord next() throws IOException {
    String text;
    while ((text = readLine()) != null) {
      if (isBlank(text)) {
        if (size > 0) {
          return emit();
        }
        continue;
      }
      if (!parseField(text)) {
        if (size == 0) {
          throw new RacParseException(
              "Line " + lineNumber + " is not 'key : value': '" + abbreviate(text) + "'", "", null);
        }
        values[size - 1] = values[size - 1] + "\n" + text.strip();
      }
    }
    if (size > 0) {
      unterminated = true;
      return emit();
    }
    return null;
  }

  /**
   * Tells whether the last record returned by {@link #next()} ended at the end of the output
   * without its empty line (a complete record for some {@code rac} builds, or output cut off
   * mid-record).
   *
   * @return true when the last record had no terminating empty line
   */
  public boolean lastRecordUnterminated() {
    return unterminated;
  }

  /**
   * Reads the next non-blank line as text, stripped; for bare output such as {@code agent version}.
   *
   * @return the line, or {@code null} at the end of the output
   * @throws IOException if reading fails
   */
  public @Nullable String nextLine() throws IOException {
    String text;
    while ((text = readLine()) != null) {
      if (!isBlank(text)) {
        return text.strip();
      }
    }
    return null;
  }

  /**
   * Closes the input.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
    }
    if (reader != null) {
      reader.close();
    }
  }

  private RacRecord emit() {
    String[] k = Arrays.copyOf(keys, size);
    String[] v = Arrays.copyOf(values, size);
    lastKeys = k;
    size = 0;
    return new RacRecord(k, v);
  }

  /** Splits {@code key<spaces>:<one space>value}; false when the line is not a field. */
  private boolean parseField(String text) {
    int n = text.length();
    char first = text.charAt(0);
    if (first == ' ' || first == '\t') {
      return false;
    }
    int keyEnd = 0;
    while (keyEnd < n
        && !Character.isWhitespace(text.charAt(keyEnd))
        && text.charAt(keyEnd) != ':') {
      keyEnd++;
    }
    int colon = keyEnd;
    while (colon < n && (text.charAt(colon) == ' ' || text.charAt(colon) == '\t')) {
      colon++;
    }
    if (colon >= n || text.charAt(colon) != ':' || keyEnd == 0) {
      return false;
    }
    int valueStart = colon + 1;
    if (valueStart < n && text.charAt(valueStart) == ' ') {
      valueStart++;
    }
    int valueEnd = n;
    while (valueEnd > valueStart && Character.isWhitespace(text.charAt(valueEnd - 1))) {
      valueEnd--;
    }
    String key;
    if (size < lastKeys.length
        && lastKeys[size].length() == keyEnd
        && text.startsWith(lastKeys[size])) {
      key = lastKeys[size];
    } else {
      key = text.substring(0, keyEnd);
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size++] = text.substring(valueStart, valueEnd);
    return true;
  }

  private static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  private @Nullable String readLine() throws IOException {
    if (reader != null) {
      String s = reader.readLine();
      if (s != null) {
        lineNumber++;
      }
      return s;
    }
    lineLen = 0;
    for (; ; ) {
      if (pos == limit) {
        if (eof || !fill()) {
          eof = true;
          if (lineLen == 0) {
            return null;
          }
          return decode(line, 0, trimCr(line, 0, lineLen));
        }
      }
      int i = pos;
      while (i < limit && buf[i] != '\n' && buf[i] != '\r') {
        i++;
      }
      if (i < limit) {
        byte terminator = buf[i];
        String s;
        if (lineLen == 0) {
          s = decode(buf, pos, i - pos);
        } else {
          append(buf, pos, i - pos);
          s = decode(line, 0, lineLen);
        }
        pos = i + 1;
        if (terminator == '\r') {
          // CRLF: swallow the LF, also when it is in the next chunk.
          if (pos == limit && !eof && !fill()) {
            eof = true;
          }
          if (pos < limit && buf[pos] == '\n') {
            pos++;
          }
        }
        return s;
      }
      append(buf, pos, limit - pos);
      pos = limit;
    }
  }

  private boolean fill() throws IOException {
    int n = Objects.requireNonNull(in).read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  private void append(byte[] src, int from, int len) throws IOException {
    if (lineLen + len > MAX_LINE) {
      throw new RacParseException(
          "Line " + (lineNumber + 1) + " is longer than " + MAX_LINE + " bytes", "", null);
    }
    if (lineLen + len > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + len));
    }
    System.arraycopy(src, from, line, lineLen, len);
    lineLen += len;
  }

  private static int trimCr(byte[] b, int from, int len) {
    return len > 0 && b[from + len - 1] == '\r' ? len - 1 : len;
  }

  private String decode(byte[] b, int from, int len) {
    lineNumber++;
    if (strictUtf8 != null) {
      boolean ascii = true;
      for (int i = from; i < from + len; i++) {
        if (b[i] < 0) {
          ascii = false;
          break;
        }
      }
      if (ascii) {
        return new String(b, from, len, StandardCharsets.ISO_8859_1);
      }
      try {
        return strictUtf8.decode(ByteBuffer.wrap(b, from, len)).toString();
      } catch (CharacterCodingException e) {
        strictUtf8 = null;
        charset = CP866;
      }
    }
    return new String(b, from, len, charset);
  }

  private static boolean asciiCompatible(Charset charset) {
    try {
      return Arrays.equals(
          "\n\r :az09".getBytes(charset), "\n\r :az09".getBytes(StandardCharsets.US_ASCII));
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }
}
