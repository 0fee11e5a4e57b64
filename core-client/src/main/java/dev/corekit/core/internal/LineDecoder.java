package dev.corekit.core.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits a byte stream into UTF-8 lines (LF or CRLF), holding at most one partial line, bounded by
 * a size limit. Used for newline-delimited JSON and server-sent events.
 */
public final class LineDecoder {
  private final int maxLineBytes;
  private final String what;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

  /**
   * Creates a decoder.
   *
   * @param maxLineBytes the longest line accepted
   * @param what the request, for error messages
   */
  public LineDecoder(int maxLineBytes, String what) {
    this.maxLineBytes = maxLineBytes;
    this.what = what;
  }

  /**
   * Feeds a chunk.
   *
   * @param chunk the bytes, consumed entirely
   * @return the lines completed by this chunk, without their line ends
   * @throws JsonDecodingException when a line is longer than the limit
   */
  public List<String> feed(ByteBuffer chunk) {
    List<String> lines = null;
    while (chunk.hasRemaining()) {
      byte b = chunk.get();
      if (b == '\n') {
        if (lines == null) {
          lines = new ArrayList<>(2);
        }
        lines.add(take());
      } else {
        if (partial.size() >= maxLineBytes) {
          throw new JsonDecodingException(
              what
                  + ": a line of the stream is longer than the limit of "
                  + maxLineBytes
                  + " bytes",
              null);
        }
        partial.write(b);
      }
    }
    return lines == null ? Collections.emptyList() : lines;
  }

  /**
   * Returns the last line if the stream did not end with a line end.
   *
   * @return the remaining line, or an empty list
   */
  public List<String> end() {
    return partial.size() == 0 ? Collections.emptyList() : List.of(take());
  }

  private String take() {
    byte[] bytes = partial.toByteArray();
    partial.reset();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
