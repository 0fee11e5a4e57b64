package dev.corekit.rac;

import java.util.List;

/**
 * {@code rac} exited with a non-zero code; carries the exit code, the stderr text and the command.
 *
 * <p>The more specific subtypes are chosen from the stderr text (Russian and English messages):
 * {@link RacConnectionException}, {@link RacAuthenticationException}, {@link RacNotFoundException}.
 */
public class RacCommandException extends RacException {
  private static final long serialVersionUID = 1L;

  /** The exit code of rac. */
  private final int exitCode;

  /** The stderr text, passwords masked. */
  private final String stderr;

  /**
   * Creates the exception.
   *
   * @param message the description, without passwords
   * @param command the masked command line
   * @param exitCode the exit code of {@code rac} (255 for its errors on Linux)
   * @param stderr the stderr text (its last 64 KiB), passwords masked
   */
  public RacCommandException(String message, List<String> command, int exitCode, String stderr) {
    super(message, command, null);
    this.exitCode = exitCode;
    this.stderr = stderr;
  }

  /**
   * Returns the exit code of the {@code rac} process.
   *
   * @return the exit code (255 for rac's own errors on Linux, 128 + signal when killed)
   */
  public int exitCode() {
    return exitCode;
  }

  /**
   * Returns what {@code rac} wrote to stderr (at most its last 64 KiB), with passwords masked.
   *
   * @return the stderr text, possibly empty
   */
  public String stderr() {
    return stderr;
  }
}
