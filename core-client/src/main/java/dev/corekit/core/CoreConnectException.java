package dev.corekit.core;

import org.jspecify.annotations.Nullable;

/**
 * The client could not reach Core, or the connection broke before an answer arrived: connection
 * refused, unknown host, TLS failure, reset.
 */
public class CoreConnectException extends CoreException {
  private static final long serialVersionUID = 1L;

  /** Whether the request may have reached the server. */
  private final boolean requestSent;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the server address
   * @param requestSent whether the request may have reached the server (false for a refused
   *     connection)
   * @param cause the network error
   */
  public CoreConnectException(String message, boolean requestSent, @Nullable Throwable cause) {
    super(message, cause);
    this.requestSent = requestSent;
  }

  /**
   * Whether the request may have reached the server before the connection failed. A POST is only
   * retried automatically when it certainly did not.
   *
   * @return false when no byte of the request was sent
   */
  public boolean requestSent() {
    return requestSent;
  }
}
