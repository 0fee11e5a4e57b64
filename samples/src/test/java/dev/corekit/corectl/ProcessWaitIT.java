package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreClient;
import dev.corekit.core.model.ProcessCommandName;
import dev.corekit.core.model.ProcessExecState;
import dev.corekit.samples.TestPattern;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code process start|stop|restart} wait for the state they ordered, and say so (exit code 1) when
 * it does not come.
 */
class ProcessWaitIT {
  private static final Duration CALL = Duration.ofSeconds(30);

  @Test
  void startFailsWithTheStateAndLastLogLineWhenTheProcessDoesNotComeUp() {
    // A process that stays 'starting' for an hour: it never runs within the wait.
    try (CoreSimulator sim = sim(Duration.ofHours(1));
        CoreClient core = client(sim)) {
      createStopped(core, "slow1");

      Cli.Result start = Cli.run(env(sim), "process", "start", "slow1", "--wait", "1s");

      start.failsWith(1);
      assertThat(start.err())
          .contains("process slow1 is not running 1s after 'start'")
          .contains("state starting")
          .contains("last log line: Press [q] to stop, [?] for help");
      assertThat(start.out()).doesNotContain("started process");
    }
  }

  @Test
  void restartFailsWhenTheProcessDoesNotRunAgain() {
    try (CoreSimulator sim = sim(Duration.ofHours(1));
        CoreClient core = client(sim)) {
      core.processes().create(TestPattern.config("slow2")).block(CALL);

      Cli.Result restart =
          Cli.run(env(sim), "process", "restart", "slow2", "--wait", "500ms", "--json");

      assertThat(restart.exit()).isEqualTo(1);
      assertThat(restart.json().path("reached").asBoolean(true)).isFalse();
      assertThat(restart.json().path("state").asText()).isEqualTo("starting");
      assertThat(restart.err()).contains("is not running 500ms after 'restart'");
    }
  }

  @Test
  void startWaitsUntilTheProcessRunsAndStopUntilItHasStopped() {
    // Starting takes a while: without waiting, the state right after the command is 'starting'.
    try (CoreSimulator sim = sim(Duration.ofMillis(1500));
        CoreClient core = client(sim)) {
      createStopped(core, "cam1");

      assertThat(Cli.run(env(sim), "process", "start", "cam1", "--wait", "60s").ok().out())
          .contains("started process cam1 (running)");
      assertThat(core.processes().getState("cam1").block(CALL).exec())
          .isEqualTo(ProcessExecState.RUNNING);

      assertThat(
              Cli.run(env(sim), "process", "restart", "cam1", "--wait", "60s", "--json")
                  .ok()
                  .json()
                  .path("state")
                  .asText())
          .isEqualTo("running");

      assertThat(Cli.run(env(sim), "process", "stop", "cam1").ok().out())
          .contains("stopped process cam1 (finished)");
    }
  }

  @Test
  void waitZeroReturnsAtOnce() {
    try (CoreSimulator sim = sim(Duration.ofHours(1));
        CoreClient core = client(sim)) {
      createStopped(core, "slow3");

      Cli.Result start = Cli.run(env(sim), "process", "start", "slow3", "--wait", "0").ok();

      assertThat(start.out()).contains("started process slow3").doesNotContain("(");
      assertThat(core.processes().getState("slow3").block(CALL).exec())
          .isEqualTo(ProcessExecState.STARTING);
    }
  }

  @Test
  void aNegativeOrMalformedWaitIsAUsageError() {
    try (CoreSimulator sim = sim(Duration.ZERO)) {
      Cli.run(env(sim), "process", "start", "x", "--wait", "-1s").failsWith(2);
      Cli.run(env(sim), "process", "start", "x", "--wait", "soon").failsWith(2);
    }
  }

  private static CoreSimulator sim(Duration startDelay) {
    return CoreSimulator.builder()
        .user("admin")
        .password("it-secret")
        .processStartDelay(startDelay)
        .build()
        .start();
  }

  private static CoreClient client(CoreSimulator sim) {
    return CoreClient.builder().baseUrl(sim.baseUrl()).credentials("admin", "it-secret").build();
  }

  private static Map<String, String> env(CoreSimulator sim) {
    return Cli.env(sim.baseUrl(), "admin", "it-secret");
  }

  private static void createStopped(CoreClient core, String id) {
    core.processes().create(TestPattern.config(id)).block(CALL);
    core.processes()
        .command(
            id,
            dev.corekit.core.model.ProcessCommand.builder()
                .command(ProcessCommandName.STOP)
                .build())
        .block(CALL);
  }
}
