package dev.corekit.core;

import java.time.Duration;

/**
 * A call did not finish within its deadline, which bounds all its attempts together. The request
 * was cancelled (its connection closed) when the deadline passed.
 */
public class CoreTimeoutException extends CoreException {
  private static final long serialVersionUID = 1L;

  /** The deadline that passed. */
  private final Duration timeout;

  /**
   * Creates the exception.
   *
   * @param call the method and path of the call
   * @param timeout the deadline that passed
   */
  public CoreTimeoutException(String call, Duration timeout) {
    super(call + " did not finish within " + timeout.toMillis() + " ms");
    this.timeout = timeout;
  }

  /**
   * The deadline that passed.
   *
   * @return the timeout of the call
   */
  public Duration timeout() {
    return timeout;
  }
}
