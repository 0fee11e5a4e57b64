package dev.corekit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.model.About;
import dev.corekit.core.model.JwtTokens;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenInjectionTest {

  @Test
  void callsCoreWithInjectedTokensAndRenewsThemWithoutLoggingIn() throws InterruptedException {
    try (SimulatorExtension server =
        new SimulatorExtension(
            CoreSimulator.builder()
                .user("admin")
                .password("sample-secret")
                .accessTtl(Duration.ofSeconds(1)))) {
      JwtTokens tokens = TokenInjection.issueTokens(server.sim.baseUrl(), "admin", "sample-secret");
      long loginsByIssuer = server.sim.stats().logins();
      Thread.sleep(
          2100); // past the injected access token's expiry (whole seconds): the client must refresh
      // it

      About about =
          TokenInjection.aboutWithTokens(
              server.sim.baseUrl(), tokens.accessToken(), tokens.refreshToken());

      assertThat(about.name()).isPresent(); // the full answer: the token was accepted
      assertThat(server.sim.stats().logins()).isEqualTo(loginsByIssuer);
      assertThat(server.sim.stats().refreshes()).isPositive();
    }
  }
}
