package dev.corekit.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteBufferFeeder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a JSON array incrementally with Jackson's non-blocking parser: bytes go in chunk by chunk,
 * complete elements come out as soon as their last byte arrived. Memory holds one element at a time
 * (bounded by a size limit), whatever the length of the array. A top-level {@code null} is an empty
 * array. Not thread-safe: one instance per response.
 *
 * @param <T> the element type
 */
public final class JsonArrayDecoder<T> {
  private final ObjectReader reader;
  private final int maxElementBytes;
  private final String what;
  private final JsonParser parser;
  private final ByteBufferFeeder feeder;

  private boolean started;
  private boolean ended;
  private @Nullable TokenBuffer element;
  private int depth;
  private long elementStart;

  /**
   * Creates a decoder for one response body.
   *
   * @param mapper the mapper binding elements
   * @param reader the reader of the element type
   * @param maxElementBytes the largest element accepted
   * @param what the request, for error messages
   */
  public JsonArrayDecoder(ObjectMapper mapper, ObjectReader reader, int maxElementBytes, String what) {
    this.reader = reader;
    this.maxElementBytes = maxElementBytes;
    this.what = what;
    try {
      this.parser = mapper.getFactory().createNonBlockingByteBufferParser();
    } catch (IOException e) {
      throw new IllegalStateException("Jackson cannot create a non-blocking parser", e);
    }
    this.feeder = (ByteBufferFeeder) parser.getNonBlockingInputFeeder();
  }

  /**
   * Feeds the next chunk; the buffer is fully consumed before this returns.
   *
   * @param chunk the bytes
   * @return the elements completed by this chunk, in order
   * @throws JsonDecodingException when the bytes are not a JSON array or an element is too large
   */
  public List<T> feed(ByteBuffer chunk) {
    if (!chunk.hasRemaining()) {
      return Collections.emptyList();
    }
    try {
      feeder.feedInput(chunk);
      return drain();
    } catch (IOException e) {
      throw new JsonDecodingException(what + ": malformed JSON array: " + message(e), e);
    }
  }

  private static String message(IOException e) {
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException
        ? ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage()
        : BodyReaders.firstLine(e.getMessage());
  }

  /**
   * Signals the end of the body.
   *
   * @return the elements completed at the end (normally none)
   * @throws JsonDecodingException when the body ended before the array did
   */
  public List<T> end() {
    feeder.endOfInput();
    try {
      List<T> last = drain();
      if (!ended) {
        throw new JsonDecodingException(
            what + ": the body ended before the JSON array was complete (truncated answer)", null);
      }
      return last;
    } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
      throw new JsonDecodingException(
          what + ": the body ended before the JSON array was complete (truncated answer)", e);
    } catch (IOException e) {
      throw new JsonDecodingException(what + ": malformed JSON array: " + message(e), e);
    } finally {
      close();
    }
  }

  /** Releases the parser. */
  public void close() {
    try {
      parser.close();
    } catch (IOException ignored) {
      // nothing to release
    }
  }

  private List<T> drain() throws IOException {
    List<T> out = null;
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
      if (ended) {
        throw new JsonDecodingException(what + ": unexpected data after the JSON array", null);
      }
      if (!started) {
        if (token == JsonToken.START_ARRAY) {
          started = true;
        } else if (token == JsonToken.VALUE_NULL) {
          started = true;
          ended = true;
        } else {
          throw new JsonDecodingException(
              what + ": expected a JSON array but the answer starts with " + token, null);
        }
        continue;
      }
      TokenBuffer current = element;
      if (current == null) {
        if (token == JsonToken.END_ARRAY) {
          ended = true;
          continue;
        }
        current = new TokenBuffer(parser, null);
        element = current;
        elementStart = parser.currentTokenLocation().getByteOffset();
        depth = 0;
      }
      current.copyCurrentEvent(parser);
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
      if (depth == 0) {
        element = null;
        if (out == null) {
          out = new ArrayList<>(4);
        }
        out.add(bind(current));
      } else if (parser.currentLocation().getByteOffset() - elementStart > maxElementBytes) {
        throw new JsonDecodingException(
            what + ": an array element is larger than the limit of " + maxElementBytes + " bytes", null);
      }
    }
    return out == null ? Collections.emptyList() : out;
  }

  private T bind(TokenBuffer buffer) throws IOException {
    try (JsonParser elementParser = buffer.asParser(parser.getCodec())) {
      return reader.readValue(elementParser);
    } catch (RuntimeException e) {
      // A value the model refuses (a required field missing, a bad enum in a strict type): the answer
      // came from the network, so it is a decoding failure like any other.
      throw new JsonDecodingException(what + ": an array element cannot be read: " + BodyReaders.firstLine(e.getMessage()), e);
    }
  }
}
