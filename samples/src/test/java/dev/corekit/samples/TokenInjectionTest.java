package dev.corekit.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corekit.core.model.About;
import dev.corekit.core.model.JwtTokens;
import dev.corekit.simulator.CoreSimulator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenInjectionTest {

  @Test
  void callsCoreWithInjectedTokensAndRenewsThemWithoutLoggingIn() throws IOException {
    try (SimulatorExtension server =
        new SimulatorExtension(
            CoreSimulator.builder()
                .user("admin")
                .password("sample-secret")
                .accessTtl(Duration.ofSeconds(1)))) {
      JwtTokens tokens = TokenInjection.issueTokens(server.sim.baseUrl(), "admin", "sample-secret");
      long loginsByIssuer = server.sim.stats().logins();
      // Past the injected access token's expiry (whole seconds): the client must refresh it.
      long expiry = expiry(tokens.accessToken());
      await("the access token's expiry")
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> Instant.now().getEpochSecond() > expiry);

      About about =
          TokenInjection.aboutWithTokens(
              server.sim.baseUrl(), tokens.accessToken(), tokens.refreshToken());

      assertThat(about.name()).isPresent(); // the full answer: the token was accepted
      assertThat(server.sim.stats().logins()).isEqualTo(loginsByIssuer);
      assertThat(server.sim.stats().refreshes()).isPositive();
    }
  }

  /** The {@code exp} claim of a JWT, in epoch seconds. */
  private static long expiry(String jwt) throws IOException {
    byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
    long exp = new ObjectMapper().readTree(payload).path("exp").asLong(0);
    assertThat(exp).as("exp claim of the issued access token").isPositive();
    return exp;
  }
}
