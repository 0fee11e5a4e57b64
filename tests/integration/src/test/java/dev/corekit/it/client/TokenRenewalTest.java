package dev.corekit.it.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreAuthenticationException;
import dev.corekit.core.CoreClient;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.RecordedRequest;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The client renews its JWT by itself: ahead of expiry, once for any number of waiting requests.
 */
class TokenRenewalTest {

  @Test
  void
      tenThousandRequestsFrom200SubscribersAcrossSeveralExpiriesAllSucceedWithOneRefreshPerExpiry() {
    try (CoreSimulator sim =
            Simulators.simulator()
                .accessTtl(Duration.ofSeconds(1))
                .refreshTtl(Duration.ofMinutes(5))
                .requestLogCapacity(20_000)
                .build()
                .start();
        // A deadline no busy machine reaches: the verdict is about renewals, not speed.
        CoreClient client = Simulators.client(sim).timeout(Duration.ofSeconds(60)).build()) {
      AtomicLong failures = new AtomicLong();
      java.util.Map<String, Integer> failureKinds = new java.util.concurrent.ConcurrentHashMap<>();
      long start = System.nanoTime();
      Long done =
          Flux.range(0, 50)
              .concatMap(
                  batch ->
                      Mono.delay(Duration.ofMillis(100))
                          .thenMany(
                              Flux.range(0, 200)
                                  .flatMap(
                                      i ->
                                          client
                                              .processes()
                                              .list()
                                              .then(Mono.just(1))
                                              .onErrorResume(
                                                  error -> {
                                                    failures.incrementAndGet();
                                                    failureKinds.merge(
                                                        error.getClass().getSimpleName()
                                                            + ": "
                                                            + error.getMessage(),
                                                        1,
                                                        Integer::sum);
                                                    return Mono.empty();
                                                  }),
                                      200)))
              .count()
              .block(Duration.ofMinutes(2));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      Set<String> tokens =
          sim.stats().recorded().stream()
              .filter(r -> r.route().equals("GET /api/v3/process"))
              .map(RecordedRequest::tokenId)
              .collect(Collectors.toSet());
      // The simulator records an empty token id for a request it rejected (an expired token).
      boolean anyRejected = tokens.remove("");
      long refreshes = sim.stats().refreshes();
      System.out.printf(
          "token renewal: %d requests, %d failures, %d s elapsed, %d logins, %d refreshes, %d access tokens used%n",
          done,
          failures.get(),
          elapsed.toSeconds(),
          sim.stats().logins(),
          refreshes,
          tokens.size());

      failureKinds.forEach((kind, n) -> System.out.println("  " + n + " x " + kind));
      assertThat(done).isEqualTo(10_000);
      assertThat(failures).hasValue(0);
      assertThat(anyRejected).as("a request was sent with an expired token").isFalse();
      assertThat(sim.stats().logins()).isEqualTo(1);
      // Every refresh produced a token that requests used: no renewal was wasted or duplicated.
      assertThat(refreshes).isEqualTo(tokens.size() - 1);
      // Tokens live 1-2 s (exp has whole seconds) and the batches span at least 4.9 s, so the run
      // crossed several expiries: at least two renewals whatever the machine's speed (a rate bound
      // like elapsed/2 would fail when a busy machine stalls the requests for a while), and no more
      // than one per 0.8 s (a slower machine only makes fewer).
      assertThat(elapsed).isGreaterThan(Duration.ofSeconds(4));
      assertThat(refreshes).isBetween(2L, elapsed.toMillis() / 800 + 1);
    }
  }

  @Test
  void logsInAgainWhenTheRefreshTokenHasExpired() {
    try (CoreSimulator sim =
            Simulators.simulator()
                .accessTtl(Duration.ofSeconds(1))
                .refreshTtl(Duration.ofSeconds(2))
                .build()
                .start();
        CoreClient client = Simulators.client(sim).build()) {
      StepVerifier.create(client.processes().list()).expectComplete().verify(Duration.ofSeconds(5));
      StepVerifier.create(Mono.delay(Duration.ofMillis(3500)).thenMany(client.processes().list()))
          .expectComplete()
          .verify(Duration.ofSeconds(10));
      assertThat(sim.stats().logins()).isEqualTo(2);
    }
  }

  @Test
  void failsWithAnAuthenticationErrorWhenOnlyExpiredTokensAreKnown() {
    try (CoreSimulator sim =
        Simulators.simulator()
            .accessTtl(Duration.ofSeconds(1))
            .refreshTtl(Duration.ofSeconds(1))
            .build()
            .start()) {
      CoreSimulator.Tokens tokens = sim.issueTokens();
      try (CoreClient client =
          CoreClient.builder()
              .baseUrl(sim.baseUrl())
              .tokens(tokens.accessToken(), tokens.refreshToken())
              .build()) {
        StepVerifier.create(client.processes().list())
            .expectComplete()
            .verify(Duration.ofSeconds(5));
        StepVerifier.create(Mono.delay(Duration.ofMillis(2500)).thenMany(client.processes().list()))
            .expectErrorSatisfies(
                error ->
                    assertThat(error)
                        .isInstanceOf(CoreAuthenticationException.class)
                        .hasMessageContaining("no credentials")
                        .hasMessageNotContaining(tokens.accessToken())
                        .hasMessageNotContaining(tokens.refreshToken()))
            .verify(Duration.ofSeconds(10));
        assertThat(sim.stats().logins()).isZero();
      }
    }
  }

  @Test
  void logsInAgainWhenTheRefreshEndpointFailsOnce() {
    try (CoreSimulator sim =
            Simulators.simulator()
                .accessTtl(Duration.ofSeconds(1))
                .refreshTtl(Duration.ofMinutes(1))
                .build()
                .start();
        CoreClient client = Simulators.client(sim).build()) {
      StepVerifier.create(client.processes().list()).expectComplete().verify(Duration.ofSeconds(5));
      dev.corekit.simulator.Faults.Rule failure = sim.faults().failNextRefresh(401);
      StepVerifier.create(Mono.delay(Duration.ofMillis(2200)).thenMany(client.processes().list()))
          .expectComplete()
          .verify(Duration.ofSeconds(10));
      assertThat(failure.hits()).isEqualTo(1);
      assertThat(sim.stats().logins()).isEqualTo(2);
    }
  }

  @Test
  void aRejectedTokenIsRenewedOnceAndTheRequestReplayed() {
    try (CoreSimulator sim = Simulators.simulator().build().start()) {
      CoreSimulator.Tokens tokens = sim.issueTokens();
      // A token signed by another server: the simulator rejects it (403), the client refreshes and
      // replays.
      String forged =
          tokens.accessToken().substring(0, tokens.accessToken().lastIndexOf('.') + 1) + "AAAA";
      try (CoreClient client =
          CoreClient.builder()
              .baseUrl(sim.baseUrl())
              .tokens(forged, tokens.refreshToken())
              .build()) {
        StepVerifier.create(client.processes().list())
            .expectComplete()
            .verify(Duration.ofSeconds(5));
        assertThat(sim.stats().refreshes()).isEqualTo(1);
        assertThat(sim.stats().requests("GET /api/v3/process")).isEqualTo(2);
      }
    }
  }
}
