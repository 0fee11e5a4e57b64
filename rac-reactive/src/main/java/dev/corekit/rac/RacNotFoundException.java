package dev.corekit.rac;

import java.util.List;

/**
 * {@code rac} failed because the cluster, infobase, session or other object named by the command
 * does not exist ({@code ... не найден(а)}).
 */
public class RacNotFoundException extends RacCommandException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the description, without passwords
   * @param command the masked command line
   * @param exitCode the exit code of {@code rac}
   * @param stderr the stderr text, passwords masked
   */
  public RacNotFoundException(String message, List<String> command, int exitCode, String stderr) {
    super(message, command, exitCode, stderr);
  }
}
