package dev.corekit.core;

import org.jspecify.annotations.Nullable;

/**
 * Root of every error the Core client raises. Unchecked, so reactive chains and blocking calls
 * alike can propagate it.
 *
 * <p>Messages never contain passwords or tokens.
 */
public class CoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   * @param cause the underlying failure, if any
   */
  public CoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   */
  public CoreException(String message) {
    super(message);
  }
}
