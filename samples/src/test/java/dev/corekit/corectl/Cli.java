package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code corectl.jar} (the path in the system property {@code corectl.jar}) as a subprocess,
 * as a user would: {@code java -jar corectl.jar ...}, with the {@code CORE_*} variables of this JVM
 * removed.
 */
final class Cli {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  /** The outcome of one run. */
  record Result(List<String> args, int exit, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new AssertionError(
            "stdout of corectl " + args + " is not JSON: " + out + "\nstderr: " + err, e);
      }
    }

    /** Asserts exit code 0 and returns this. */
    Result ok() {
      assertThat(exit).as("exit code of corectl %s; stderr: %s", args, err).isZero();
      return this;
    }

    /**
     * Asserts the exit code and that stderr is one line starting with "corectl:", without a stack
     * trace.
     */
    Result failsWith(int code) {
      assertThat(exit)
          .as("exit code of corectl %s; stdout: %s stderr: %s", args, out, err)
          .isEqualTo(code);
      assertThat(err)
          .startsWith("corectl: ")
          .doesNotContain("\tat ")
          .doesNotContain("Exception in thread");
      if (code == 1) {
        assertThat(err.strip().lines()).as("stderr of corectl %s", args).hasSize(1);
      }
      return this;
    }
  }

  private Cli() {}

  static Path jar() {
    String jar = System.getProperty("corectl.jar");
    assertThat(jar)
        .as("system property corectl.jar (set by the failsafe configuration)")
        .isNotBlank();
    return Paths.get(jar);
  }

  /** The command line that starts corectl with these arguments. */
  static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    // Quicker start on small machines; the jar runs the same with a plain `java -jar`.
    cmd.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-jar",
            jar().toString()));
    cmd.addAll(Arrays.asList(args));
    return cmd;
  }

  /**
   * Runs corectl with the environment variables given (plus this JVM's, minus CORE_* and RAC_PATH).
   */
  static Result run(Map<String, String> env, String... args) {
    try {
      Path out = Files.createTempFile("corectl-out", ".txt");
      Path err = Files.createTempFile("corectl-err", ".txt");
      try {
        Process p =
            builder(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError("corectl " + List.of(args) + " did not end within " + DEADLINE);
        }
        return new Result(
            List.of(args),
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static ProcessBuilder builder(Map<String, String> env, String... args) {
    ProcessBuilder pb = new ProcessBuilder(command(args));
    pb.environment().keySet().removeIf(k -> k.startsWith("CORE_") || k.equals("RAC_PATH"));
    pb.environment().putAll(env);
    return pb;
  }

  /** Environment variables pointing corectl at a server. */
  static Map<String, String> env(String url, String user, String password) {
    Map<String, String> env = new HashMap<>();
    env.put("CORE_URL", url);
    env.put("CORE_USER", user);
    env.put("CORE_PASSWORD", password);
    return env;
  }
}
