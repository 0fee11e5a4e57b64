package dev.corekit.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.corekit.core.CoreBadRequestException;
import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.FailoverPolicy;
import dev.corekit.core.model.ClusterNodeState;
import dev.corekit.core.model.ClusterNodeStateInfo;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.FileInfo;
import dev.corekit.core.model.IamPolicy;
import dev.corekit.core.model.IamUser;
import dev.corekit.core.model.IamUserApiAuth;
import dev.corekit.core.model.IamUserAuth;
import dev.corekit.core.model.IamUserServicesAuth;
import dev.corekit.core.model.LogEventFilter;
import dev.corekit.core.model.LogEventFilters;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.core.model.ProcessConfigLimits;
import dev.corekit.simulator.SimulatedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * The cluster API end to end through one client of all nodes of a simulated 16.20 cluster:
 * placement with limits, the node that runs a process, a node's death, drain, the memfs owner,
 * files with node ids and the snapshot.
 */
class ClusterApiTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private SimulatedCluster cluster;
  private CoreClient client;

  @BeforeEach
  void start() {
    cluster =
        SimulatedCluster.builder()
            .nodes(3)
            .placementDelay(Duration.ofMillis(100))
            .electionDelay(Duration.ofMillis(200))
            .recoverTimeout(Duration.ofMillis(500))
            .rejoinDelay(Duration.ofMillis(200))
            .tick(Duration.ofMillis(50))
            .processStartDelay(Duration.ofMillis(50))
            .build()
            .start();
    client =
        CoreClient.builder()
            .baseUrls(cluster.baseUrls())
            .credentials(cluster.user(), cluster.password())
            .failover(
                FailoverPolicy.builder()
                    .failureThreshold(1)
                    .probeInterval(Duration.ofMillis(100))
                    .build())
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    cluster.close();
  }

  private static ProcessConfig config(String id, String owner, String output) {
    return ProcessConfig.builder()
        .id(id)
        .owner(owner)
        .addInput(
            ProcessConfigIo.builder()
                .id("in")
                .address("testsrc2=rate=25:size=640x360")
                .addOptions("-f", "lavfi")
                .build())
        .addOutput(ProcessConfigIo.builder().id("out").address(output).build())
        .limits(ProcessConfigLimits.builder().cpuUsage(10.0).memoryMbytes(256L).build())
        .build();
  }

  private static ProcessConfig config(String id) {
    return config(id, "admin", "-");
  }

  @Test
  void aProcessWithoutLimitsIsRefusedWithCoresReason() {
    ProcessConfig unlimited =
        ProcessConfig.builder().from(config("bare")).limits(java.util.Optional.empty()).build();
    StepVerifier.create(client.cluster().createProcess(unlimited))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(CoreBadRequestException.class)
                    .hasMessageContaining("must have limits defined"))
        .verify(WAIT);
  }

  @Test
  void aCreatedProcessIsPlacedAndTheClientSeesWhichNodeRunsIt() {
    client.cluster().createProcess(config("cam1")).block(WAIT);
    CoreProcess placed = client.cluster().awaitRunning("cam1", WAIT).block(WAIT);
    assertThat(placed.coreId()).get().isEqualTo(cluster.placement("cam1").orElseThrow());
    assertThat(client.cluster().deployments().block(WAIT)).isNotNull();
  }

  @Test
  void awaitRunningOfAProcessThatFitsNowhereTimesOutNamingWhatItLastSaw() {
    ProcessConfig huge =
        ProcessConfig.builder()
            .from(config("huge"))
            .limits(ProcessConfigLimits.builder().cpuUsage(100000.0).memoryMbytes(256L).build())
            .build();
    client.cluster().createProcess(huge).block(WAIT);
    StepVerifier.create(client.cluster().awaitRunning("huge", Duration.ofSeconds(2)))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(CoreTimeoutException.class)
                    .hasMessageContaining("did not show state.exec=running")
                    .hasMessageContaining("last seen:"))
        .verify(WAIT);
  }

  @Test
  void whenTheNodeRunningAProcessDiesTheProcessMovesAndTheClientKeepsWorking() {
    client.cluster().createProcess(config("moving")).block(WAIT);
    String first = client.cluster().awaitRunning("moving", WAIT).block(WAIT).coreId().orElseThrow();

    cluster.kill(first);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              CoreProcess now = client.cluster().getProcess("moving").block(WAIT);
              assertThat(now.coreId()).get().isNotEqualTo(first).isNotEqualTo("");
            });
    CoreProcess moved = client.cluster().awaitRunning("moving", WAIT).block(WAIT);
    assertThat(moved.coreId()).get().isEqualTo(cluster.placement("moving").orElseThrow());

    cluster.restart(first);
    await()
        .atMost(WAIT)
        .until(() -> client.nodes().stream().allMatch(dev.corekit.core.CoreNode::available));
  }

  @Test
  void aDrainedNodeGivesUpItsProcessesAndComesBack() {
    client.cluster().createProcess(config("drained")).block(WAIT);
    String node = client.cluster().awaitRunning("drained", WAIT).block(WAIT).coreId().orElseThrow();

    client
        .cluster()
        .setNodeState(
            node, ClusterNodeStateInfo.builder().state(ClusterNodeState.MAINTENANCE).build())
        .block(WAIT);
    assertThat(client.cluster().getNodeState(node).block(WAIT).state())
        .isEqualTo(ClusterNodeState.MAINTENANCE);
    await()
        .atMost(WAIT)
        .until(
            () ->
                !node.equals(
                    client.cluster().getProcess("drained").block(WAIT).coreId().orElse(node)));

    client
        .cluster()
        .setNodeState(node, ClusterNodeStateInfo.builder().state(ClusterNodeState.ONLINE).build())
        .block(WAIT);
    assertThat(client.cluster().getNodeState(node).block(WAIT).state())
        .isEqualTo(ClusterNodeState.ONLINE);
  }

  @Test
  void memfsOutputsWorkForAnOwnerWithABasicPasswordAndAnFsPolicy() {
    IamUser writer =
        IamUser.builder()
            .name("writer")
            .auth(
                IamUserAuth.builder()
                    .api(IamUserApiAuth.builder().userpass("writer-pw").build())
                    .services(IamUserServicesAuth.builder().addBasic("writer-basic").build())
                    .build())
            .addPolicies(
                IamPolicy.builder()
                    .domain("$none")
                    .addTypes("fs")
                    .resource("/memfs/**")
                    .addActions("any")
                    .build())
            .build();
    client.cluster().iamCreateUser(writer).block(WAIT);
    assertThat(client.cluster().iamListUsers().map(IamUser::name).collectList().block(WAIT))
        .contains("writer");

    client.cluster().createProcess(config("hls", "writer", "{memfs}/hls.m3u8")).block(WAIT);
    CoreProcess running = client.cluster().awaitRunning("hls", WAIT).block(WAIT);
    String node = running.coreId().orElseThrow();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              List<FileInfo> files = client.cluster().listFiles("mem").collectList().block(WAIT);
              assertThat(files)
                  .anySatisfy(
                      file -> {
                        assertThat(file.name()).contains("hls.m3u8");
                        assertThat(file.coreId()).get().isEqualTo(node);
                      });
            });
  }

  @Test
  void theClusterSnapshotIsDownloadedToAFile(@TempDir Path dir) throws Exception {
    client.cluster().createProcess(config("in-snapshot")).block(WAIT);
    Path target = dir.resolve("cluster.snapshot");
    long bytes = client.cluster().snapshot(target).block(WAIT);
    assertThat(bytes).isPositive().isEqualTo(Files.size(target));
  }

  @Test
  void clusterEventsNameTheNodeAProcessRunsOn() {
    LogEventFilters processEvents =
        LogEventFilters.builder()
            .addFilters(LogEventFilter.builder().event("process").build())
            .build();
    // Created once the events request reached a node; the process's events (created, starting,
    // started) follow over the placement and start delays, so the stream sees them.
    reactor.core.publisher.Mono<?> createWhenListening =
        reactor.core.publisher.Flux.interval(Duration.ofMillis(10))
            .take(WAIT)
            .filter(
                tick ->
                    cluster.nodes().stream()
                            .mapToLong(n -> n.stats().requests("POST /api/v3/cluster/events"))
                            .sum()
                        > 0)
            .next()
            .then(client.cluster().createProcess(config("evented")));
    StepVerifier.create(
            client
                .cluster()
                .logEvents(processEvents)
                .filter(event -> "evented".equals(event.data().get("id")))
                .filter(event -> event.coreId().filter(id -> !id.isEmpty()).isPresent())
                .next()
                .doOnSubscribe(subscribed -> createWhenListening.subscribe()))
        .assertNext(event -> assertThat(event.coreId()).get().isIn(cluster.nodeIds()))
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void closingTheClientStopsTheProbesOfANodeThatIsOut() {
    client.cluster().about().block(WAIT);
    cluster.kill("node1");
    client.cluster().about().block(WAIT);
    await().atMost(WAIT).until(() -> !client.nodes().get(0).available());
    client.close();
    cluster.restart("node1");
    long pings = cluster.node("node1").stats().requests("GET /ping");
    // Ten probe intervals without a ping: the closed client probes no more.
    await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .until(() -> cluster.node("node1").stats().requests("GET /ping") == pings);
  }

  @Test
  void theNodesAndTheLeaderAreVisibleFromAnyNode() {
    assertThat(client.cluster().healthy().block(WAIT)).isTrue();
    assertThat(client.cluster().listNodes().collectList().block(WAIT)).hasSize(3);
    assertThat(client.cluster().about().block(WAIT).leader()).isNotNull();
  }
}
