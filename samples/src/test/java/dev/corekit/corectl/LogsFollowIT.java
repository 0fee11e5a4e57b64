package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreClient;
import dev.corekit.core.model.ProcessCommandName;
import dev.corekit.samples.TestPattern;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.CoreVersion;
import dev.corekit.simulator.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code process logs --follow}: polls the report on 16.16, follows the process event stream on
 * 16.20, and prints the end of the followed run when the process restarts.
 */
class LogsFollowIT {
  private static final Duration CALL = Duration.ofSeconds(30);
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String EXIT_LINE = "Exiting normally, received signal 2.";

  @Test
  void pollingOn1616PrintsTheLastLinesOfTheRunBeforeARestartThenTheNewRun() throws Exception {
    followAcrossARestart(CoreVersion.V16_16);
  }

  @Test
  void onTheEventStreamOf1620ARestartShowsTheEndOfTheOldRunThenTheNewRun() throws Exception {
    followAcrossARestart(CoreVersion.V16_20);
  }

  @Test
  void on1620NewLinesComeFromTheEventStreamNotFromPolling() throws Exception {
    try (CoreSimulator sim = sim(CoreVersion.V16_20);
        CoreClient core = client(sim)) {
      core.processes().create(TestPattern.config("ev1")).block(CALL);
      Path out = Files.createTempFile("follow", ".out");
      Process p = follow(sim, "ev1", out);
      try {
        // The simulated ffmpeg writes a progress line each second.
        awaitOutput(out, lines -> lines.stream().filter(l -> l.startsWith("frame=")).count() >= 3);

        assertThat(sim.stats().requests("POST /api/v3/events/process")).isPositive();
        // One report for the first lines; the 100 ms interval would have polled many more.
        assertThat(sim.stats().requests("GET /api/v3/process/{id}/report")).isEqualTo(1);
        assertThat(Files.readAllLines(out)).doesNotHaveDuplicates();
      } finally {
        p.destroyForcibly().waitFor();
        Files.deleteIfExists(out);
      }
    }
  }

  @Test
  void aServerThatHidesItsVersionAndHasNoEventStreamIsPolled() throws Exception {
    try (CoreSimulator sim = sim(CoreVersion.V16_16);
        CoreClient core = client(sim)) {
      // GET /api without the id: the client cannot tell the version, sends the event request, and
      // the 16.16 server answers 404.
      sim.faults()
          .on("GET /api")
          .inject(
              Fault.respond(
                  200,
                  "application/json",
                  "{\"app\":\"datarhei-core\",\"version\":{\"number\":\"16.16.0\"}}"));
      core.processes().create(TestPattern.config("hidden1")).block(CALL);
      Path out = Files.createTempFile("follow", ".out");
      Process p = follow(sim, "hidden1", out);
      try {
        awaitOutput(out, lines -> lines.stream().filter(l -> l.startsWith("frame=")).count() >= 2);

        assertThat(sim.stats().requests("POST /api/v3/events/process")).isPositive();
        assertThat(p.isAlive()).isTrue();
      } finally {
        p.destroyForcibly().waitFor();
        Files.deleteIfExists(out);
      }
    }
  }

  private static void followAcrossARestart(CoreVersion version) throws Exception {
    try (CoreSimulator sim = sim(version);
        CoreClient core = client(sim)) {
      core.processes().create(TestPattern.config("r1")).block(CALL);
      Path out = Files.createTempFile("follow", ".out");
      Process p = follow(sim, "r1", out);
      try {
        awaitOutput(out, lines -> lines.stream().anyMatch(l -> l.startsWith("frame=")));

        core.processes()
            .command(
                "r1",
                dev.corekit.core.model.ProcessCommand.builder()
                    .command(ProcessCommandName.RESTART)
                    .build())
            .block(CALL);

        // The old run's exit line (only in the report's history by then), then the new run.
        List<String> lines =
            awaitOutput(
                out,
                seen ->
                    seen.contains(EXIT_LINE)
                        && seen.subList(seen.indexOf(EXIT_LINE), seen.size()).stream()
                            .anyMatch(l -> l.startsWith("ffmpeg version")));
        int exit = lines.indexOf(EXIT_LINE);
        assertThat(lines.subList(0, exit)).noneMatch(l -> l.startsWith("ffmpeg version"));
      } finally {
        p.destroyForcibly().waitFor();
        Files.deleteIfExists(out);
      }
    }
  }

  /** Starts {@code corectl process logs ID --follow --lines 0 --interval 100ms}. */
  private static Process follow(CoreSimulator sim, String id, Path out) throws IOException {
    return Cli.builder(
            Cli.env(sim.baseUrl(), "admin", "it-secret"),
            "process",
            "logs",
            id,
            "--follow",
            "--lines",
            "0",
            "--interval",
            "100ms")
        .redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static List<String> awaitOutput(
      Path out, java.util.function.Predicate<List<String>> done) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> read(out), done);
  }

  private static List<String> read(Path out) {
    try {
      return Files.readAllLines(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CoreSimulator sim(CoreVersion version) {
    return CoreSimulator.builder()
        .user("admin")
        .password("it-secret")
        .coreVersion(version)
        .build()
        .start();
  }

  private static CoreClient client(CoreSimulator sim) {
    return CoreClient.builder().baseUrl(sim.baseUrl()).credentials("admin", "it-secret").build();
  }
}
