package dev.corekit.corectl;

import dev.corekit.core.CoreApiException;
import dev.corekit.core.CoreAuthenticationException;
import dev.corekit.core.CoreCapabilityException;
import dev.corekit.core.CoreConnectException;
import dev.corekit.core.CoreException;
import dev.corekit.core.CoreNotFoundException;
import dev.corekit.core.CoreProtocolException;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.rac.RacAuthenticationException;
import dev.corekit.rac.RacCommandException;
import dev.corekit.rac.RacConnectionException;
import dev.corekit.rac.RacException;
import dev.corekit.rac.RacTimeoutException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import reactor.core.Exceptions;

/**
 * Turns an exception into corectl's exit code and one line on stderr naming the cause: 2 for bad
 * arguments ({@link UsageException}), 1 for everything else. Stack traces only with {@code
 * --debug}.
 */
final class Failures {
  private Failures() {}

  static int report(Throwable thrown, PrintStream err, boolean debug) {
    Throwable e = unwrap(thrown);
    err.println("corectl: " + describe(e).replaceAll("\\s*\\R\\s*", " ").strip());
    if (debug) {
      e.printStackTrace(err);
    }
    return e instanceof UsageException || e instanceof CommandLine.ParameterException
        ? CommandLine.ExitCode.USAGE
        : CommandLine.ExitCode.SOFTWARE;
  }

  static Throwable unwrap(Throwable thrown) {
    Throwable e = Exceptions.unwrap(thrown);
    while ((e instanceof UncheckedIOException || e instanceof CommandLine.ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** One line naming the cause; never contains a password or token (the SDK's messages do not). */
  static String describe(Throwable e) {
    if (e instanceof UsageException || e instanceof CommandFailure) {
      return e.getMessage();
    }
    if (e instanceof CoreConnectException) {
      return "cannot connect to Core: " + e.getMessage();
    }
    if (e instanceof CoreTimeoutException) {
      return "Core did not answer in time: " + e.getMessage();
    }
    if (e instanceof CoreAuthenticationException) {
      return "authentication failed: " + e.getMessage();
    }
    if (e instanceof CoreNotFoundException) {
      return "not found: " + e.getMessage();
    }
    if (e instanceof CoreCapabilityException) {
      return "not supported by this server: " + e.getMessage();
    }
    if (e instanceof CoreApiException) {
      return "Core answered an error: " + e.getMessage();
    }
    if (e instanceof CoreProtocolException) {
      // names the call and what is wrong with the answer (or that the server is not Core)
      return e.getMessage();
    }
    if (e instanceof CoreException) {
      return "Core call failed: " + e.getMessage();
    }
    if (e instanceof RacConnectionException) {
      return "rac cannot reach ras: " + racReason((RacCommandException) e);
    }
    if (e instanceof RacAuthenticationException) {
      return "rac authentication failed: " + racReason((RacCommandException) e);
    }
    if (e instanceof RacCommandException) {
      return "rac failed: " + racReason((RacCommandException) e);
    }
    if (e instanceof RacTimeoutException) {
      return "rac timed out: " + e.getMessage();
    }
    if (e instanceof RacException) {
      return "rac failed: " + e.getMessage();
    }
    if (e instanceof IOException) {
      return "I/O error: " + e;
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** rac's own reason text (stderr, header line dropped), exit code and masked command. */
  private static String racReason(RacCommandException e) {
    return firstLine(e.getMessage());
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
