package dev.corekit.it.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corekit.core.CoreClient;
import dev.corekit.core.RetryPolicy;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessExecState;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The compatibility sweep against a real Core: every read-only operation of the API description is
 * called through its generated client method with real ids, and none may fail to decode. With
 * {@code COMPAT_RECORD=DIR} the raw answers (secrets scrubbed) are written to {@code
 * DIR/<version>/<operationId>.json}, the fixtures {@link CompatFixturesTest} replays in every
 * build.
 *
 * <p>Needs {@code CORE_URL}, {@code CORE_USER} and {@code CORE_PASSWORD}; skipped, saying so,
 * without them. Optional: {@code COMPAT_INPUT} (the address the sweep's process reads, e.g. the
 * RTMP stream a publisher sends; default a lavfi test pattern). The sweep creates one process
 * ({@code compat-sweep}), one metadata key and one file, and removes them afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompatSweepTest {
  private static final String SKIP =
      "CORE_URL, CORE_USER or CORE_PASSWORD is not set: skipping the compatibility sweep of a real Core";
  static final String PROCESS = "compat-sweep";
  static final String FILE = "compat-sweep.txt";
  static final String KEY = "compat-sweep";
  private static final Duration CALL = Duration.ofSeconds(30);

  private final String url = System.getenv("CORE_URL");
  private final String user = System.getenv("CORE_USER");
  private final String password = System.getenv("CORE_PASSWORD");
  private final String record = System.getenv("COMPAT_RECORD");
  private final ObjectMapper mapper =
      dev.corekit.core.internal.Json.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Scrubber scrubber = new Scrubber();

  private CoreClient client;
  private String token;
  private String version;
  private String inputId = "in";
  private String nodeId = "node1";

  private boolean configured() {
    return url != null && user != null && password != null;
  }

  @BeforeAll
  void setUp() throws Exception {
    if (!configured()) {
      System.out.println("[CompatSweepTest] " + SKIP);
      return;
    }
    scrubber.secret(password);
    JsonNode login =
        mapper.readTree(
            send(
                    "POST",
                    "/api/login",
                    mapper.writeValueAsString(Map.of("username", user, "password", password)))
                .body());
    token = login.path("access_token").asText();
    scrubber.secret(token);
    scrubber.secret(login.path("refresh_token").asText());
    JsonNode about = mapper.readTree(send("GET", "/api", null).body());
    version = about.path("version").path("number").asText();
    HttpResponse<byte[]> config = send("GET", "/api/v3/config", null);
    if (config.statusCode() == 200) {
      scrubber.learnFromConfig(mapper.readTree(config.body()));
    }
    client =
        CoreClient.builder()
            .baseUrl(url)
            .credentials(user, password)
            .timeout(CALL)
            .retry(RetryPolicy.NONE)
            .build();
    System.out.println("[CompatSweepTest] sweeping Core " + version + " at " + url);
    createWhatTheSweepReads();
  }

  private void createWhatTheSweepReads() throws Exception {
    String input = System.getenv().getOrDefault("COMPAT_INPUT", "testsrc2=rate=10:size=320x180");
    boolean lavfi = !input.contains("://");
    ObjectNode config = mapper.createObjectNode();
    config.put("id", PROCESS).put("reference", "compat").put("autostart", true);
    ObjectNode in = config.putArray("input").addObject().put("id", inputId).put("address", input);
    ArrayNode inOptions = in.putArray("options");
    if (lavfi) {
      inOptions.add("-re").add("-f").add("lavfi");
    }
    ObjectNode out =
        config
            .putArray("output")
            .addObject()
            .put("id", "hls")
            .put("address", "{memfs}/" + PROCESS + ".m3u8");
    ArrayNode outOptions = out.putArray("options");
    for (String option :
        List.of(
            "-codec:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-g",
            "20",
            "-f",
            "hls",
            "-hls_time",
            "2",
            "-hls_list_size",
            "4",
            "-hls_flags",
            "delete_segments")) {
      outOptions.add(option);
    }
    config.putArray("options").add("-loglevel").add("info");
    send("DELETE", "/api/v3/process/" + PROCESS, null);
    client.processes().create(mapper.treeToValue(config, ProcessConfig.class)).block(CALL);
    client
        .processes()
        .watch(PROCESS)
        .filter(state -> ProcessExecState.RUNNING.equals(state.exec()))
        .next()
        .block(Duration.ofSeconds(60));
    send("PUT", "/api/v3/process/" + PROCESS + "/metadata/" + KEY, "{\"sweep\":true,\"n\":1}");
    send("PUT", "/api/v3/metadata/" + KEY, "\"global value\"");
    send("PUT", "/api/v3/fs/mem/" + FILE, "compat sweep file\n");
    JsonNode cluster = mapper.readTree(orEmpty(send("GET", "/api/v3/cluster", null)));
    if (cluster.path("nodes").size() > 0) {
      nodeId = cluster.path("nodes").get(0).path("id").asText(nodeId);
    }
    // Wait (bounded) until the process has progress, a report and HLS files; sweep anyway if not.
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  mapper
                          .readTree(
                              orEmpty(send("GET", "/api/v3/process/" + PROCESS + "/state", null)))
                          .path("progress")
                          .path("frame")
                          .asLong()
                      > 50);
    } catch (org.awaitility.core.ConditionTimeoutException noProgress) {
      System.out.println(
          "[CompatSweepTest] the process made no progress within 30 s; sweeping anyway");
    }
  }

  private static byte[] orEmpty(HttpResponse<byte[]> response) {
    return response.statusCode() == 200 ? response.body() : "{}".getBytes(StandardCharsets.UTF_8);
  }

  @AfterAll
  void tearDown() throws Exception {
    if (client == null) {
      return;
    }
    try {
      send("DELETE", "/api/v3/process/" + PROCESS, null);
      send("PUT", "/api/v3/metadata/" + KEY, "null");
      send("DELETE", "/api/v3/fs/mem/" + FILE, null);
      for (String suffix : List.of(".m3u8")) {
        send("DELETE", "/api/v3/fs/mem/" + PROCESS + suffix, null);
      }
      JsonNode files = mapper.readTree(orEmpty(send("GET", "/api/v3/fs/mem", null)));
      for (JsonNode file : files) {
        String name = file.path("name").asText();
        if (name.startsWith("/" + PROCESS)) {
          send("DELETE", "/api/v3/fs/mem" + name, null);
        }
      }
    } finally {
      client.close();
    }
  }

  @Test
  void everyReadOnlyOperationDecodesOnTheRealServer() throws Exception {
    assumeTrue(configured(), SKIP);
    Path dir = record == null ? null : Path.of(record, version);
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Map<String, String> results = new LinkedHashMap<>();
    List<String> decodeFailures = new ArrayList<>();
    List<String> gating = new ArrayList<>();
    int ok = 0;
    int apiErrors = 0;
    int refused = 0;
    for (ReadOnlyOperations.Op op : ReadOnlyOperations.load()) {
      List<String> args = args(op);
      JsonNode body = body(op);
      String path = expand(op, args);
      Raw raw = raw(http, url, token, mapper, op, path, body);
      Invoker.Outcome outcome = Invoker.call(client, op, args, body, mapper, CALL);
      results.put(op.operationId(), raw.status + " -> " + outcome);
      if (outcome.decodeFailure()) {
        decodeFailures.add(op.operationId() + " " + path + ": " + outcome);
      } else if (outcome.kind().equals("capability")) {
        refused++;
        if (raw.status / 100 == 2) {
          gating.add(
              op.operationId()
                  + " is refused (since "
                  + op.since()
                  + ") but the server answered "
                  + raw.status);
        }
      } else if (outcome.kind().startsWith("api-error")) {
        apiErrors++;
      } else {
        ok++;
      }
      if (!outcome.kind().equals("capability")
          && raw.routeMissing(mapper)
          && !op.routedOnlyWhenEnabled()) {
        gating.add(
            op.operationId()
                + " is allowed (since "
                + op.since()
                + ") but the server has no route for it");
      }
      if (dir != null) {
        write(dir, op, args, body, raw, outcome);
      }
    }
    results.forEach((id, result) -> System.out.printf("[CompatSweepTest] %-34s %s%n", id, result));
    System.out.printf(
        "[CompatSweepTest] Core %s: %d read-only operations: %d decoded, %d answered an API error, %d refused before sending (older server), %d decode failures%n",
        version, results.size(), ok, apiErrors, refused, decodeFailures.size());
    gating.forEach(g -> System.out.println("[CompatSweepTest] gating: " + g));
    assertThat(decodeFailures).as("operations whose answer did not decode").isEmpty();
    assertThat(gating).as("operations gated against what the server routes").isEmpty();
  }

  private List<String> args(ReadOnlyOperations.Op op) {
    List<String> args = new ArrayList<>();
    for (String name : op.pathParams()) {
      args.add(
          switch (name) {
            case "id" -> op.path().contains("/cluster/node/") ? nodeId : PROCESS;
            case "storage" -> "mem";
            case "path" -> FILE;
            case "key" -> KEY;
            case "inputid" -> inputId;
            case "type" -> "rtmp";
            case "name" -> op.operationId().equals("playoutKeyframe") ? "last.jpg" : user;
            default -> throw new IllegalStateException(op.operationId() + ": no value for " + name);
          });
    }
    for (String name : op.requiredQuery()) {
      throw new IllegalStateException(op.operationId() + ": no value for query " + name);
    }
    return args;
  }

  private JsonNode body(ReadOnlyOperations.Op op) {
    if (!op.hasBody()) {
      return null;
    }
    if (op.operationId().equals("metricsQuery")) {
      ObjectNode query = mapper.createObjectNode();
      query.putArray("metrics").addObject().put("name", "cpu_idle");
      return query;
    }
    ObjectNode filters = mapper.createObjectNode();
    filters.putArray("filters");
    return filters;
  }

  private static String expand(ReadOnlyOperations.Op op, List<String> args) {
    String path = op.path();
    for (int i = 0; i < op.pathParams().size(); i++) {
      path = path.replace("{" + op.pathParams().get(i) + "}", args.get(i));
    }
    return path;
  }

  /** What the server answered, raw. */
  record Raw(int status, String contentType, byte[] body, List<String> lines) {
    boolean routeMissing(ObjectMapper mapper) {
      if (status != 404 || !contentType.contains("json")) {
        return false;
      }
      try {
        JsonNode error = mapper.readTree(body);
        return error.path("message").asText().equals("Not Found");
      } catch (java.io.IOException e) {
        return false;
      }
    }
  }

  /** What the server at {@code url} answers to the operation, raw (event streams: a window). */
  static Raw raw(
      HttpClient http,
      String url,
      String token,
      ObjectMapper mapper,
      ReadOnlyOperations.Op op,
      String path,
      JsonNode body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(CALL)
            .header("Authorization", "Bearer " + token);
    String json = body == null ? null : mapper.writeValueAsString(body);
    if (op.stream()) {
      request.header("Accept", "application/x-json-stream");
    }
    request.method(
        op.method(),
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (!op.stream()) {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Raw(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          null);
    }
    HttpResponse<InputStream> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    try (InputStream stream = response.body()) {
      CompletableFuture<Void> reading =
          CompletableFuture.runAsync(
              () -> {
                try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                  String line;
                  while (lines.size() < Invoker.STREAM_EVENTS * 3
                      && (line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                      lines.add(line);
                    }
                  }
                } catch (java.io.IOException closed) {
                  // the window ended
                }
              });
      try {
        reading.get(Invoker.STREAM_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException windowOver) {
        // keep what arrived
      }
    }
    return new Raw(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        new byte[0],
        List.copyOf(lines));
  }

  private void write(
      Path dir,
      ReadOnlyOperations.Op op,
      List<String> args,
      JsonNode body,
      Raw raw,
      Invoker.Outcome outcome)
      throws Exception {
    ObjectNode fixture = mapper.createObjectNode();
    fixture.put("operation", op.operationId());
    ObjectNode request = fixture.putObject("request");
    request.put("method", op.method()).put("path", expand(op, args));
    ArrayNode argNodes = request.putArray("args");
    args.forEach(argNodes::add);
    if (body != null) {
      request.set("body", body);
    }
    ObjectNode response = fixture.putObject("response");
    response.put("status", raw.status).put("contentType", raw.contentType);
    if (raw.lines != null) {
      ArrayNode lines = response.putArray("lines");
      for (String line : raw.lines) {
        lines.add(scrubber.json(mapper.readTree(line)));
      }
    } else if (raw.body.length == 0 || op.method().equals("HEAD")) {
      response.put("empty", true);
    } else if (raw.contentType.contains("json")) {
      response.set("body", scrubber.json(mapper.readTree(raw.body)));
    } else if (raw.contentType.startsWith("text/")) {
      response.put("text", scrubber.text(new String(raw.body, StandardCharsets.UTF_8)));
    } else {
      response.put("base64", Base64.getEncoder().encodeToString(raw.body));
    }
    fixture.put("outcome", outcome.kind());
    fixture.put("count", outcome.count());
    Files.writeString(
        dir.resolve(op.operationId() + ".json"), mapper.writeValueAsString(fixture) + "\n");
  }

  private HttpResponse<byte[]> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(CALL);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header(
          "Content-Type", path.startsWith("/api/v3/fs/") ? "text/plain" : "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
