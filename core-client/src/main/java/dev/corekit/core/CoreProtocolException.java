package dev.corekit.core;

import org.jspecify.annotations.Nullable;

/**
 * Core's answer could not be understood: malformed or truncated JSON, an unexpected content type,
 * an element over the size limit, or a body that ended early.
 */
public class CoreProtocolException extends CoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the answer, naming the request
   * @param cause the decoding failure, if any
   */
  public CoreProtocolException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
