package dev.corekit.corectl;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code corectl}: the command-line tool of the SDK, over the reactive Core client and
 * rac-reactive.
 *
 * <p>Connection: {@code --url}, {@code --user}, {@code --password} or the environment variables
 * {@code CORE_URL}, {@code CORE_USER}, {@code CORE_PASSWORD} ({@code --token}/{@code CORE_TOKEN}
 * for an access token). Several URLs (repeated {@code --url} or comma-separated) are the nodes of
 * one Core cluster, served by one client that moves calls away from a failing node; the {@code
 * fleet} commands take them as independent Cores instead. Output is a human table by default and
 * JSON with {@code --json}. Exit codes: 0 success, 1 runtime error (one line on stderr naming the
 * cause), 2 bad arguments or usage.
 *
 * <pre>{@code
 * java -jar samples/target/corectl.jar demo
 * CORE_URL=http://127.0.0.1:8080 CORE_USER=admin CORE_PASSWORD=secret \
 *     java -jar samples/target/corectl.jar process list --json
 * }</pre>
 */
@Command(
    name = "corectl",
    mixinStandardHelpOptions = true,
    versionProvider = Corectl.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Manage datarhei Core servers and 1C clusters (through rac) from the command line.",
      "Without a server, try: corectl demo"
    },
    footer = {
      "",
      "Environment: CORE_URL, CORE_USER, CORE_PASSWORD, CORE_TOKEN (instead of the options).",
      "Exit codes: 0 success, 1 runtime error (connection, HTTP error, rac failure), 2 bad arguments."
    },
    subcommands = {
      AboutCommand.class,
      ProcessCommand.class,
      ApplyCommand.class,
      FsCommand.class,
      MetricsCommand.class,
      LogCommand.class,
      SkillsCommand.class,
      ConfigCommand.class,
      EventsCommand.class,
      RacCommand.class,
      FleetCommand.class,
      ClusterCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Corectl implements Runnable {

  /** The inherited options that only Core commands use (removed from {@code rac}). */
  private static final List<String> CORE_ONLY_OPTIONS =
      List.of("--url", "--user", "--password", "--token", "--retries", "--insecure");

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      order = 1,
      split = ",",
      description =
          "Core's base URL, e.g. http://127.0.0.1:8080 (default: $CORE_URL). Several (repeat --url"
              + " or separate them by commas) are the nodes of one Core cluster: a call moves to"
              + " the next node when one fails. 'fleet' commands take them as independent Cores.")
  List<String> urls = new ArrayList<>();

  @Option(
      names = "--user",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      order = 2,
      description = "User name (default: $CORE_USER).")
  @Nullable String user;

  @Option(
      names = "--password",
      scope = ScopeType.INHERIT,
      paramLabel = "SECRET",
      order = 3,
      description =
          "Password (default: $CORE_PASSWORD; prompted on a terminal when a user is given without one).")
  @Nullable String password;

  @Option(
      names = "--token",
      scope = ScopeType.INHERIT,
      paramLabel = "JWT",
      order = 4,
      description = "An access token to use instead of logging in (default: $CORE_TOKEN).")
  @Nullable String token;

  @Option(
      names = "--timeout",
      scope = ScopeType.INHERIT,
      paramLabel = "DURATION",
      order = 5,
      converter = Durations.class,
      description =
          "Deadline of each call: 10s, 500ms, 2m (default: 10s). For fs get/put: the longest time"
              + " without data moving (a transfer as a whole has no deadline).")
  @Nullable Duration timeout;

  @Option(
      names = "--retries",
      scope = ScopeType.INHERIT,
      paramLabel = "N",
      order = 6,
      description = "Retries of a failed idempotent call (default: 3).")
  @Nullable Integer retries;

  @Option(
      names = "--insecure",
      scope = ScopeType.INHERIT,
      order = 7,
      description =
          "Do not verify the server's TLS certificate (https only). Any server can then pose as yours.")
  boolean insecure;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      order = 8,
      description = "Print JSON instead of tables.")
  boolean json;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      order = 9,
      description = "Log what happens (DEBUG) and print stack traces of errors.")
  boolean debug;

  @Option(
      names = "--show-secrets",
      scope = ScopeType.INHERIT,
      order = 10,
      description =
          "Print passwords as they are: in URLs (http://user:PASSWORD@host, ?token=) and in the"
              + " config. Without it they are printed as ***.")
  boolean showSecrets;

  PrintStream out;
  PrintStream err;
  Map<String, String> env;

  Corectl(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  /**
   * Runs corectl and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String... args) {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = execute(out, err, System.getenv(), args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs corectl without exiting the JVM.
   *
   * @param out standard output
   * @param err standard error
   * @param env the environment variables to read
   * @param args the command line
   * @return the exit code: 0 success, 1 runtime error, 2 bad arguments or usage
   */
  static int execute(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
    Corectl root = new Corectl(out, err, env);
    CommandLine cli = new CommandLine(root);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // Help texts are paragraphs that picocli wraps to the terminal's width (80 without one).
    cli.setUsageHelpAutoWidth(true);
    // rac's own options (--cluster=..., --host=...) go to rac as they are: everything after MODE is
    // rac's.
    CommandLine rac = cli.getSubcommands().get("rac");
    rac.setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
    // The Core connection options mean nothing to rac: not accepted there, not in its help.
    for (String coreOnly : CORE_ONLY_OPTIONS) {
      rac.getCommandSpec().remove(rac.getCommandSpec().findOption(coreOnly));
    }
    cli.setExecutionStrategy(
        parseResult -> {
          Logging.configure(root.debug);
          return new CommandLine.RunLast().execute(parseResult);
        });
    cli.setParameterExceptionHandler(
        (e, badArgs) -> {
          CommandLine failed = e.getCommandLine();
          err.println("corectl: " + describe(e));
          String suggestion = suggestion(e);
          if (suggestion != null) {
            err.println("Did you mean '" + suggestion + "'?");
          }
          err.println(
              "Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
          return CommandLine.ExitCode.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, failed, parseResult) -> Failures.report(e, err, root.debug));
    return cli.execute(args);
  }

  /** A parse error in the user's words: an unknown command is named as one. */
  private static String describe(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u
        && !u.isUnknownOption()
        && !u.getUnmatched().isEmpty()
        && !e.getCommandLine().getSubcommands().isEmpty()) {
      return "unknown command '"
          + u.getUnmatched().get(0)
          + "' of '"
          + e.getCommandLine().getCommandSpec().qualifiedName()
          + "'";
    }
    return e.getMessage();
  }

  /** For a mistyped command or option: the command line's closest one, or null. */
  private static @Nullable String suggestion(CommandLine.ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
      return null;
    }
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    String word = u.getUnmatched().get(0);
    if (u.isUnknownOption()) {
      String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      String option = Suggestions.closest(name, spec.optionsMap().keySet());
      return option == null ? null : spec.qualifiedName() + " " + option;
    }
    String command = Suggestions.closest(word, spec.subcommands().keySet());
    return command == null ? null : spec.qualifiedName() + " " + command;
  }

  /** Without a command: fails as a usage error. */
  @Override
  public void run() {
    throw new UsageException(
        "a command is required, such as 'corectl demo' or 'corectl process list'"
            + " (see 'corectl --help')");
  }

  /** Reads the version from the resource filtered at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties props = new Properties();
      try (InputStream in = Corectl.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          props.load(in);
        }
      }
      return new String[] {
        "corectl " + props.getProperty("version", "unknown"),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
