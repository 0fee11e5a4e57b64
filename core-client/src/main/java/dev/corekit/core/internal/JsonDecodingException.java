package dev.corekit.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * A response body could not be decoded; the transport turns it into a {@code
 * CoreProtocolException}.
 */
public final class JsonDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the request; passwords of URLs in it are hidden
   * @param cause the parser's failure, if any
   */
  public JsonDecodingException(String message, @Nullable Throwable cause) {
    super(dev.corekit.core.Redaction.redactUrls(message), cause);
  }
}
