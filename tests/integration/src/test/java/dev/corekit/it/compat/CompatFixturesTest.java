package dev.corekit.it.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corekit.core.CoreClient;
import dev.corekit.core.RetryPolicy;
import dev.corekit.core.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every answer a real Core release gave to the compatibility sweep ({@link CompatSweepTest}),
 * replayed through the generated client: per release, each read-only operation must come to what it
 * came to on the real server, and none may fail to decode. The answers are fixtures under {@code
 * src/test/resources/compat/<version>/}, one file per operation, recorded from servers built from
 * Core's source tags (see {@code docs/compatibility.md}). A directory named {@code
 * <version>-cluster} holds what a three-node cluster of that release answered to the cluster routes
 * (recorded by hand with curl against {@code shared/tools/core-cluster.sh}; see {@code
 * docs/compatibility.md}).
 */
class CompatFixturesTest {
  static final Path FIXTURES = Path.of("src", "test", "resources", "compat");
  private static final Duration CALL = Duration.ofSeconds(30);
  private static final ObjectMapper MAPPER = Json.newMapper();

  static Stream<String> releases() throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      return dirs
          .filter(Files::isDirectory)
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .collect(Collectors.toList())
          .stream();
    }
  }

  /** Whether a fixture directory holds a cluster's answers rather than a single Core's. */
  static boolean isCluster(String release) {
    return release.endsWith("-cluster");
  }

  static Map<String, JsonNode> fixtures(String release) throws IOException {
    Map<String, JsonNode> fixtures = new TreeMap<>();
    try (Stream<Path> files = Files.list(FIXTURES.resolve(release))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode fixture = MAPPER.readTree(file.toFile());
        fixtures.put(fixture.path("operation").asText(), fixture);
      }
    }
    return fixtures;
  }

  @ParameterizedTest(name = "Core {0}")
  @MethodSource("releases")
  void everyRecordedAnswerOfTheReleaseDecodesAsItDidOnTheRealServer(String release)
      throws IOException {
    Map<String, JsonNode> fixtures = fixtures(release);
    Map<String, ReadOnlyOperations.Op> ops =
        ReadOnlyOperations.load().stream()
            .collect(Collectors.toMap(ReadOnlyOperations.Op::operationId, Function.identity()));
    List<String> mismatches = new ArrayList<>();
    int decoded = 0;
    try (FixtureServer server = new FixtureServer(MAPPER)) {
      for (JsonNode fixture : fixtures.values()) {
        JsonNode request = fixture.path("request");
        server.answer(
            request.path("method").asText(),
            request.path("path").asText(),
            fixture.path("response"));
      }
      try (CoreClient client =
          CoreClient.builder()
              .baseUrl(server.baseUrl())
              .tokens(token(), null)
              .timeout(CALL)
              .retry(RetryPolicy.NONE)
              .build()) {
        for (JsonNode fixture : fixtures.values()) {
          String id = fixture.path("operation").asText();
          ReadOnlyOperations.Op op = ops.get(id);
          if (op == null) {
            mismatches.add(id + ": no longer a read-only operation of the spec");
            continue;
          }
          List<String> args = new ArrayList<>();
          fixture.path("request").path("args").forEach(arg -> args.add(arg.asText()));
          Invoker.Outcome outcome =
              Invoker.call(client, op, args, fixture.path("request").get("body"), MAPPER, CALL);
          String expected = fixture.path("outcome").asText();
          boolean recordedFailure = expected.equals("decode-failure") || expected.equals("failure");
          if (recordedFailure ? outcome.decodeFailure() : !outcome.kind().equals(expected)) {
            // A failure recorded before the client read this release's answer must be gone.
            mismatches.add(id + ": expected " + expected + " but was " + outcome);
          } else if (outcome.kind().equals("decoded")) {
            decoded++;
          }
          mismatches.addAll(gating(release, op, fixture.path("response"), outcome));
        }
      }
    }
    System.out.printf(
        "[CompatFixturesTest] Core %s: %d recorded answers replayed, %d decoded, %d mismatches%n",
        release, fixtures.size(), decoded, mismatches.size());
    assertThat(mismatches).as("operations of Core " + release).isEmpty();
  }

  /**
   * The operation's {@code x-core-since} against what the release really routes: an operation the
   * client refuses before sending was not served by the release either (the sweep asked it anyway),
   * and the refusal names both versions; an operation it allows has a route. Cluster routes exist
   * only when clustering is on, playout routes only when playout is on, so their absence says
   * nothing about the release.
   */
  private static List<String> gating(
      String release, ReadOnlyOperations.Op op, JsonNode response, Invoker.Outcome outcome) {
    int status = response.path("status").asInt();
    boolean routeMissing =
        status == 404
            && response.path("body").path("message").asText().equals("Not Found")
            && response.path("body").path("details").toString().contains("Not Found");
    List<String> problems = new ArrayList<>();
    if (outcome.kind().equals("capability")) {
      if (status / 100 == 2) {
        problems.add(
            op.operationId()
                + ": refused as newer than "
                + release
                + " (since "
                + op.since()
                + ") but "
                + release
                + " served it");
      }
      if (!outcome.detail().contains(op.since()) || !outcome.detail().contains(release)) {
        problems.add(
            op.operationId() + ": the refusal does not name both versions: " + outcome.detail());
      }
    } else if (routeMissing && !op.routedOnlyWhenEnabled()) {
      problems.add(
          op.operationId()
              + ": allowed on "
              + release
              + " (since "
              + op.since()
              + ") but "
              + release
              + " has no route for it");
    }
    return problems;
  }

  @Test
  void everyReleaseTheSpecClaimsHasRecordedAnswers() throws IOException {
    assertThat(releases().toList())
        .containsAll(
            List.of(
                "16.10.0",
                "16.10.1",
                "16.11.0",
                "16.12.0",
                "16.13.0",
                "16.13.1",
                "16.14.0",
                "16.15.0",
                "16.16.0",
                "16.20.0",
                "16.20.0-cluster"));
  }

  @Test
  void requiredFieldsAndFieldReleasesOfTheSpecAgreeWithWhatEachReleaseSent() throws IOException {
    FieldMatrix matrix = new FieldMatrix();
    for (String release : releases().toList()) {
      for (JsonNode fixture : fixtures(release).values()) {
        JsonNode response = fixture.path("response");
        if (response.path("status").asInt() / 100 != 2) {
          continue;
        }
        if (response.has("body")) {
          matrix.record(release, fixture.path("operation").asText(), response.get("body"));
        }
        for (JsonNode line : response.path("lines")) {
          matrix.record(release, fixture.path("operation").asText(), line);
        }
      }
    }
    System.out.printf(
        "[CompatFixturesTest] field matrix: %d schemas seen, %d fields checked against x-fields-since%n",
        matrix.seen.size(), matrix.declaredSince().size());
    assertThat(matrix.disagreements()).isEmpty();
  }

  /** An access token the client accepts (it reads only the expiry); the fixtures ignore it. */
  static String token() {
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    long exp = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
    String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    String claims = "{\"exp\":" + exp + ",\"sub\":\"admin\",\"usefor\":\"access\"}";
    return enc.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + enc.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + "."
        + enc.encodeToString("signature".getBytes(StandardCharsets.UTF_8));
  }
}
