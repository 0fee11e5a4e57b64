package dev.corekit.corectl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.corekit.core.CoreCapabilityException;
import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreNotFoundException;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.api.ProcessApi;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.Probe;
import dev.corekit.core.model.ProbeIo;
import dev.corekit.core.model.ProcessCommandName;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.core.model.ProcessEvent;
import dev.corekit.core.model.ProcessEventFilter;
import dev.corekit.core.model.ProcessEventFilters;
import dev.corekit.core.model.ProcessExecState;
import dev.corekit.core.model.ProcessOrder;
import dev.corekit.core.model.ProcessReport;
import dev.corekit.core.model.ProcessState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** {@code corectl process ...}: the ffmpeg processes of a Core server. */
@Command(
    name = "process",
    mixinStandardHelpOptions = true,
    description =
        "Manage processes: list, get, create, update, delete, start, stop, state, logs, ...",
    subcommands = {
      ProcessCommand.ListCmd.class,
      ProcessCommand.GetCmd.class,
      ProcessCommand.CreateCmd.class,
      ProcessCommand.UpdateCmd.class,
      ProcessCommand.DeleteCmd.class,
      ProcessCommand.StartCmd.class,
      ProcessCommand.StopCmd.class,
      ProcessCommand.RestartCmd.class,
      ProcessCommand.ReloadCmd.class,
      ProcessCommand.StateCmd.class,
      ProcessCommand.ReportCmd.class,
      ProcessCommand.ProbeCmd.class,
      ProcessCommand.LogsCmd.class,
      ProcessCommand.MetadataCmd.class
    })
final class ProcessCommand extends CoreCommand {

  @Override
  int run() {
    throw missingCommand();
  }

  /** {@code process list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List processes (ID, reference, order, state, uptime).")
  static final class ListCmd extends CoreCommand {
    @Option(
        names = "--filter",
        paramLabel = "PARTS",
        description =
            "Which parts Core returns: any of config,state,report,metadata (comma separated).")
    @Nullable String filter;

    @Option(
        names = "--idpattern",
        paramLabel = "GLOB",
        description = "Only ids matching this glob, e.g. 'cam*'.")
    @Nullable String idpattern;

    @Option(
        names = "--refpattern",
        paramLabel = "GLOB",
        description = "Only references matching this glob.")
    @Nullable String refpattern;

    @Override
    int run() {
      Printer p = printer();
      // A table needs config and state only; the report (the logs) can be large.
      String parts = filter != null ? filter : p.json() ? null : "config,state";
      ProcessApi.ListQuery query =
          ProcessApi.ListQuery.builder()
              .filter(parts)
              .idpattern(idpattern)
              .refpattern(refpattern)
              .build();
      try (CoreClient core = connect()) {
        // Core lists in no particular order: by id, so that runs compare.
        List<CoreProcess> sorted =
            core.processes()
                .list(query)
                .sort(Comparator.comparing(CoreProcess::id))
                .collectList()
                .block();
        if (p.json()) {
          p.printJson(sorted);
          return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        sorted.forEach(proc -> rows.add(row(proc, p)));
        p.table(List.of("id", "reference", "order", "state", "uptime", "last log line"), rows);
        return 0;
      }
    }

    private static List<String> row(CoreProcess proc, Printer p) {
      ProcessState s = proc.state().orElse(null);
      return List.of(
          proc.id(),
          proc.reference(),
          s == null ? "-" : s.order().toString(),
          s == null ? "-" : s.exec().toString(),
          s == null ? "-" : uptime(s),
          // Hidden before it is cut, so that no half of a password is left.
          s == null ? "" : abbreviate(p.shown(s.lastLogline()), 60));
    }
  }

  /** {@code process get ID}. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Show one process: config, state and last log line.")
  static final class GetCmd extends CoreCommand {
    @Parameters(paramLabel = "ID", description = "The process id.")
    String id;

    @Override
    int run() {
      try (CoreClient core = connect()) {
        CoreProcess proc = core.processes().get(id).block();
        Printer p = printer();
        if (p.json()) {
          p.printJson(proc);
          return 0;
        }
        Map<String, Object> f = Printer.map();
        f.put("id", proc.id());
        f.put("reference", proc.reference());
        proc.state()
            .ifPresent(
                s -> {
                  f.put("order", s.order());
                  f.put("state", s.exec());
                  f.put("uptime", uptime(s));
                });
        proc.config()
            .ifPresent(
                c -> {
                  f.put(
                      "input",
                      c.input().stream()
                          .map(ProcessConfigIo::address)
                          .collect(Collectors.joining(", ")));
                  f.put(
                      "output",
                      c.output().stream()
                          .map(ProcessConfigIo::address)
                          .collect(Collectors.joining(", ")));
                  f.put("autostart", c.autostart().orElse(true));
                  f.put("reconnect", c.reconnect().orElse(false));
                });
        proc.state().ifPresent(s -> f.put("last log line", s.lastLogline()));
        p.fields(f);
        return 0;
      }
    }
  }

  /** {@code process create -f FILE}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a process from a JSON or YAML config file.")
  static final class CreateCmd extends CoreCommand {
    @Option(
        names = {"-f", "--file"},
        required = true,
        paramLabel = "FILE",
        description = "The process config, JSON or YAML ('-' reads standard input).")
    Path file;

    @Option(
        names = "--lenient",
        description = "Accept fields that no process config has (a warning each).")
    boolean lenient;

    @Override
    int run() {
      ProcessConfig config = ConfigFiles.readOne(file, unknownFields(lenient));
      try (CoreClient core = connect()) {
        ProcessConfig created = core.processes().create(config).block();
        Printer p = printer();
        if (p.json()) {
          p.printJson(created);
        } else {
          p.line("created process " + created.id().orElse("?"));
        }
        return 0;
      }
    }
  }

  /** {@code process update ID -f FILE}. */
  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Replace the config of a process (a running process restarts).")
  static final class UpdateCmd extends CoreCommand {
    @Parameters(paramLabel = "ID", description = "The process id.")
    String id;

    @Option(
        names = {"-f", "--file"},
        required = true,
        paramLabel = "FILE",
        description = "The new process config, JSON or YAML ('-' reads standard input).")
    Path file;

    @Option(
        names = "--lenient",
        description = "Accept fields that no process config has (a warning each).")
    boolean lenient;

    @Override
    int run() {
      ProcessConfig config = ConfigFiles.readOne(file, unknownFields(lenient));
      try (CoreClient core = connect()) {
        ProcessConfig updated = core.processes().update(id, config).block();
        Printer p = printer();
        if (p.json()) {
          p.printJson(updated);
        } else {
          String now = updated.id().orElse(id);
          p.line("updated process " + id + (now.equals(id) ? "" : " (now " + now + ")"));
        }
        return 0;
      }
    }
  }

  /** {@code process delete ID}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Stop and delete a process.")
  static final class DeleteCmd extends CoreCommand {
    @Parameters(paramLabel = "ID", description = "The process id.")
    String id;

    @Override
    int run() {
      try (CoreClient core = connect()) {
        core.processes().delete(id).block();
        Printer p = printer();
        if (p.json()) {
          p.printJson(Map.of("id", id, "deleted", true));
        } else {
          p.line("deleted process " + id);
        }
        return 0;
      }
    }
  }

  /** Base of start, stop, restart and reload. */
  abstract static class CommandVerb extends CoreCommand {
    @Parameters(paramLabel = "ID", description = "The process id.")
    String id;

    abstract ProcessCommandName verb();

    abstract String done();

    /** How long to wait for the ordered state after the command; zero: not at all. */
    Duration waitFor() {
      return Duration.ZERO;
    }

    @Override
    int run() {
      try (CoreClient core = connect()) {
        ProcessApi processes = core.processes();
        Duration wait = waitFor();
        StateWait awaited =
            wait.isZero()
                ? null
                : new StateWait(
                    verb(),
                    verb() == ProcessCommandName.STOP ? null : processes.getState(id).block());
        processes
            .command(id, dev.corekit.core.model.ProcessCommand.builder().command(verb()).build())
            .block();
        StateWait.Outcome outcome = awaited == null ? null : awaited.await(processes, id, wait);
        ProcessState state = outcome == null ? null : outcome.state();
        boolean reached = outcome != null && outcome.reached();
        Printer p = printer();
        if (p.json()) {
          Map<String, Object> m = Printer.map();
          m.put("id", id);
          m.put("command", verb().value());
          if (state != null) {
            m.put("order", state.order().value());
            m.put("state", state.exec().value());
            m.put("reached", reached);
          }
          p.printJson(m);
        } else if (reached || state == null) {
          p.line(done() + " process " + id + (state == null ? "" : " (" + state.exec() + ")"));
        }
        if (state != null && !reached) {
          root()
              .err
              .println(
                  "corectl: process "
                      + id
                      + " is not "
                      + awaited.goal()
                      + " "
                      + Durations.text(wait)
                      + " after '"
                      + verb().value()
                      + "' (state "
                      + state.exec()
                      + ", order "
                      + state.order()
                      + "); last log line: "
                      + (state.lastLogline().isBlank() ? "-" : p.shown(state.lastLogline().strip()))
                      + hint(verb(), awaited.before, state));
          return 1;
        }
        return 0;
      }
    }
  }

  /**
   * Why a process may not run after a start or restart, where the states tell: Core before 16.20
   * ignores a start while the order is already 'start' (as after a run ended by a restart), and
   * ends the run on restart, starting it again only when the process reconnects.
   */
  static String hint(ProcessCommandName verb, @Nullable ProcessState before, ProcessState state) {
    if (verb == ProcessCommandName.STOP
        || !ProcessOrder.START.equals(state.order())
        || ProcessExecState.RUNNING.equals(state.exec())
        || ProcessExecState.STARTING.equals(state.exec())) {
      return "";
    }
    if (state.reconnectSeconds() > 0) {
      return " (Core starts it again in " + state.reconnectSeconds() + "s, its reconnect delay)";
    }
    if (verb == ProcessCommandName.RESTART) {
      return " (Core before 16.20 ends the run on restart and starts it again only when the"
          + " process reconnects: use 'process stop' and 'process start')";
    }
    boolean orderedBefore =
        before != null
            && ProcessOrder.START.equals(before.order())
            && !ProcessExecState.RUNNING.equals(before.exec())
            && !ProcessExecState.STARTING.equals(before.exec());
    return orderedBefore
        ? " (Core before 16.20 ignores 'start' while the order is already 'start': run 'process"
            + " stop' first)"
        : "";
  }

  /**
   * Waits for the state a command orders: running after start and restart, not running after stop.
   * Polls the process state (a few times a second, bounded by the wait), since Core reports no
   * outcome of a command.
   */
  static final class StateWait {
    private static final Duration POLL = Duration.ofMillis(250);
    private final ProcessCommandName verb;
    final @Nullable ProcessState before;
    private boolean sawOther;

    /**
     * @param verb the command sent
     * @param before the state before a start or restart (to tell the new run from the old one),
     *     else null
     */
    StateWait(ProcessCommandName verb, @Nullable ProcessState before) {
      this.verb = verb;
      this.before = before;
    }

    String goal() {
      return verb == ProcessCommandName.STOP ? "stopped" : "running";
    }

    /** The state reached, or the last one seen when the wait ran out. */
    record Outcome(ProcessState state, boolean reached) {}

    /** Polls the state until it is the ordered one or the wait is over. */
    Outcome await(ProcessApi processes, String id, Duration wait) {
      java.util.concurrent.atomic.AtomicReference<ProcessState> last =
          new java.util.concurrent.atomic.AtomicReference<>();
      ProcessState hit =
          Flux.interval(Duration.ZERO, POLL)
              .onBackpressureDrop()
              .concatMap(tick -> processes.getState(id))
              .doOnNext(last::set)
              .filter(this::reached)
              .next()
              .timeout(wait, Mono.empty())
              .block();
      if (hit != null) {
        return new Outcome(hit, true);
      }
      ProcessState seen = last.get();
      return new Outcome(seen != null ? seen : processes.getState(id).block(), false);
    }

    /** Whether the state is the ordered one; remembers states in between. */
    synchronized boolean reached(ProcessState s) {
      boolean running = ProcessExecState.RUNNING.equals(s.exec());
      if (verb == ProcessCommandName.STOP) {
        return ProcessExecState.FINISHED.equals(s.exec())
            || ProcessExecState.KILLED.equals(s.exec())
            || ProcessExecState.FAILED.equals(s.exec());
      }
      if (!running) {
        sawOther = true;
        return false;
      }
      if (verb != ProcessCommandName.RESTART || before == null || sawOther) {
        return true;
      }
      // Right after a restart Core may still report the old run: the new one is younger. A run
      // younger than a second cannot be told from a new one, so it counts.
      return !ProcessExecState.RUNNING.equals(before.exec())
          || before.runtimeSeconds() < 1
          || s.runtimeSeconds() < before.runtimeSeconds();
    }
  }

  /** Base of start, stop and restart: they wait for the ordered state. */
  abstract static class WaitingVerb extends CommandVerb {
    @Option(
        names = "--wait",
        paramLabel = "DURATION",
        defaultValue = "5s",
        converter = Durations.OrZero.class,
        description = {
          "How long to wait for the ordered state: running after start and restart, stopped after"
              + " stop (default: ${DEFAULT-VALUE}; 0: do not wait).",
          "Not reached in time: exit code 1, with the state and the last log line."
        })
    Duration wait;

    @Override
    Duration waitFor() {
      return wait;
    }
  }

  /** {@code process start ID}. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Start a process and wait until it runs.")
  static final class StartCmd extends WaitingVerb {
    @Override
    ProcessCommandName verb() {
      return ProcessCommandName.START;
    }

    @Override
    String done() {
      return "started";
    }
  }

  /** {@code process stop ID}. */
  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stop a process and wait until it has stopped.")
  static final class StopCmd extends WaitingVerb {
    @Override
    ProcessCommandName verb() {
      return ProcessCommandName.STOP;
    }

    @Override
    String done() {
      return "stopped";
    }
  }

  /** {@code process restart ID}. */
  @Command(
      name = "restart",
      mixinStandardHelpOptions = true,
      description = "Restart a process and wait until it runs again.")
  static final class RestartCmd extends WaitingVerb {
    @Override
    ProcessCommandName verb() {
      return ProcessCommandName.RESTART;
    }

    @Override
    String done() {
      return "restarted";
    }
  }

  /** {@code process reload ID}. */
  @Command(
      name = "reload",
      mixinStandardHelpOptions = true,
      description = "Reload a process's config (restarts it if running).")
  static final class ReloadCmd extends CommandVerb {
    @Override
    ProcessCommandName verb() {
      return ProcessCommandName.RELOAD;
    }

    @Override
    String done() {
      return "reloaded";
    }
  }

  /** {@code process state ID}. */
  @Command(
      name = "state",
      mixinStandardHelpOptions = true,
      description = "Show the state of a process: order, execution, uptime, progress.")
  static final class StateCmd extends CoreCommand {
    @Parameters(paramLabel = "ID", description = "The process id.")
    String id;

    @Override
    int run() {
      try (CoreClient core = connect()) {
        ProcessState s = core.processes().getState(id).block();
        Printer p = printer();
        if (p.json()) {
          p.printJson(s);
          return 0;
        }
        Map<String, Object> f = Printer.map();
        f.put("order", s.order());
        f.put("state", s.exec());
        f.put("uptime", uptime(s));
        f.put("pid", s.pid().filter(pid -> pid > 0).map(String::valueOf).orElse("-"));
        f.put("cpu", isUp(s) ? String.format(Locale.ROOT, "%.1f %%", s.cpuUsage()) : "-");
        f.put("memory", isUp(s) ? Format.bytes(s.memoryBytes()) : "-");
        f.put("frames", s.progress().frame());
        f.put("fps", s.progress().fps());
        f.put("speed", s.progress().speed());
        f.put("last log line", s.lastLogline());
        p.fields(f);
        return 0;
      }
    }
  }

  /** {@code process report ID}. */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = "Show the log report of a process: the current run and the history.")
  static final class ReportCmd extends CoreCommand {
    @Parameters(paramLabel = "ID", description = "The process id.")
    String id;

    @Override
    int run() {
      try (CoreClient core = connect()) {
        ProcessReport report = core.processes().getReport(id).block();
        Printer p = printer();
        if (p.json()) {
          p.printJson(report);
          return 0;
        }
        p.line("current run (created " + Format.unixTime(report.createdAt()) + "):");
        for (LogFollower.Line l : LogFollower.lines(report)) {
          p.line("  " + Format.unixTime(l.time()) + "  " + l.text());
        }
        if (!report.history().isEmpty()) {
          p.line("");
          List<List<String>> rows = new ArrayList<>();
          report
              .history()
              .forEach(
                  h ->
                      rows.add(
                          List.of(
                              Format.unixTime(h.createdAt()),
                              h.exitedAt().map(Format::unixTime).orElse("-"),
                              h.exitState().orElse("-"),
                              String.valueOf(h.log().size()))));
          p.table(List.of("earlier run", "exited", "exit state", "log lines"), rows);
        }
        return 0;
      }
    }
  }

  /** {@code process probe ID}. */
  @Command(
      name = "probe",
      mixinStandardHelpOptions = true,
      description = "Probe the inputs of a process: streams, codecs, sizes.")
  static final class ProbeCmd extends CoreCommand {
    @Parameters(paramLabel = "ID", description = "The process id.")
    String id;

    @Override
    int run() {
      try (CoreClient core = connect()) {
        Probe probe = core.processes().probe(id).block();
        Printer p = printer();
        if (p.json()) {
          p.printJson(probe);
          return 0;
        }
        if (probe.streams().isEmpty()) {
          p.line("no streams found");
          probe.log().forEach(l -> p.line("  " + l));
          return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ProbeIo s : probe.streams()) {
          rows.add(
              List.of(
                  "#" + s.index() + ":" + s.stream(), s.type(), s.codec(), s.format(), details(s)));
        }
        p.table(List.of("stream", "type", "codec", "format", "details"), rows);
        return 0;
      }
    }

    private static String details(ProbeIo s) {
      if ("video".equals(s.type())) {
        return s.width() + "x" + s.height() + " " + s.pixFmt() + " " + s.fps() + " fps";
      }
      if ("audio".equals(s.type())) {
        return s.samplingHz() + " Hz " + s.layout();
      }
      return s.language();
    }
  }

  /** {@code process logs ID [--follow] [--lines N]}. */
  @Command(
      name = "logs",
      mixinStandardHelpOptions = true,
      description = {
        "Print the last log lines of a process; with --follow keep printing new lines until Ctrl-C.",
        "Ctrl-C ends --follow normally (exit code 0). With --json: one {\"time\",\"line\"} object per line."
      })
  static final class LogsCmd extends CoreCommand {
    @Parameters(paramLabel = "ID", description = "The process id.")
    String id;

    @Option(
        names = {"-f", "--follow"},
        description = "Keep printing new lines until Ctrl-C.")
    boolean follow;

    @Option(
        names = {"-n", "--lines"},
        paramLabel = "N",
        defaultValue = "20",
        description = "How many of the last lines to print first (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(
        names = "--interval",
        paramLabel = "DURATION",
        defaultValue = "1s",
        converter = Durations.class,
        description =
            "How often --follow asks for new lines on servers before 16.20 (default:"
                + " ${DEFAULT-VALUE}); 16.20 and later send each line as it comes.")
    Duration interval;

    @Override
    int run() {
      if (lines < 0) {
        throw new UsageException("--lines must be 0 or more: " + lines);
      }
      // Installed first, so that a Ctrl-C after the first printed line ends the command normally.
      Mono<Void> ctrlC = follow ? Interrupts.ctrlC() : Mono.never();
      Printer p = printer();
      LogFollower follower = new LogFollower();
      try (CoreClient core = connect()) {
        ProcessApi processes = core.processes();
        // The event stream is opened before the report is read, so that no line falls between
        // the two; its lines wait in a buffer until the tail is printed.
        Sinks.Many<ProcessEvent> events = Sinks.many().unicast().onBackpressureBuffer();
        Disposable feed =
            follow ? lineEvents(core).subscribe(events::tryEmitNext, events::tryEmitError) : null;
        try {
          List<LogFollower.Line> tail = follower.tail(processes.getReport(id).block(), lines);
          if (p.json() && !follow) {
            p.printJson(tail.stream().map(LogsCmd::json).collect(Collectors.toList()));
            return 0;
          }
          tail.forEach(l -> print(p, l));
          if (!follow) {
            return 0;
          }
          // Servers before 16.20 have no event stream (the client knows the server's version
          // from GET /api and refuses the call before sending it; a server that hides its version
          // answers 404): poll the report instead.
          Flux<LogFollower.Line> polled =
              Flux.interval(interval)
                  .onBackpressureDrop()
                  .concatMap(tick -> processes.getReport(id))
                  .concatMapIterable(follower::newLines);
          events
              .asFlux()
              .concatMapIterable(follower::fromEvent)
              .onErrorResume(
                  e -> e instanceof CoreCapabilityException || e instanceof CoreNotFoundException,
                  noEvents -> polled)
              .takeUntilOther(ctrlC)
              .doOnNext(l -> print(p, l))
              .takeUntil(l -> p.stream().checkError())
              .blockLast();
          return 0;
        } finally {
          if (feed != null) {
            feed.dispose();
          }
        }
      }
    }

    /** The output lines of this process from Core's event stream, subscribed again when cut. */
    private Flux<ProcessEvent> lineEvents(CoreClient core) {
      ProcessEventFilters filter =
          ProcessEventFilters.builder()
              .addFilters(
                  ProcessEventFilter.builder()
                      .pid("^" + regexQuote(id) + "$")
                      .type("^line$")
                      .build())
              .build();
      return core.events().with(RequestOptions.builder().resubscribe(true).build()).process(filter);
    }

    private void print(Printer p, LogFollower.Line l) {
      if (p.json()) {
        p.printJsonLine(json(l));
      } else {
        p.line(l.text());
      }
    }

    private static Map<String, Object> json(LogFollower.Line l) {
      Map<String, Object> m = Printer.map();
      m.put("time", l.time());
      m.put("line", l.text());
      return m;
    }
  }

  /** {@code process metadata ID [KEY [VALUE]]}. */
  @Command(
      name = "metadata",
      mixinStandardHelpOptions = true,
      description =
          "Read or write metadata of a process. Without KEY: all keys. With VALUE: store it (a"
              + " JSON value; text that is not JSON is stored as a string; 'null' removes the key).")
  static final class MetadataCmd extends CoreCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The process id.")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "KEY", description = "The metadata key.")
    @Nullable String key;

    @Parameters(
        index = "2",
        arity = "0..1",
        paramLabel = "VALUE",
        description = "The value to store.")
    @Nullable String value;

    @Override
    int run() {
      Printer p = printer();
      try (CoreClient core = connect()) {
        if (key == null) {
          Map<String, JsonNode> all = core.processes().getMetadata(id).block();
          if (p.json()) {
            p.printJson(all);
          } else {
            Map<String, Object> f = Printer.map();
            all.forEach((k, v) -> f.put(k, v.isTextual() ? v.asText() : Json.compact(v)));
            p.fields(f);
          }
          return 0;
        }
        if (value == null) {
          JsonNode v = core.processes().getMetadataKey(id, key).block();
          p.line(p.json() ? Json.pretty(v) : v.isTextual() ? v.asText() : Json.pretty(v));
          return 0;
        }
        JsonNode stored = core.processes().setMetadataKey(id, key, parse(value)).block();
        if (p.json()) {
          p.printJson(stored);
        } else {
          p.line("set metadata " + key + " of process " + id);
        }
        return 0;
      }
    }

    private static JsonNode parse(String text) {
      try {
        JsonNode parsed =
            Json.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(text) : parsed;
      } catch (JsonProcessingException e) {
        return TextNode.valueOf(text);
      }
    }
  }

  /**
   * Whether ffmpeg is up (starting, running or finishing). Only then do runtime, CPU and memory
   * describe it: for a stopped process Core counts the runtime since it stopped (16.16) or sends 0.
   */
  static boolean isUp(ProcessState s) {
    ProcessExecState exec = s.exec();
    return exec.equals(ProcessExecState.STARTING)
        || exec.equals(ProcessExecState.RUNNING)
        || exec.equals(ProcessExecState.FINISHING);
  }

  /** How long the process has been up; {@code -} when it is not. */
  static String uptime(ProcessState s) {
    return isUp(s) ? Format.seconds(s.runtimeSeconds()) : "-";
  }

  /** The text as a regular expression (Go's and Java's syntax) that matches only itself. */
  static String regexQuote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
