package dev.corekit.rac;

import java.time.Duration;
import java.util.List;

/** A {@code rac} command ran longer than its timeout; the process and its children were killed. */
public class RacTimeoutException extends RacException {
  private static final long serialVersionUID = 1L;

  /** The timeout that passed. */
  private final Duration timeout;

  /**
   * Creates the exception.
   *
   * @param message the description, without passwords
   * @param command the masked command line
   * @param timeout the timeout that passed
   */
  public RacTimeoutException(String message, List<String> command, Duration timeout) {
    super(message, command, null);
    this.timeout = timeout;
  }

  /**
   * Returns the timeout that passed.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }
}
