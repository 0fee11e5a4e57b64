package dev.corekit.core;

/**
 * The thread waiting on a blocking call was interrupted. The call was cancelled and the thread's
 * interrupt flag is still set.
 */
public class CoreInterruptedException extends CoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param call what was waited for
   * @param cause the interruption
   */
  public CoreInterruptedException(String call, InterruptedException cause) {
    super("interrupted while waiting for " + call, cause);
  }
}
