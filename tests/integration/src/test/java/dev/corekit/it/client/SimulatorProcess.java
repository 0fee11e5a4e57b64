package dev.corekit.it.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Core simulator run as a separate JVM from its runnable jar, so that memory measured in the
 * test JVM is the client's alone.
 */
final class SimulatorProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final String baseUrl;

  private SimulatorProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  static SimulatorProcess start(String... options) throws Exception {
    Path jar =
        Path.of(
            System.getProperty(
                "core.simulator.jar", "../core-simulator/target/core-simulator.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "the simulator jar is missing: " + jar.toAbsolutePath() + " (run the build)");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(List.of(java, "-Xmx1g", "-jar", jar.toString(), "--port", "0"));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<String> url =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null) {
                  Matcher matcher = URL.matcher(line);
                  if (matcher.find()) {
                    return matcher.group(1);
                  }
                }
                throw new IllegalStateException("the simulator ended without printing its URL");
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      return new SimulatorProcess(process, url.get(30, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  String baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
