package dev.corekit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthTest {

  private static JsonNode claims(String jwt) throws Exception {
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
        .isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    return Http.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  @Test
  void loginIssuesAccessAndRefreshTokensWithCoreClaims() throws Exception {
    try (CoreSimulator sim =
        CoreSimulator.builder()
            .user("admin")
            .password("secret")
            .accessTtl(Duration.ofSeconds(30))
            .refreshTtl(Duration.ofSeconds(90))
            .build()
            .start()) {
      Http http = new Http(sim);
      Http.Resp r = http.post("/api/login", "{\"username\":\"admin\",\"password\":\"secret\"}");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().properties())
          .extracting(e -> e.getKey())
          .containsExactly("access_token", "refresh_token");
      JsonNode access = claims(r.json().get("access_token").asText());
      JsonNode refresh = claims(r.json().get("refresh_token").asText());
      assertThat(access.get("usefor").asText()).isEqualTo("access");
      assertThat(access.get("sub").asText()).isEqualTo("admin");
      assertThat(access.get("iss").asText()).isEqualTo("datarhei-core");
      assertThat(access.get("exi").asLong()).isEqualTo(30);
      assertThat(access.get("exp").asLong() - access.get("iat").asLong()).isBetween(30L, 31L);
      assertThat(access.get("jti").asText()).hasSize(36);
      assertThat(refresh.get("usefor").asText()).isEqualTo("refresh");
      assertThat(refresh.get("exi").asLong()).isEqualTo(90);
      assertThat(sim.stats().logins()).isEqualTo(1);
    }
  }

  @Test
  void refreshGivesOnlyANewAccessTokenAndTokenPurposesAreChecked() {
    try (CoreSimulator sim = CoreSimulator.builder().build().start()) {
      Http http = new Http(sim);
      JsonNode tokens =
          http.post("/api/login", "{\"username\":\"admin\",\"password\":\"datarhei\"}").json();
      http.token = tokens.get("refresh_token").asText();
      Http.Resp refreshed = http.get("/api/login/refresh");
      assertThat(refreshed.status()).isEqualTo(200);
      assertThat(refreshed.json().size()).isEqualTo(1);
      assertThat(refreshed.json().get("access_token").asText())
          .isNotEqualTo(tokens.get("access_token").asText());
      // a refresh token is no access token
      Http.Resp wrongUse = http.get("/api/v3/process");
      assertThat(wrongUse.status()).isEqualTo(403);
      assertThat(wrongUse.json().get("message").asText()).isEqualTo("Forbidden");
      // an access token cannot refresh
      http.token = tokens.get("access_token").asText();
      assertThat(http.get("/api/login/refresh").status()).isEqualTo(403);
      assertThat(http.get("/api/v3/process").status()).isEqualTo(200);
      assertThat(sim.stats().refreshes()).isEqualTo(1);
      assertThat(sim.stats().refreshFailures()).isEqualTo(1);
    }
  }

  @Test
  void accessTokenExpiresAfterItsConfiguredLifetime() {
    try (CoreSimulator sim =
        CoreSimulator.builder().accessTtl(Duration.ofSeconds(1)).build().start()) {
      Http http = new Http(sim).login("admin", "datarhei");
      assertThat(http.get("/api/v3/process").status()).isEqualTo(200);
      long start = System.nanoTime();
      assertThat(
              Http.await(() -> http.get("/api/v3/process").status() == 403, Duration.ofSeconds(20)))
          .isTrue();
      // exp has whole seconds, so the token lives 1-2 s; a backstop far below the default 30 s
      // lifetime (the bound a busy machine's slow polls cannot reach).
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
      Http.Resp expired = http.get("/api/v3/process");
      assertThat(expired.json().toString())
          .isEqualTo("{\"code\":403,\"message\":\"Forbidden\",\"details\":[\"access denied\"]}");
      // /api degrades to the minimal answer with an expired token
      assertThat(http.get("/api").json().get("version").get("number").asText()).isEqualTo("16.0.0");
    }
  }

  @Test
  void version1620Answers403AndVersion1616Answers401() {
    try (CoreSimulator v20 =
            CoreSimulator.builder().loginFailureDelay(Duration.ZERO).build().start();
        CoreSimulator v16 =
            CoreSimulator.builder()
                .coreVersion(CoreVersion.V16_16)
                .loginFailureDelay(Duration.ZERO)
                .build()
                .start()) {
      Http a = new Http(v20);
      Http b = new Http(v16);
      assertThat(a.get("/api/v3/process").json().toString())
          .isEqualTo("{\"code\":403,\"message\":\"Forbidden\",\"details\":[\"access denied\"]}");
      assertThat(b.get("/api/v3/process").json().toString())
          .isEqualTo(
              "{\"code\":401,\"message\":\"Unauthorized\",\"details\":[\"Missing or invalid JWT token\"]}");
      a.token = "garbage";
      b.token = "garbage";
      assertThat(a.get("/api/v3/process").status()).isEqualTo(403);
      assertThat(b.get("/api/v3/process").status()).isEqualTo(401);
      a.token = null;
      b.token = null;
      Http.Resp wrong20 = a.post("/api/login", "{\"username\":\"admin\",\"password\":\"nope\"}");
      Http.Resp wrong16 = b.post("/api/login", "{\"username\":\"admin\",\"password\":\"nope\"}");
      assertThat(wrong20.status()).isEqualTo(403);
      assertThat(wrong16.json().toString())
          .isEqualTo(
              "{\"code\":401,\"message\":\"Unauthorized\",\"details\":"
                  + "[\"Invalid authorization credentials: invalid username or password\"]}");
      Http.Resp missing16 = b.send("POST", "/api/login", "{}", "application/json");
      assertThat(missing16.json().toString())
          .isEqualTo(
              "{\"code\":400,\"message\":\"Bad Request\",\"details\":[\"Missing authorization credentials\"]}");
      assertThat(v16.stats().loginFailures()).isEqualTo(2);
    }
  }

  @Test
  void failedLoginIsAnsweredAfterTheConfiguredDelay() {
    try (CoreSimulator sim =
        CoreSimulator.builder().loginFailureDelay(Duration.ofMillis(300)).build().start()) {
      Http http = new Http(sim);
      long start = System.nanoTime();
      assertThat(http.post("/api/login", "{\"username\":\"admin\",\"password\":\"x\"}").status())
          .isEqualTo(403);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void apiAnswersMinimallyWithoutTokenAndFullyWithOne() {
    try (CoreSimulator sim = CoreSimulator.builder().id("sim-1").name("sim-name").build().start()) {
      Http http = new Http(sim);
      assertThat(http.get("/api").json().toString())
          .isEqualTo(
              "{\"app\":\"datarhei-core\",\"auths\":[\"localjwt\"],\"version\":{\"number\":\"16.0.0\"}}");
      http.login("admin", "datarhei");
      JsonNode full = http.get("/api").json();
      assertThat(full.get("id").asText()).isEqualTo("sim-1");
      assertThat(full.get("name").asText()).isEqualTo("sim-name");
      assertThat(full.get("version").get("number").asText()).isEqualTo("16.20.0");
      assertThat(full.has("created_at")).isTrue();
      assertThat(full.get("uptime_seconds").isIntegralNumber()).isTrue();
      assertThat(full.has("resources")).isTrue();
    }
  }

  @Test
  void authOffOpensEveryRoute() {
    try (CoreSimulator sim = CoreSimulator.builder().auth(false).build().start()) {
      Http http = new Http(sim);
      assertThat(http.get("/api/v3/process").status()).isEqualTo(200);
      assertThat(http.get("/api").json().get("auths").size()).isZero();
    }
  }

  @Test
  void issuedTokensWorkWithoutALogin() {
    try (CoreSimulator sim = CoreSimulator.builder().build().start()) {
      Http http = new Http(sim);
      http.token = sim.issueTokens().accessToken();
      assertThat(http.get("/api/v3/process").status()).isEqualTo(200);
      assertThat(sim.stats().logins()).isZero();
      assertThat(sim.stats().lastRequest().tokenId()).hasSize(36);
      assertThat(sim.stats().lastRequest().header("Authorization")).isEqualTo("Bearer <redacted>");
    }
  }
}
