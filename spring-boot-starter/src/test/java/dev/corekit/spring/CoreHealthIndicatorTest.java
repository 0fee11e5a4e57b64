package dev.corekit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.corekit.core.CoreClient;
import dev.corekit.core.FailoverPolicy;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.test.StepVerifier;

/**
 * UP with the server's version; DOWN with the client's typed exception, within its deadline; for a
 * client of several nodes, each node's availability.
 */
class CoreHealthIndicatorTest {
  private final CoreSimulator sim =
      CoreSimulator.builder().user("admin").password("health-secret").build().start();

  @AfterEach
  void stopCore() {
    sim.close();
  }

  private CoreClient client(String password) {
    return CoreClient.builder()
        .baseUrl(sim.baseUrl())
        .credentials("admin", password)
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  private static Health check(CoreClient client, Duration timeout) {
    Health[] health = new Health[1];
    StepVerifier.create(new CoreHealthIndicator(client, timeout).health())
        .consumeNextWith(h -> health[0] = h)
        .expectComplete()
        .verify(Duration.ofSeconds(20));
    return health[0];
  }

  @Test
  void isUpWithTheServersVersionWhenPingAndAboutAnswer() {
    try (CoreClient client = client("health-secret")) {
      Health health = check(client, Duration.ofSeconds(5));
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails())
          .containsEntry("url", sim.baseUrl())
          .containsEntry("version", "16.20.0")
          .containsKey("id")
          .doesNotContainKey("nodes");
    }
  }

  private CoreClient clusterClient(CoreSimulator... nodes) {
    return CoreClient.builder()
        .baseUrls(java.util.Arrays.stream(nodes).map(CoreSimulator::baseUrl).toList())
        .credentials("admin", "health-secret")
        .timeout(Duration.ofSeconds(10))
        .failover(
            FailoverPolicy.builder()
                .selection(FailoverPolicy.Selection.ROUND_ROBIN)
                .failureThreshold(1)
                .probeInterval(Duration.ofMinutes(1))
                .build())
        .build();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> nodes(Health health) {
    return (List<Map<String, Object>>) health.getDetails().get("nodes");
  }

  @Test
  void isUpWhileOneNodeAnswersAndShowsTheStoppedNodeUnavailable() {
    try (CoreSimulator stopped =
            CoreSimulator.builder().user("admin").password("health-secret").build().start();
        CoreClient client = clusterClient(sim, stopped)) {
      stopped.stop();
      List<Health> checks = new ArrayList<>();
      // Round-robin sends some checks to the stopped node first; one refusal (threshold 1) takes
      // it out, and the check moves on to the live node.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                Health health = check(client, Duration.ofSeconds(5));
                checks.add(health);
                return Boolean.FALSE.equals(nodes(health).get(1).get("available"));
              });
      assertThat(checks).allSatisfy(h -> assertThat(h.getStatus()).isEqualTo(Status.UP));
      Health health = checks.get(checks.size() - 1);
      assertThat(health.getDetails())
          .doesNotContainKey("url")
          .containsEntry("version", "16.20.0")
          .containsKey("id");
      assertThat(nodes(health)).hasSize(2);
      assertThat(nodes(health).get(0))
          .containsEntry("url", sim.baseUrl())
          .containsEntry("available", true)
          .doesNotContainKey("lastFailure");
      assertThat(nodes(health).get(1))
          .containsEntry("url", stopped.baseUrl())
          .containsEntry("available", false);
      assertThat(String.valueOf(nodes(health).get(1).get("lastFailure"))).isNotBlank();
      assertThat(health.toString()).doesNotContain("health-secret");
    }
  }

  @Test
  void isDownWithEveryNodeUnavailableWhenAllAreStopped() {
    try (CoreSimulator other =
            CoreSimulator.builder().user("admin").password("health-secret").build().start();
        CoreClient client = clusterClient(sim, other)) {
      sim.stop();
      other.stop();
      Health health = check(client, Duration.ofSeconds(5));
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(String.valueOf(health.getDetails().get("error")))
          .startsWith("dev.corekit.core.CoreConnectException");
      assertThat(health.getDetails()).doesNotContainKey("url");
      assertThat(nodes(health))
          .extracting(node -> node.get("url"))
          .containsExactly(sim.baseUrl(), other.baseUrl());
      assertThat(nodes(health))
          .allSatisfy(
              node ->
                  assertThat(node).containsEntry("available", false).containsKey("lastFailure"));
      assertThat(health.toString()).doesNotContain("health-secret");
    }
  }

  @Test
  void isDownWithTheConnectFailureWhenNothingListens() {
    try (CoreClient client = client("health-secret")) {
      sim.stop();
      Health health = check(client, Duration.ofSeconds(5));
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("url", sim.baseUrl());
      assertThat(String.valueOf(health.getDetails().get("error")))
          .startsWith("dev.corekit.core.CoreConnectException");
    }
  }

  @Test
  void isDownWithTheAuthenticationFailureWhenThePasswordIsWrong() {
    try (CoreClient client = client("wrong-password")) {
      Health health = check(client, Duration.ofSeconds(5));
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(String.valueOf(health.getDetails().get("error")))
          .startsWith("dev.corekit.core.CoreAuthenticationException")
          .doesNotContain("wrong-password");
    }
  }

  @Test
  void isDownWithATimeoutOfItsOwnWhenCoreHangs() {
    // The ping never answers (the client's own deadline is 10 s): only the health check's
    // deadline can end the check.
    sim.faults().on("GET /ping").inject(Fault.latency(Duration.ofMinutes(10)));
    try (CoreClient client = client("health-secret")) {
      Health health = check(client, Duration.ofMillis(300));
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(String.valueOf(health.getDetails().get("error")))
          .startsWith("dev.corekit.core.CoreTimeoutException");
    }
  }

  @Test
  void isRegisteredForTheClientAndCanBeTurnedOff() {
    ApplicationContextRunner runner =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    CorekitAutoConfiguration.class,
                    CorekitSyncAutoConfiguration.class,
                    CorekitHealthAutoConfiguration.class))
            .withPropertyValues(
                "corekit.core.url=" + sim.baseUrl(),
                "corekit.core.user=admin",
                "corekit.core.password=health-secret");
    runner.run(
        context -> {
          assertThat(context).hasBean("corekitHealthIndicator");
          Health health = check(context.getBean(CoreClient.class), Duration.ofSeconds(5));
          assertThat(health.getStatus()).isEqualTo(Status.UP);
        });
    runner
        .withPropertyValues("management.health.corekit.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(CoreHealthIndicator.class));
  }
}
