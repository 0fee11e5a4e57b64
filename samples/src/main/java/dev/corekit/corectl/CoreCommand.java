package dev.corekit.corectl;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreFleet;
import dev.corekit.core.RetryPolicy;
import java.io.Console;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands: reaches the root command's global options, the output, and opens the Core
 * client from {@code --url/--user/--password/--token} or the {@code CORE_*} environment variables.
 */
abstract class CoreCommand implements Callable<Integer> {
  /** The client's default deadline of a call, when {@code --timeout} is not given. */
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** How much longer than a call's deadline the fleet waits for a node. */
  private static final Duration FLEET_MARGIN = Duration.ofSeconds(2);

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

  /**
   * The server URLs, in the order given: from every {@code --url} (repeatable, each may hold
   * several separated by commas) or else from {@code CORE_URL} (comma-separated); blanks dropped.
   * The one place that parses the URL list.
   *
   * @return the URLs; empty when none is given
   */
  List<String> urls() {
    Corectl root = root();
    List<String> given = new ArrayList<>();
    for (String url : root.urls) {
      addUrls(url, given);
    }
    if (given.isEmpty()) {
      addUrls(root.env.get("CORE_URL"), given);
    }
    return List.copyOf(given);
  }

  private static void addUrls(@Nullable String text, List<String> into) {
    if (text == null) {
      return;
    }
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        into.add(part.strip());
      }
    }
  }

  /**
   * The server URL of a command that needs exactly one Core (such as {@code demo}), or null when
   * none is given.
   *
   * @throws UsageException when several URLs are given
   */
  @Nullable String url() {
    List<String> urls = urls();
    if (urls.size() > 1) {
      throw new UsageException(
          "'"
              + spec.qualifiedName()
              + "' talks to one Core, but "
              + urls.size()
              + " URLs were given (--url or CORE_URL): give one --url");
    }
    return urls.isEmpty() ? null : urls.get(0);
  }

  /**
   * Opens a client to the server given by the options or the environment; several URLs are the
   * nodes of one Core cluster, served by one client that moves calls away from a failing node.
   *
   * @return a client; the caller closes it
   * @throws UsageException when no URL is given, one is invalid or given twice, or the options do
   *     not fit together
   */
  CoreClient connect() {
    List<String> urls = checkedUrls();
    if (urls.size() == 1) {
      return connect(urls.get(0));
    }
    CoreClient.Builder builder;
    try {
      builder = CoreClient.builder().baseUrls(urls);
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad --url: " + e.getMessage(), e);
    }
    clientSettings().accept(builder);
    return builder.build();
  }

  CoreClient connect(String url) {
    CoreClient.Builder builder = clientBuilder(url);
    clientSettings().accept(builder);
    return builder.build();
  }

  /**
   * Every URL given (at least one), each checked as for one client and none given twice.
   *
   * @throws UsageException when no URL is given, one is invalid or given twice
   */
  private List<String> checkedUrls() {
    List<String> urls = urls();
    if (urls.isEmpty()) {
      throw new UsageException(
          "no Core server given: pass --url URL or set CORE_URL (or try 'corectl demo')");
    }
    Map<String, String> byNode = new HashMap<>();
    for (String url : urls) {
      clientBuilder(url);
      URI uri = URI.create(url.strip());
      int port =
          uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      String node = uri.getHost() + ":" + port;
      String earlier = byNode.put(node, url);
      if (earlier != null) {
        throw new UsageException(
            "the same Core is given twice: " + earlier + " and " + url + "; give each one once");
      }
    }
    return urls;
  }

  /**
   * Opens a fleet over every URL given (at least one), with the same credentials and settings for
   * each; the fleet owns its clients, the caller closes it.
   *
   * @throws UsageException when no URL is given, one is invalid or given twice
   */
  CoreFleet connectFleet() {
    if (urls().isEmpty()) {
      throw new UsageException(
          "no Core servers given: pass --url URL for each (or --url URL1,URL2), or set CORE_URL");
    }
    List<String> urls = checkedUrls();
    Corectl root = root();
    Duration call = root.timeout != null ? root.timeout : DEFAULT_TIMEOUT;
    // The client's own deadline ends a slow call first (its message names the call); the fleet's
    // deadline is the backstop for each node.
    return CoreFleet.builder()
        .urls(urls, clientSettings())
        .nodeTimeout(call.plus(FLEET_MARGIN))
        .build();
  }

  /** A client builder for one URL, checked as corectl's users give it. */
  private static CoreClient.Builder clientBuilder(String url) {
    if (hasUserInfo(url)) {
      // Never echo the URL: the part before '@' may be a password.
      throw new UsageException(
          "the server URL (--url or CORE_URL) must not contain a user name or password: pass"
              + " --user NAME and --password (or CORE_USER and CORE_PASSWORD) instead");
    }
    try {
      return CoreClient.builder().baseUrl(url);
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad --url: " + e.getMessage(), e);
    }
  }

  /**
   * The client settings of the options and the environment, resolved once (a password is prompted
   * for at most once), to apply to each client's builder.
   */
  private Consumer<CoreClient.Builder> clientSettings() {
    Corectl root = root();
    String token = firstNonBlank(root.token, root.env.get("CORE_TOKEN"));
    String user = firstNonBlank(root.user, root.env.get("CORE_USER"));
    String password = firstNonBlank(root.password, root.env.get("CORE_PASSWORD"));
    if (user != null && password == null) {
      password = prompt(user);
    } else if (user == null && password != null && token == null) {
      throw new UsageException(
          "a password was given without a user: pass --user NAME or set CORE_USER");
    }
    Integer retries = root.retries;
    if (retries != null && retries < 0) {
      throw new UsageException("--retries must be 0 or more: " + retries);
    }
    String login = password;
    Duration timeout = root.timeout;
    boolean insecure = root.insecure;
    return builder -> {
      if (token != null) {
        builder.tokens(token, null);
      }
      if (user != null && login != null) {
        builder.credentials(user, login);
      }
      if (timeout != null) {
        builder.timeout(timeout);
      }
      if (retries != null) {
        builder.retry(RetryPolicy.builder().maxRetries(retries).build());
      }
      if (insecure) {
        builder.trustAllCertificates();
      }
    };
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
