package dev.corekit.rac;

import java.util.List;

/**
 * {@code rac} failed because an administrator or infobase user was not authenticated or lacks
 * rights ({@code Администратор кластера не аутентифицирован}, {@code Недостаточно прав
 * пользователя}).
 */
public class RacAuthenticationException extends RacCommandException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the description, without passwords
   * @param command the masked command line
   * @param exitCode the exit code of {@code rac}
   * @param stderr the stderr text, passwords masked
   */
  public RacAuthenticationException(
      String message, List<String> command, int exitCode, String stderr) {
    super(message, command, exitCode, stderr);
  }
}
