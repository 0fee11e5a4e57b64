package dev.corekit.corectl;

import dev.corekit.core.CoreClient;
import dev.corekit.core.RetryPolicy;
import java.io.Console;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands: reaches the root command's global options, the output, and opens the Core
 * client from {@code --url/--user/--password/--token} or the {@code CORE_*} environment variables.
 */
abstract class CoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  Corectl root() {
    return (Corectl) spec.root().userObject();
  }

  Printer printer() {
    return new Printer(root().out, root().json, root().showSecrets);
  }

  boolean json() {
    return root().json;
  }

  @Override
  public final Integer call() throws Exception {
    return run();
  }

  /**
   * Runs the command.
   *
   * @return the exit code
   * @throws Exception any failure; mapped to exit code 1 or 2 by {@link Failures}
   */
  abstract int run() throws Exception;

  /** Unknown fields of config files: refused, or with {@code lenient} a warning on stderr. */
  ConfigFiles.UnknownFields unknownFields(boolean lenient) {
    return lenient
        ? ConfigFiles.UnknownFields.warnOn(root().err)
        : ConfigFiles.UnknownFields.REFUSE;
  }

  /** The error of a command group run without one of its commands; lists them. */
  UsageException missingCommand() {
    String names =
        String.join(
            ", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList());
    return new UsageException(
        "'"
            + spec.qualifiedName()
            + "' needs a command: "
            + names
            + " (see '"
            + spec.qualifiedName()
            + " --help')");
  }

  /** The server URL from {@code --url} or {@code CORE_URL}, or null when neither is set. */
  @Nullable String url() {
    Corectl root = root();
    return firstNonBlank(root.url, root.env.get("CORE_URL"));
  }

  /**
   * Opens a client to the server given by the options or the environment.
   *
   * @return a client; the caller closes it
   * @throws UsageException when no URL is given or the options do not fit together
   */
  CoreClient connect() {
    String url = url();
    if (url == null) {
      throw new UsageException(
          "no Core server given: pass --url URL or set CORE_URL (or try 'corectl demo')");
    }
    return connect(url);
  }

  CoreClient connect(String url) {
    Corectl root = root();
    if (hasUserInfo(url)) {
      // Never echo the URL: the part before '@' may be a password.
      throw new UsageException(
          "the server URL (--url or CORE_URL) must not contain a user name or password: pass"
              + " --user NAME and --password (or CORE_USER and CORE_PASSWORD) instead");
    }
    CoreClient.Builder builder;
    try {
      builder = CoreClient.builder().baseUrl(url);
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad --url: " + e.getMessage(), e);
    }
    String token = firstNonBlank(root.token, root.env.get("CORE_TOKEN"));
    String user = firstNonBlank(root.user, root.env.get("CORE_USER"));
    String password = firstNonBlank(root.password, root.env.get("CORE_PASSWORD"));
    if (token != null) {
      builder.tokens(token, null);
    }
    if (user != null) {
      if (password == null) {
        password = prompt(user);
      }
      builder.credentials(user, password);
    } else if (password != null && token == null) {
      throw new UsageException(
          "a password was given without a user: pass --user NAME or set CORE_USER");
    }
    Duration timeout = root.timeout;
    if (timeout != null) {
      builder.timeout(timeout);
    }
    Integer retries = root.retries;
    if (retries != null) {
      if (retries < 0) {
        throw new UsageException("--retries must be 0 or more: " + retries);
      }
      builder.retry(RetryPolicy.builder().maxRetries(retries).build());
    }
    if (root.insecure) {
      builder.trustAllCertificates();
    }
    return builder.build();
  }

  /** Whether a URL's authority (between {@code //} and the path) holds {@code user[:password]@}. */
  static boolean hasUserInfo(String url) {
    int start = url.indexOf("//");
    if (start < 0) {
      return false;
    }
    String rest = url.substring(start + 2);
    int end = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return rest.substring(0, end).contains("@");
  }

  private static String prompt(String user) {
    Console console = System.console();
    if (console == null) {
      throw new UsageException(
          "no password for user " + user + ": pass --password or set CORE_PASSWORD");
    }
    char[] typed = console.readPassword("Password for %s: ", user);
    if (typed == null) {
      throw new UsageException("no password for user " + user);
    }
    return new String(typed);
  }

  static @Nullable String firstNonBlank(@Nullable String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
