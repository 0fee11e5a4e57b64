package dev.corekit.core.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a JSON array answer, whatever its framing (Content-Length or chunked): the one path of
 * every list result. A small scanner finds where each element starts and ends (tracking nesting and
 * strings, nothing else), copies the element's bytes and lets Jackson bind them, so elements come
 * out as soon as their last byte arrived; the syntax inside an element is Jackson's to check.
 * Memory holds one element at a time (bounded by a size limit), whatever the length of the array. A
 * top-level {@code null} is an empty array. Not thread-safe: one instance per response.
 *
 * <p>One rule decides how an answer is bound, given a reader of the whole list: the decoder first
 * only collects bytes; an answer that ends within {@link #WHOLE_LIMIT} bytes (and within the
 * element limit) is bound in one pass by that reader (most answers are small, and one pass is
 * faster than binding element by element); the moment an answer passes the limit, or its
 * Content-Length announces that it will, the decoder scans and streams element by element. The
 * framing only sizes the buffer. A whole answer that Jackson refuses is scanned too, so a malformed
 * answer gets the same {@link JsonDecodingException} either way: it names the call, what was
 * expected, the byte position, and at most a short excerpt of the body.
 *
 * <p>Given a binder of an older release's answer (the spec's {@code x-legacy-answer}), an answer
 * that is one JSON object instead of an array is collected (within the element limit) and bound by
 * it.
 *
 * @param <T> the element type
 */
public final class JsonArrayDecoder<T> {
  private enum State {
    START,
    NULL,
    VALUE_OR_END,
    VALUE,
    ELEMENT,
    AFTER_VALUE,
    LEGACY,
    DONE
  }

  /**
   * Binds an older release's answer, one JSON object, into the elements.
   *
   * @param <T> the element type
   */
  @FunctionalInterface
  interface LegacyBinder<T> {
    /** Binds the object in {@code data[offset, offset + length)}; null stands for no elements. */
    @Nullable List<T> bind(byte[] data, int offset, int length) throws IOException;
  }

  /** The most characters of Jackson's account of a refused element a message shows. */
  private static final int DETAIL = 120;

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  /**
   * Answers that end within this many bytes are bound at once when a list reader is given; longer
   * ones stream element by element.
   */
  public static final int WHOLE_LIMIT = 1024 * 1024;

  private final ObjectReader reader;
  private final @Nullable ObjectReader listReader;
  private final int wholeLimit;
  private byte @Nullable [] pending;
  private int pendingLength;
  private final java.util.concurrent.atomic.@Nullable AtomicInteger sizeHint;
  private final int maxElementBytes;
  private final String what;
  private final @Nullable LegacyBinder<T> legacy;
  private final String expected;

  /** Bytes scanned before the current chunk: positions in messages count from the body's start. */
  private long scanned;

  private long elementAt;
  private int elements;

  private State state = State.START;
  private int nullMatched;
  private byte[] element = new byte[256];
  private byte[] scratch = new byte[0];
  private int elementLength;
  private byte kind;
  private int depth;
  private boolean inString;
  private boolean escaped;

  /**
   * Creates a decoder for one response body that always scans (no one-pass path).
   *
   * @param reader the reader of the element type
   * @param maxElementBytes the largest element accepted
   * @param what the request, for error messages
   */
  public JsonArrayDecoder(ObjectReader reader, int maxElementBytes, String what) {
    this(reader, null, null, maxElementBytes, what);
  }

  /**
   * Creates a decoder for one response body that binds answers shorter than {@link #WHOLE_LIMIT}
   * (and than {@code maxElementBytes}) at once with {@code listReader}.
   *
   * @param reader the reader of the element type
   * @param listReader the reader of a list of the element type, failing on trailing tokens ({@link
   *     DeserializationFeature#FAIL_ON_TRAILING_TOKENS}), or null to always scan
   * @param sizeHint the size of the last such answer, shared by the decoders of one operation so
   *     that the bytes are collected into a buffer of the right size at once; null for none
   * @param maxElementBytes the largest element accepted
   * @param what the request, for error messages
   */
  public JsonArrayDecoder(
      ObjectReader reader,
      @Nullable ObjectReader listReader,
      java.util.concurrent.atomic.@Nullable AtomicInteger sizeHint,
      int maxElementBytes,
      String what) {
    this(reader, listReader, null, sizeHint, -1, maxElementBytes, what);
  }

  /**
   * Creates a decoder for one response body.
   *
   * @param reader the reader of the element type
   * @param listReader the reader of a list of the element type, failing on trailing tokens, or null
   *     to always scan
   * @param legacy binds an older release's answer (one object), or null when only arrays are valid
   * @param sizeHint the size of the last answer collected whole, or null
   * @param contentLength the announced length of the body, or -1 when it is not known (chunked)
   * @param maxElementBytes the largest element (and legacy answer) accepted
   * @param what the request, for error messages
   */
  JsonArrayDecoder(
      ObjectReader reader,
      @Nullable ObjectReader listReader,
      @Nullable LegacyBinder<T> legacy,
      java.util.concurrent.atomic.@Nullable AtomicInteger sizeHint,
      long contentLength,
      int maxElementBytes,
      String what) {
    this.sizeHint = sizeHint;
    this.reader = reader;
    this.listReader = listReader;
    this.legacy = legacy;
    this.wholeLimit = Math.min(WHOLE_LIMIT, maxElementBytes);
    if (listReader == null || contentLength > wholeLimit) {
      this.pending = null;
    } else {
      this.pending = new byte[contentLength > 0 ? (int) contentLength : 0];
    }
    this.maxElementBytes = maxElementBytes;
    this.what = what;
    this.expected =
        "expected a JSON array of " + reader.getValueType().getRawClass().getSimpleName();
  }

  /**
   * Feeds the next chunk; the buffer is fully consumed before this returns.
   *
   * @param chunk the bytes
   * @return the elements completed by this chunk, in order
   * @throws JsonDecodingException when the bytes are not a JSON array or an element is too large
   */
  public List<T> feed(ByteBuffer chunk) {
    byte[] collected = pending;
    if (collected == null) {
      return scan(chunk);
    }
    int length = chunk.remaining();
    if (pendingLength + length <= wholeLimit) {
      if (pendingLength + length > collected.length) {
        int hint = sizeHint == null ? 0 : sizeHint.get();
        int capacity =
            Math.max(pendingLength + length, Math.max(2 * collected.length, hint + hint / 8));
        collected = Arrays.copyOf(collected, Math.min(wholeLimit, capacity));
        pending = collected;
      }
      chunk.get(chunk.position(), collected, pendingLength, length);
      chunk.position(chunk.limit());
      pendingLength += length;
      return Collections.emptyList();
    }
    // Too long to bind at once: scan what was collected, then go on chunk by chunk.
    pending = null;
    List<T> first = scan(ByteBuffer.wrap(collected, 0, pendingLength));
    List<T> rest = scan(chunk);
    if (first.isEmpty()) {
      return rest;
    }
    if (rest.isEmpty()) {
      return first;
    }
    List<T> both = new ArrayList<>(first.size() + rest.size());
    both.addAll(first);
    both.addAll(rest);
    return both;
  }

  private List<T> scan(ByteBuffer chunk) {
    List<T> out = null;
    // The scanner walks a heap array: Netty's buffers are direct, and a loop over a byte[] is
    // several times faster than one over ByteBuffer.get(i).
    byte[] data;
    int i;
    int limit;
    if (chunk.hasArray()) {
      data = chunk.array();
      i = chunk.arrayOffset() + chunk.position();
      limit = chunk.arrayOffset() + chunk.limit();
    } else {
      int length = chunk.remaining();
      if (scratch.length < length) {
        scratch = new byte[Math.max(length, 8192)];
      }
      chunk.get(chunk.position(), scratch, 0, length);
      data = scratch;
      i = 0;
      limit = length;
    }
    // The position of data[0] in the body.
    long base = scanned - i;
    while (i < limit) {
      byte b = data[i];
      switch (state) {
        case START:
          if (isSpace(b)) {
            i++;
          } else if (b == '[') {
            state = State.VALUE_OR_END;
            i++;
          } else if (b == 'n') {
            state = State.NULL;
          } else if (b == '{' && legacy != null) {
            state = State.LEGACY;
            elementAt = base + i;
            elementLength = 0;
          } else {
            throw malformed(base + i, expected + ", found " + excerpt(data, i, limit));
          }
          break;
        case NULL:
          if (b != NULL[nullMatched]) {
            throw malformed(base + i, expected + ", found " + excerpt(data, i, limit));
          }
          nullMatched++;
          i++;
          if (nullMatched == NULL.length) {
            state = State.DONE;
          }
          break;
        case VALUE_OR_END:
        case VALUE:
          if (isSpace(b)) {
            i++;
          } else if (b == ']' && state == State.VALUE_OR_END) {
            state = State.DONE;
            i++;
          } else if (b == ']' || b == ',') {
            throw malformed(
                base + i,
                "expected element " + (elements + 1) + ", found " + excerpt(data, i, limit));
          } else {
            startElement(b, base + i);
            state = State.ELEMENT;
          }
          break;
        case ELEMENT:
          int end = scanElement(data, i, limit);
          if (end < 0) {
            append(data, i, limit);
            i = limit;
          } else {
            T value;
            if (elementLength == 0) {
              // The whole element is in this chunk: bound where it lies, without a copy.
              checkSize(end - i);
              value = bind(data, i, end - i);
            } else {
              append(data, i, end);
              value = bind(element, 0, elementLength);
            }
            i = end;
            if (out == null) {
              out = new ArrayList<>(4);
            }
            out.add(value);
            state = State.AFTER_VALUE;
          }
          break;
        case AFTER_VALUE:
          if (isSpace(b)) {
            i++;
          } else if (b == ',') {
            state = State.VALUE;
            i++;
          } else if (b == ']') {
            state = State.DONE;
            i++;
          } else {
            throw malformed(
                base + i,
                "expected ',' or ']' after element "
                    + elements
                    + ", found "
                    + excerpt(data, i, limit));
          }
          break;
        case LEGACY:
          append(data, i, limit);
          i = limit;
          break;
        case DONE:
        default:
          if (!isSpace(b)) {
            throw malformed(
                base + i,
                "expected the end of the body after the JSON array, found "
                    + excerpt(data, i, limit));
          }
          i++;
          break;
      }
    }
    scanned = base + limit;
    chunk.position(chunk.limit());
    if (scratch.length > 1024 * 1024) {
      scratch = new byte[0];
    }
    return out == null ? Collections.emptyList() : out;
  }

  /**
   * Signals the end of the body.
   *
   * @return the elements completed at the end: a number at the very end of a truncated body is not
   *     one
   * @throws JsonDecodingException when the body ended before the array did
   */
  public List<T> end() {
    byte[] collected = pending;
    ObjectReader whole = listReader;
    if (collected != null && whole != null) {
      pending = null;
      if (sizeHint != null) {
        sizeHint.set(pendingLength);
      }
      List<T> values = null;
      int first = firstToken(collected, pendingLength);
      if (first == '[') {
        try {
          values = whole.readValue(collected, 0, pendingLength);
        } catch (IOException | RuntimeException refused) {
          // Scanned again below, for the same error as a long answer gets.
        }
      }
      if (values != null) {
        return values;
      }
      if (first == 'n' && isNullLiteral(collected, pendingLength)) {
        return Collections.emptyList();
      }
      return rescan(collected);
    }
    switch (state) {
      case DONE:
        return Collections.emptyList();
      case LEGACY:
        state = State.DONE;
        return bindLegacy();
      case START:
      case NULL:
        throw malformed(scanned, expected + ", found the end of the body (truncated answer)");
      default:
        throw malformed(
            scanned,
            "expected the rest of the JSON array, found the end of the body after "
                + elements
                + " elements (truncated answer)");
    }
  }

  private List<T> rescan(byte[] collected) {
    List<T> values = scan(ByteBuffer.wrap(collected, 0, pendingLength));
    List<T> last = end();
    if (!last.isEmpty()) {
      values = new ArrayList<>(values);
      values.addAll(last);
    }
    return values;
  }

  private List<T> bindLegacy() {
    LegacyBinder<T> binder = java.util.Objects.requireNonNull(legacy);
    try {
      List<T> values = binder.bind(element, 0, elementLength);
      return values == null ? Collections.emptyList() : values;
    } catch (IOException | RuntimeException e) {
      throw malformed(
          elementAt + offsetOf(e),
          expected
              + " or an object of an older release, found an object that cannot be read: "
              + detail(e),
          e);
    } finally {
      elementLength = 0;
    }
  }

  /** The first byte that is not JSON white space, or -1. */
  private static int firstToken(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (!isSpace(bytes[i])) {
        return bytes[i];
      }
    }
    return -1;
  }

  private static boolean isNullLiteral(byte[] bytes, int length) {
    int from = 0;
    int to = length;
    while (from < to && isSpace(bytes[from])) {
      from++;
    }
    while (to > from && isSpace(bytes[to - 1])) {
      to--;
    }
    return to - from == 4
        && bytes[from] == 'n'
        && bytes[from + 1] == 'u'
        && bytes[from + 2] == 'l'
        && bytes[from + 3] == 'l';
  }

  /** Releases what the decoder holds. */
  public void close() {
    element = new byte[0];
    pending = null;
  }

  private void startElement(byte first, long at) {
    kind = first;
    depth = 0;
    inString = false;
    escaped = false;
    elementLength = 0;
    elementAt = at;
  }

  /**
   * Scans an element from {@code from}; returns the index just past its end, or -1 when the element
   * goes on in the next chunk.
   */
  private int scanElement(byte[] data, int from, int limit) {
    for (int i = from; i < limit; i++) {
      byte b = data[i];
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
          if (kind == '"' && depth == 0) {
            return i + 1;
          }
        }
        continue;
      }
      switch (b) {
        case '"':
          inString = true;
          break;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (depth == 0) {
            // The end of the array right after a number, true, false or null.
            return i;
          }
          depth--;
          if (depth == 0 && (kind == '{' || kind == '[')) {
            return i + 1;
          }
          break;
        case ',':
          if (depth == 0) {
            return i;
          }
          break;
        default:
          if (depth == 0 && isSpace(b) && kind != '"') {
            return i;
          }
          break;
      }
    }
    return -1;
  }

  private void append(byte[] data, int from, int to) {
    int length = to - from;
    checkSize(elementLength + length);
    if (elementLength + length > element.length) {
      element = Arrays.copyOf(element, Math.max(elementLength + length, element.length * 2));
    }
    System.arraycopy(data, from, element, elementLength, length);
    elementLength += length;
  }

  private void checkSize(int length) {
    if (length > maxElementBytes) {
      throw new JsonDecodingException(
          what
              + ": "
              + (state == State.LEGACY ? "the answer" : "element " + (elements + 1))
              + " at byte "
              + elementAt
              + " is larger than the limit of "
              + maxElementBytes
              + " bytes",
          null);
    }
  }

  private T bind(byte[] data, int offset, int length) {
    try {
      T value = reader.readValue(data, offset, length);
      elements++;
      return value;
    } catch (IOException | RuntimeException e) {
      throw malformed(
          elementAt + offsetOf(e),
          "expected element "
              + (elements + 1)
              + " to be a "
              + reader.getValueType().getRawClass().getSimpleName()
              + ", but it cannot be read: "
              + detail(e),
          e);
    } finally {
      elementLength = 0;
      if (element.length > 64 * 1024) {
        element = new byte[256];
      }
    }
  }

  /** Where in the bound bytes Jackson failed, or 0 when it does not say. */
  private static long offsetOf(Throwable e) {
    if (e instanceof com.fasterxml.jackson.core.JacksonException jackson
        && jackson.getLocation() != null) {
      long at = jackson.getLocation().getByteOffset();
      return Math.max(0, at);
    }
    return 0;
  }

  /** Jackson's account of a failure: its first line, without the location, kept short. */
  private static String detail(Throwable e) {
    String line =
        e instanceof com.fasterxml.jackson.core.JacksonException jackson
            ? jackson.getOriginalMessage()
            : e.getMessage();
    line = BodyReaders.firstLine(line);
    return line.length() <= DETAIL ? line : line.substring(0, DETAIL) + "...";
  }

  private JsonDecodingException malformed(long at, String detail) {
    return malformed(at, detail, null);
  }

  /** The one message of a malformed answer: the call, the position, what was expected. */
  private JsonDecodingException malformed(long at, String detail, @Nullable Throwable cause) {
    return new JsonDecodingException(
        what + ": malformed answer at byte " + at + ": " + detail, cause);
  }

  /**
   * The byte at {@code at}, quoted, a control or non-ASCII byte escaped: the only body content a
   * message shows, the same however the body was split into chunks.
   */
  private static String excerpt(byte[] data, int at, int limit) {
    int b = data[at] & 0xff;
    return b >= 0x20 && b < 0x7f
        ? "'" + (char) b + "'"
        : String.format(java.util.Locale.ROOT, "byte 0x%02x", b);
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
