package dev.corekit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.model.ProcessExecState;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
      // Until three progress lines came (seconds of polls, each after the one before), not for a
      // fixed time a busy machine may fill with fewer polls; the 30 s is a backstop.
      AtomicInteger progress = new AtomicInteger();
      List<String> lines =
          FollowProcess.logLines(server.core, "follow-me", Duration.ofMillis(200))
              .takeUntil(l -> l.startsWith("frame=") && progress.incrementAndGet() == 3)
              .take(Duration.ofSeconds(30))
              .collectList()
              .block(Duration.ofSeconds(60));

      // 'starting' lasts 600 ms; on a loaded machine the first look may already see 'running'.
      assertThat(states)
          .endsWith(ProcessExecState.RUNNING)
          .doesNotHaveDuplicates()
          .isSubsetOf(ProcessExecState.STARTING, ProcessExecState.RUNNING);
      assertThat(lines.get(0)).startsWith("ffmpeg version");
      assertThat(lines.stream().filter(l -> l.startsWith("frame="))).hasSize(3);
      // Progress lines differ from each other, so a repeated one would be a line emitted twice.
      assertThat(lines.stream().filter(l -> l.startsWith("frame="))).doesNotHaveDuplicates();
    }
  }
}
