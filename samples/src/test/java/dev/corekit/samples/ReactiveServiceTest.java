package dev.corekit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.model.ProcessExecState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ReactiveServiceTest {
  private static final SimulatorExtension server =
      new SimulatorExtension(
          dev.corekit.simulator.CoreSimulator.builder()
              .user("admin")
              .password("sample-secret")
              .requestLogCapacity(1000));

  @AfterAll
  static void close() {
    server.close();
  }

  @Test
  void rollsOutManyProcessesInParallelAndTearsThemDown() {
    Map<String, ProcessExecState> states;
    try {
      states = ReactiveService.rollOut(server.core, "svc-", 12, 3).block(Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      // What the simulator received, to tell a request sent twice from one processed twice.
      server.sim.stats().recorded().stream()
          .filter(r -> r.method().equals("POST"))
          .forEach(
              r ->
                  System.out.println(
                      "recorded: "
                          + r.time()
                          + " conn "
                          + r.connectionId()
                          + " "
                          + r.rawPath()
                          + " "
                          + r.bodySize()
                          + " bytes"));
      throw e;
    }

    assertThat(states).hasSize(12).containsKeys("svc-1", "svc-12");
    assertThat(states.values()).containsOnly(ProcessExecState.RUNNING);
    // One POST per process: nothing was created twice.
    assertThat(server.sim.stats().posts("/api/v3/process")).isEqualTo(12);

    long removed = ReactiveService.tearDown(server.core, "svc-", 3).block(Duration.ofSeconds(30));

    assertThat(removed).isEqualTo(12);
    assertThat(server.core.processes().list().collectList().block(Duration.ofSeconds(10)))
        .isEmpty();
  }
}
