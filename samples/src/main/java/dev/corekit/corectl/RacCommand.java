package dev.corekit.corectl;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.corekit.rac.RacClient;
import dev.corekit.rac.RacOutputParser;
import dev.corekit.rac.RacRecord;
import dev.corekit.rac.RacSession;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reactor.core.publisher.Flux;

/**
 * {@code corectl rac MODE COMMAND... [--option=value ...]}: runs {@code rac} through rac-reactive
 * with {@code rac}'s own modes, commands and option spellings, and prints the records it returns.
 */
@Command(
    name = "rac",
    mixinStandardHelpOptions = true,
    description = {
      "Run a rac command (1C cluster administration) and print its records.",
      "Examples:",
      "  corectl rac --host srv1c cluster list",
      "  corectl rac --host srv1c session --cluster=UUID list --infobase=UUID",
      "MODE, COMMAND and rac's options are passed to rac as they are (--name=value, one argument"
          + " each); corectl's own options go before MODE (--json and --debug are recognised"
          + " anywhere).",
      "Output: a table for narrow records, 'key : value' blocks otherwise; --json prints an array"
          + " of records, each an object of field name to value text (rac's quotes removed), fields"
          + " in output order."
    })
final class RacCommand extends CoreCommand {

  /** The modes of rac (8.3 and 8.5). */
  static final Set<String> MODES =
      Set.of(
          "agent",
          "cluster",
          "manager",
          "server",
          "process",
          "service",
          "infobase",
          "connection",
          "session",
          "lock",
          "rule",
          "profile",
          "counter",
          "limit",
          "service-setting",
          "binary-data-storage");

  /** Records with at most this many fields print as a table. */
  private static final int TABLE_FIELDS = 6;

  @Option(
      names = "--rac",
      paramLabel = "PATH",
      description = "The rac executable (default: $RAC_PATH, else 'rac' on the PATH).")
  @Nullable Path rac;

  @Option(
      names = "--host",
      paramLabel = "H",
      defaultValue = "localhost",
      description = "Host of the ras server (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "1545",
      description = "Port of the ras server (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--charset",
      paramLabel = "CS",
      defaultValue = "UTF-8",
      description =
          "Encoding of rac's output: UTF-8 (Linux), cp866 (Russian Windows) or auto (default: ${DEFAULT-VALUE}).")
  String charset;

  @Parameters(
      arity = "1..*",
      paramLabel = "MODE COMMAND... [--option=value ...]",
      description = "What rac runs, e.g. cluster list.")
  List<String> words = new ArrayList<>();

  @Override
  int run() throws IOException {
    List<String> argv = new ArrayList<>();
    for (String w : words) {
      if (w.equals("--json")) {
        root().json = true;
      } else if (w.equals("--debug")) {
        root().debug = true;
        Logging.configure(true);
      } else {
        argv.add(w);
      }
    }
    check(argv);
    try (RacClient client = client()) {
      RacSession session = client.session(host, port);
      Flux<RacRecord> records =
          isAgentVersion(argv)
              ? session.agent().version().map(v -> RacRecord.of(Map.of("version", v))).flux()
              : session.records(argv);
      print(records.toIterable());
      return 0;
    }
  }

  private RacClient client() {
    Path executable = rac;
    if (executable == null) {
      String fromEnv = firstNonBlank(root().env.get("RAC_PATH"));
      executable = Path.of(fromEnv != null ? fromEnv : "rac");
    }
    RacClient.Builder builder = RacClient.builder().executable(executable).maxConcurrency(1);
    Duration timeout = root().timeout;
    if (timeout != null) {
      builder.timeout(timeout);
    }
    if (charset.equalsIgnoreCase("auto")) {
      builder.autoCharset();
    } else {
      builder.charset(charset(charset));
    }
    RacClient built = builder.build();
    try {
      built.session(host, port); // checks host and port before anything runs
      return built;
    } catch (IllegalArgumentException e) {
      built.close();
      throw new UsageException(e.getMessage(), e);
    }
  }

  private static Charset charset(String name) {
    if (name.equalsIgnoreCase("cp866") || name.equalsIgnoreCase("ibm866")) {
      return RacOutputParser.CP866;
    }
    try {
      return name.equalsIgnoreCase("utf-8") || name.equalsIgnoreCase("utf8")
          ? StandardCharsets.UTF_8
          : Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new UsageException("unknown --charset " + name + " (use UTF-8, cp866 or auto)");
    }
  }

  private static void check(List<String> argv) {
    String mode = argv.isEmpty() ? "" : argv.get(0);
    if (!MODES.contains(mode)) {
      throw new UsageException(
          (mode.isEmpty() ? "a rac mode is required" : "unknown rac mode '" + mode + "'")
              + " (modes: "
              + String.join(", ", new java.util.TreeSet<>(MODES))
              + ")");
    }
    if (argv.stream().skip(1).noneMatch(w -> !w.startsWith("-"))) {
      throw new UsageException(
          "a rac command is required after the mode, e.g. 'corectl rac " + mode + " list'");
    }
  }

  private static boolean isAgentVersion(List<String> argv) {
    return argv.size() == 2 && argv.get(0).equals("agent") && argv.get(1).equals("version");
  }

  private void print(Iterable<RacRecord> records) throws IOException {
    Printer p = printer();
    if (p.json()) {
      // Streams the array: each record is written as soon as rac has printed it.
      JsonGenerator json = Json.JSON.getFactory().createGenerator(p.stream());
      json.useDefaultPrettyPrinter();
      json.writeStartArray();
      for (RacRecord r : records) {
        json.writeStartObject();
        for (Map.Entry<String, String> e : fields(r).entrySet()) {
          json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.flush();
      p.line("");
      return;
    }
    Iterator<RacRecord> it = records.iterator();
    if (!it.hasNext()) {
      return;
    }
    RacRecord first = it.next();
    if (first.size() <= TABLE_FIELDS) {
      List<String> headers = first.keys();
      List<List<String>> rows = new ArrayList<>();
      rows.add(new ArrayList<>(fields(first).values()));
      it.forEachRemaining(r -> rows.add(row(headers, r)));
      p.table(headers, rows);
      return;
    }
    block(p, first);
    it.forEachRemaining(
        r -> {
          p.line("");
          block(p, r);
        });
  }

  private static List<String> row(List<String> headers, RacRecord r) {
    List<String> row = new ArrayList<>();
    for (String h : headers) {
      row.add(r.has(h) ? r.text(h) : "");
    }
    return row;
  }

  private static void block(Printer p, RacRecord r) {
    Map<String, String> fields = fields(r);
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
    fields.forEach(
        (k, v) -> p.line((k + " ".repeat(width - k.length()) + " : " + v).stripTrailing()));
  }

  /** The fields in output order, values unquoted. */
  static Map<String, String> fields(RacRecord r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : r.keys()) {
      out.putIfAbsent(key, r.text(key));
    }
    return out;
  }
}
