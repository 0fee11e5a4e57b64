package dev.corekit.samples;

import dev.corekit.core.CoreClient;
import dev.corekit.core.api.ProcessApi;
import dev.corekit.core.model.ProcessExecState;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive service style: rolls out many processes in parallel with bounded concurrency
 * (backpressure), waits until each one runs, lists them as a stream, and removes them again.
 * Nothing blocks until {@code main} waits for the result.
 */
public final class ReactiveService {
  private ReactiveService() {}

  /**
   * Runs the sample against {@code CORE_URL} or an embedded simulator.
   *
   * @param args optional: the number of processes (default 20) and the concurrency (default 4)
   */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    try (SampleServer server = SampleServer.fromEnvironment();
        CoreClient core = server.client()) {
      Map<String, ProcessExecState> states =
          rollOut(core, "sample-", count, concurrency).block(Duration.ofMinutes(2));
      System.out.println("running: " + states);
      long removed = tearDown(core, "sample-", concurrency).block(Duration.ofMinutes(1));
      System.out.println("removed " + removed + " processes");
    }
  }

  /**
   * Creates {@code count} test-pattern processes with at most {@code concurrency} calls in flight,
   * and completes once every one of them runs.
   *
   * @param core the client
   * @param prefix the process ids' prefix
   * @param count how many processes
   * @param concurrency the most calls in flight at once
   * @return the state of each process, by id, once all run
   */
  public static Mono<Map<String, ProcessExecState>> rollOut(
      CoreClient core, String prefix, int count, int concurrency) {
    ProcessApi processes = core.processes();
    return Flux.range(1, count)
        .map(i -> TestPattern.config(prefix + i))
        // flatMap with a concurrency bound: at most `concurrency` creations are in flight; the rest
        // wait.
        .flatMap(processes::create, concurrency)
        .flatMap(
            created -> {
              String id = created.id().orElseThrow();
              return processes
                  .watch(id)
                  .filter(state -> ProcessExecState.RUNNING.equals(state.exec()))
                  .next()
                  .timeout(Duration.ofSeconds(30))
                  .map(state -> Map.entry(id, state.exec()));
            },
            concurrency)
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
  }

  /**
   * Deletes every process whose id starts with the prefix; the listing is consumed as a stream, 64
   * elements requested at a time, while the deletions run with bounded concurrency.
   *
   * @param core the client
   * @param prefix the process ids' prefix
   * @param concurrency the most deletions in flight at once
   * @return the number of deleted processes
   */
  public static Mono<Long> tearDown(CoreClient core, String prefix, int concurrency) {
    ProcessApi processes = core.processes();
    return processes
        .list(ProcessApi.ListQuery.builder().idpattern(prefix + "*").filter("state").build())
        .limitRate(64)
        .flatMap(process -> processes.delete(process.id()).thenReturn(process.id()), concurrency)
        .count();
  }
}
