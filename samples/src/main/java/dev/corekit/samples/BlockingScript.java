package dev.corekit.samples;

import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.ProcessExecState;
import dev.corekit.core.model.ProcessState;
import dev.corekit.core.sync.CoreSync;
import dev.corekit.core.sync.CoreSyncClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Blocking script style: plain calls in a try-with-resources block, as in jshell or a small tool.
 * The blocking client mirrors the reactive one method by method ({@code Mono<T>} is {@code T},
 * {@code Flux<T>} is {@code List<T>}, with a lazy {@code xxxStream} for large results and watches).
 */
public final class BlockingScript {
  private BlockingScript() {}

  /**
   * Runs the script against {@code CORE_URL} or an embedded simulator and prints what it did.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (SampleServer server = SampleServer.fromEnvironment()) {
      String user = Objects.requireNonNull(server.user(), "CORE_USER is not set");
      String password = Objects.requireNonNull(server.password(), "CORE_PASSWORD is not set");
      run(server.url(), user, password).forEach(System.out::println);
    }
  }

  /**
   * Connects, creates a process, waits until it runs, lists the processes, deletes it.
   *
   * @param url Core's base URL
   * @param user the user
   * @param password the password
   * @return the lines the script printed
   */
  public static List<String> run(String url, String user, String password) {
    List<String> printed = new ArrayList<>();
    try (CoreSyncClient core = CoreSync.connect(url, user, password)) {
      printed.add("connected to Core " + core.version() + " (" + core.id() + ")");

      core.processes().create(TestPattern.config("script-1"));
      try (Stream<ProcessState> states = core.processes().watchStream("script-1")) {
        ProcessState running =
            states.filter(s -> ProcessExecState.RUNNING.equals(s.exec())).findFirst().orElseThrow();
        printed.add("script-1 is " + running.exec() + " (" + running.order() + ")");
      }

      for (CoreProcess process : core.processes().list()) {
        printed.add(
            "process "
                + process.id()
                + " "
                + process.state().map(s -> s.exec().toString()).orElse("?"));
      }

      core.processes().delete("script-1");
      printed.add("deleted script-1");
    }
    return printed;
  }
}
