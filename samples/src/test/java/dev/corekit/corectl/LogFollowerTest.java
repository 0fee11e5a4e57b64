package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.model.ProcessEvent;
import dev.corekit.core.model.ProcessEventType;
import dev.corekit.core.model.ProcessReport;
import dev.corekit.core.model.ProcessReportHistoryEntry;
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

  @Test
  void afterARestartPrintsTheLastLinesOfTheFollowedRunFromTheHistoryThenTheNewRun() {
    LogFollower follower = new LogFollower();
    follower.tail(run(10, List.of(), "10", "ffmpeg version", "11", "frame=1"), 5);

    // Between two polls the run printed two more lines and was restarted within the same second:
    // its log is now in the history; the new run's first line has the time of the old last one.
    ProcessReport restarted =
        run(
            12,
            List.of(
                history(
                    10, "10", "ffmpeg version", "11", "frame=1", "12", "frame=2", "12", "Exiting")),
            "12",
            "ffmpeg version",
            "13",
            "frame=1");

    assertThat(follower.newLines(restarted))
        .extracting(LogFollower.Line::text)
        .containsExactly("frame=2", "Exiting", "ffmpeg version", "frame=1");
    assertThat(follower.newLines(restarted)).isEmpty();
  }

  @Test
  void aRunThatStartedAndEndedBetweenTwoPollsIsPrintedWhole() {
    LogFollower follower = new LogFollower();
    follower.tail(run(10, List.of(), "10", "a"), 5);

    ProcessReport twice =
        run(
            30,
            List.of(history(10, "10", "a", "11", "a-end"), history(20, "20", "b", "21", "b-end")),
            "30",
            "c");

    assertThat(follower.newLines(twice))
        .extracting(LogFollower.Line::text)
        .containsExactly("a-end", "b", "b-end", "c");
  }

  @Test
  void eventLinesAlreadyInTheTailAreSkippedAndLaterOnesPrinted() {
    LogFollower follower = new LogFollower();
    follower.tail(report("10", "a", "11", "b", "11", "c"), 1);

    assertThat(follower.fromEvent(line(10_500, "a"))).isEmpty();
    assertThat(follower.fromEvent(line(11_100, "b"))).isEmpty();
    assertThat(follower.fromEvent(line(11_200, "c"))).isEmpty();
    assertThat(follower.fromEvent(line(11_900, "d")))
        .containsExactly(new LogFollower.Line(11, "d"));
    // From the first printed event on, every line event is new, repeated texts too.
    assertThat(follower.fromEvent(line(12_000, "c")))
        .extracting(LogFollower.Line::text)
        .containsExactly("c");
    assertThat(
            follower.fromEvent(
                ProcessEvent.builder().type(ProcessEventType.PROGRESS).pid("p").build()))
        .isEmpty();
  }

  @Test
  void anEventOfTheLastPrintedLineStampedTheNextSecondIsSkipped() {
    LogFollower follower = new LogFollower();
    follower.tail(report("10", "a", "11", "frame=75"), 1);

    // The report stamped it at 11 s, the event a moment later at 12.05 s: the same line.
    assertThat(follower.fromEvent(line(12_050, "frame=75"))).isEmpty();
    assertThat(follower.fromEvent(line(12_300, "frame=100")))
        .containsExactly(new LogFollower.Line(12, "frame=100"));
  }

  private static ProcessEvent line(long tsMillis, String text) {
    return ProcessEvent.builder()
        .type(ProcessEventType.LINE)
        .pid("p")
        .line(text)
        .ts(tsMillis)
        .build();
  }

  /** A report whose log holds the pairs of (unix seconds, line) given. */
  private static ProcessReport report(String... timesAndLines) {
    return run(1, List.of(), timesAndLines);
  }

  /** The report of a run created at that time, with earlier runs and the log given. */
  private static ProcessReport run(
      long createdAt, List<ProcessReportHistoryEntry> history, String... timesAndLines) {
    var b = ProcessReport.builder().createdAt(createdAt).history(history);
    for (int i = 0; i < timesAndLines.length; i += 2) {
      b.addLog(List.of(timesAndLines[i], timesAndLines[i + 1]));
    }
    return b.build();
  }

  private static ProcessReportHistoryEntry history(long createdAt, String... timesAndLines) {
    var b = ProcessReportHistoryEntry.builder().createdAt(createdAt);
    for (int i = 0; i < timesAndLines.length; i += 2) {
      b.addLog(List.of(timesAndLines[i], timesAndLines[i + 1]));
    }
    return b.build();
  }
}
