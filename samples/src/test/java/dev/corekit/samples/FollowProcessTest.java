package dev.corekit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.model.ProcessExecState;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowProcessTest {

  @Test
  void followsTheStateUntilRunningAndEachLogLineOnce() {
    try (SimulatorExtension server =
        new SimulatorExtension(
            CoreSimulator.builder()
                .user("admin")
                .password("sample-secret")
                .processStartDelay(Duration.ofMillis(600)))) {
      server.core.processes().create(TestPattern.config("follow-me")).block(Duration.ofSeconds(10));

      List<ProcessExecState> states =
          FollowProcess.statesUntilRunning(server.core, "follow-me")
              .collectList()
              .block(Duration.ofSeconds(20));
      List<String> lines =
          FollowProcess.logLines(server.core, "follow-me", Duration.ofMillis(200))
              .take(Duration.ofMillis(2500))
              .collectList()
              .block(Duration.ofSeconds(20));

      // 'starting' lasts 600 ms; on a loaded machine the first look may already see 'running'.
      assertThat(states)
          .endsWith(ProcessExecState.RUNNING)
          .doesNotHaveDuplicates()
          .isSubsetOf(ProcessExecState.STARTING, ProcessExecState.RUNNING);
      assertThat(lines.get(0)).startsWith("ffmpeg version");
      assertThat(lines).anyMatch(l -> l.startsWith("frame="));
      // Progress lines differ from each other, so a repeated one would be a line emitted twice.
      assertThat(lines.stream().filter(l -> l.startsWith("frame="))).doesNotHaveDuplicates();
    }
  }
}
