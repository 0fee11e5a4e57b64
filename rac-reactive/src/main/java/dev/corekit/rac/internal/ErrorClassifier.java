package dev.corekit.rac.internal;

import dev.corekit.rac.RacAuthenticationException;
import dev.corekit.rac.RacCommandException;
import dev.corekit.rac.RacConnectionException;
import dev.corekit.rac.RacNotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Chooses the {@link RacCommandException} subtype from what {@code rac} wrote to stderr. */
final class ErrorClassifier {

  private static final Pattern CONNECTION =
      Pattern.compile(
          "ошибка соединения с сервером администрирования|connection refused|host not found"
              + "|подключение не установлено|не удается установить соединение|error connecting"
              + "|connection (?:error|failed|timed out)|administration server connection"
              + "|no route to host|network is unreachable|server_addr=tcp://");
  private static final Pattern AUTHENTICATION =
      Pattern.compile(
          "не аутентифицирован|not authenticated|недостаточно прав|insufficient (?:user )?rights"
              + "|аутентификация по паролю доступна только|authentication failed"
              + "|password authentication is (?:only )?available");
  private static final Pattern NOT_FOUND =
      Pattern.compile("не найден|not found|does not exist|не существует");
  private static final Pattern HEADER =
      Pattern.compile("^(ошибка операции администрирования|administration operation error)$");

  private ErrorClassifier() {}

  static RacCommandException classify(List<String> command, int exitCode, String stderr) {
    String lower = stderr.toLowerCase(Locale.ROOT);
    String message =
        "rac exited with code "
            + exitCode
            + ": "
            + reason(stderr)
            + " ["
            + String.join(" ", command)
            + "]";
    if (CONNECTION.matcher(lower).find()) {
      return new RacConnectionException(message, command, exitCode, stderr);
    }
    if (AUTHENTICATION.matcher(lower).find()) {
      return new RacAuthenticationException(message, command, exitCode, stderr);
    }
    if (NOT_FOUND.matcher(lower).find()) {
      return new RacNotFoundException(message, command, exitCode, stderr);
    }
    return new RacCommandException(message, command, exitCode, stderr);
  }

  /**
   * The meaningful stderr lines joined with "; " (header lines skipped), at most 500 characters.
   */
  static String reason(String stderr) {
    StringBuilder sb = new StringBuilder();
    for (String line : stderr.split("\\R")) {
      String l = line.strip();
      if (l.isEmpty() || HEADER.matcher(l.toLowerCase(Locale.ROOT)).matches()) {
        continue;
      }
      sb.append(sb.length() == 0 ? "" : "; ").append(l);
    }
    if (sb.length() == 0) {
      sb.append(stderr.isBlank() ? "(no message on stderr)" : stderr.strip());
    }
    return sb.length() > 500 ? sb.substring(0, 497) + "..." : sb.toString();
  }
}
