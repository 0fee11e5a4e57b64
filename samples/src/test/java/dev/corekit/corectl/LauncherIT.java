package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code samples/target/corectl} beside corectl.jar: runs the jar with the class-data
 * archive the build made, from anywhere and through a symbolic link; an archive that does not fit
 * (the folder was copied elsewhere) is left unused without a word on stdout or stderr.
 */
class LauncherIT {
  private static final Path TARGET = Cli.jar().getParent();

  @Test
  void theBuildMadeTheLauncherAndTheArchiveAndTheLauncherUsesIt() throws Exception {
    Path launcher = TARGET.resolve("corectl");
    assertThat(Files.isExecutable(launcher)).as("%s is executable", launcher).isTrue();
    assertThat(TARGET.resolve("corectl.jsa"))
        .as("the archive (see target/corectl-cds-training.log)")
        .isNotEmptyFile();

    Run version = run(Map.of("CORECTL_JAVA_OPTS", "-Xlog:cds=info"), launcher, "--version");

    assertThat(version.exit).isZero();
    assertThat(version.out).contains("Mapped dynamic region").contains("corectl ");
  }

  @Test
  void runsThroughALinkAndPrintsWhatTheJarPrints(@TempDir Path dir) throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("corectl"), TARGET.resolve("corectl"));

    Run viaLink = run(Map.of(), link, "--version");

    assertThat(viaLink.exit).isZero();
    assertThat(viaLink.out).isEqualTo(Cli.run(Map.of(), "--version").ok().out());
    assertThat(viaLink.err).isEmpty();
  }

  @Test
  void anArchiveThatDoesNotFitIsIgnoredSilently(@TempDir Path dir) throws Exception {
    for (String name : List.of("corectl", "corectl.jar", "corectl.jsa")) {
      Files.copy(TARGET.resolve(name), dir.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
    }

    Run copied = run(Map.of(), dir.resolve("corectl"), "--version");

    assertThat(copied.exit).isZero();
    assertThat(copied.out).startsWith("corectl ").doesNotContain("warning").doesNotContain("cds");
    assertThat(copied.err).isEmpty();
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(java.util.Map<String, String> env, Path launcher, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().remove("CORECTL_JAVA_OPTS");
      pb.environment()
          .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
      pb.environment().putAll(env);
      Process p = pb.start();
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("%s ended", cmd).isTrue();
      return new Run(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
