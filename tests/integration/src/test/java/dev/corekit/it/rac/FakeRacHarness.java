package dev.corekit.it.rac;

import dev.corekit.fakerac.FakeRac;
import dev.corekit.rac.RacClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fake {@code rac} for the integration suites: a launcher script in a temporary directory running
 * {@link FakeRac} with this JVM's java, a directory of scenario files, the log of what each run
 * did, and the checks that every process it started is gone.
 *
 * <p>The fake's classes are copied into a directory whose name holds a random marker, so the
 * command line of every process of this harness (the fake and the children it spawns) contains the
 * marker and no other suite's fake-rac matches it.
 */
public final class FakeRacHarness {

  /** One line of the fake's log: {@code argv}, {@code child}, {@code blocked} or {@code exit}. */
  public record Event(String type, long pid, List<String> data) {}

  private final Path dir;
  private final Path scenarios;
  private final Path log;
  private final Path executable;
  private final String marker;

  /**
   * Creates the launcher, the scenario directory and the marked class path under {@code dir}.
   *
   * @param dir an empty temporary directory
   */
  public FakeRacHarness(Path dir) {
    this.dir = dir;
    this.marker = "fake-rac-" + UUID.randomUUID();
    this.scenarios = dir.resolve("scenarios");
    this.log = dir.resolve("fake-rac.log");
    this.executable = dir.resolve("rac");
    try {
      Files.createDirectories(scenarios);
      Path classes = copyClasses(dir.resolve(marker));
      String java =
          ProcessHandle.current()
              .info()
              .command()
              .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      FakeRac.writeLauncher(executable, java, classes, scenarios, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copyClasses(Path target) throws IOException {
    Path source = FakeRac.codeLocation();
    if (Files.isRegularFile(source)) {
      Files.createDirectories(target);
      Path jar = target.resolve("fake-rac.jar");
      Files.copy(source, jar, StandardCopyOption.REPLACE_EXISTING);
      return jar;
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return target;
  }

  /** The launcher script to give to {@link RacClient.Builder#executable(Path)}. */
  public Path executable() {
    return executable;
  }

  /** The directory of scenario files. */
  public Path scenarios() {
    return scenarios;
  }

  /** The temporary directory of this harness. */
  public Path dir() {
    return dir;
  }

  /** The text found in the command line of every process of this harness. */
  public String marker() {
    return marker;
  }

  /**
   * Writes the scenario answering the command words {@code key} (e.g. {@code "cluster_list"}, or
   * {@code "default"} for every command without a more specific one).
   */
  public FakeRacHarness scenario(String key, String... lines) {
    return scenario(key, List.of(lines));
  }

  /** Writes a scenario from a list of directive lines. */
  public FakeRacHarness scenario(String key, List<String> lines) {
    try {
      Files.writeString(
          scenarios.resolve(key + ".rac"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * A client of this fake with a 30 s timeout and 4 concurrent processes, adjusted by {@code
   * options}.
   */
  public RacClient client(Consumer<RacClient.Builder> options) {
    RacClient.Builder b =
        RacClient.builder()
            .executable(executable)
            .timeout(Duration.ofSeconds(30))
            .maxConcurrency(4);
    options.accept(b);
    return b.build();
  }

  /** Everything the fake logged so far. */
  public List<Event> events() {
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

  /** The pids of every fake rac started so far and of the children they spawned. */
  public Set<Long> pids() {
    return events().stream()
        .flatMap(
            e ->
                e.type().equals("child")
                    ? Stream.of(e.pid(), Long.parseLong(e.data().get(0)))
                    : Stream.of(e.pid()))
        .collect(Collectors.toSet());
  }

  /** The pid of the first fake rac started, if any. */
  public Optional<Long> firstPid() {
    return events().stream().filter(e -> e.type().equals("argv")).map(Event::pid).findFirst();
  }

  /** The processes of this harness still alive (matched on the marker in their command line). */
  public List<String> liveProcesses() {
    return ProcessHandle.allProcesses()
        .filter(h -> h.pid() != ProcessHandle.current().pid())
        .filter(h -> commandLine(h).contains(marker))
        .map(h -> h.pid() + " " + Processes.state(h.pid()) + " " + commandLine(h))
        .collect(Collectors.toList());
  }

  private static String commandLine(ProcessHandle h) {
    String fromProc = Processes.cmdline(h.pid());
    return !fromProc.isEmpty() ? fromProc : h.info().commandLine().orElse("");
  }
}
