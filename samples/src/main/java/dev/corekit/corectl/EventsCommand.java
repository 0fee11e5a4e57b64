package dev.corekit.corectl;

import dev.corekit.core.CoreClient;
import dev.corekit.core.model.LogEvent;
import dev.corekit.core.model.LogEventFilter;
import dev.corekit.core.model.LogEventFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code corectl events}: Core's log events as they happen (Core 16.20 and later). */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Print Core's log events as they happen, until Ctrl-C (exit code 0) or --max events (Core 16.20+).",
      "With --json: one JSON object per line."
    })
final class EventsCommand extends CoreCommand {

  @Option(
      names = "--filter",
      paramLabel = "FILTER",
      description =
          "Only matching events; repeatable (any filter matches). FILTER is a component name"
              + " (process, http, ...) or event=NAME[,level=RE][,message=RE][,caller=RE].")
  List<String> filters = new ArrayList<>();

  @Option(names = "--max", paramLabel = "N", description = "Stop after N events (1 or more).")
  @Nullable Long max;

  @Override
  int run() {
    if (max != null && max < 1) {
      throw new UsageException("--max must be 1 or more: " + max);
    }
    LogEventFilters query = LogEventFilters.builder().filters(parse(filters)).build();
    Mono<Void> ctrlC = Interrupts.ctrlC();
    Printer p = printer();
    try (CoreClient core = connect()) {
      Flux<LogEvent> events = core.events().log(query).takeUntilOther(ctrlC);
      if (max != null) {
        events = events.take(max);
      }
      events.doOnNext(e -> print(p, e)).takeUntil(e -> p.stream().checkError()).blockLast();
      return 0;
    }
  }

  private static void print(Printer p, LogEvent e) {
    if (p.json()) {
      p.printJsonLine(e);
      return;
    }
    StringBuilder line = new StringBuilder();
    line.append(e.ts().map(Format::unixTime).orElse("-"))
        .append("  ")
        .append(e.level().orElse("-").toUpperCase(Locale.ROOT))
        .append("  ")
        .append(e.event())
        .append("  ")
        .append(e.message().orElse(""));
    e.data().forEach((k, v) -> line.append("  ").append(k).append('=').append(v));
    p.line(line.toString());
  }

  static List<LogEventFilter> parse(List<String> filters) {
    List<LogEventFilter> out = new ArrayList<>();
    for (String f : filters) {
      var b = LogEventFilter.builder();
      boolean hasEvent = false;
      for (String part : f.split(",")) {
        int eq = part.indexOf('=');
        if (eq < 0) {
          b.event(part.strip());
          hasEvent = true;
          continue;
        }
        String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = part.substring(eq + 1).strip();
        switch (key) {
          case "event":
          case "component":
            b.event(value);
            hasEvent = true;
            break;
          case "level":
            b.level(regex(f, key, value));
            break;
          case "message":
            b.message(regex(f, key, value));
            break;
          case "caller":
            b.caller(regex(f, key, value));
            break;
          default:
            throw new UsageException(
                "bad --filter '"
                    + f
                    + "': unknown field "
                    + key
                    + " (use event, level, message, caller)");
        }
      }
      if (!hasEvent) {
        throw new UsageException(
            "bad --filter '" + f + "': name the component, e.g. event=process");
      }
      out.add(b.build());
    }
    return out;
  }

  /** A filter's regular expression, checked here so that a typo is a usage error (exit 2). */
  private static String regex(String filter, String key, String value) {
    try {
      Pattern.compile(value);
      return value;
    } catch (PatternSyntaxException e) {
      throw new UsageException(
          "bad --filter '"
              + filter
              + "': "
              + key
              + "="
              + value
              + " is not a valid regular expression ("
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + ")",
          e);
    }
  }
}
