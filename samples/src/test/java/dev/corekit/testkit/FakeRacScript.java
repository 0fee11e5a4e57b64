package dev.corekit.testkit;

import dev.corekit.fakerac.FakeRac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fake {@code rac} executable in a folder: a launcher script that runs {@link FakeRac} with the
 * current JVM (as rac-reactive's FakeRacFixture does), scenario files keyed by command words, and
 * the log of the argv of each run.
 */
public final class FakeRacScript {
  private final Path scenarios;
  private final Path log;
  private final Path executable;

  /**
   * Creates the launcher and an empty scenario folder.
   *
   * @param dir an empty temporary folder
   */
  public FakeRacScript(Path dir) {
    this.scenarios = dir.resolve("scenarios");
    this.log = dir.resolve("fake-rac.log");
    this.executable = dir.resolve("rac");
    try {
      Files.createDirectories(scenarios);
      String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
      FakeRac.writeLauncher(executable, java, FakeRac.codeLocation(), scenarios, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The launcher to pass as the rac executable.
   *
   * @return the script's path
   */
  public Path executable() {
    return executable;
  }

  /**
   * Makes the fake print these stdout lines (exit 0) for the command words {@code key}, e.g. {@code
   * "session_list"}.
   *
   * @param key the command words joined by {@code _}
   * @param stdout the lines rac prints (an element may hold several), records separated and ended
   *     by an empty line
   * @return this
   */
  public FakeRacScript prints(String key, String... stdout) {
    List<String> lines = new ArrayList<>();
    for (String chunk : stdout) {
      for (String l : chunk.split("\n", -1)) {
        lines.add("|" + l.replace("\\", "\\\\").replace(" ", "\\s"));
      }
    }
    return scenario(key, lines);
  }

  /**
   * Makes the fake fail like rac: the stderr lines and exit code 255.
   *
   * @param key the command words joined by {@code _}
   * @param stderr the lines rac writes to stderr
   * @return this
   */
  public FakeRacScript fails(String key, String... stderr) {
    List<String> lines = new ArrayList<>();
    lines.add("@exit 255");
    for (String l : stderr) {
      lines.add("!" + l);
    }
    return scenario(key, lines);
  }

  private FakeRacScript scenario(String key, List<String> lines) {
    try {
      Files.writeString(
          scenarios.resolve(key + ".rac"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * The argv of every run so far, in start order (without the executable).
   *
   * @return the argument lists
   */
  public List<List<String>> argvs() {
    if (!Files.exists(log)) {
      return List.of();
    }
    try {
      List<List<String>> all = new ArrayList<>();
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t", -1);
        if (parts[0].equals("argv")) {
          all.add(Arrays.stream(parts).skip(2).map(FakeRac::unescape).toList());
        }
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
