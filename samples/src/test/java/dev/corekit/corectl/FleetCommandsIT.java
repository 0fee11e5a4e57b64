package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreClient;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code corectl fleet ...} run as a subprocess against three simulated Cores, one of them down,
 * and several URLs of an ordinary command taken as the nodes of one cluster.
 */
class FleetCommandsIT {
  private static final String PASSWORD = "fleet-it-secret";
  private static final List<CoreSimulator> sims = new ArrayList<>();

  @BeforeAll
  static void start() {
    for (int i = 0; i < 3; i++) {
      CoreSimulator sim =
          CoreSimulator.builder().user("admin").password(PASSWORD).name("core-" + i).build();
      sims.add(sim.start());
    }
    for (int i : new int[] {0, 2}) {
      try (CoreClient client =
          CoreClient.builder()
              .baseUrl(sims.get(i).baseUrl())
              .credentials("admin", PASSWORD)
              .build()) {
        client.processes().create(process("cam-" + i)).block(Duration.ofSeconds(10));
      }
    }
    sims.get(1).stop();
  }

  @AfterAll
  static void stop() {
    sims.forEach(CoreSimulator::close);
  }

  private static ProcessConfig process(String id) {
    return ProcessConfig.builder()
        .id(id)
        .reference("lobby")
        .autostart(false)
        .addInput(
            ProcessConfigIo.builder().id("in").address("testsrc2=rate=25:size=640x360").build())
        .addOutput(
            ProcessConfigIo.builder().id("out").address("-").addOptions("-f", "null").build())
        .build();
  }

  private static String node(int i) {
    return "127.0.0.1:" + sims.get(i).port();
  }

  /** The environment with every simulator's URL in CORE_URL, comma-separated. */
  private static Map<String, String> allInEnv() {
    return Cli.env(
        String.join(",", sims.stream().map(CoreSimulator::baseUrl).toList()), "admin", PASSWORD);
  }

  /** Arguments giving each simulator with its own --url, then the command. */
  private static String[] withUrls(String... command) {
    List<String> args = new ArrayList<>();
    for (CoreSimulator sim : sims) {
      args.add("--url");
      args.add(sim.baseUrl());
    }
    args.addAll(List.of("--retries", "0"));
    args.addAll(List.of(command));
    return args.toArray(String[]::new);
  }

  @Test
  void listsTheProcessesOfEveryCoreWithTheirNodeAndTheDownCoreInItsOwnRow() {
    Map<String, String> env = Cli.env("", "admin", PASSWORD);
    env.remove("CORE_URL");
    Cli.Result table = Cli.run(env, withUrls("fleet", "process", "list")).ok();
    List<String> lines = table.out().lines().toList();
    assertThat(lines.get(0)).startsWith("NODE").contains("ID", "REFERENCE", "STATE");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(node(0)).contains("cam-0", "lobby"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(node(2)).contains("cam-2", "lobby"));
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(node(1))
                    .contains("failed", "cannot connect to Core", "connection refused"));
    assertThat(table.err()).as("some Cores answered: no error line").isEmpty();
  }

  @Test
  void printsOneJsonObjectPerCoreWithItsProcessesOrItsError() {
    JsonNode nodes = Cli.run(allInEnv(), "fleet", "process", "list", "--json").ok().json();
    assertThat(nodes).hasSize(3);
    assertThat(nodes.get(0).path("node").asText()).isEqualTo(node(0));
    assertThat(nodes.get(0).path("ok").asBoolean()).isTrue();
    assertThat(nodes.get(0).path("processes").get(0).path("id").asText()).isEqualTo("cam-0");
    assertThat(nodes.get(1).path("ok").asBoolean()).isFalse();
    assertThat(nodes.get(1).path("url").asText()).isEqualTo(sims.get(1).baseUrl());
    assertThat(nodes.get(1).path("error").path("type").asText()).isEqualTo("CoreConnectException");
    assertThat(nodes.get(1).path("error").path("message").asText())
        .contains(String.valueOf(sims.get(1).port()));
    assertThat(nodes.get(2).path("processes").get(0).path("id").asText()).isEqualTo("cam-2");
  }

  @Test
  void showsEachCoresVersionAndUptimeOrWhyItDidNotAnswer() {
    Cli.Result about = Cli.run(allInEnv(), "fleet", "about").ok();
    List<String> lines = about.out().lines().toList();
    assertThat(lines.get(0)).startsWith("NODE").contains("STATE", "VERSION", "UPTIME", "ERROR");
    assertThat(lines.get(1)).startsWith(node(0)).contains("up", "16.20.0", "core-0");
    assertThat(lines.get(2)).startsWith(node(1)).contains("failed", "cannot connect to Core");
    assertThat(lines.get(3)).startsWith(node(2)).contains("up", "core-2");

    JsonNode json = Cli.run(allInEnv(), "--json", "fleet", "about").ok().json();
    assertThat(json.get(0).path("about").path("name").asText()).isEqualTo("core-0");
    assertThat(json.get(1).has("about")).isFalse();
  }

  @Test
  void failsWithOneLineNamingEveryCoreWhenNoneAnswered() {
    Cli.Result result =
        Cli.run(
                Cli.env(sims.get(1).baseUrl() + ",http://127.0.0.1:1", "admin", PASSWORD),
                "--retries",
                "0",
                "fleet",
                "about")
            .failsWith(1);
    assertThat(result.err())
        .contains("every Core failed", node(1), "127.0.0.1:1 (cannot connect")
        .doesNotContain(PASSWORD);
  }

  @Test
  void severalUrlsOfAnOrdinaryCommandAreOneClusterAndAStoppedFirstNodeIsPassedOver() {
    // The stopped Core first: the call moves to the next URL (connection refused: nothing sent).
    JsonNode list =
        Cli.run(
                Cli.env(sims.get(1).baseUrl() + "," + sims.get(0).baseUrl(), "admin", PASSWORD),
                "--retries",
                "0",
                "process",
                "list",
                "--json")
            .ok()
            .json();
    assertThat(list).extracting(p -> p.path("id").asText()).containsExactly("cam-0");
  }

  @Test
  void theSameUrlGivenTwiceIsRefusedAsAUsageError() {
    Cli.Result refused =
        Cli.run(
                Cli.env(sims.get(0).baseUrl(), "admin", PASSWORD),
                "--url",
                sims.get(0).baseUrl() + "," + sims.get(0).baseUrl() + "/",
                "about")
            .failsWith(2);
    assertThat(refused.err()).contains("the same Core is given twice");
  }

  @Test
  void oneUrlStillWorksForTheSingleCoreCommands() {
    JsonNode list =
        Cli.run(Cli.env(sims.get(0).baseUrl(), "admin", PASSWORD), "process", "list", "--json")
            .ok()
            .json();
    assertThat(list).extracting(p -> p.path("id").asText()).containsExactly("cam-0");
  }
}
