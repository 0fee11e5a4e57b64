package dev.corekit.core;

import java.time.Duration;

/**
 * A call did not finish within its deadline, which bounds all its attempts together, or a streamed
 * transfer moved no byte for its idle timeout ({@link #idle()}). The request was cancelled (its
 * connection closed) when the time passed.
 */
public class CoreTimeoutException extends CoreException {
  private static final long serialVersionUID = 1L;

  /** The deadline or idle timeout that passed. */
  private final Duration timeout;

  /** Whether it was the idle timeout of a streamed transfer, not the call's deadline. */
  private final boolean idle;

  /**
   * Creates the exception for a deadline that passed.
   *
   * @param call the method and path of the call
   * @param timeout the deadline that passed
   */
  public CoreTimeoutException(String call, Duration timeout) {
    this(call, timeout, false);
  }

  /**
   * Creates the exception.
   *
   * @param call the method and path of the call
   * @param timeout the deadline or idle timeout that passed
   * @param idle true when no byte moved for {@code timeout}, false when the deadline passed
   */
  public CoreTimeoutException(String call, Duration timeout, boolean idle) {
    super(
        idle
            ? call + " moved no data for " + timeout.toMillis() + " ms (idle timeout)"
            : call + " did not finish within " + timeout.toMillis() + " ms");
    this.timeout = timeout;
    this.idle = idle;
  }

  /**
   * The deadline or idle timeout that passed.
   *
   * @return the timeout of the call
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Whether a streamed transfer moved no byte for {@link #timeout()}, rather than the call's
   * deadline passed.
   *
   * @return true for an idle timeout
   */
  public boolean idle() {
    return idle;
  }
}
