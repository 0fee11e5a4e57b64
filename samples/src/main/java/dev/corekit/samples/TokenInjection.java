package dev.corekit.samples;

import dev.corekit.core.CoreClient;
import dev.corekit.core.model.About;
import dev.corekit.core.model.JwtTokens;
import dev.corekit.core.model.LoginRequest;
import java.time.Duration;

/**
 * Token injection: a client that never sees a password. Tokens come from elsewhere (an identity
 * service, a vault, another client's login); the client renews the access token with the refresh
 * token by itself.
 */
public final class TokenInjection {
  private TokenInjection() {}

  /**
   * Logs in once (as a token service would) and then runs a client on the tokens alone.
   *
   * @param args unused; the server comes from {@code CORE_URL} or is an embedded simulator
   */
  public static void main(String[] args) {
    try (SampleServer server = SampleServer.fromEnvironment()) {
      String user = java.util.Objects.requireNonNull(server.user(), "CORE_USER is not set");
      String password =
          java.util.Objects.requireNonNull(server.password(), "CORE_PASSWORD is not set");
      JwtTokens tokens = issueTokens(server.url(), user, password);
      About about = aboutWithTokens(server.url(), tokens.accessToken(), tokens.refreshToken());
      System.out.println(
          "connected with injected tokens to "
              + about.name().orElse(about.app())
              + " "
              + about.version().number());
    }
  }

  /**
   * What a token service does: logs in and hands out the tokens.
   *
   * @param url Core's base URL
   * @param user the user
   * @param password the password
   * @return the access and refresh tokens
   */
  public static JwtTokens issueTokens(String url, String user, String password) {
    try (CoreClient login = CoreClient.builder().baseUrl(url).build()) {
      return login
          .auth()
          .login(LoginRequest.builder().username(user).password(password).build())
          .block(Duration.ofSeconds(10));
    }
  }

  /**
   * Calls Core with injected tokens only.
   *
   * @param url Core's base URL
   * @param accessToken the access token
   * @param refreshToken the refresh token, or null when the access token must do
   * @return what the server tells about itself (the full answer needs a valid token)
   */
  public static About aboutWithTokens(
      String url, String accessToken, @org.jspecify.annotations.Nullable String refreshToken) {
    try (CoreClient core =
        CoreClient.builder().baseUrl(url).tokens(accessToken, refreshToken).build()) {
      // The first call finds the token about to expire (or not) and refreshes it first if needed.
      core.processes().list().count().block(Duration.ofSeconds(10));
      return core.about().about().block(Duration.ofSeconds(10));
    }
  }
}
