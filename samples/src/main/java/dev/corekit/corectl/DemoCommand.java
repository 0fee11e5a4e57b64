package dev.corekit.corectl;

import dev.corekit.core.CoreClient;
import dev.corekit.core.api.FilesystemApi;
import dev.corekit.core.model.About;
import dev.corekit.core.model.FileInfo;
import dev.corekit.core.model.ProcessExecState;
import dev.corekit.samples.FileTransfer;
import dev.corekit.samples.FollowProcess;
import dev.corekit.samples.TestPattern;
import dev.corekit.simulator.CoreSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/**
 * {@code corectl demo}: a short tour of the SDK (login, create a process, watch its state, read its
 * log, upload and list a file, delete), printed step by step. Without {@code --url}/{@code
 * CORE_URL} it starts the embedded Core simulator on a free loopback port, so it needs no server.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "A short tour: log in, create a process, watch its state, read its log, upload and list a file, delete.",
      "Without --url or CORE_URL it starts an embedded Core simulator (no server needed)."
    })
final class DemoCommand extends CoreCommand {
  private static final Duration STEP = Duration.ofSeconds(30);

  @Override
  int run() throws IOException {
    Printer p = printer();
    long started = System.nanoTime();
    String url = url();
    CoreSimulator simulator = null;
    CoreClient core;
    if (url == null) {
      String secret = UUID.randomUUID().toString();
      // A visible 'starting' phase, so that watching the state shows a change.
      simulator =
          CoreSimulator.builder()
              .user("admin")
              .password(secret)
              .processStartDelay(Duration.ofMillis(800))
              .build()
              .start();
      p.line(
          "No --url or CORE_URL given: started the embedded Core simulator at "
              + simulator.baseUrl()
              + " (user admin).");
      core = CoreClient.builder().baseUrl(simulator.baseUrl()).credentials("admin", secret).build();
    } else {
      core = connect(url);
    }
    try {
      tour(core, p);
    } finally {
      core.close();
      if (simulator != null) {
        simulator.close();
      }
    }
    p.line(
        String.format(
            java.util.Locale.ROOT, "Done in %.1f s.", (System.nanoTime() - started) / 1e9));
    if (simulator != null) {
      p.line("Next: point corectl at your server, e.g.");
      p.line(
          "  CORE_URL=http://127.0.0.1:8080 CORE_USER=admin CORE_PASSWORD=... java -jar corectl.jar process list");
    }
    return 0;
  }

  private static void tour(CoreClient core, Printer p) throws IOException {
    About about = core.about().about().block(STEP);
    step(
        p,
        1,
        "login",
        "logged in to "
            + about.name().orElse(about.app())
            + " (Core "
            + about.version().number()
            + ")");

    String id = "corectl-demo-" + UUID.randomUUID().toString().substring(0, 8);
    String file = id + "/hello.txt";
    core.processes().create(TestPattern.config(id)).block(STEP);
    step(p, 2, "create", "created process " + id + ": test pattern -> {memfs}/" + id + ".m3u8");
    boolean deleted = false;
    try {
      List<ProcessExecState> states =
          FollowProcess.statesUntilRunning(core, id).collectList().block(STEP);
      step(
          p,
          3,
          "watch",
          "state " + states.stream().map(Object::toString).collect(Collectors.joining(" -> ")));

      List<String> lines =
          FollowProcess.logLines(core, id, Duration.ofMillis(250))
              .take(5)
              .take(Duration.ofSeconds(5))
              .collectList()
              .block(STEP);
      step(p, 4, "logs", "the first " + lines.size() + " log lines:");
      lines.forEach(l -> p.line("                " + ProcessCommand.abbreviate(l, 100)));

      Path dir = Files.createTempDirectory("corectl-demo");
      try {
        Path local =
            Files.writeString(
                dir.resolve("hello.txt"), "Hello from corectl demo!\n", StandardCharsets.UTF_8);
        FileTransfer.Result r =
            FileTransfer.roundTrip(core, "mem", local, file, dir.resolve("back.txt"));
        step(
            p, 5, "upload", "uploaded hello.txt (" + r.uploadedBytes() + " bytes) to mem:/" + file);
        step(
            p,
            6,
            "list",
            "mem:/"
                + id
                + "/* -> "
                + r.listed().stream().map(FileInfo::name).collect(Collectors.joining(", "))
                + "; downloaded "
                + r.downloadedBytes()
                + " bytes back, then removed it");
      } finally {
        deleteQuietly(dir.resolve("hello.txt"));
        deleteQuietly(dir.resolve("back.txt"));
        deleteQuietly(dir);
      }

      core.processes().delete(id).block(STEP);
      deleted = true;
      int removed = deleteOutputs(core, id);
      step(
          p,
          7,
          "delete",
          "deleted process " + id + " and the " + removed + " files it wrote to mem:/" + id + "*");
    } finally {
      if (!deleted) {
        cleanUp(core, id);
      }
    }
  }

  /**
   * Deletes every file of the memory filesystem whose name starts with the demo's id: the HLS
   * playlist and segments its process wrote (Core keeps them after the process is deleted) and
   * anything the tour uploaded. Lists again after deleting, in case a last write landed meanwhile.
   *
   * @return the number of files deleted
   */
  private static int deleteOutputs(CoreClient core, String id) {
    FilesystemApi.ListQuery mine = FilesystemApi.ListQuery.builder().glob("/" + id + "**").build();
    int removed = 0;
    for (int round = 0; round < 3; round++) {
      List<FileInfo> left = core.filesystems().list("mem", mine).collectList().block(STEP);
      if (left.isEmpty()) {
        return removed;
      }
      for (FileInfo f : left) {
        try {
          core.filesystems().delete("mem", f.name()).block(STEP);
          removed++;
        } catch (dev.corekit.core.CoreNotFoundException gone) {
          // deleted meanwhile (ffmpeg's own segment deletion)
        }
      }
    }
    return removed;
  }

  private static void step(Printer p, int n, String what, String text) {
    p.line(String.format(java.util.Locale.ROOT, "%d. %-8s %s", n, what, text));
  }

  private static void cleanUp(CoreClient core, String id) {
    try {
      core.processes().delete(id).block(STEP);
    } catch (RuntimeException e) {
      // the tour failed already; that error is the one to report
    }
    try {
      deleteOutputs(core, id);
    } catch (RuntimeException e) {
      // as above
    }
  }

  private static void deleteQuietly(@Nullable Path path) {
    try {
      if (path != null) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // a temporary file left behind
    }
  }
}
