package dev.corekit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.simulator.CoreSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The server under load: a Core simulator started by {@code run.sh} from its runnable jar (in a JVM
 * of its own), a real Core, or, for the smoke tests, a simulator embedded in this JVM. Talks to the
 * simulator's admin endpoint ({@code --admin}) for its counters and seeding.
 */
final class Target implements AutoCloseable {
  private static final HttpClient ADMIN =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  final String url;
  final String user;
  final String password;
  private final @Nullable CoreSimulator embedded;

  private Target(String url, String user, String password, @Nullable CoreSimulator embedded) {
    this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  static Target of(String url, String user, String password) {
    return new Target(url, user, password, null);
  }

  /**
   * A simulator in this JVM (smoke tests only: it shares the heap and the CPU time of the client).
   */
  static Target embedded(UnaryOperator<CoreSimulator.Builder> options) {
    CoreSimulator sim =
        options
            .apply(CoreSimulator.builder().user("admin").password("secret").admin(true))
            .build()
            .start();
    return new Target(sim.baseUrl(), "admin", "secret", sim);
  }

  /** The simulator's counters ({@code GET /_sim/stats}). */
  JsonNode stats() {
    return Mappers.tree(admin("GET", "/_sim/stats"));
  }

  /** Makes the simulator list {@code n} synthetic processes. */
  void seed(long n) {
    admin("POST", "/_sim/seed?processes=" + n);
  }

  /**
   * Adds a fault rule ({@code POST /_sim/faults}), such as {@code {"route":"GET
   * /api/v3/process","fault":"latency","ms":100}}.
   */
  void fault(String json) {
    admin("POST", "/_sim/faults", json);
  }

  /** Removes every fault rule. */
  void clearFaults() {
    admin("DELETE", "/_sim/faults", null);
  }

  private String admin(String method, String path) {
    return admin(method, path, null);
  }

  private String admin(String method, String path, @Nullable String json) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url + path))
              .method(
                  method,
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json))
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30))
              .build();
      HttpResponse<String> response = ADMIN.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            method
                + " "
                + path
                + " answered "
                + response.statusCode()
                + " (is the simulator run with --admin?)");
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }

  @Override
  public String toString() {
    return url + (embedded != null ? " (embedded simulator)" : "");
  }
}
