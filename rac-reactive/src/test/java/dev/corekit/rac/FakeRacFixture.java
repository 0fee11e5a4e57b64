package dev.corekit.rac;

import dev.corekit.fakerac.FakeRac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A fake {@code rac} in a temporary directory: a launcher script running {@link FakeRac} with the
 * current JVM, a directory of scenario files and the log of what each run received.
 */
final class FakeRacFixture {

  /** One line of the fake's log. */
  static final class Event {
    final String type;
    final long pid;
    final List<String> data;

    Event(String type, long pid, List<String> data) {
      this.type = type;
      this.pid = pid;
      this.data = data;
    }

    @Override
    public String toString() {
      return type + " " + pid + " " + data;
    }
  }

  final Path dir;
  final Path scenarios;
  final Path log;
  final Path executable;

  FakeRacFixture(Path dir) {
    this.dir = dir;
    this.scenarios = dir.resolve("scenarios");
    this.log = dir.resolve("fake-rac.log");
    this.executable = dir.resolve("rac");
    try {
      Files.createDirectories(scenarios);
      String java =
          ProcessHandle.current()
              .info()
              .command()
              .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      FakeRac.writeLauncher(executable, java, FakeRac.codeLocation(), scenarios, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the scenario answering the command words {@code key} (e.g. {@code "cluster_list"}). */
  FakeRacFixture scenario(String key, String... lines) {
    try {
      Files.writeString(
          scenarios.resolve(key + ".rac"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Writes stdout lines ({@code |} prefix added) for a key, ending each record's block as given.
   */
  FakeRacFixture output(String key, String text) {
    List<String> lines = new ArrayList<>();
    for (String l : text.split("\n", -1)) {
      lines.add("|" + l.replace("\\", "\\\\").replace(" ", "\\s"));
    }
    if (text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    }
    return scenario(key, lines.toArray(new String[0]));
  }

  RacClient client() {
    return client(b -> {});
  }

  RacClient client(Consumer<RacClient.Builder> options) {
    RacClient.Builder b =
        RacClient.builder()
            .executable(executable)
            .timeout(Duration.ofSeconds(30))
            .maxConcurrency(4);
    options.accept(b);
    return b.build();
  }

  List<Event> events() {
    if (!Files.exists(log)) {
      return List.of();
    }
    try {
      List<Event> events = new ArrayList<>();
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (line.isEmpty()) {
          continue;
        }
        String[] parts = line.split("\t", -1);
        List<String> data =
            Arrays.stream(parts).skip(2).map(FakeRac::unescape).collect(Collectors.toList());
        events.add(new Event(parts[0], Long.parseLong(parts[1]), data));
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The argv of every run, in start order. */
  List<List<String>> argvs() {
    return events().stream()
        .filter(e -> e.type.equals("argv"))
        .map(e -> e.data)
        .collect(Collectors.toList());
  }

  /** The argv of the only run so far, joined by single spaces. */
  String onlyArgv() {
    List<List<String>> all = argvs();
    if (all.size() != 1) {
      throw new AssertionError("expected one run, got " + all);
    }
    return String.join(" ", all.get(0));
  }

  /** Polls the log until an event matches, at most {@code timeout}. */
  Event awaitEvent(Predicate<Event> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (Event e : events()) {
        if (condition.test(e)) {
          return e;
        }
      }
      pause();
    }
    throw new AssertionError("no matching fake-rac event within " + timeout + ": " + events());
  }

  /** Waits until the process and everything it started have exited, at most {@code timeout}. */
  static boolean awaitGone(long pid, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
        return true;
      }
      pause();
    }
    return false;
  }

  private static void pause() {
    // A bounded poll of an external condition (a file written by another process); not a race.
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
