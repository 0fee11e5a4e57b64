package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreNotFoundException;
import dev.corekit.core.FailoverPolicy;
import dev.corekit.core.model.ClusterNodeState;
import dev.corekit.core.model.ClusterNodeStateInfo;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.core.model.ProcessConfigLimits;
import dev.corekit.simulator.SimulatedCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corectl cluster ...} and {@code apply --cluster} run as a subprocess against a simulated
 * three-node Core cluster with short delays; every node given with {@code --url}.
 */
class ClusterCommandsIT {
  private static final String PASSWORD = "cluster-it-secret";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static SimulatedCluster cluster;
  private static CoreClient client;

  @BeforeAll
  static void start() {
    cluster = simulated();
    client = client(cluster);
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static SimulatedCluster simulated() {
    return SimulatedCluster.builder()
        .nodes(3)
        .password(PASSWORD)
        .placementDelay(Duration.ofMillis(100))
        .electionDelay(Duration.ofMillis(200))
        .recoverTimeout(Duration.ofMillis(500))
        .rejoinDelay(Duration.ofMillis(200))
        .tick(Duration.ofMillis(50))
        .processStartDelay(Duration.ofMillis(50))
        .build()
        .start();
  }

  private static CoreClient client(SimulatedCluster sim) {
    return CoreClient.builder()
        .baseUrls(sim.baseUrls())
        .credentials(sim.user(), PASSWORD)
        .failover(
            FailoverPolicy.builder()
                .failureThreshold(1)
                .probeInterval(Duration.ofMillis(100))
                .build())
        .build();
  }

  /** CORE_URL with every node, comma-separated, and the credentials. */
  private static Map<String, String> env(SimulatedCluster sim) {
    return Cli.env(String.join(",", sim.baseUrls()), sim.user(), PASSWORD);
  }

  private static Cli.Result corectl(String... args) {
    return Cli.run(env(cluster), args);
  }

  private static String config(String id, boolean limits) {
    return "{\"id\": \""
        + id
        + "\", \"input\": [{\"id\": \"in\", \"address\": \"testsrc2=rate=25:size=640x360\","
        + " \"options\": [\"-f\", \"lavfi\"]}], \"output\": [{\"id\": \"out\", \"address\": \"-\","
        + " \"options\": [\"-f\", \"null\"]}]"
        + (limits ? ", \"limits\": {\"cpu_usage\": 10, \"memory_mbytes\": 256}" : "")
        + "}";
  }

  private static ProcessConfig process(String id) {
    return ProcessConfig.builder()
        .id(id)
        .addInput(
            ProcessConfigIo.builder()
                .id("in")
                .address("testsrc2=rate=25:size=640x360")
                .addOptions("-f", "lavfi")
                .build())
        .addOutput(ProcessConfigIo.builder().id("out").address("-").build())
        .limits(ProcessConfigLimits.builder().cpuUsage(10.0).memoryMbytes(256L).build())
        .build();
  }

  /** Creates a process through the SDK and returns the node it runs on. */
  private static String running(String id) {
    client.cluster().createProcess(process(id)).block(WAIT);
    return client.cluster().awaitRunning(id, WAIT).block(WAIT).coreId().orElseThrow();
  }

  private static String otherThan(String node) {
    return cluster.nodeIds().stream().filter(n -> !n.equals(node)).findFirst().orElseThrow();
  }

  @Test
  void statusShowsTheLeaderTheNodesAndTheClientsViewButNeverThePassword() {
    Cli.Result table = corectl("cluster", "status").ok();
    String leader = cluster.leader().orElseThrow();
    assertThat(table.out())
        .contains("cluster:", cluster.clusterId(), "leader:", leader, "healthy:", "yes")
        .contains("NODE", "STATUS", "CORE", "CPU", "MEMORY", "UPTIME")
        .contains("node1", "node2", "node3", "online")
        .contains("URL", "CLIENT", cluster.baseUrls().get(0), "available")
        .doesNotContain(PASSWORD);

    Cli.Result json = corectl("cluster", "status", "--json").ok();
    assertThat(json.out()).doesNotContain(PASSWORD);
    JsonNode status = json.json();
    assertThat(status.path("cluster_id").asText()).isEqualTo(cluster.clusterId());
    assertThat(status.path("leader").asText()).isEqualTo(leader);
    assertThat(status.path("healthy").asBoolean()).isTrue();
    assertThat(status.path("nodes"))
        .extracting(n -> n.path("id").asText())
        .containsExactly("node1", "node2", "node3");
    assertThat(status.path("nodes").get(0).path("cpu_limit").asDouble()).isPositive();
    assertThat(status.path("urls")).hasSize(3);
    assertThat(status.path("urls").get(0).path("available").asBoolean()).isTrue();
  }

  @Test
  void createWithoutLimitsSaysWhichFieldsToAdd(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("bare.json"), config("bare", false));
    Cli.Result refused =
        corectl("cluster", "process", "create", "-f", file.toString()).failsWith(1);
    assertThat(refused.err())
        .contains("the cluster refused process bare", "must have limits defined")
        .contains("add limits.cpu_usage and limits.memory_mbytes to the config");
  }

  @Test
  void createWithWaitPrintsTheNodeTheProcessRunsOn(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("c.json"), config("c-wait", true));
    Cli.Result created =
        corectl("cluster", "process", "create", "-f", file.toString(), "--wait", "30s").ok();
    String node = cluster.placement("c-wait").orElseThrow();
    assertThat(created.out()).contains("created process c-wait; it runs on " + node);
  }

  @Test
  void listShowsTheNodeOfEachProcess() {
    String node = running("l-one");
    List<String> lines =
        corectl("cluster", "process", "list", "--idpattern", "l-*").ok().out().lines().toList();
    assertThat(lines.get(0)).startsWith("ID").contains("NODE", "ORDER", "STATE", "CPU", "MEMORY");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1).split("\\s+")).startsWith("l-one", node, "start", "running");

    JsonNode json =
        corectl("cluster", "process", "list", "--idpattern", "l-*", "--json").ok().json();
    assertThat(json.get(0).path("core_id").asText()).isEqualTo(node);
  }

  @Test
  void moveRunsTheProcessOnTheNodeGiven() {
    String from = running("m-one");
    String to = otherThan(from);
    Cli.Result moved = corectl("cluster", "process", "move", "m-one", to, "--wait", "30s").ok();
    assertThat(moved.out())
        .contains("moving process m-one from " + from + " to " + to)
        .contains("process m-one runs on " + to);
    assertThat(cluster.placement("m-one")).contains(to);
  }

  @Test
  void anUnknownNodeIsRefusedNamingTheNodesThereAre() {
    Cli.Result refused = corectl("cluster", "node", "drain", "node9").failsWith(1);
    assertThat(refused.err()).contains("unknown node 'node9'", "node1, node2, node3");
    running("u-one");
    corectl("cluster", "process", "move", "u-one", "nodeX").failsWith(1);
  }

  @Test
  void drainSaysWhatMovesAndEmptiesTheNodeAndUndrainBringsItBack() {
    String node = running("d-one");
    try {
      Cli.Result drained = corectl("cluster", "node", "drain", node, "--wait", "30s").ok();
      assertThat(drained.out())
          .contains(node + " runs ")
          .contains("d-one")
          .contains("will move to other nodes; no new processes go to it")
          .contains(node + " is drained: no process runs on it");
      assertThat(cluster.nodeStatus(node)).isEqualTo("maintenance");
      assertThat(cluster.placement("d-one")).isPresent().get().isNotEqualTo(node);

      JsonNode undrained = corectl("cluster", "node", "undrain", node, "--json").ok().json();
      assertThat(undrained.path("state").asText()).isEqualTo("online");
      assertThat(cluster.nodeStatus(node)).isEqualTo("online");
    } finally {
      client
          .cluster()
          .setNodeState(node, ClusterNodeStateInfo.builder().state(ClusterNodeState.ONLINE).build())
          .block(WAIT);
    }
  }

  @Test
  void deleteNamesTheProcessAndItsNodeBeforeDeleting() {
    String node = running("x-one");
    Cli.Result deleted = corectl("cluster", "process", "delete", "x-one").ok();
    assertThat(deleted.out().lines().toList())
        .containsExactly("deleting process x-one (runs on " + node + ")", "deleted process x-one");
    assertThatThrownBy(() -> client.cluster().getProcess("x-one").block(WAIT))
        .isInstanceOf(CoreNotFoundException.class);
  }

  @Test
  void applyClusterCreatesThroughTheClusterAndASecondRunChangesNothing(@TempDir Path tmp)
      throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("cams"));
    Files.writeString(dir.resolve("a.json"), config("a-one", true));
    Files.writeString(dir.resolve("b.json"), config("a-two", true));
    Cli.Result first = corectl("apply", "--cluster", dir.toString()).ok();
    assertThat(first.out()).contains("created  a-one", "created  a-two", "applied: 2 created");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(cluster.placement("a-one")).isPresent();
              assertThat(cluster.placement("a-two")).isPresent();
            });
    Cli.Result second = corectl("apply", "--cluster", dir.toString()).ok();
    assertThat(second.out()).contains("no changes: 2 processes up to date");
  }

  @Test
  void withTheFirstNodeKilledEveryCommandStillWorksThroughTheOthers() {
    try (SimulatedCluster own = simulated();
        CoreClient setup = client(own)) {
      setup.cluster().createProcess(process("k-one")).block(WAIT);
      setup.cluster().awaitRunning("k-one", WAIT).block(WAIT);
      own.kill(0);
      Map<String, String> env = env(own);
      assertThat(Cli.run(env, "cluster", "process", "list").ok().out()).contains("k-one");
      Cli.Result status = Cli.run(env, "cluster", "status", "--json").ok();
      JsonNode nodes = status.json().path("nodes");
      assertThat(nodes.get(0).path("status").asText()).isEqualTo("offline");
      assertThat(status.out()).doesNotContain(PASSWORD);
      assertThat(Cli.run(env, "--retries", "0", "about").ok().out()).isNotBlank();
    }
  }
}
