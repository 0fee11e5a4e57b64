package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.model.ProcessReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFollowerTest {

  @Test
  void printsTheTailThenEachNewLineOnceAlsoWithinTheSameSecond() {
    LogFollower follower = new LogFollower();

    assertThat(follower.tail(report("10", "a", "11", "b", "11", "c"), 2))
        .extracting(LogFollower.Line::text)
        .containsExactly("b", "c");
    assertThat(follower.newLines(report("10", "a", "11", "b", "11", "c"))).isEmpty();
    // The ring dropped "a"; one more line in second 11 and one in second 12.
    assertThat(follower.newLines(report("11", "b", "11", "c", "11", "d", "12", "e")))
        .extracting(LogFollower.Line::text)
        .containsExactly("d", "e");
    // A restarted run: its lines are later.
    assertThat(follower.newLines(report("20", "ffmpeg version")))
        .extracting(LogFollower.Line::text)
        .containsExactly("ffmpeg version");
  }

  /** A report whose log holds the pairs of (unix seconds, line) given. */
  private static ProcessReport report(String... timesAndLines) {
    var b = ProcessReport.builder().createdAt(1);
    for (int i = 0; i < timesAndLines.length; i += 2) {
      b.addLog(List.of(timesAndLines[i], timesAndLines[i + 1]));
    }
    return b.build();
  }
}
