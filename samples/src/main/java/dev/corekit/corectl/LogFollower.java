package dev.corekit.corectl;

import dev.corekit.core.model.ProcessReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the log lines of a process report that were not printed yet. Core's report log is a ring of
 * {@code [unix seconds, line]}; a line is new when its time is later than the last printed one, or
 * equal and beyond the lines of that second already printed. Lines of a restarted run are later, so
 * they are new too.
 */
final class LogFollower {
  /** One log line. */
  record Line(long time, String text) {}

  private long lastTime = Long.MIN_VALUE;
  private int printedAtLastTime;

  /** The last {@code count} lines of the report; marks all lines of the report as seen. */
  List<Line> tail(ProcessReport report, int count) {
    List<Line> all = lines(report);
    List<Line> tail = all.subList(Math.max(0, all.size() - Math.max(0, count)), all.size());
    markSeen(all);
    return List.copyOf(tail);
  }

  /** The lines not seen before; marks them seen. */
  List<Line> newLines(ProcessReport report) {
    List<Line> fresh = new ArrayList<>();
    int atLast = 0;
    for (Line l : lines(report)) {
      if (l.time() > lastTime) {
        fresh.add(l);
      } else if (l.time() == lastTime) {
        atLast++;
        if (atLast > printedAtLastTime) {
          fresh.add(l);
        }
      }
    }
    markSeen(fresh);
    return fresh;
  }

  private void markSeen(List<Line> lines) {
    for (Line l : lines) {
      if (l.time() > lastTime) {
        lastTime = l.time();
        printedAtLastTime = 1;
      } else if (l.time() == lastTime) {
        printedAtLastTime++;
      }
    }
  }

  static List<Line> lines(ProcessReport report) {
    List<Line> out = new ArrayList<>();
    for (List<String> entry : report.log()) {
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
