package dev.corekit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.corekit.core.CoreBadRequestException;
import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreNode;
import dev.corekit.core.FailoverPolicy;
import dev.corekit.core.model.ClusterNode;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.core.model.ProcessConfigLimits;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tests of the multi-node client against a real Core cluster (16.20 line). They run only when the
 * environment names one: {@code CORE_CLUSTER_URLS} (the HTTP URLs of all nodes, comma-separated)
 * with {@code CORE_USER} and {@code CORE_PASSWORD}. The node-death test also needs {@code
 * CORE_CLUSTER_KILL} and {@code CORE_CLUSTER_RESTART}: shell commands that kill one node (not the
 * first) and start it again, such as {@code core-cluster.sh stop WORKDIR 2} and {@code
 * core-cluster.sh BIN WORKDIR}. Without them the tests are skipped and say why.
 *
 * <p>Processes are created with unique names and removed again; nothing else is touched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealClusterTest {
  private static final String SKIP_REASON =
      "CORE_CLUSTER_URLS is not set: skipping the tests against a real Core cluster";
  private static final Duration CALL = Duration.ofSeconds(30);
  private static final Duration PLACEMENT = Duration.ofSeconds(90);

  private final String urls = System.getenv("CORE_CLUSTER_URLS");
  private final String user = System.getenv("CORE_USER");
  private final String password = System.getenv("CORE_PASSWORD");
  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private CoreClient client;

  private boolean configured() {
    return urls != null && !urls.isBlank();
  }

  private List<String> urlList() {
    return Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
  }

  @BeforeAll
  void connect() {
    if (!configured()) {
      System.out.println("[RealClusterTest] " + SKIP_REASON);
      return;
    }
    CoreClient.Builder builder =
        CoreClient.builder()
            .baseUrls(urlList())
            .timeout(CALL)
            .failover(
                FailoverPolicy.builder()
                    .selection(FailoverPolicy.Selection.ROUND_ROBIN)
                    .probeInterval(Duration.ofMillis(500))
                    .build());
    if (user != null && password != null) {
      builder.credentials(user, password);
    }
    client = builder.build();
    System.out.println("[RealClusterTest] testing against the cluster " + client);
  }

  @AfterAll
  void cleanUp() {
    if (client == null) {
      return;
    }
    for (String id : created) {
      client.cluster().deleteProcess(id).onErrorResume(e -> Mono.empty()).block(CALL);
    }
    client.close();
  }

  private ProcessConfig config(String id, boolean limits) {
    var config =
        ProcessConfig.builder()
            .id(id)
            .reference("corekit-real-cluster-test")
            .addInput(
                ProcessConfigIo.builder()
                    .id("in")
                    .address("testsrc2=rate=10:size=160x90")
                    .addOptions("-f", "lavfi", "-re")
                    .build())
            .addOutput(
                ProcessConfigIo.builder().id("out").address("-").addOptions("-f", "null").build());
    if (limits) {
      config.limits(ProcessConfigLimits.builder().cpuUsage(10.0).memoryMbytes(256L).build());
    }
    return config.build();
  }

  private static String uniqueId(String what) {
    return "corekit-it-" + what + "-" + Long.toString(System.nanoTime(), 36);
  }

  @Test
  void everyNodeIsListedAndTheClusterIsHealthy() {
    assumeTrue(configured(), SKIP_REASON);
    assertThat(client.cluster().healthy().block(CALL)).isTrue();
    List<ClusterNode> nodes = client.cluster().listNodes().collectList().block(CALL);
    assertThat(nodes).hasSize(urlList().size());
    System.out.println(
        "[RealClusterTest] nodes: "
            + nodes.stream().map(n -> n.id() + "=" + n.status()).collect(Collectors.joining(", ")));
  }

  @Test
  void eachNodeAnswersWithItsOwnToken() {
    assumeTrue(configured(), SKIP_REASON);
    // Round robin: as many calls as nodes reach every node once, each with its own login.
    for (int i = 0; i < 2 * urlList().size(); i++) {
      client.cluster().about().block(CALL);
    }
    assertThat(client.nodes()).allMatch(CoreNode::available);
  }

  @Test
  void aProcessWithoutLimitsIsRefused() {
    assumeTrue(configured(), SKIP_REASON);
    String id = uniqueId("nolimits");
    created.add(id);
    assertThat(
            client
                .cluster()
                .createProcess(config(id, false))
                .map(c -> "accepted")
                .onErrorResume(CoreBadRequestException.class, e -> Mono.just(e.getMessage()))
                .block(CALL))
        .contains("must have limits defined");
  }

  @Test
  void aProcessWithLimitsIsPlacedOnANode() {
    assumeTrue(configured(), SKIP_REASON);
    String id = uniqueId("placed");
    created.add(id);
    client.cluster().createProcess(config(id, true)).block(CALL);
    CoreProcess running = client.cluster().awaitRunning(id, PLACEMENT).block(PLACEMENT);
    String node = running.coreId().orElseThrow();
    assertThat(client.cluster().listNodes().map(ClusterNode::id).collectList().block(CALL))
        .contains(node);
    System.out.println("[RealClusterTest] " + id + " runs on " + node);
    client.cluster().deleteProcess(id).block(CALL);
    created.remove(id);
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: the cluster takes a while to settle after the restart
  void readersSeeNoFailureWhileANodeIsKilledAndRestarted() throws Exception {
    assumeTrue(configured(), SKIP_REASON);
    String kill = System.getenv("CORE_CLUSTER_KILL");
    String restart = System.getenv("CORE_CLUSTER_RESTART");
    assumeTrue(
        kill != null && restart != null,
        "CORE_CLUSTER_KILL and CORE_CLUSTER_RESTART are not set: skipping the node kill");
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong reads = new AtomicLong();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Disposable readers =
        Flux.range(0, 16)
            .flatMap(
                reader ->
                    Mono.defer(
                            () ->
                                client
                                    .cluster()
                                    .listNodes()
                                    .then()
                                    .doOnSuccess(done -> reads.incrementAndGet())
                                    .onErrorResume(
                                        error -> {
                                          failures.add(error);
                                          return Mono.empty();
                                        }))
                        .repeat(running::get),
                16)
            .subscribe();
    try {
      await().atMost(CALL).until(() -> reads.get() > 100);
      long start = System.nanoTime();
      run(kill);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> client.nodes().stream().anyMatch(node -> !node.available()));
      long out = System.nanoTime();
      long readsAtKill = reads.get();
      await().atMost(CALL).until(() -> reads.get() > readsAtKill + 100);
      run(restart);
      long restarted = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> client.nodes().stream().allMatch(CoreNode::available));
      long back = System.nanoTime();
      // The cluster lists the node again once it rejoined.
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  client.cluster().listNodes().collectList().block(CALL).size()
                      == urlList().size());
      System.out.printf(
          "[RealClusterTest] node kill: %d reads, %d failed; node out %d ms after the kill, back"
              + " %d ms after the restart command%n",
          reads.get(),
          failures.size(),
          TimeUnit.NANOSECONDS.toMillis(out - start),
          TimeUnit.NANOSECONDS.toMillis(back - restarted));
    } finally {
      running.set(false);
      readers.dispose();
    }
    assertThat(failures).isEmpty();
  }

  private static void run(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    // Read while it runs (a full pipe would stall it); the wait below bounds the test.
    java.util.concurrent.CompletableFuture<String> output =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(
                    process.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
              } catch (IOException e) {
                return "(output not readable: " + e.getMessage() + ")";
              }
            });
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String printed = output.getNow("");
    System.out.println("[RealClusterTest] $ " + command + "\n" + printed);
    assertThat(finished).as("'%s' finished", command).isTrue();
    assertThat(process.exitValue()).as("exit code of '%s': %s", command, printed).isZero();
  }
}
