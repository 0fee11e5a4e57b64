package dev.corekit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The multi-node cluster: time is a clock the tests advance, and each step runs one cluster pass
 * ({@link SimulatedCluster#reconcile()}), so every outcome is decided by the clock alone.
 */
class SimulatedClusterTest {
  private static final Duration PLACEMENT = Duration.ofSeconds(1);
  private static final Duration ELECTION = Duration.ofSeconds(2);
  private static final Duration RECOVER = Duration.ofSeconds(10);
  private static final Duration REJOIN = Duration.ofSeconds(3);

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private SimulatedCluster cluster;
  private final List<Http> https = new ArrayList<>();

  private SimulatedCluster start(SimulatedCluster.Builder b) {
    cluster =
        b.clock(clock)
            .placementDelay(PLACEMENT)
            .electionDelay(ELECTION)
            .recoverTimeout(RECOVER)
            .rejoinDelay(REJOIN)
            .processStartDelay(Duration.ZERO)
            .build()
            .start();
    for (CoreSimulator n : cluster.nodes()) {
      https.add(new Http(n).login("admin", "datarhei"));
    }
    return cluster;
  }

  private SimulatedCluster start() {
    return start(SimulatedCluster.builder().nodes(3));
  }

  @AfterEach
  void close() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private Http http(int node) {
    return https.get(node);
  }

  /** Advances the clock and runs a cluster pass. */
  private void advance(Duration d) {
    clock.advance(d);
    cluster.reconcile();
  }

  private static String process(String id, double cpu, long memory) {
    return "{\"id\":\""
        + id
        + "\",\"reference\":\"r\",\"input\":[{\"id\":\"in\",\"address\":\"testsrc2=rate=25\","
        + "\"options\":[\"-f\",\"lavfi\"]}],\"output\":[{\"id\":\"out\",\"address\":\"-\","
        + "\"options\":[\"-f\",\"null\"]}],\"limits\":{\"cpu_usage\":"
        + cpu
        + ",\"memory_mbytes\":"
        + memory
        + "}}";
  }

  private void create(String id, double cpu) {
    Http.Resp r = http(0).post("/api/v3/cluster/process", process(id, cpu, 64));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private JsonNode clusterProcess(int via, String id) {
    Http.Resp r = http(via).get("/api/v3/cluster/process/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private List<String> localIds(int node) {
    List<String> ids = new ArrayList<>();
    http(node)
        .get("/api/v3/process?filter=state")
        .json()
        .forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  private JsonNode nodeEntry(int via, String id) {
    for (JsonNode n : http(via).get("/api/v3/cluster/node").json()) {
      if (n.get("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("node " + id + " is not listed");
  }

  @Test
  void processWithoutLimitsIsRefusedAndOneWithLimitsIsPlacedAfterThePlacementDelay() {
    start();
    Http.Resp refused =
        http(1)
            .post(
                "/api/v3/cluster/process",
                process("nolimits", 0, 0)
                    .replace(",\"limits\":{\"cpu_usage\":0.0,\"memory_mbytes\":0}", ""));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("must have limits defined");

    create("p1", 10);
    JsonNode pending = clusterProcess(2, "p1");
    assertThat(pending.get("core_id").asText()).isEmpty();
    assertThat(pending.get("state").get("exec").asText()).isEqualTo("deploying");
    assertThat(pending.get("state").get("order").asText()).isEqualTo("start");

    advance(PLACEMENT.minusMillis(1));
    assertThat(cluster.placement("p1")).isEmpty();
    advance(Duration.ofMillis(1));

    assertThat(cluster.placement("p1")).contains("node1");
    JsonNode placed = clusterProcess(2, "p1");
    assertThat(placed.get("core_id").asText()).isEqualTo("node1");
    assertThat(placed.get("state").get("exec").asText()).isEqualTo("running");
    assertThat(localIds(0)).containsExactly("p1");
    assertThat(localIds(1)).isEmpty();
    assertThat(localIds(2)).isEmpty();
  }

  @Test
  void processesSpreadOverNodesAndOneThatFitsNowhereStaysUnplacedWithTheReason() {
    start(SimulatedCluster.builder().nodes(3).nodeCapacity(100, 1024));
    create("a", 60);
    create("b", 60);
    create("c", 60);
    create("big", 150);
    advance(PLACEMENT);

    assertThat(List.of(cluster.placement("a"), cluster.placement("b"), cluster.placement("c")))
        .containsExactly(Optional.of("node1"), Optional.of("node2"), Optional.of("node3"));
    JsonNode big = clusterProcess(0, "big");
    assertThat(big.get("core_id").asText()).isEmpty();
    assertThat(big.get("state").get("exec").asText()).isEqualTo("failed");
    assertThat(big.get("state").get("last_logline").asText())
        .isEqualTo("no node with enough resources for deployment is available");
    JsonNode deployments = http(1).get("/api/v3/cluster/deployments").json().get("process");
    assertThat(deployments).hasSize(1);
    assertThat(deployments.get(0).get("id").asText()).isEqualTo("big");
    assertThat(deployments.get(0).get("error").asText()).contains("no node with enough resources");
    JsonNode node1 = nodeEntry(2, "node1");
    assertThat(node1.get("resources").get("cpu_used").asDouble()).isEqualTo(60.0);
    assertThat(node1.get("resources").get("cpu_limit").asDouble()).isEqualTo(100.0);
  }

  @Test
  void killedNodeIsOfflineAtOnceAndItsProcessesRunElsewhereAfterTheRecoverTimeout() {
    start();
    create("a", 10);
    create("b", 10);
    create("c", 10);
    advance(PLACEMENT);
    assertThat(cluster.placement("b")).contains("node2");
    int before = localIds(1).size();
    assertThat(before).isEqualTo(1);

    cluster.kill("node2");
    cluster.reconcile();

    assertThatThrownBy(() -> http(1).get("/ping")).isInstanceOf(UncheckedIOException.class);
    JsonNode node2 = nodeEntry(0, "node2");
    assertThat(node2.get("status").asText()).isEqualTo("offline");
    assertThat(node2.get("core").get("status").asText()).isEqualTo("offline");
    assertThat(node2.get("uptime_seconds").asLong()).isZero();
    assertThat(http(0).get("/api/v3/cluster").json().get("status").asText()).isEqualTo("degraded");
    assertThat(http(2).get("/api/v3/cluster/healthy").body()).isEqualTo("true");
    assertThat(clusterProcess(0, "b").get("state").get("exec").asText()).isEqualTo("deploying");

    advance(RECOVER.minusMillis(1));
    assertThat(cluster.placement("b")).contains("node2");
    advance(Duration.ofMillis(1));
    advance(PLACEMENT);

    String moved = cluster.placement("b").orElseThrow();
    assertThat(moved).isIn("node1", "node3");
    int index = cluster.nodeIds().indexOf(moved);
    assertThat(localIds(index)).contains("b");
    JsonNode b = clusterProcess(2, "b");
    assertThat(b.get("core_id").asText()).isEqualTo(moved);
    assertThat(b.get("state").get("exec").asText()).isEqualTo("running");
  }

  @Test
  void killingTheLeaderLeavesTheClusterWithoutLeaderUntilTheElectionDelayPassed() {
    start();
    assertThat(cluster.leader()).contains("node1");
    assertThat(http(1).get("/api/v3/cluster").json().get("leader").get("id").asText())
        .isEqualTo("node1");

    cluster.kill(0);
    cluster.reconcile();
    assertThat(cluster.leader()).isEmpty();
    assertThat(http(1).get("/api/v3/cluster/healthy").body()).isEqualTo("false");
    JsonNode about = http(2).get("/api/v3/cluster").json();
    assertThat(about.get("degraded").asBoolean()).isTrue();
    assertThat(about.get("degraded_error").asText()).isEqualTo("no raft leader elected");

    advance(ELECTION.minusMillis(1));
    assertThat(cluster.leader()).isEmpty();
    advance(Duration.ofMillis(1));

    assertThat(cluster.leader()).contains("node2");
    assertThat(http(2).get("/api/v3/cluster/healthy").body()).isEqualTo("true");
    JsonNode after = http(2).get("/api/v3/cluster").json();
    assertThat(after.get("leader").get("id").asText()).isEqualTo("node2");
    assertThat(after.get("raft").get("state").asText()).isEqualTo("Follower");
    assertThat(http(1).get("/api/v3/cluster").json().get("raft").get("state").asText())
        .isEqualTo("Leader");
  }

  @Test
  void losingTheQuorumLeavesNoLeader() {
    start();
    cluster.kill(1);
    cluster.kill(2);
    advance(ELECTION.multipliedBy(5));
    assertThat(cluster.leader()).isEmpty();
    assertThat(http(0).get("/api/v3/cluster/healthy").body()).isEqualTo("false");
    Http.Resp write = http(0).post("/api/v3/cluster/process", process("x", 10, 64));
    assertThat(write.status()).isEqualTo(500);
  }

  @Test
  void restartedNodeRejoinsAfterTheRejoinDelayAndGetsItsProcessesBack() {
    start();
    create("a", 10);
    create("b", 10);
    create("c", 10);
    advance(PLACEMENT);
    assertThat(cluster.placement("c")).contains("node3");

    cluster.kill(2);
    cluster.reconcile();
    assertThat(cluster.node(2).isRunning()).isFalse();
    cluster.restart(2);
    cluster.reconcile();
    assertThat(cluster.node(2).isRunning()).isTrue();
    assertThat(cluster.nodeStatus("node3")).isEqualTo("offline");
    https.set(2, new Http(cluster.node(2)).login("admin", "datarhei"));
    assertThat(localIds(2)).isEmpty(); // the kill lost them

    advance(REJOIN);
    assertThat(cluster.nodeStatus("node3")).isEqualTo("online");
    assertThat(nodeEntry(0, "node3").get("status").asText()).isEqualTo("online");
    assertThat(localIds(2)).containsExactly("c");
    assertThat(cluster.placement("c")).contains("node3");
  }

  @Test
  void tokensOfOneNodeAreRefusedByTheOthers() {
    start();
    String token1 = http(0).token;
    Http other = new Http(cluster.node(1));
    other.token = token1;
    assertThat(other.get("/api/v3/cluster").status()).isEqualTo(403);
    assertThat(http(0).get("/api/v3/cluster").status()).isEqualTo(200);
    assertThat(http(1).token).isNotEqualTo(token1);
    assertThat(http(1).get("/api/v3/cluster").status()).isEqualTo(200);
  }

  @Test
  void eachNodeCountsItsOwnRequests() {
    start();
    http(1).get("/ping");
    http(1).get("/ping");
    http(2).get("/ping");
    assertThat(cluster.node(0).stats().requests("GET /ping")).isZero();
    assertThat(cluster.node(1).stats().requests("GET /ping")).isEqualTo(2);
    assertThat(cluster.node(2).stats().requests("GET /ping")).isEqualTo(1);
    assertThat(cluster.node(1).stats().logins()).isEqualTo(1);
  }

  @Test
  void maintenanceDrainsANodeAndKeepsNewProcessesAway() {
    start();
    create("a", 10);
    create("b", 10);
    create("c", 10);
    advance(PLACEMENT);
    assertThat(cluster.placement("a")).contains("node1");

    Http.Resp r = http(2).put("/api/v3/cluster/node/node1/state", "{\"state\":\"maintenance\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(http(2).put("/api/v3/cluster/node/node1/state", "{\"state\":\"bogus\"}").status())
        .isEqualTo(400);
    assertThat(http(0).put("/api/v3/cluster/node/node9/state", "{\"state\":\"online\"}").status())
        .isEqualTo(404);
    create("d", 10);
    advance(Duration.ZERO);
    advance(PLACEMENT);

    assertThat(cluster.placement("a")).hasValueSatisfying(n -> assertThat(n).isNotEqualTo("node1"));
    assertThat(cluster.placement("d")).hasValueSatisfying(n -> assertThat(n).isNotEqualTo("node1"));
    assertThat(localIds(0)).isEmpty();
    assertThat(cluster.nodeStatus("node1")).isEqualTo("maintenance");
    assertThat(http(1).get("/api/v3/cluster/node/node1/state").json().get("state").asText())
        .isEqualTo("maintenance");
    assertThat(http(1).get("/api/v3/cluster/db/node").json().get(0).get("state").asText())
        .isEqualTo("maintenance");

    http(2).put("/api/v3/cluster/node/node1/state", "{\"state\":\"online\"}");
    create("e", 10);
    advance(PLACEMENT);
    assertThat(cluster.placement("e")).contains("node1");
  }

  @Test
  void everyNodeAnswersTheSameClusterWideLists() {
    start();
    create("a", 10);
    create("b", 20);
    advance(PLACEMENT);
    for (String path :
        List.of(
            "/api/v3/cluster/process",
            "/api/v3/cluster/node",
            "/api/v3/cluster/db/process",
            "/api/v3/cluster/db/map/process",
            "/api/v3/cluster/iam/user",
            "/api/v3/cluster/deployments")) {
      String first = http(0).get(path).body();
      assertThat(http(1).get(path).body()).as(path).isEqualTo(first);
      assertThat(http(2).get(path).body()).as(path).isEqualTo(first);
    }
    JsonNode about = http(1).get("/api/v3/cluster").json();
    assertThat(about.get("version").asText()).isEqualTo("2.1.0");
    assertThat(about.get("nodes")).hasSize(3);
    JsonNode node2 = about.get("nodes").get(1);
    assertThat(node2.get("address").asText()).isEqualTo("127.0.0.1:7011");
    assertThat(node2.get("core").get("address").asText())
        .isEqualTo("http://admin:datarhei@127.0.0.1:" + cluster.node(1).port() + "/");
    assertThat(http(0).get("/api/v3/cluster/db/map/process").json().get("a@").asText())
        .isEqualTo("node1");
  }

  @Test
  void processChangesThroughTheClusterReachTheNodeItRunsOn() {
    start();
    create("a", 10);
    advance(PLACEMENT);
    assertThat(localState(0, "a")).isEqualTo("running");

    assertThat(http(2).put("/api/v3/cluster/process/a/command", "{\"command\":\"stop\"}").status())
        .isEqualTo(200);
    cluster.reconcile();
    assertThat(localState(0, "a")).isEqualTo("finished");
    assertThat(clusterProcess(1, "a").get("state").get("order").asText()).isEqualTo("stop");

    Http.Resp upd = http(1).put("/api/v3/cluster/process/a", "{\"reference\":\"changed\"}");
    assertThat(upd.status()).as(upd.body()).isEqualTo(200);
    cluster.reconcile();
    assertThat(http(0).get("/api/v3/process/a/config").json().get("reference").asText())
        .isEqualTo("changed");

    http(1).put("/api/v3/cluster/process/a/metadata/k", "{\"x\":1}");
    assertThat(http(2).get("/api/v3/cluster/process/a/metadata/k").json().get("x").asInt())
        .isEqualTo(1);

    assertThat(http(1).delete("/api/v3/cluster/process/a").status()).isEqualTo(200);
    cluster.reconcile();
    assertThat(localIds(0)).isEmpty();
    assertThat(http(1).get("/api/v3/cluster/process/a").status()).isEqualTo(404);
  }

  private String localState(int node, String id) {
    return http(node).get("/api/v3/process/" + id + "/state").json().get("exec").asText();
  }

  @Test
  void reallocationMovesAProcessToTheTargetNode() {
    start();
    create("a", 10);
    advance(PLACEMENT);
    assertThat(cluster.placement("a")).contains("node1");
    Http.Resp r =
        http(1)
            .put(
                "/api/v3/cluster/reallocation",
                "[{\"target_node_id\":\"node3\",\"process_ids\":[{\"id\":\"a\",\"domain\":\"\"}]}]");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(http(0).get("/api/v3/cluster/db/map/reallocate").json().get("a@").asText())
        .isEqualTo("node3");
    advance(PLACEMENT);
    assertThat(cluster.placement("a")).contains("node3");
    assertThat(localIds(2)).containsExactly("a");
    assertThat(localIds(0)).isEmpty();
    assertThat(http(0).get("/api/v3/cluster/db/map/reallocate").json()).isEmpty();
  }

  @Test
  void reallocationToAFullNodeStaysPendingWithTheReason() {
    start(SimulatedCluster.builder().nodes(2).nodeCapacity(100, 1024));
    create("a", 60);
    create("b", 60);
    advance(PLACEMENT);
    assertThat(cluster.placement("b")).contains("node2");
    http(0)
        .put(
            "/api/v3/cluster/reallocation",
            "[{\"target_node_id\":\"node1\",\"process_ids\":[{\"id\":\"b\",\"domain\":\"\"}]}]");
    advance(PLACEMENT);
    assertThat(cluster.placement("b")).contains("node2");
    JsonNode pending = http(1).get("/api/v3/cluster/deployments").json().get("process").get(0);
    assertThat(pending.get("action").asText()).isEqualTo("relocate");
    assertThat(pending.get("node_id").asText()).isEqualTo("node1");
    assertThat(pending.get("error").asText())
        .isEqualTo("the CPU limit would be exceeded: 60.000000 + 60.000000 > 100.000000");

    assertThat(http(0).delete("/api/v3/cluster/process/a").status()).isEqualTo(200);
    advance(Duration.ZERO);
    assertThat(cluster.placement("b")).contains("node1");
    assertThat(http(1).get("/api/v3/cluster/deployments").json().get("process")).isEmpty();
  }

  @Test
  void plainProcessesOnANodeAreRemovedAndLocalIdentityChangesRefused() {
    start();
    Http.Resp r = http(1).post("/api/v3/process", process("local", 10, 64));
    assertThat(r.status()).isEqualTo(200); // accepted, but the cluster does not own it
    cluster.reconcile();
    assertThat(localIds(1)).isEmpty();

    Http.Resp iam =
        http(1)
            .post("/api/v3/iam/user", "{\"name\":\"bob\",\"auth\":{\"api\":{\"userpass\":\"x\"}}}");
    assertThat(iam.status()).isEqualTo(400);
    assertThat(iam.body()).contains("not available in cluster mode");

    Http.Resp added =
        http(1)
            .post(
                "/api/v3/cluster/iam/user",
                "{\"name\":\"bob\",\"auth\":{\"api\":{\"userpass\":\"pw\"}},"
                    + "\"policies\":[{\"domain\":\"$none\",\"types\":[\"api\"],\"resource\":\"**\","
                    + "\"actions\":[\"any\"]}]}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    // the identity is cluster-wide: bob logs in on another node
    new Http(cluster.node(2)).login("bob", "pw");
    assertThat(http(0).get("/api/v3/iam/user/bob").status()).isEqualTo(200);
  }

  @Test
  void memfsOutputsOfTheSuperuserFailWhileAnIdentityWithAnFsPolicyWrites() {
    start();
    String hls =
        "{\"id\":\"%s\",\"owner\":\"%s\",\"input\":[{\"id\":\"in\",\"address\":\"testsrc2\"}],"
            + "\"output\":[{\"id\":\"out\",\"address\":\"{memfs}/%s.m3u8\","
            + "\"options\":[\"-f\",\"hls\"]}],\"limits\":{\"cpu_usage\":10,\"memory_mbytes\":64}}";
    http(0)
        .post(
            "/api/v3/cluster/iam/user",
            "{\"name\":\"writer\",\"auth\":{\"api\":{\"userpass\":\"pw\"},"
                + "\"services\":{\"basic\":[\"basicpw\"]}},"
                + "\"policies\":[{\"domain\":\"$none\",\"types\":[\"fs\"],"
                + "\"resource\":\"/memfs/**\",\"actions\":[\"any\"]}]}");
    assertThat(http(0).post("/api/v3/cluster/process", hls.formatted("su", "admin", "su")).status())
        .isEqualTo(200);
    assertThat(
            http(0).post("/api/v3/cluster/process", hls.formatted("ok", "writer", "ok")).status())
        .isEqualTo(200);
    advance(PLACEMENT);
    advance(Duration.ofSeconds(5));

    JsonNode su = clusterProcess(1, "su").get("state");
    assertThat(su.get("exec").asText()).isEqualTo("failed");
    assertThat(su.get("last_logline").asText()).contains("401 Unauthorized");
    JsonNode ok = clusterProcess(1, "ok").get("state");
    assertThat(ok.get("exec").asText()).isEqualTo("running");
    String node = cluster.placement("ok").orElseThrow();
    JsonNode files = http(2).get("/api/v3/cluster/fs/mem").json();
    assertThat(files).isNotEmpty();
    files.forEach(f -> assertThat(f.get("core_id").asText()).isEqualTo(node));
    assertThat(files.toString()).contains("/ok.m3u8").doesNotContain("/su.m3u8");
  }

  @Test
  void clusterLogEventsCarryTheIdOfTheNodeTheyHappenedOn() throws Exception {
    start();
    HttpRequest req =
        http(2)
            .request("/api/v3/cluster/events")
            .header("Content-Type", "application/json")
            .header("Accept", "application/x-json-stream")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"filters\":[{\"event\":\"process\",\"message\":\"Created\"}]}"))
            .build();
    HttpResponse<java.util.stream.Stream<String>> res =
        http(2).client.send(req, HttpResponse.BodyHandlers.ofLines());
    try (java.util.stream.Stream<String> lines = res.body()) {
      var it = lines.iterator();
      assertThat(it.next()).contains("keepalive");
      create("a", 10);
      create("b", 10);
      advance(PLACEMENT);
      List<String> seen =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> {
                List<String> ids = new ArrayList<>();
                while (ids.size() < 2) {
                  String line = it.next();
                  if (!line.contains("keepalive")) {
                    JsonNode e = Http.JSON.readTree(line.getBytes(StandardCharsets.UTF_8));
                    ids.add(e.get("data").get("id").asText() + "@" + e.get("core_id").asText());
                  }
                }
                return ids;
              });
      assertThat(seen).containsExactlyInAnyOrder("a@node1", "b@node2");
    }
  }

  @Test
  void theBackgroundPassPlacesProcessesOnTheSystemClock() {
    cluster =
        SimulatedCluster.builder()
            .nodes(2)
            .placementDelay(Duration.ofMillis(20))
            .processStartDelay(Duration.ZERO)
            .build()
            .start();
    Http h = new Http(cluster.node(1)).login("admin", "datarhei");
    assertThat(h.post("/api/v3/cluster/process", process("a", 10, 64)).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> cluster.placement("a").isPresent());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> h.get("/api/v3/cluster/process/a").json().path("state").path("exec").asText(),
            "running"::equals);
    assertThat(URI.create(cluster.baseUrls().get(1)).getPort()).isEqualTo(cluster.node(1).port());
  }

  @Test
  void nodesAreAddressedBy0BasedIndexOrById() {
    start(SimulatedCluster.builder().nodes(2));
    assertThat(cluster.nodeIds()).containsExactly("node1", "node2");
    assertThat(cluster.node("node2")).isSameAs(cluster.node(1));
    assertThat(cluster.baseUrls())
        .containsExactly(cluster.node(0).baseUrl(), cluster.node(1).baseUrl());
    assertThatThrownBy(() -> cluster.node(2))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("0-based");
    assertThatThrownBy(() -> cluster.kill("node7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[node1, node2]");
    assertThat(http(1).get("/api").json().get("id").asText()).isEqualTo("node2");
  }

  @Test
  void killResetsOpenConnectionsOfTheNode() throws Exception {
    start();
    HttpRequest req =
        http(1)
            .request("/api/v3/events")
            .header("Content-Type", "application/json")
            .header("Accept", "application/x-json-stream")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    HttpResponse<java.io.InputStream> res =
        http(1).client.send(req, HttpResponse.BodyHandlers.ofInputStream());
    try (java.io.InputStream in = res.body()) {
      assertThat(in.read()).isNotNegative(); // the first keepalive
      cluster.kill(1);
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () ->
              assertThatThrownBy(
                      () -> {
                        byte[] buf = new byte[4096];
                        while (in.read(buf) >= 0) {
                          // drain until the reset (a clean end would fail the assertion)
                        }
                      })
                  .isInstanceOf(java.io.IOException.class));
    }
    assertThat(cluster.node(1).isRunning()).isFalse();
  }

  @Test
  void adminEndpointKillsAndRestartsNodes() {
    cluster =
        SimulatedCluster.builder()
            .nodes(3)
            .admin(true)
            .electionDelay(Duration.ofMillis(50))
            .rejoinDelay(Duration.ofMillis(50))
            .build()
            .start();
    Http admin = new Http(cluster.node(2));
    assertThat(admin.get("/_sim/cluster").json().get("leader").asText()).isEqualTo("node1");
    assertThat(admin.post("/_sim/cluster/kill?node=node1", "").status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.leader().equals(Optional.of("node2")));
    assertThat(admin.get("/_sim/cluster").json().get("nodes").get(0).get("running").asBoolean())
        .isFalse();
    assertThat(admin.post("/_sim/cluster/kill?node=node9", "").status()).isEqualTo(400);
    assertThat(admin.post("/_sim/cluster/restart?node=node1", "").status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.nodeStatus("node1").equals("online"));
    assertThat(new Http(cluster.node(0)).get("/ping").body()).isEqualTo("pong");
  }
}
