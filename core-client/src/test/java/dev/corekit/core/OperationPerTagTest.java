package dev.corekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corekit.core.api.FilesystemApi;
import dev.corekit.core.api.ReportApi;
import dev.corekit.core.api.SessionApi;
import dev.corekit.core.internal.Json;
import dev.corekit.core.model.GraphQuery;
import dev.corekit.core.model.LogEventFilter;
import dev.corekit.core.model.LogEventFilters;
import dev.corekit.core.model.LoginRequest;
import dev.corekit.core.model.MetricsQuery;
import dev.corekit.core.model.MetricsQueryMetric;
import dev.corekit.core.model.ProcessCommand;
import dev.corekit.core.model.ProcessCommandName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * One representative operation of every tag, against a local server: the method, path, query,
 * headers and body that arrive, and the decoded answer.
 */
class OperationPerTagTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TOKEN = jwt("access", 600);
  private static final String ABOUT_16_20 =
      "{\"app\":\"datarhei-core\",\"auths\":[\"localjwt\"],\"id\":\"id-1\",\"name\":\"n\","
          + "\"version\":{\"number\":\"16.20.0\"}}";

  private final ObjectMapper mapper = Json.newMapper();
  private final RecordingServer server =
      new RecordingServer()
          .json(
              "POST /api/login",
              200,
              "{\"access_token\":\""
                  + TOKEN
                  + "\",\"refresh_token\":\""
                  + jwt("refresh", 86400)
                  + "\"}")
          .json("GET /api", 200, ABOUT_16_20);
  private final CoreClient client =
      CoreClient.builder()
          .baseUrl(server.baseUrl())
          .credentials("admin", "secret")
          .retry(RetryPolicy.NONE)
          .build();

  @TempDir Path folder;

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  static String jwt(String use, long lifetime) {
    long now = System.currentTimeMillis() / 1000;
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    String header =
        encoder.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        encoder.encodeToString(
            ("{\"exp\":" + (now + lifetime) + ",\"iat\":" + now + ",\"usefor\":\"" + use + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    return header + "." + claims + ".c2lnbmF0dXJl";
  }

  private RecordingServer.Recorded only(String methodAndPath) {
    List<RecordingServer.Recorded> matching = server.requests(methodAndPath);
    assertThat(matching).as(methodAndPath).hasSize(1);
    return matching.get(0);
  }

  private JsonNode json(String text) throws Exception {
    return mapper.readTree(text);
  }

  @Test
  void aboutSendsTheTokenAndDecodesTheVersion() {
    StepVerifier.create(client.about().about())
        .assertNext(about -> assertThat(about.version().number()).isEqualTo("16.20.0"))
        .expectComplete()
        .verify(WAIT);
    assertThat(only("GET /api").headers.get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(only("POST /api/login").body)
        .isEqualTo("{\"username\":\"admin\",\"password\":\"secret\"}");
  }

  @Test
  void authLoginPostsCredentialsWithoutAToken() throws Exception {
    StepVerifier.create(
            client.auth().login(LoginRequest.builder().username("u").password("p").build()))
        .assertNext(tokens -> assertThat(tokens.accessToken()).isEqualTo(TOKEN))
        .expectComplete()
        .verify(WAIT);
    RecordingServer.Recorded login = only("POST /api/login");
    assertThat(login.headers.get("Authorization")).isNull();
    assertThat(login.headers.get("Content-Type")).isEqualTo("application/json");
    assertThat(json(login.body)).isEqualTo(json("{\"username\":\"u\",\"password\":\"p\"}"));
  }

  @Test
  void clusterHealthyChecksTheServerVersionFirst() {
    server.json("GET /api/v3/cluster/healthy", 200, "true");
    StepVerifier.create(client.cluster().healthy()).expectNext(true).expectComplete().verify(WAIT);
    assertThat(server.requests.stream().map(r -> r.method + " " + r.path()))
        .containsExactly("POST /api/login", "GET /api", "GET /api/v3/cluster/healthy");
  }

  @Test
  void configReloadCompletesOnOk() {
    server.json("GET /api/v3/config/reload", 200, "\"OK\"");
    StepVerifier.create(client.config().reload()).expectComplete().verify(WAIT);
    assertThat(only("GET /api/v3/config/reload").headers.get("Authorization"))
        .startsWith("Bearer ");
  }

  @Test
  void eventsLogAsksForNdjsonAndDropsKeepalives() throws Exception {
    server.on(
        "POST /api/v3/events",
        (request, response) ->
            response
                .header("Content-Type", "application/x-json-stream; charset=UTF-8")
                .sendString(
                    Mono.just(
                        "{\"event\": \"keepalive\"}\n"
                            + "{\"ts\":1795447400,\"level\":\"INFO\",\"event\":\"process\",\"message\":\"Started\","
                            + "\"caller\":\"x\",\"core_id\":\"c\",\"data\":{\"id\":\"cam1\"}}\n")));
    LogEventFilters filters =
        LogEventFilters.builder()
            .addFilters(LogEventFilter.builder().event("process").build())
            .build();
    StepVerifier.create(client.events().log(filters))
        .assertNext(
            event -> {
              assertThat(event.event()).isEqualTo("process");
              assertThat(event.message()).contains("Started");
              assertThat(event.data()).containsEntry("id", "cam1");
            })
        .expectComplete()
        .verify(WAIT);
    RecordingServer.Recorded sent = only("POST /api/v3/events");
    assertThat(sent.headers.get("Accept")).isEqualTo("application/x-json-stream");
    assertThat(json(sent.body)).isEqualTo(json("{\"filters\":[{\"event\":\"process\"}]}"));
  }

  @Test
  void filesystemListSendsItsFiltersAndUploadStreamsAFile() throws Exception {
    server.json(
        "GET /api/v3/fs/mem", 200, "[{\"name\":\"/a.txt\",\"size_bytes\":3,\"last_modified\":1}]");
    StepVerifier.create(
            client
                .filesystems()
                .list(
                    "mem",
                    FilesystemApi.ListQuery.builder()
                        .glob("/*.txt")
                        .sort("size")
                        .order("desc")
                        .build()))
        .assertNext(file -> assertThat(file.name()).isEqualTo("/a.txt"))
        .expectComplete()
        .verify(WAIT);
    assertThat(only("GET /api/v3/fs/mem").query())
        .isEqualTo("glob=%2F%2A.txt&sort=size&order=desc");

    server.on("PUT *", (request, response) -> response.status(201).send());
    Path file = Files.writeString(folder.resolve("up.txt"), "hello upload");
    StepVerifier.create(client.filesystems().upload("disk", "sub dir/up.txt", file))
        .expectComplete()
        .verify(WAIT);
    RecordingServer.Recorded upload = only("PUT /api/v3/fs/disk/sub%20dir/up.txt");
    assertThat(upload.body).isEqualTo("hello upload");
    assertThat(upload.headers.get("Content-Length")).isEqualTo("12");
    assertThat(upload.headers.get("Content-Type")).isEqualTo("application/octet-stream");
  }

  @Test
  void filesystemSortOutsideItsEnumFailsBeforeSending() {
    StepVerifier.create(
            client
                .filesystems()
                .list("mem", FilesystemApi.ListQuery.builder().sort("random").build()))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(CoreValidationException.class)
                    .hasMessageContaining("'sort'"))
        .verify(WAIT);
    assertThat(server.requests("GET /api/v3/fs/mem")).isEmpty();
  }

  @Test
  void graphQueryPostsTheQuery() throws Exception {
    server.json("POST /api/graph/query", 200, "{\"data\":{\"about\":{\"name\":\"n\"}}}");
    StepVerifier.create(
            client.graph().query(GraphQuery.builder().query("{ about { name } }").build()))
        .assertNext(
            answer ->
                assertThat(answer.data().orElseThrow().at("/about/name").asText()).isEqualTo("n"))
        .expectComplete()
        .verify(WAIT);
    assertThat(json(only("POST /api/graph/query").body))
        .isEqualTo(json("{\"query\":\"{ about { name } }\"}"));
  }

  @Test
  void iamListUsersDecodesUsers() {
    server.json(
        "GET /api/v3/iam/user", 200, "[{\"name\":\"$anon\",\"policies\":[]},{\"name\":\"alice\"}]");
    StepVerifier.create(client.iam().listUsers().map(user -> user.name()))
        .expectNext("$anon", "alice")
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void logListStreamsTheLines() {
    server.json("GET /api/v3/log", 200, "[\"ts=1 level=INFO msg=a\",\"ts=2 level=INFO msg=b\"]");
    StepVerifier.create(client.log().list().map(JsonNode::asText))
        .expectNext("ts=1 level=INFO msg=a", "ts=2 level=INFO msg=b")
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void metadataSetPutsAnyJsonValue() throws Exception {
    server.on("PUT *", (request, response) -> RecordingServer.json(response, 200, request.body));
    JsonNode value = json("{\"foo\":\"bar\",\"n\":1}");
    StepVerifier.create(client.metadata().set("my key", value))
        .expectNext(value)
        .expectComplete()
        .verify(WAIT);
    assertThat(json(only("PUT /api/v3/metadata/my%20key").body)).isEqualTo(value);
  }

  @Test
  void metricsQueryPostsTheQuery() throws Exception {
    server.json(
        "POST /api/v3/metrics",
        200,
        "{\"timerange_sec\":300,\"interval_sec\":2,\"metrics\":[{\"name\":\"cpu_idle\",\"values\":[[1,2.5]]}]}");
    MetricsQuery query =
        MetricsQuery.builder()
            .timerangeSec(30L)
            .addMetrics(MetricsQueryMetric.builder().name("cpu_idle").build())
            .build();
    StepVerifier.create(client.metrics().query(query))
        .assertNext(
            answer -> assertThat(answer.metrics().get(0).values().get(0)).containsExactly(1.0, 2.5))
        .expectComplete()
        .verify(WAIT);
    assertThat(json(only("POST /api/v3/metrics").body))
        .isEqualTo(json("{\"timerange_sec\":30,\"metrics\":[{\"name\":\"cpu_idle\"}]}"));
  }

  @Test
  void playoutStatusEncodesBothIds() {
    server.on(
        "GET *",
        (request, response) ->
            RecordingServer.json(
                response,
                404,
                "{\"code\":404,\"message\":\"Not Found\",\"details\":[\"Not Found\"]}"));
    StepVerifier.create(client.playout().status("cam 1", "in/0"))
        .expectError(CoreNotFoundException.class)
        .verify(WAIT);
    assertThat(server.requests.get(server.requests.size() - 1).path())
        .isEqualTo("/api/v3/process/cam%201/playout/in%2F0/status");
  }

  @Test
  void processCommandPutsTheCommand() throws Exception {
    server.json("PUT /api/v3/process/cam1/command", 200, "\"OK\"");
    StepVerifier.create(
            client
                .processes()
                .command(
                    "cam1", ProcessCommand.builder().command(ProcessCommandName.START).build()))
        .expectComplete()
        .verify(WAIT);
    assertThat(json(only("PUT /api/v3/process/cam1/command").body))
        .isEqualTo(json("{\"command\":\"start\"}"));
  }

  @Test
  void reportSearchSendsItsFilters() {
    server.json(
        "GET /api/v3/report/process",
        200,
        "[{\"id\":\"cam1\",\"domain\":\"\",\"reference\":\"\",\"exit_state\":\"finished\",\"created_at\":1,\"exited_at\":2}]");
    StepVerifier.create(
            client
                .reports()
                .search(ReportApi.SearchQuery.builder().idpattern("cam*").from(1L).build()))
        .assertNext(result -> assertThat(result.exitState()).isEqualTo("finished"))
        .expectComplete()
        .verify(WAIT);
    assertThat(only("GET /api/v3/report/process").query()).isEqualTo("idpattern=cam%2A&from=1");
  }

  @Test
  void rtmpAndSrtListTheirChannels() {
    server.json("GET /api/v3/rtmp", 200, "[{\"name\":\"/live/cam1\"}]");
    server.json("GET /api/v3/srt", 200, "[]");
    StepVerifier.create(client.rtmp().list().map(channel -> channel.name()))
        .expectNext("/live/cam1")
        .verifyComplete();
    StepVerifier.create(client.srt().list()).expectComplete().verify(WAIT);
  }

  @Test
  void sessionActiveSendsTheCollectors() {
    server.json("GET /api/v3/session/active", 200, "{\"hls\":[],\"rtmp\":[]}");
    StepVerifier.create(
            client
                .sessions()
                .active(SessionApi.ActiveQuery.builder().collectors("hls,rtmp").build()))
        .assertNext(active -> assertThat(active).containsOnlyKeys("hls", "rtmp"))
        .expectComplete()
        .verify(WAIT);
    assertThat(only("GET /api/v3/session/active").query()).isEqualTo("collectors=hls%2Crtmp");
  }

  @Test
  void skillsReloadDecodesTheSkills() {
    server.json(
        "GET /api/v3/skills/reload",
        200,
        "{\"ffmpeg\":{\"version\":\"5.1.9\",\"compiler\":\"gcc\",\"configuration\":\"\",\"libraries\":[]},"
            + "\"filter\":[],\"hwaccels\":[],\"codecs\":{\"audio\":[],\"video\":[],\"subtitle\":[]},"
            + "\"devices\":{\"demuxers\":[],\"muxers\":[]},\"formats\":{\"demuxers\":[],\"muxers\":[]},"
            + "\"protocols\":{\"input\":[],\"output\":[]}}");
    StepVerifier.create(client.skills().reload())
        .assertNext(skills -> assertThat(skills.ffmpeg().version()).isEqualTo("5.1.9"))
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void widgetNeedsNoToken() {
    server.json(
        "GET /api/v3/widget/process/cam1",
        200,
        "{\"current_sessions\":1,\"total_sessions\":5,\"uptime\":9}");
    StepVerifier.create(client.widgets().getProcess("cam1"))
        .assertNext(widget -> assertThat(widget.totalSessions()).isEqualTo(5))
        .expectComplete()
        .verify(WAIT);
    assertThat(only("GET /api/v3/widget/process/cam1").headers.get("Authorization")).isNull();
    assertThat(server.requests("POST /api/login")).isEmpty();
  }
}
