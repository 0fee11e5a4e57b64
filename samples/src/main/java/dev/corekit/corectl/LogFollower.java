package dev.corekit.corectl;

import dev.corekit.core.model.ProcessEvent;
import dev.corekit.core.model.ProcessEventType;
import dev.corekit.core.model.ProcessReport;
import dev.corekit.core.model.ProcessReportHistoryEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the log lines of a process that were not printed yet, from polled reports or from Core's
 * process events.
 *
 * <p>Core's report log is a ring of {@code [unix seconds, line]}; a line is new when its time is
 * later than the last printed one, or equal and beyond the lines of that second already printed.
 * When the process restarted between two polls, the report shows the new run and the followed run's
 * log has moved to the report's history: its lines not printed yet come first (then those of any
 * whole run in between), then the new run's.
 *
 * <p>An event line is new unless it is older than the last printed report line, or of that second
 * or the next and among the lines of that second already printed (the report and the events overlap
 * while the stream starts, and an event may be stamped a moment after its report entry).
 */
final class LogFollower {
  /** One log line. */
  record Line(long time, String text) {}

  private static final long UNKNOWN = Long.MIN_VALUE;

  private long lastTime = UNKNOWN;
  private final List<String> printedAtLastTime = new ArrayList<>();
  private long run = UNKNOWN;

  /** The last {@code count} lines of the report; marks all lines of the report as seen. */
  List<Line> tail(ProcessReport report, int count) {
    List<Line> all = lines(report);
    List<Line> tail = all.subList(Math.max(0, all.size() - Math.max(0, count)), all.size());
    run = report.createdAt();
    markSeen(all);
    return List.copyOf(tail);
  }

  /** The lines not seen before, the followed run's last ones first after a restart; marks them. */
  List<Line> newLines(ProcessReport report) {
    List<Line> fresh = new ArrayList<>();
    if (run != UNKNOWN && report.createdAt() != run) {
      for (ProcessReportHistoryEntry earlier : report.history()) {
        if (earlier.createdAt() == run) {
          fresh.addAll(unseen(lines(earlier.log())));
        } else if (earlier.createdAt() > run) {
          forgetSeen();
          fresh.addAll(unseen(lines(earlier.log())));
        }
      }
      forgetSeen();
    }
    run = report.createdAt();
    fresh.addAll(unseen(lines(report.log())));
    return fresh;
  }

  /** The line of a process event, or nothing for other events and lines printed already. */
  List<Line> fromEvent(ProcessEvent event) {
    if (!ProcessEventType.LINE.equals(event.type()) || event.line().isEmpty()) {
      return List.of();
    }
    Line line =
        new Line(event.ts().map(ms -> Math.floorDiv(ms, 1000L)).orElse(0L), event.line().get());
    if (event.ts().isPresent() && lastTime != UNKNOWN) {
      if (line.time() < lastTime) {
        return List.of();
      }
      // The same line may carry the next second in the event (stamped a moment after the report
      // entry): the overlap spans the last printed second and the one after it.
      if (line.time() <= lastTime + 1 && printedAtLastTime.remove(line.text())) {
        return List.of();
      }
    }
    // Printed from the stream on: later report lines are never compared with it.
    lastTime = UNKNOWN;
    printedAtLastTime.clear();
    return List.of(line);
  }

  private List<Line> unseen(List<Line> lines) {
    List<Line> fresh = new ArrayList<>();
    int atLast = 0;
    for (Line l : lines) {
      if (l.time() > lastTime) {
        fresh.add(l);
      } else if (l.time() == lastTime) {
        atLast++;
        if (atLast > printedAtLastTime.size()) {
          fresh.add(l);
        }
      }
    }
    markSeen(fresh);
    return fresh;
  }

  private void forgetSeen() {
    lastTime = UNKNOWN;
    printedAtLastTime.clear();
  }

  private void markSeen(List<Line> lines) {
    for (Line l : lines) {
      if (l.time() > lastTime) {
        lastTime = l.time();
        printedAtLastTime.clear();
        printedAtLastTime.add(l.text());
      } else if (l.time() == lastTime) {
        printedAtLastTime.add(l.text());
      }
    }
  }

  static List<Line> lines(ProcessReport report) {
    return lines(report.log());
  }

  private static List<Line> lines(List<List<String>> log) {
    List<Line> out = new ArrayList<>();
    for (List<String> entry : log) {
      if (entry.size() < 2) {
        continue;
      }
      long time;
      try {
        time = Long.parseLong(entry.get(0).strip());
      } catch (NumberFormatException e) {
        time = 0;
      }
      out.add(new Line(time, entry.get(1)));
    }
    return out;
  }
}
