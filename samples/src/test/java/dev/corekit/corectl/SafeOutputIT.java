package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.corekit.core.CoreClient;
import dev.corekit.core.model.ProcessCommandName;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.core.model.ProcessExecState;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.CoreVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What corectl prints is fit for a production server: Core 16.16's memfs password (which it writes
 * into command and log lines) is hidden unless {@code --show-secrets} asks for it, unknown values
 * print as {@code -}, and errors name their cause in the user's words.
 */
class SafeOutputIT {
  private static final String PASSWORD = "it-secret-0a9f";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static CoreSimulator core1616;
  private static CoreSimulator core1620;
  private static Map<String, String> env1616;
  private static Map<String, String> env1620;
  private static String memfsPassword;

  @BeforeAll
  static void start() {
    core1616 =
        CoreSimulator.builder()
            .coreVersion(CoreVersion.V16_16)
            .user("admin")
            .password(PASSWORD)
            .processStartDelay(Duration.ZERO)
            .build()
            .start();
    core1620 = CoreSimulator.builder().user("admin").password(PASSWORD).build().start();
    env1616 = Cli.env(core1616.baseUrl(), "admin", PASSWORD);
    env1620 = Cli.env(core1620.baseUrl(), "admin", PASSWORD);
    try (CoreClient client = client(core1616)) {
      memfsPassword =
          client.config().get().block(WAIT).config().storage().memory().auth().password();
      client.processes().create(hls("hls")).block(WAIT);
      client
          .processes()
          .command(
              "hls",
              dev.corekit.core.model.ProcessCommand.builder()
                  .command(ProcessCommandName.START)
                  .build())
          .block(WAIT);
      client
          .processes()
          .watch("hls")
          .filter(state -> state.exec().equals(ProcessExecState.RUNNING))
          .next()
          .block(WAIT);
    }
    assertThat(memfsPassword).isNotBlank();
  }

  @AfterAll
  static void stop() {
    core1616.close();
    core1620.close();
  }

  private static CoreClient client(CoreSimulator sim) {
    return CoreClient.builder().baseUrl(sim.baseUrl()).credentials("admin", PASSWORD).build();
  }

  private static ProcessConfig hls(String id) {
    return ProcessConfig.builder()
        .id(id)
        .addInput(
            ProcessConfigIo.builder()
                .id("in")
                .address("testsrc2=rate=25:size=640x360")
                .addOptions("-f", "lavfi", "-re")
                .build())
        .addOutput(
            ProcessConfigIo.builder()
                .id("out")
                .address("{memfs}/" + id + ".m3u8")
                .addOptions("-codec:v", "libx264", "-f", "hls")
                .build())
        .autostart(false)
        .build();
  }

  @Test
  void processOutputHidesTheMemfsPasswordOfCore1616UnlessAskedToShowIt() {
    String hidden = "http://admin:***@127.0.0.1:" + core1616.port() + "/memfs/hls.m3u8";
    String[][] runs = {
      {"process", "state", "hls", "--json"},
      {"process", "get", "hls", "--json"},
      {"process", "list", "--json"},
      {"process", "logs", "hls", "-n", "100"},
      {"process", "logs", "hls", "-n", "100", "--json"},
      {"process", "report", "hls"},
      {"process", "list"}
    };
    for (String[] run : runs) {
      Cli.Result result = Cli.run(env1616, run).ok();
      assertThat(result.out() + result.err())
          .as("corectl %s", String.join(" ", run))
          .doesNotContain(memfsPassword);
      if (run.length > 2 && !run[1].equals("list")) {
        assertThat(result.out()).as("corectl %s", String.join(" ", run)).contains(hidden);
      }
    }
    // Asked to, it shows them (and so the runs above would have, had they not been hidden).
    assertThat(Cli.run(env1616, "--show-secrets", "process", "state", "hls", "--json").ok().out())
        .contains("http://admin:" + memfsPassword + "@127.0.0.1:" + core1616.port() + "/memfs/");
  }

  @Test
  void unknownValuesPrintAsADash() {
    try (CoreClient client = client(core1620)) {
      client.processes().create(hls("idle")).block(WAIT);
    }
    String state = Cli.run(env1620, "process", "state", "idle").ok().out();
    assertThat(state)
        .containsPattern("(?m)^uptime: +-$")
        .containsPattern("(?m)^pid: +-$")
        .containsPattern("(?m)^cpu: +-$")
        .containsPattern("(?m)^memory: +-$");
    assertThat(Cli.run(env1620, "process", "list", "--idpattern", "idle").ok().out())
        .containsPattern("(?m)^idle +stop +finished +- *$");
    assertThat(Cli.run(env1620, "process", "report", "idle").ok().out())
        .startsWith("current run (created -):")
        .doesNotContain("0001-01-01")
        .doesNotContain("1970-01-01");
  }

  @Test
  void metadataOfAProcessWithoutAnyIsEmpty() {
    try (CoreClient client = client(core1620)) {
      client.processes().create(hls("nometa")).block(WAIT);
    }
    Cli.Result text = Cli.run(env1620, "process", "metadata", "nometa").ok();
    assertThat(text.out()).isEmpty();
    assertThat(text.err()).isEmpty();
    assertThat(Cli.run(env1620, "process", "metadata", "nometa", "--json").ok().out().strip())
        .isEqualTo("{ }");
  }

  @Test
  void prometheusSwitchedOffIsNamedWithTheSettingThatSwitchesItOn() {
    // The simulator, like Core with the default config, has no /metrics: 404.
    assertThat(Cli.run(env1616, "metrics", "--prometheus").failsWith(1).err())
        .contains("Prometheus metrics are switched off")
        .contains("metrics.enable_prometheus")
        .contains("CORE_METRICS_ENABLE_PROMETHEUS=true");
  }

  @Test
  void errorsNameTheCauseInTheUsersWords(@TempDir Path dir) throws IOException {
    Path broken =
        Files.writeString(dir.resolve("cam.json"), "{\"id\": \"x\",\n  \"input\": [\n  }\n");
    assertThat(Cli.run(env1616, "process", "create", "-f", broken.toString()).failsWith(2).err())
        .startsWith(
            "corectl: " + broken + " line 3 column 3: not valid JSON: unexpected close marker '}'")
        .doesNotContain("Source")
        .doesNotContain("StreamReadFeature")
        .doesNotContain("code 125");

    String server = "127.0.0.1:" + core1616.port();
    Map<String, String> https = Cli.env("https://" + server, "admin", PASSWORD);
    assertThat(Cli.run(https, "--retries", "0", "about").failsWith(1).err())
        .contains(server + " does not speak TLS")
        .contains("use http://" + server);

    HttpServer notCore =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    notCore.createContext(
        "/",
        exchange -> {
          byte[] page =
              "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head></html>"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          exchange.sendResponseHeaders(404, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    notCore.start();
    try {
      String url = "http://127.0.0.1:" + notCore.getAddress().getPort();
      assertThat(Cli.run(Map.of("CORE_URL", url), "about").failsWith(1).err())
          .isEqualTo(
              "corectl: not a datarhei Core server at "
                  + url
                  + ": GET /api answered 404 text/html (Welcome to nginx!)\n");
    } finally {
      notCore.stop(0);
    }
  }
}
