package dev.corekit.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Decodes a JSON array incrementally: bytes go in chunk by chunk, complete elements come out as soon
 * as their last byte arrived. A small scanner finds where each element starts and ends (tracking
 * nesting and strings, nothing else), copies the element's bytes and lets Jackson bind them; the
 * syntax inside an element is Jackson's to check. Memory holds one element at a time (bounded by a
 * size limit), whatever the length of the array. A top-level {@code null} is an empty array. Not
 * thread-safe: one instance per response.
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
    DONE
  }

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private final ObjectReader reader;
  private final int maxElementBytes;
  private final String what;

  private State state = State.START;
  private int nullMatched;
  private byte[] element = new byte[256];
  private int elementLength;
  private byte kind;
  private int depth;
  private boolean inString;
  private boolean escaped;

  /**
   * Creates a decoder for one response body.
   *
   * @param mapper the mapper (kept for compatibility; binding uses {@code reader})
   * @param reader the reader of the element type
   * @param maxElementBytes the largest element accepted
   * @param what the request, for error messages
   */
  public JsonArrayDecoder(ObjectMapper mapper, ObjectReader reader, int maxElementBytes, String what) {
    this.reader = reader;
    this.maxElementBytes = maxElementBytes;
    this.what = what;
  }

  /**
   * Feeds the next chunk; the buffer is fully consumed before this returns.
   *
   * @param chunk the bytes
   * @return the elements completed by this chunk, in order
   * @throws JsonDecodingException when the bytes are not a JSON array or an element is too large
   */
  public List<T> feed(ByteBuffer chunk) {
    List<T> out = null;
    int position = chunk.position();
    int limit = chunk.limit();
    int i = position;
    while (i < limit) {
      byte b = chunk.get(i);
      switch (state) {
        case START:
          if (isSpace(b)) {
            i++;
          } else if (b == '[') {
            state = State.VALUE_OR_END;
            i++;
          } else if (b == 'n') {
            state = State.NULL;
          } else {
            throw malformed("expected a JSON array but the answer starts with '" + (char) b + "'");
          }
          break;
        case NULL:
          if (b != NULL[nullMatched]) {
            throw malformed("expected a JSON array but the answer starts with 'n'");
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
            throw malformed("unexpected '" + (char) b + "' where an array element should start");
          } else {
            startElement(b);
            state = State.ELEMENT;
          }
          break;
        case ELEMENT:
          int end = scanElement(chunk, i, limit);
          if (end < 0) {
            append(chunk, i, limit);
            i = limit;
          } else {
            append(chunk, i, end);
            i = end;
            if (out == null) {
              out = new ArrayList<>(4);
            }
            out.add(bind());
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
            throw malformed("expected ',' or ']' after an array element, found '" + (char) b + "'");
          }
          break;
        case DONE:
        default:
          if (!isSpace(b)) {
            throw new JsonDecodingException(what + ": unexpected data after the JSON array", null);
          }
          i++;
          break;
      }
    }
    chunk.position(limit);
    return out == null ? Collections.emptyList() : out;
  }

  /**
   * Signals the end of the body.
   *
   * @return the elements completed at the end: a number at the very end of a truncated body is not one
   * @throws JsonDecodingException when the body ended before the array did
   */
  public List<T> end() {
    if (state != State.DONE) {
      throw new JsonDecodingException(
          what + ": the body ended before the JSON array was complete (truncated answer)", null);
    }
    return Collections.emptyList();
  }

  /** Releases what the decoder holds. */
  public void close() {
    element = new byte[0];
  }

  private void startElement(byte first) {
    kind = first;
    depth = 0;
    inString = false;
    escaped = false;
    elementLength = 0;
  }

  /**
   * Scans an element from {@code from}; returns the index just past its end, or -1 when the element
   * goes on in the next chunk.
   */
  private int scanElement(ByteBuffer chunk, int from, int limit) {
    for (int i = from; i < limit; i++) {
      byte b = chunk.get(i);
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

  private void append(ByteBuffer chunk, int from, int to) {
    int length = to - from;
    if (elementLength + length > maxElementBytes) {
      throw new JsonDecodingException(
          what + ": an array element is larger than the limit of " + maxElementBytes + " bytes", null);
    }
    if (elementLength + length > element.length) {
      element = Arrays.copyOf(element, Math.max(elementLength + length, element.length * 2));
    }
    chunk.get(from, element, elementLength, length);
    elementLength += length;
  }

  private T bind() {
    try {
      return reader.readValue(element, 0, elementLength);
    } catch (IOException | RuntimeException e) {
      throw new JsonDecodingException(
          what + ": malformed JSON array: an element cannot be read: " + BodyReaders.firstLine(e.getMessage()), e);
    } finally {
      elementLength = 0;
      if (element.length > 64 * 1024) {
        element = new byte[256];
      }
    }
  }

  private JsonDecodingException malformed(String detail) {
    return new JsonDecodingException(what + ": malformed JSON array: " + detail, null);
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
