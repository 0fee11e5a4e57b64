package dev.corekit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  private static List<String> simulatorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(n -> n.startsWith("core-sim"))
        .toList();
  }

  @Test
  void restartKeepsPortStateAndTokens() {
    try (CoreSimulator sim = CoreSimulator.builder().build().start()) {
      Http http = new Http(sim).login("admin", "datarhei");
      http.post("/api/v3/process", Http.processJson("keep"));
      int port = sim.port();
      sim.restart();
      assertThat(sim.port()).isEqualTo(port);
      assertThat(sim.isRunning()).isTrue();
      assertThat(http.get("/api/v3/process/keep").status()).isEqualTo(200);

      sim.stop();
      assertThat(sim.isRunning()).isFalse();
      assertThatThrownBy(() -> http.get("/ping")).isInstanceOf(UncheckedIOException.class);
      sim.start();
      assertThat(sim.port()).isEqualTo(port);
      assertThat(http.get("/ping").body()).isEqualTo("pong");
    }
  }

  @Test
  void restartClosesOpenConnections() throws Exception {
    try (CoreSimulator sim = CoreSimulator.builder().build().start()) {
      Http http = new Http(sim);
      http.get("/ping");
      assertThat(sim.stats().openConnections()).isEqualTo(1);
      sim.restart(Duration.ofMillis(100));
      assertThat(Http.await(() -> sim.stats().openConnections() == 0, Duration.ofSeconds(5)))
          .isTrue();
      assertThat(
              Http.await(
                  () -> {
                    try {
                      return http.get("/ping").status() == 200;
                    } catch (UncheckedIOException e) {
                      return false;
                    }
                  },
                  Duration.ofSeconds(5)))
          .isTrue();
      assertThat(sim.stats().connections()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void closeLeavesNoSimulatorThreads() {
    CoreSimulator sim = CoreSimulator.builder().build().start();
    new Http(sim).get("/ping");
    assertThat(simulatorThreads()).isNotEmpty();
    sim.close();
    sim.close();
    assertThat(Http.await(() -> simulatorThreads().isEmpty(), Duration.ofSeconds(5)))
        .as("threads left: %s", simulatorThreads())
        .isTrue();
    assertThatThrownBy(sim::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void recordsPathsExactlyAsReceived() {
    try (CoreSimulator sim = CoreSimulator.builder().auth(false).build().start()) {
      String raw = "/api/v3/process/a%2Fb%20c%25d%C3%A9/metadata/..";
      String answer =
          Http.raw(
              sim,
              "GET "
                  + raw
                  + "?x=1%202&y=%C3%A9&x=3 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Connection: close\r\nX-Test: yes\r\n\r\n");
      assertThat(answer).startsWith("HTTP/1.1 404");
      assertThat(answer)
          .contains(
              "{\"code\":404,\"message\":\"Unknown process ID\",\"details\":[\"unknown process\"]}");
      RecordedRequest r = sim.stats().lastRequest();
      assertThat(r.rawPath()).isEqualTo(raw);
      assertThat(r.rawQuery()).isEqualTo("x=1%202&y=%C3%A9&x=3");
      assertThat(r.pathSegments())
          .containsExactly("api", "v3", "process", "a/b c%d\u00e9", "metadata", "..");
      assertThat(r.query().get("x")).containsExactly("1 2", "3");
      assertThat(r.query().get("y")).containsExactly("\u00e9");
      assertThat(r.header("x-test")).isEqualTo("yes");
      assertThat(r.route()).isEqualTo("GET /api/v3/process/{id}/metadata/{key}");
      assertThat(sim.stats().requests("GET " + raw)).isEqualTo(1);
      assertThat(sim.stats().requests("GET /api/v3/process/{id}/metadata/{key}")).isEqualTo(1);
    }
  }

  @Test
  void encodedSlashStaysInsideAProcessId() {
    try (CoreSimulator sim = CoreSimulator.builder().build().start()) {
      Http http = new Http(sim).login("admin", "datarhei");
      assertThat(http.post("/api/v3/process", Http.processJson("a/b c")).status()).isEqualTo(200);
      assertThat(http.get("/api/v3/process/a%2Fb%20c").json().get("id").asText())
          .isEqualTo("a/b c");
      assertThat(
              http.send("PUT", "/api/v3/fs/mem/dir%2Fsub/caf%C3%A9.txt", "x", "text/plain")
                  .status())
          .isEqualTo(201);
      assertThat(http.get("/api/v3/fs/mem?glob=/dir/**").json().get(0).get("name").asText())
          .isEqualTo("/dir/sub/caf\u00e9.txt");
    }
  }

  @Test
  void unknownRoutesAnswerCoresNotFound() {
    try (CoreSimulator sim = CoreSimulator.builder().build().start()) {
      Http http = new Http(sim);
      assertThat(http.get("/nothing/here").body())
          .isEqualTo("{\"code\":404,\"message\":\"Not Found\",\"details\":[\"Not Found\"]}");
      assertThat(http.get("/api/v3/nothing").status()).isEqualTo(403);
      http.login("admin", "datarhei");
      assertThat(http.get("/api/v3/nothing").body())
          .isEqualTo("{\"code\":404,\"message\":\"Not Found\",\"details\":[\"Not Found\"]}");
      assertThat(http.get("/api/v3/cluster").status()).isEqualTo(404);
    }
  }
}
