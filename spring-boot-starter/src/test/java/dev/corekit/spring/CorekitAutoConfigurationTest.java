package dev.corekit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreException;
import dev.corekit.core.FailoverPolicy;
import dev.corekit.core.sync.CoreSync;
import dev.corekit.core.sync.CoreSyncClient;
import dev.corekit.rac.RacClient;
import dev.corekit.simulator.CoreSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.test.StepVerifier;

/** The beans the starter makes from properties, when it backs off, and what it closes. */
class CorekitAutoConfigurationTest {
  private static CoreSimulator sim;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  CorekitAutoConfiguration.class,
                  CorekitSyncAutoConfiguration.class,
                  CorekitHealthAutoConfiguration.class));

  @BeforeAll
  static void startCore() {
    sim = CoreSimulator.builder().user("admin").password("starter-secret").build().start();
  }

  @AfterAll
  static void stopCore() {
    sim.close();
  }

  private ApplicationContextRunner withCore() {
    return runner.withPropertyValues(
        "corekit.core.url=" + sim.baseUrl(),
        "corekit.core.user=admin",
        "corekit.core.password=starter-secret");
  }

  @Test
  void configuresNoClientWithoutAUrl() {
    runner.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(CoreClient.class)
                .doesNotHaveBean(CoreSyncClient.class)
                .doesNotHaveBean(RacClient.class)
                .doesNotHaveBean(CoreHealthIndicator.class));
  }

  @Test
  void buildsAReactiveAndABlockingClientFromThePropertiesThatLogInToCore() {
    withCore()
        .withPropertyValues("corekit.core.timeout=7s", "corekit.core.retry.max-retries=1")
        .run(
            context -> {
              CoreClient client = context.getBean(CoreClient.class);
              assertThat(client.baseUrl().toString()).isEqualTo(sim.baseUrl());
              StepVerifier.create(client.processes().list().collectList())
                  .assertNext(list -> assertThat(list).isEmpty())
                  .expectComplete()
                  .verify(Duration.ofSeconds(10));
              CoreSyncClient sync = context.getBean(CoreSyncClient.class);
              assertThat(sync.reactive()).isSameAs(client);
              assertThat(sync.version()).startsWith("16.");
              assertThat(sim.stats().logins()).isPositive();
            });
  }

  @Test
  void usesTokensInsteadOfALogin() {
    CoreSimulator.Tokens tokens = sim.issueTokens();
    long logins = sim.stats().logins();
    runner
        .withPropertyValues(
            "corekit.core.url=" + sim.baseUrl(),
            "corekit.core.access-token=" + tokens.accessToken(),
            "corekit.core.refresh-token=" + tokens.refreshToken())
        .run(
            context -> {
              StepVerifier.create(context.getBean(CoreClient.class).processes().list())
                  .expectComplete()
                  .verify(Duration.ofSeconds(10));
              assertThat(sim.stats().logins()).isEqualTo(logins);
            });
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnClient() {
    withCore()
        .withUserConfiguration(OwnClient.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(CoreClient.class);
              assertThat(context.getBean(CoreClient.class))
                  .isSameAs(context.getBean(OwnClient.class).client);
              assertThat(context.getBean(CoreSyncClient.class).reactive())
                  .isSameAs(context.getBean(OwnClient.class).client);
            });
  }

  @Test
  void appliesTheApplicationsCustomizersAfterTheProperties() {
    AtomicReference<String> seen = new AtomicReference<>();
    withCore()
        .withBean(CoreClientBuilderCustomizer.class, () -> builder -> seen.set(builder.toString()))
        .run(
            context -> {
              assertThat(context).hasSingleBean(CoreClient.class);
              assertThat(seen.get()).contains(sim.baseUrl()).contains("user=admin");
            });
  }

  @Test
  void makesNoBlockingClientWithoutCoreClientSync() {
    withCore()
        .withClassLoader(new FilteredClassLoader(CoreSync.class))
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(CoreClient.class)
                    .doesNotHaveBean(CoreSyncClient.class));
  }

  @Test
  void closesTheClientsWithTheContext() {
    AtomicReference<CoreClient> client = new AtomicReference<>();
    AtomicReference<RacClient> rac = new AtomicReference<>();
    withCore()
        .withPropertyValues("corekit.rac.executable=/opt/1cv8/rac")
        .run(
            context -> {
              client.set(context.getBean(CoreClient.class));
              rac.set(context.getBean(RacClient.class));
            });
    assertThat(client.get().toString()).contains("closed");
    StepVerifier.create(client.get().processes().list())
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(CoreException.class)
                    .hasMessageContaining("client is closed"))
        .verify(Duration.ofSeconds(10));
    StepVerifier.create(
            rac.get().session("ras.example.org").records(java.util.List.of("cluster", "list")))
        .expectErrorSatisfies(
            error -> assertThat(error).hasMessageContaining("RacClient is closed"))
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void closesTheOwnPoolOfPoolPropertiesAfterTheClient() {
    withCore()
        .withPropertyValues("corekit.core.pool.max-connections=3")
        .run(
            context -> {
              CorekitAutoConfiguration.CorePool pool =
                  context.getBean(CorekitAutoConfiguration.CorePool.class);
              assertThat(pool.provider.maxConnections()).isEqualTo(3);
              StepVerifier.create(context.getBean(CoreClient.class).processes().list())
                  .expectComplete()
                  .verify(Duration.ofSeconds(10));
              context.close();
              assertThat(pool.provider.isDisposed()).isTrue();
            });
  }

  @Test
  void configuresRacFromItsProperties() {
    runner
        .withPropertyValues(
            "corekit.rac.executable=/opt/1cv8/rac",
            "corekit.rac.charset=auto",
            "corekit.rac.timeout=15s",
            "corekit.rac.concurrency=2")
        .run(
            context ->
                assertThat(context.getBean(RacClient.class).toString())
                    .contains("executable=/opt/1cv8/rac")
                    .contains("charset=auto")
                    .contains("timeout=PT15S")
                    .contains("maxConcurrency=2"));
  }

  @Test
  void buildsAClientOfTheNodesOfUrlsThatFailsOverByTheFailoverProperties() {
    try (CoreSimulator second =
            CoreSimulator.builder().user("admin").password("starter-secret").build().start();
        CoreSimulator stopped =
            CoreSimulator.builder().user("admin").password("starter-secret").build().start()) {
      stopped.stop();
      runner
          .withPropertyValues(
              "corekit.core.urls="
                  + stopped.baseUrl()
                  + ", "
                  + sim.baseUrl()
                  + ","
                  + second.baseUrl(),
              "corekit.core.user=admin",
              "corekit.core.password=starter-secret",
              "corekit.core.failover.selection=round-robin",
              "corekit.core.failover.failure-threshold=1",
              "corekit.core.failover.probe-interval=1m",
              "corekit.core.failover.attempt-timeout=4s")
          .run(
              context -> {
                assertThat(context)
                    .hasSingleBean(CoreSyncClient.class)
                    .hasSingleBean(CoreHealthIndicator.class);
                CoreClient client = context.getBean(CoreClient.class);
                assertThat(client.baseUrls())
                    .extracting(Object::toString)
                    .containsExactly(stopped.baseUrl(), sim.baseUrl(), second.baseUrl());
                assertThat(
                        context.getBean(CoreProperties.class).getFailover().toPolicy().toString())
                    .isEqualTo(
                        "FailoverPolicy{selection=ROUND_ROBIN, failureThreshold=1,"
                            + " probeInterval=PT1M, attemptTimeout=PT4S}");
                long firstBefore = sim.stats().requests("GET /api/v3/process");
                long secondBefore = second.stats().requests("GET /api/v3/process");
                for (int i = 0; i < 6; i++) {
                  StepVerifier.create(client.processes().list())
                      .expectComplete()
                      .verify(Duration.ofSeconds(10));
                }
                // One refused connection took the stopped node out (threshold 1, not the
                // default 3), and round-robin spread the calls over the two others.
                assertThat(client.nodes().get(0).available()).isFalse();
                assertThat(sim.stats().requests("GET /api/v3/process")).isGreaterThan(firstBefore);
                assertThat(second.stats().requests("GET /api/v3/process"))
                    .isGreaterThan(secondBefore);
              });
    }
  }

  @Test
  void takesUrlsAsAList() {
    runner
        .withPropertyValues(
            "corekit.core.urls[0]=http://127.0.0.1:1", "corekit.core.urls[1]=http://127.0.0.1:2")
        .run(
            context ->
                assertThat(context.getBean(CoreClient.class).baseUrls())
                    .extracting(Object::toString)
                    .containsExactly("http://127.0.0.1:1", "http://127.0.0.1:2"));
  }

  @Test
  void theDefaultFailoverPropertiesAreTheClientsDefaultPolicy() {
    assertThat(new CoreProperties().getFailover().toPolicy().toString())
        .isEqualTo(FailoverPolicy.DEFAULT.toString());
  }

  @Test
  void refusesUrlAndUrlsTogetherNamingBoth() {
    runner
        .withPropertyValues(
            "corekit.core.url=" + sim.baseUrl(),
            "corekit.core.urls[0]=http://127.0.0.1:1",
            "corekit.core.urls[1]=http://127.0.0.1:2")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("both corekit.core.url and corekit.core.urls are set"));
  }

  @Test
  void refusesAnInvalidUrlOfUrlsWithTheBuildersReasonAndTheProperty() {
    runner
        .withPropertyValues("corekit.core.urls=http://127.0.0.1:1,ftp://127.0.0.1:2")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    // the builder's reason, named by the property (the builder's exception is the
                    // cause)
                    .hasStackTraceContaining(
                        "invalid corekit.core.urls: the base URL must start with http:// or"
                            + " https://: ftp://127.0.0.1:2"));
  }

  @Test
  void refusesAnInvalidFailoverPropertyNamingIt() {
    runner
        .withPropertyValues(
            "corekit.core.urls=http://127.0.0.1:1,http://127.0.0.1:2",
            "corekit.core.failover.failure-threshold=0")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .hasStackTraceContaining(
                        "invalid corekit.core.failover: failureThreshold must be at least 1: 0"));
  }

  @Test
  void configuresNoClientWhenUrlAndUrlsAreBlank() {
    runner
        .withPropertyValues("corekit.core.url=", "corekit.core.urls=")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CoreClient.class));
  }

  @Test
  void refusesAUserWithoutAPassword() {
    runner
        .withPropertyValues("corekit.core.url=" + sim.baseUrl(), "corekit.core.user=admin")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("corekit.core.user and corekit.core.password"));
  }

  @Test
  void recordsMetersAndObservationsInTheApplicationsRegistries() {
    withCore()
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(ObservationRegistry.class, TestObservationRegistry::create)
        .run(
            context -> {
              StepVerifier.create(context.getBean(CoreClient.class).processes().list())
                  .expectComplete()
                  .verify(Duration.ofSeconds(10));
              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(
                      meters
                          .get("corekit.core.requests")
                          .tag("operation", "processList")
                          .tag("outcome", "SUCCESS")
                          .timer()
                          .count())
                  .isEqualTo(1);
              TestObservationRegistryAssert.assertThat(
                      (TestObservationRegistry) context.getBean(ObservationRegistry.class))
                  .hasObservationWithNameEqualTo("corekit.core.calls")
                  .that()
                  .hasLowCardinalityKeyValue("operation", "processList")
                  .hasLowCardinalityKeyValue("outcome", "SUCCESS");
            });
  }

  @Test
  void recordsNoMetersWhenTurnedOff() {
    withCore()
        .withPropertyValues(
            "corekit.core.metrics.enabled=false", "corekit.core.observations.enabled=false")
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(ObservationRegistry.class, TestObservationRegistry::create)
        .run(
            context -> {
              StepVerifier.create(context.getBean(CoreClient.class).processes().list())
                  .expectComplete()
                  .verify(Duration.ofSeconds(10));
              assertThat(
                      context.getBean(MeterRegistry.class).find("corekit.core.requests").meters())
                  .isEmpty();
              TestObservationRegistryAssert.assertThat(
                      (TestObservationRegistry) context.getBean(ObservationRegistry.class))
                  .doesNotHaveAnyObservation();
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    final CoreClient client = CoreClient.builder().baseUrl("http://127.0.0.1:9").build();

    @Bean
    CoreClient ownCoreClient() {
      return client;
    }
  }
}
