package dev.corekit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreClient;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.Fault;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.test.StepVerifier;

/** UP with the server's version; DOWN with the client's typed exception, within its deadline. */
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
          .containsKey("id");
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
