package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreClient;
import dev.corekit.samples.TestPattern;
import dev.corekit.simulator.CoreSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code about}, {@code metrics}, {@code log}, {@code skills}, {@code config get} and {@code
 * events}.
 */
class ServerCommandsIT {
  private static final String PASSWORD = "it-Secret-9f3b";
  private static CoreSimulator sim;
  private static Map<String, String> env;

  @BeforeAll
  static void start() {
    sim = CoreSimulator.builder().user("admin").password(PASSWORD).build().start();
    env = Cli.env(sim.baseUrl(), "admin", PASSWORD);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void aboutMetricsLogAndSkillsPrintTablesOrJson() {
    JsonNode about = Cli.run(env, "about", "--json").ok().json();
    assertThat(about.path("app").asText()).isEqualTo("datarhei-core");
    assertThat(about.path("version").path("number").asText()).isEqualTo("16.20.0");
    assertThat(Cli.run(env, "about").ok().out())
        .contains("version: 16.20.0", "url:     " + sim.baseUrl());
    // An injected access token instead of a user and password: the full answer needs a valid token.
    JsonNode withToken =
        Cli.run(
                Map.of("CORE_URL", sim.baseUrl()),
                "--token",
                sim.issueTokens().accessToken(),
                "about",
                "--json")
            .ok()
            .json();
    assertThat(withToken.path("name").asText()).isNotEmpty();

    JsonNode metrics = Cli.run(env, "metrics", "--json").ok().json();
    assertThat(metrics.isArray()).isTrue();
    assertThat(metrics.get(0).has("name")).isTrue();
    assertThat(Cli.run(env, "metrics").ok().out()).startsWith("NAME").contains("DESCRIPTION");

    JsonNode log = Cli.run(env, "log", "--json").ok().json();
    assertThat(log.isArray()).isTrue();
    assertThat(log).isNotEmpty();
    assertThat(Cli.run(env, "log", "--lines", "1").ok().out().lines()).hasSize(1);

    JsonNode skills = Cli.run(env, "skills", "--json").ok().json();
    assertThat(skills.path("ffmpeg").path("version").asText()).isNotEmpty();
    assertThat(Cli.run(env, "skills").ok().out()).contains("ffmpeg:", "codecs:");
  }

  @Test
  void configGetMasksSecretsUnlessAskedToShowThem() {
    Cli.Result masked = Cli.run(env, "config", "get", "--json").ok();
    JsonNode config = masked.json().path("config");
    assertThat(config.path("api").path("auth").path("password").asText()).isEqualTo("***");
    assertThat(config.path("api").path("auth").path("jwt").path("secret").asText())
        .isEqualTo("***");
    assertThat(config.path("storage").path("memory").path("auth").path("password").asText())
        .isEqualTo("***");
    assertThat(config.path("api").path("auth").path("username").asText()).isEqualTo("admin");
    assertThat(masked.out()).doesNotContain(PASSWORD);
    assertThat(Cli.run(env, "config", "get").ok().out())
        .contains("password: \"***\"")
        .doesNotContain(PASSWORD);

    assertThat(
            Cli.run(env, "config", "get", "api.auth.password", "--show-secrets").ok().out().strip())
        .isEqualTo(PASSWORD);
    assertThat(Cli.run(env, "config", "get", "no.such.part").failsWith(2).err())
        .contains("no.such.part");
  }

  @Test
  void eventsStreamAsJsonLinesUntilMax() throws Exception {
    Path out = Files.createTempFile("events", ".out");
    Process p =
        Cli.builder(env, "events", "--json", "--max", "2", "--filter", "event=process")
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (CoreClient core =
        CoreClient.builder().baseUrl(sim.baseUrl()).credentials("admin", PASSWORD).build()) {
      // Process events until corectl has seen two; it subscribes at some point after its start.
      int n = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (p.isAlive() && System.nanoTime() < deadline) {
        String id = "ev" + n++;
        core.processes()
            .create(TestPattern.config(id))
            .then(core.processes().delete(id))
            .block(Duration.ofSeconds(10));
        p.waitFor(300, TimeUnit.MILLISECONDS);
      }
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
      List<String> lines = Files.readAllLines(out);
      assertThat(lines).hasSize(2);
      for (String line : lines) {
        assertThat(Cli.JSON.readTree(line).path("event").asText()).isEqualTo("process");
      }
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(out);
    }
  }
}
