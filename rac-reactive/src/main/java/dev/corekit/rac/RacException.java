package dev.corekit.rac;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The root of every failure of the rac client; unchecked.
 *
 * <p>Subtypes: {@link RacCommandException} (rac exited with an error; with {@link
 * RacConnectionException}, {@link RacAuthenticationException} and {@link RacNotFoundException}),
 * {@link RacTimeoutException} and {@link RacParseException}. Messages and {@link #command()} never
 * show passwords: they are masked as {@code ***}.
 */
public class RacException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The masked command line. */
  @SuppressWarnings("serial") // always a List.copyOf, which is serializable
  private final List<String> command;

  /**
   * Creates an exception.
   *
   * @param message the description, without passwords
   * @param command the command line with passwords masked, or an empty list
   * @param cause the underlying failure, if any
   */
  public RacException(String message, List<String> command, @Nullable Throwable cause) {
    super(message, cause);
    this.command = List.copyOf(command);
  }

  /**
   * Returns the command line that failed, executable first, with passwords masked as {@code ***}.
   *
   * @return the masked argv, or an empty list when the failure is not tied to one command
   */
  public List<String> command() {
    return command;
  }
}
