package dev.corekit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs benchmark 3 small (300 calls, 2 s tokens) against embedded simulators: it runs and produces
 * numbers.
 */
class TokenExpirySmokeTest {
  @Test
  void burstsAcrossAnExpiryAreCountedOnTheSimulator() throws Exception {
    try (Target expiring =
            Target.embedded(
                b -> b.accessTtl(Duration.ofSeconds(2)).refreshTtl(Duration.ofMinutes(5)));
        Target steady = Target.embedded(b -> b.accessTtl(Duration.ofHours(1)))) {
      expiring.seed(10);
      steady.seed(10);
      Args args =
          new Args(
              TokenExpiryBench.class,
              "--url-expiring",
              expiring.url,
              "--url-steady",
              steady.url,
              "--ttl",
              "2",
              "--requests",
              "300",
              "--lanes",
              "32",
              "--reps",
              "1");
      List<TokenExpiryBench.Burst> bursts = TokenExpiryBench.measure(args);

      assertThat(bursts).hasSize(4);
      for (TokenExpiryBench.Burst burst : bursts) {
        assertThat(burst.sent())
            .as(burst.toString())
            .isGreaterThanOrEqualTo(burst.requests() - burst.failed());
        assertThat(burst.p99()).as(burst.toString()).isPositive();
        assertThat(burst.logins()).as(burst.toString()).isZero();
      }
      assertThat(
              bursts.stream()
                  .filter(b -> !b.expiring())
                  .mapToLong(TokenExpiryBench.Burst::refreshes)
                  .sum())
          .isZero();
      assertThat(TokenExpiryBench.report(args, 2, 0.8, 0.6, 300, 32, bursts).section())
          .contains("p99 vs 1 h");
    }
  }
}
