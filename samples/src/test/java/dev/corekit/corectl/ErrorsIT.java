package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.Fault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes (0, 1, 2), one-line messages naming the cause, no stack traces, no passwords. */
class ErrorsIT {
  private static final String PASSWORD = "pw-Never-Printed-71";
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
  void badArgumentsAndUsageExitWith2(@TempDir Path dir) throws IOException {
    assertThat(Cli.run(Map.of()).failsWith(2).err()).contains("a command is required");
    assertThat(Cli.run(env, "procss", "list").failsWith(2).err()).contains("procss");
    assertThat(Cli.run(env, "process", "create").failsWith(2).err()).contains("--file");
    assertThat(Cli.run(env, "--timeout", "soon", "about").failsWith(2).err())
        .contains("'soon' is not a duration");
    assertThat(Cli.run(Map.of(), "process", "list").failsWith(2).err())
        .isEqualTo(
            "corectl: no Core server given: pass --url URL or set CORE_URL (or try 'corectl demo')\n");
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "id: x\ninput: [\n");
    assertThat(Cli.run(env, "process", "create", "-f", bad.toString()).failsWith(2).err())
        .contains("bad.yaml: not valid YAML");
    Path noOutput =
        Files.writeString(
            dir.resolve("half.json"), "{\"id\":\"x\",\"input\":[{\"address\":\"a\"}]}");
    assertThat(Cli.run(env, "process", "create", "-f", noOutput.toString()).failsWith(2).err())
        .contains("half.json: invalid process config")
        .contains("output");
    assertThat(Cli.run(env, "apply", dir.resolve("nowhere").toString()).failsWith(2).err())
        .contains("nowhere: no such folder");
  }

  @Test
  void runtimeErrorsExitWith1AndNameTheCause() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Map<String, String> refused = Cli.env("http://127.0.0.1:" + closedPort, "admin", PASSWORD);
    assertThat(Cli.run(refused, "--retries", "0", "about").failsWith(1).err())
        .startsWith("corectl: cannot connect to Core:")
        .contains("connection refused by 127.0.0.1:" + closedPort)
        .doesNotContain("Exception");

    Map<String, String> wrong = new HashMap<>(env);
    wrong.put("CORE_PASSWORD", "not-the-password");
    assertThat(Cli.run(wrong, "process", "list").failsWith(1).err())
        .startsWith("corectl: authentication failed:")
        .contains("/api/login");

    sim.faults().on("GET /api").times(1).inject(Fault.latency(Duration.ofSeconds(5)));
    assertThat(Cli.run(env, "--timeout", "1s", "--retries", "0", "about").failsWith(1).err())
        .startsWith("corectl: Core did not answer in time:");
    sim.faults().clear();

    assertThat(Cli.run(env, "process", "get", "ghost").failsWith(1).err())
        .startsWith("corectl: not found: GET /api/v3/process/ghost answered 404");
    assertThat(Cli.run(env, "process", "start", "ghost").failsWith(1).err()).contains("ghost");
  }

  @Test
  void debugShowsStackTracesButNeverThePassword() {
    Cli.Result failed = Cli.run(env, "--debug", "process", "get", "ghost");
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.err()).contains("\tat ").contains("CoreNotFoundException").contains("DEBUG");
    Cli.Result ok = Cli.run(env, "--debug", "process", "list", "--json").ok();
    for (Cli.Result r : new Cli.Result[] {failed, ok}) {
      assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
    }
    Map<String, String> viaOption = Cli.env(sim.baseUrl(), "admin", "");
    Cli.Result withOption = Cli.run(viaOption, "--debug", "--password", PASSWORD, "about");
    assertThat(withOption.exit()).isZero();
    assertThat(withOption.out() + withOption.err()).doesNotContain(PASSWORD);
  }
}
