package dev.corekit.samples;

import dev.corekit.core.CoreClient;
import dev.corekit.core.api.ProcessApi;
import dev.corekit.core.model.ProcessExecState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;

/**
 * Following a process: its state changes as they happen ({@code watch}), and its log lines as they
 * are written (polling the report and emitting only lines not seen before).
 */
public final class FollowProcess {
  private FollowProcess() {}

  /**
   * Creates a test-pattern process, follows it until it runs and for a few seconds of log, then
   * deletes it.
   *
   * @param args unused; the server comes from {@code CORE_URL} or is an embedded simulator
   */
  public static void main(String[] args) {
    try (SampleServer server = SampleServer.fromEnvironment();
        CoreClient core = server.client()) {
      String id = "follow-sample";
      core.processes().create(TestPattern.config(id)).block(Duration.ofSeconds(10));
      try {
        List<ProcessExecState> states =
            statesUntilRunning(core, id).collectList().block(Duration.ofSeconds(30));
        System.out.println("states: " + states);
        logLines(core, id, Duration.ofMillis(500))
            .take(Duration.ofSeconds(3))
            .doOnNext(line -> System.out.println("log: " + line))
            .blockLast(Duration.ofSeconds(10));
      } finally {
        core.processes().delete(id).block(Duration.ofSeconds(10));
      }
    }
  }

  /**
   * The execution states of a process as they change, up to and including {@code running}.
   *
   * @param core the client
   * @param id the process id
   * @return the distinct states, ending with running
   */
  public static Flux<ProcessExecState> statesUntilRunning(CoreClient core, String id) {
    return core.processes()
        .watch(id)
        .map(state -> state.exec())
        .distinctUntilChanged()
        .takeUntil(ProcessExecState.RUNNING::equals);
  }

  /**
   * The log lines of a process as they are written: the current lines first, then new ones, polling
   * the report at an interval. Endless; cancel it (take, timeout, dispose) to stop.
   *
   * @param core the client
   * @param id the process id
   * @param interval the time between polls
   * @return the lines, each once
   */
  public static Flux<String> logLines(CoreClient core, String id, Duration interval) {
    ProcessApi processes = core.processes();
    return Flux.defer(
        () -> {
          // The last [time, line] entry emitted; the next poll emits what follows it.
          AtomicReference<List<String>> last = new AtomicReference<>();
          return Flux.interval(Duration.ZERO, interval)
              .onBackpressureDrop()
              .concatMap(tick -> processes.getReport(id))
              .concatMapIterable(
                  report -> {
                    List<List<String>> log = report.log();
                    int from = log.lastIndexOf(last.get()) + 1;
                    List<String> fresh = new ArrayList<>();
                    for (List<String> entry : log.subList(from, log.size())) {
                      fresh.add(entry.get(1));
                    }
                    if (!log.isEmpty()) {
                      last.set(log.get(log.size() - 1));
                    }
                    return fresh;
                  });
        });
  }
}
