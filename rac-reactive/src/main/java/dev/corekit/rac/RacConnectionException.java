package dev.corekit.rac;

import java.util.List;

/**
 * {@code rac} failed because the {@code ras} server could not be reached ({@code Ошибка соединения
 * с сервером администрирования}, connection refused, host not found).
 */
public class RacConnectionException extends RacCommandException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the description, without passwords
   * @param command the masked command line
   * @param exitCode the exit code of {@code rac}
   * @param stderr the stderr text, passwords masked
   */
  public RacConnectionException(String message, List<String> command, int exitCode, String stderr) {
    super(message, command, exitCode, stderr);
  }
}
