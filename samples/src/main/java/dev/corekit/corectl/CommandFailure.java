package dev.corekit.corectl;

/**
 * A runtime failure that corectl has already put in the user's words: printed as it is, exit code
 * 1. Its message must not contain a password or token.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommandFailure(String message) {
    super(message);
  }

  CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
