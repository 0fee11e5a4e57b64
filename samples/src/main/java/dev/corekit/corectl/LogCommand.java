package dev.corekit.corectl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreClient;
import dev.corekit.core.api.LogApi;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code corectl log}: the server's own log lines. */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = "Print Core's own log (the last lines). With --json: the raw entries.")
final class LogCommand extends CoreCommand {

  @Option(
      names = {"-n", "--lines"},
      paramLabel = "N",
      defaultValue = "50",
      description = "How many of the last lines to print (default: ${DEFAULT-VALUE}).")
  int lines;

  @Override
  int run() {
    if (lines < 0) {
      throw new UsageException("--lines must be 0 or more: " + lines);
    }
    Printer p = printer();
    String format = p.json() ? "raw" : "console";
    try (CoreClient core = connect()) {
      List<JsonNode> all =
          core.log().list(LogApi.ListQuery.builder().format(format).build()).collectList().block();
      List<JsonNode> tail = all.subList(Math.max(0, all.size() - lines), all.size());
      if (p.json()) {
        p.printJson(tail);
      } else {
        tail.forEach(l -> p.line(l.isTextual() ? l.asText() : Json.compact(l)));
      }
      return 0;
    }
  }
}
