package dev.corekit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EndpointsTest {
  private static CoreSimulator sim;
  private static Http http;

  @BeforeAll
  static void start() {
    sim = CoreSimulator.builder().password("s3cret").build().start();
    http = new Http(sim).login("admin", "s3cret");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void configContainsSecretsAndMergesVersion3Updates() {
    JsonNode c = http.get("/api/v3/config").json();
    assertThat(c.get("config").get("version").asInt()).isEqualTo(3);
    assertThat(c.get("config").get("api").get("auth").get("password").asText()).isEqualTo("s3cret");
    assertThat(c.get("config").get("api").get("auth").get("jwt").get("secret").asText())
        .isNotEmpty();
    assertThat(c.get("overrides").isArray()).isTrue();
    assertThat(http.put("/api/v3/config", "{\"version\":3,\"name\":\"renamed\"}").body())
        .isEqualTo("\"OK\"");
    assertThat(http.get("/api/v3/config").json().get("config").get("name").asText())
        .isEqualTo("renamed");
    assertThat(http.put("/api/v3/config", "{\"version\":9}").json().toString())
        .isEqualTo(
            "{\"code\":400,\"message\":\"Invalid config version\",\"details\":[\"version 9\"]}");
    assertThat(
            http.put(
                    "/api/v3/config",
                    "{\"version\":3,\"sessions\":{\"ip_ignorelist\":[\"not-a-cidr\"]}}")
                .body())
        .isEqualTo("{\"sessions.ip_ignorelist\":[\"invalid CIDR address: not-a-cidr\"]}");
    assertThat(http.get("/api/v3/config/reload").body()).isEqualTo("\"OK\"");
  }

  @Test
  void logMetricsSessionsSkills() {
    JsonNode log = http.get("/api/v3/log").json();
    assertThat(log.get(0).isTextual()).isTrue();
    assertThat(http.get("/api/v3/log?format=raw").json().get(0).has("component")).isTrue();
    assertThat(http.get("/api/v3/metrics").json().size()).isEqualTo(29);
    JsonNode q =
        http.post(
                "/api/v3/metrics",
                "{\"timerange_sec\":30,\"interval_sec\":5,\"metrics\":[{\"name\":\"cpu_idle\"},"
                    + "{\"name\":\"ffmpeg_process\",\"labels\":{\"state\":\"running\"}},{\"name\":\"nope\"}]}")
            .json();
    assertThat(q.get("timerange_sec").asInt()).isEqualTo(300);
    assertThat(q.get("metrics").size()).isEqualTo(2);
    assertThat(q.get("metrics").get(0).get("labels").isNull()).isTrue();
    assertThat(q.get("metrics").get(0).get("values").size()).isEqualTo(15);
    assertThat(http.get("/api/v3/session").json().has("")).isTrue();
    assertThat(http.get("/api/v3/session/active?collectors=hls,rtmp").body())
        .isEqualTo("{\"hls\":[],\"rtmp\":[]}");
    assertThat(http.get("/api/v3/skills").json().get("ffmpeg").get("version").asText())
        .isEqualTo("5.1.9");
    assertThat(http.get("/api/v3/skills").json().has("filter")).isTrue();
    assertThat(http.get("/api/v3/rtmp").body()).isEqualTo("[]");
    assertThat(
            http.put("/api/v3/session/token/admin", "[{\"match\":\"^/memfs/\",\"ttl_sec\":60}]")
                .json()
                .get(0)
                .get("token")
                .asText())
        .isNotEmpty();
  }

  @Test
  void iamUsersCanBeCreatedListedAndRemoved() {
    assertThat(http.get("/api/v3/iam/user").json().get(0).get("name").asText()).isEqualTo("$anon");
    assertThat(
            http.get("/api/v3/iam/user/admin")
                .json()
                .get("auth")
                .get("api")
                .get("userpass")
                .asText())
        .isEqualTo("s3cret");
    String alice =
        "{\"name\":\"alice\",\"auth\":{\"api\":{\"userpass\":\"pw\"}},\"policies\":[{\"domain\":\"$none\","
            + "\"types\":[\"api\",\"process\"],\"resource\":\"**\",\"actions\":[\"any\"]}]}";
    Http.Resp created = http.post("/api/v3/iam/user", alice);
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().get("created_at").asLong()).isZero();
    assertThat(http.post("/api/v3/iam/user", alice).json().get("details").get(0).asText())
        .isEqualTo("the name 'alice' is already in use");
    new Http(sim).login("alice", "pw");
    assertThat(http.delete("/api/v3/iam/user/alice").body()).isEqualTo("\"OK\"");
    assertThat(http.get("/api/v3/iam/user/alice").json().toString())
        .isEqualTo("{\"code\":404,\"message\":\"Not Found\",\"details\":[\"identity not found\"]}");
  }

  @Test
  void clusterModeServesASingleNode() {
    try (CoreSimulator c = CoreSimulator.builder().cluster(true).build().start()) {
      Http h = new Http(c).login("admin", "datarhei");
      JsonNode about = h.get("/api/v3/cluster").json();
      assertThat(about.get("status").asText()).isEqualTo("online");
      assertThat(about.get("nodes").size()).isEqualTo(1);
      assertThat(h.get("/api/v3/cluster/healthy").body()).isEqualTo("true");
      assertThat(h.get("/api/v3/cluster/node").json().get(0).get("leader").asBoolean()).isTrue();
    }
  }
}
