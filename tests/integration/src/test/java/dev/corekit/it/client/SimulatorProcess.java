package dev.corekit.it.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Core simulator run as a separate JVM from its runnable jar, so that memory measured in the
 * test JVM is the client's alone. Its output is read for as long as it runs, so it never blocks on
 * a full pipe.
 */
public final class SimulatorProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  private SimulatorProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts the simulator and waits (up to 30 s) until it listens.
   *
   * @param maxHeap the simulator JVM's {@code -Xmx} value, e.g. {@code 1g}
   * @param options the simulator's command-line options ({@code --port 0} is always given)
   * @return the running simulator
   */
  public static SimulatorProcess start(String maxHeap, String... options) throws Exception {
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
        new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-jar", jar.toString(), "--port", "0"));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  Matcher m = URL.matcher(line);
                  if (m.find()) {
                    url.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                url.completeExceptionally(e);
              }
              url.completeExceptionally(
                  new IllegalStateException("the simulator ended without printing its URL"));
            },
            "simulator-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new SimulatorProcess(process, url.get(30, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The simulator's base URL. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Posts to the simulator (its {@code /_sim} admin endpoints, when started with {@code --admin}).
   *
   * @return the answer's body
   * @throws IllegalStateException when the answer is not a success
   */
  public String post(String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException("POST " + path + " -> " + r.statusCode() + ": " + r.body());
    }
    return r.body();
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
