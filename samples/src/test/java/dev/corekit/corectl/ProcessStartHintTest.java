package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.model.ProcessCommandName;
import dev.corekit.core.model.ProcessState;
import org.junit.jupiter.api.Test;

/**
 * The hint added when a started or restarted process does not run: Core 16.16 ends a run on restart
 * (it runs again only by reconnecting) and ignores a start while the order is already 'start'.
 */
class ProcessStartHintTest {

  @Test
  void aRestartEndedRunOn1616IsExplained() {
    assertThat(
            ProcessCommand.hint(
                ProcessCommandName.RESTART,
                state("start", "running", -1),
                state("start", "finished", -1)))
        .contains("ends the run on restart")
        .contains("'process stop' and 'process start'");
  }

  @Test
  void aStartIgnoredBecauseTheOrderWasAlreadyStartIsExplained() {
    assertThat(
            ProcessCommand.hint(
                ProcessCommandName.START,
                state("start", "finished", -1),
                state("start", "finished", -1)))
        .contains("ignores 'start' while the order is already 'start'");
  }

  @Test
  void aPendingReconnectIsNamed() {
    assertThat(
            ProcessCommand.hint(
                ProcessCommandName.RESTART,
                state("start", "running", -1),
                state("start", "failed", 12)))
        .isEqualTo(" (Core starts it again in 12s, its reconnect delay)");
  }

  @Test
  void aStartThatFailedOnItsOwnGetsNoHint() {
    // The order was 'stop': the start was carried out and ffmpeg failed; the log line tells why.
    assertThat(
            ProcessCommand.hint(
                ProcessCommandName.START,
                state("stop", "finished", -1),
                state("start", "failed", -1)))
        .isEmpty();
    assertThat(
            ProcessCommand.hint(
                ProcessCommandName.START,
                state("stop", "finished", -1),
                state("start", "starting", -1)))
        .isEmpty();
  }

  private static ProcessState state(String order, String exec, long reconnectSeconds) {
    String json =
        "{\"order\":\""
            + order
            + "\",\"exec\":\""
            + exec
            + "\",\"runtime_seconds\":3,\"reconnect_seconds\":"
            + reconnectSeconds
            + ",\"last_logline\":\"x\",\"progress\":{\"inputs\":[],\"outputs\":[],\"frame\":0,"
            + "\"fps\":0,\"q\":0,\"size_kb\":0,\"time\":0,\"bitrate_kbit\":0,\"speed\":0,"
            + "\"drop\":0,\"dup\":0,\"packet\":0},\"memory_bytes\":0,\"cpu_usage\":0,\"command\":[]}";
    try {
      return Json.JSON.readValue(json, ProcessState.class);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
