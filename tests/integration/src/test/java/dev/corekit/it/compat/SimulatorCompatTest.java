package dev.corekit.it.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corekit.core.CoreClient;
import dev.corekit.core.RetryPolicy;
import dev.corekit.core.internal.Json;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.CoreVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Core simulator plays each release that has recorded answers ({@link CompatFixturesTest}):
 * started at that release and prepared as the sweep prepares a real server ({@link
 * CompatSweepTest}: the process {@code compat-sweep} with input {@code in}, its metadata key, the
 * global key, a file in {@code mem}, plus a process publishing the SRT channel {@code test} the
 * sweep's publisher sent), every read-only operation is called through the client with the sweep's
 * arguments, and raw. For each operation the simulator imitates, (a) the client's outcome ({@code
 * decoded}, {@code api-error NNN}, {@code capability}) and the HTTP status equal the release's, and
 * the simulator has no route exactly where the release had none (Core's 404 {@code Not Found}); (b)
 * {@link FieldMatrix} finds no disagreement in the simulator's answers: every required field sent,
 * no field the spec's {@code x-fields-since} dates to a later release. A recorded decode failure
 * (the sweep's client did not yet read the release's shape) stands for what today's client makes of
 * the recorded answer, replayed. The operations not imitated are listed with their reasons in
 * {@link #NOT_IMITATED} and {@link #NOT_IMITATED_IN}, and printed.
 */
class SimulatorCompatTest {
  private static final Duration CALL = Duration.ofSeconds(30);
  private static final String USER = "admin";
  private static final String PASSWORD = "compat-sim-pw";
  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final List<ReadOnlyOperations.Op> OPERATIONS = ReadOnlyOperations.load();

  /** Operations the simulator does not imitate in any release, and why. */
  private static final Map<String, String> NOT_IMITATED =
      Map.of(
          "playoutStatus",
          "the simulator has no playout routes: its 404 is a missing route's, the release's came"
              + " from the playout handler (no playout for the input)",
          "playoutKeyframe",
          "the simulator has no playout routes (see playoutStatus)");

  /** Operations the simulator does not imitate in one release, by release, and why. */
  private static final Map<String, Map<String, String>> NOT_IMITATED_IN =
      Map.of(
          "16.20.0",
          Map.of(
              "widgetGetProcess",
              "16.20 grants the anonymous user nothing, so the client's token-less widget call"
                  + " is refused (403); the simulator serves the widget to anyone",
              "metricsPrometheus",
              "16.20 refuses the anonymous user the disk filesystem that serves /metrics with"
                  + " Prometheus off (401); the simulator serves public files to anyone"));

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * The releases with recorded answers of a single Core. A cluster recording ({@code
   * 16.20.0-cluster}: three nodes, answers of the cluster routes) is not played: the simulator runs
   * one node.
   */
  static Stream<String> releases() throws IOException {
    return CompatFixturesTest.releases().filter(release -> !CompatFixturesTest.isCluster(release));
  }

  @ParameterizedTest(name = "Core {0}")
  @MethodSource("releases")
  void theSimulatorAnswersEveryReadOnlyOperationAsTheReleaseDid(String release) throws Exception {
    Map<String, JsonNode> fixtures = CompatFixturesTest.fixtures(release);
    CoreVersion version = CoreVersion.parse(release);
    List<String> mismatches = new ArrayList<>();
    FieldMatrix matrix = new FieldMatrix();
    Map<String, Future<Checked>> checks = new TreeMap<>();
    try (FixtureServer replay = new FixtureServer(MAPPER);
        CoreClient replayClient =
            CoreClient.builder()
                .baseUrl(replay.baseUrl())
                .tokens(CompatFixturesTest.token(), null)
                .timeout(CALL)
                .retry(RetryPolicy.NONE)
                .build();
        CoreSimulator sim =
            CoreSimulator.builder()
                .coreVersion(version)
                .user(USER)
                .password(PASSWORD)
                .processStartDelay(Duration.ZERO)
                .eventKeepalive(Duration.ofMillis(100))
                .build()
                .start();
        CoreClient client =
            CoreClient.builder()
                .baseUrl(sim.baseUrl())
                .credentials(USER, PASSWORD)
                .timeout(CALL)
                .retry(RetryPolicy.NONE)
                .build()) {
      for (JsonNode fixture : fixtures.values()) {
        JsonNode request = fixture.path("request");
        replay.answer(
            request.path("method").asText(),
            request.path("path").asText(),
            fixture.path("response"));
      }
      String token = login(sim);
      prepare(sim, client, token);
      // The operations run in parallel: an event stream is read for a few seconds.
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        for (ReadOnlyOperations.Op op : OPERATIONS) {
          JsonNode fixture = fixtures.get(op.operationId());
          if (fixture != null && notImitated(release, op.operationId()) == null) {
            checks.put(
                op.operationId(),
                pool.submit(() -> check(op, fixture, sim.baseUrl(), token, client, replayClient)));
          }
        }
        for (Future<Checked> check : checks.values()) {
          Checked checked = check.get(2 * CALL.toSeconds(), TimeUnit.SECONDS);
          mismatches.addAll(checked.mismatches());
          record(matrix, release, checked.operationId(), checked.raw());
        }
      } finally {
        pool.shutdownNow();
      }
    }
    List<String> disagreements = matrix.disagreements();
    for (ReadOnlyOperations.Op op : OPERATIONS) {
      String reason = notImitated(release, op.operationId());
      if (reason != null && fixtures.containsKey(op.operationId())) {
        System.out.printf(
            "[SimulatorCompatTest] Core %s: %s not compared: %s%n",
            release, op.operationId(), reason);
      }
    }
    System.out.printf(
        "[SimulatorCompatTest] Core %s: %d of %d recorded operations compared, %d mismatches, %d field disagreements, %d schemas seen%n",
        release,
        checks.size(),
        fixtures.size(),
        mismatches.size(),
        disagreements.size(),
        matrix.seen.size());
    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(mismatches)
              .as("operations of the simulator playing Core " + release)
              .isEmpty();
          softly
              .assertThat(disagreements)
              .as("fields the simulator playing Core " + release + " sent")
              .isEmpty();
        });
  }

  /** The reason an operation's recorded answer is not imitated in a release, or null. */
  private static String notImitated(String release, String operationId) {
    return NOT_IMITATED.getOrDefault(
        operationId, NOT_IMITATED_IN.getOrDefault(release, Map.of()).get(operationId));
  }

  /** One operation compared: the differences found and the simulator's raw answer. */
  record Checked(String operationId, List<String> mismatches, CompatSweepTest.Raw raw) {}

  /**
   * Calls one operation on the simulator, raw and through the client, as the sweep called it on the
   * release (the recorded arguments and body), and compares outcome, status and route.
   */
  private Checked check(
      ReadOnlyOperations.Op op,
      JsonNode fixture,
      String baseUrl,
      String token,
      CoreClient client,
      CoreClient replayClient)
      throws Exception {
    String id = op.operationId();
    JsonNode request = fixture.path("request");
    List<String> args = new ArrayList<>();
    request.path("args").forEach(arg -> args.add(arg.asText()));
    JsonNode body = request.get("body");
    String path = request.path("path").asText();
    CompatSweepTest.Raw raw = CompatSweepTest.raw(http, baseUrl, token, MAPPER, op, path, body);
    Invoker.Outcome outcome = Invoker.call(client, op, args, body, MAPPER, CALL);
    JsonNode recorded = fixture.path("response");
    String expected = fixture.path("outcome").asText();
    if (expected.equals("decode-failure") || expected.equals("failure")) {
      // Recorded by an older client: what today's client makes of the release's answer.
      expected = Invoker.call(replayClient, op, args, body, MAPPER, CALL).kind();
    }
    List<String> mismatches = new ArrayList<>();
    if (!outcome.kind().equals(expected)) {
      mismatches.add(id + ": the release came to " + expected + ", the simulator to " + outcome);
    }
    if (raw.status() != recorded.path("status").asInt()) {
      mismatches.add(
          id
              + ": the release answered "
              + recorded.path("status").asInt()
              + ", the simulator "
              + raw.status());
    }
    boolean releaseRoutes = !routeMissing(recorded);
    if (releaseRoutes == raw.routeMissing(MAPPER)) {
      mismatches.add(
          id
              + (releaseRoutes
                  ? ": the release routes " + path + ", the simulator does not"
                  : ": the release has no route " + path + ", the simulator has"));
    }
    return new Checked(id, mismatches, raw);
  }

  /** Whether a recorded answer is Core's 404 for a route it does not have. */
  private static boolean routeMissing(JsonNode response) {
    return response.path("status").asInt() == 404
        && response.path("body").path("message").asText().equals("Not Found")
        && response.path("body").path("details").toString().equals("[\"Not Found\"]");
  }

  private static void record(FieldMatrix matrix, String release, String id, CompatSweepTest.Raw raw)
      throws IOException {
    if (raw.status() / 100 != 2) {
      return;
    }
    if (raw.lines() != null) {
      for (String line : raw.lines()) {
        matrix.record(release, id, MAPPER.readTree(line));
      }
    } else if (raw.contentType().contains("json") && raw.body().length > 0) {
      matrix.record(release, id, MAPPER.readTree(raw.body()));
    }
  }

  /** What the sweep creates on a real server, and a publisher of the SRT channel it saw. */
  private void prepare(CoreSimulator sim, CoreClient client, String token) throws Exception {
    client
        .processes()
        .create(
            process(
                CompatSweepTest.PROCESS,
                "in",
                "hls",
                "{memfs}/" + CompatSweepTest.PROCESS + ".m3u8",
                "-f",
                "hls"))
        .block(CALL);
    client
        .processes()
        .create(
            process(
                "compat-publisher",
                "in",
                "srt",
                "srt://127.0.0.1:6000?mode=caller&transtype=live&streamid=test,mode:publish",
                "-f",
                "mpegts"))
        .block(CALL);
    String base = sim.baseUrl();
    send(
        base,
        token,
        "PUT",
        "/api/v3/process/" + CompatSweepTest.PROCESS + "/metadata/" + CompatSweepTest.KEY,
        "application/json",
        "{\"sweep\":true,\"n\":1}");
    send(
        base,
        token,
        "PUT",
        "/api/v3/metadata/" + CompatSweepTest.KEY,
        "application/json",
        "\"global value\"");
    send(
        base,
        token,
        "PUT",
        "/api/v3/fs/mem/" + CompatSweepTest.FILE,
        "text/plain",
        "compat sweep file\n");
  }

  private static ProcessConfig process(
      String id, String inputId, String outputId, String output, String... outputOptions) {
    ObjectNode config = MAPPER.createObjectNode();
    config.put("id", id).put("reference", "compat").put("autostart", true);
    ObjectNode in =
        config
            .putArray("input")
            .addObject()
            .put("id", inputId)
            .put("address", "testsrc2=rate=10:size=320x180");
    in.putArray("options").add("-re").add("-f").add("lavfi");
    ObjectNode out =
        config.putArray("output").addObject().put("id", outputId).put("address", output);
    ArrayNode options = out.putArray("options").add("-codec:v").add("libx264");
    for (String option : outputOptions) {
      options.add(option);
    }
    config.putArray("options").add("-loglevel").add("info");
    return MAPPER.convertValue(config, ProcessConfig.class);
  }

  private String login(CoreSimulator sim) throws Exception {
    HttpResponse<byte[]> response =
        send(
            sim.baseUrl(),
            null,
            "POST",
            "/api/login",
            "application/json",
            MAPPER.writeValueAsString(Map.of("username", USER, "password", PASSWORD)));
    return MAPPER.readTree(response.body()).path("access_token").asText();
  }

  private HttpResponse<byte[]> send(
      String base, String token, String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(CALL)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(method + " " + path).isBetween(200, 299);
    return response;
  }
}
