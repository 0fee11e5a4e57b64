package dev.corekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corekit.core.internal.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Proves that every operation of the API description is reachable through a generated client
 * method: each one is called with placeholder arguments against a local server that answers with a
 * body built from the operation's response schema, and the method and path that arrived, and the
 * decoding of the answer, are checked.
 */
class SpecCoverageTest {
  private static final Path SPEC = Path.of("..", "api-spec", "core-api.yaml");
  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static OpenAPI api;
  private static RecordingServer server;
  private static CoreClient client;
  private static final AtomicReference<Answer> answer = new AtomicReference<>();

  @TempDir static Path temp;

  /** What the server answers to the operation under test. */
  private static final class Answer {
    final int status;
    final String contentType;
    final byte[] body;

    Answer(int status, String contentType, byte[] body) {
      this.status = status;
      this.contentType = contentType;
      this.body = body;
    }
  }

  @BeforeAll
  static void start() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    api = new OpenAPIV3Parser().read(SPEC.toString(), null, options);
    server = new RecordingServer();
    server.on("GET /api", (request, response) -> aboutOrAnswer(response));
    for (String method : List.of("GET", "POST", "PUT", "DELETE", "HEAD")) {
      server.on(method + " *", (request, response) -> respond(response, answer.get()));
    }
    client = CoreClient.builder().baseUrl(server.baseUrl()).retry(RetryPolicy.NONE).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void everyOperationOfTheSpecIsReachableThroughItsGeneratedMethod() throws Exception {
    int operations = 0;
    List<String> reached = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry :
          path.getValue().readOperationsMap().entrySet()) {
        operations++;
        String method = entry.getKey().name();
        Operation operation = entry.getValue();
        String label = method + " " + path.getKey() + " (" + operation.getOperationId() + ")";
        try {
          call(path.getKey(), method, operation);
          reached.add(label);
        } catch (AssertionError | Exception e) {
          failures.add(label + ": " + e);
        }
      }
    }
    System.out.printf(
        "spec coverage: %d path+method operations in core-api.yaml, %d reached through generated client methods%n",
        operations, reached.size());
    assertThat(failures).isEmpty();
    assertThat(reached).hasSize(operations);
  }

  private void call(String template, String method, Operation operation) throws Exception {
    String tag = operation.getTags().get(0);
    Class<?> apiType = Class.forName("dev.corekit.core.api." + pascal(tag) + "Api");
    String javaMethod = (String) operation.getExtensions().get("x-method");
    List<Parameter> required = new ArrayList<>();
    if (operation.getParameters() != null) {
      for (Parameter parameter : operation.getParameters()) {
        if (Boolean.TRUE.equals(parameter.getRequired())) {
          required.add(parameter);
        }
      }
    }
    Schema<?> bodySchema = null;
    boolean binaryBody = false;
    if (operation.getRequestBody() != null
        && Boolean.TRUE.equals(operation.getRequestBody().getRequired())) {
      Map.Entry<String, MediaType> content =
          operation.getRequestBody().getContent().entrySet().iterator().next();
      bodySchema = content.getValue().getSchema();
      binaryBody = content.getKey().equals("application/octet-stream");
    }
    int arity = required.size() + (bodySchema != null ? 1 : 0);
    Method target = null;
    for (Method candidate : apiType.getMethods()) {
      if (candidate.getName().equals(javaMethod)
          && candidate.getParameterCount() == arity
          && (arity == 0
              || !candidate.getParameterTypes()[arity - 1].equals(Path.class)
              || !binaryBody)) {
        target = candidate;
      }
    }
    assertThat(target)
        .as("method %s.%s with %d parameters", apiType.getSimpleName(), javaMethod, arity)
        .isNotNull();
    Object[] args = new Object[arity];
    Class<?>[] types = target.getParameterTypes();
    int at = 0;
    // Generated methods take path parameters (in path order), then required query parameters, then
    // the body.
    for (Parameter parameter : required) {
      boolean multi =
          Boolean.TRUE.equals(
              parameter.getExtensions() == null
                  ? null
                  : parameter.getExtensions().get("x-multi-segment"));
      args[at++] = multi ? "dir/file-" + at + ".txt" : "v" + at;
    }
    if (bodySchema != null) {
      if (binaryBody) {
        args[at] = Flux.just(ByteBuffer.wrap("bytes".getBytes(StandardCharsets.UTF_8)));
      } else if (types[at] == String.class) {
        args[at] = "text";
      } else {
        args[at] = MAPPER.treeToValue(example(bodySchema), types[at]);
      }
    }
    answer.set(answerFor(method, operation));
    int before = server.requests.size();
    Object api = client.api(apiType);
    Object result = target.invoke(api, args);
    Publisher<?> publisher = (Publisher<?>) result;
    List<?> values =
        Flux.from(publisher)
            .take(Duration.ofSeconds(5))
            .collectList()
            .block(Duration.ofSeconds(10));
    List<RecordingServer.Recorded> arrived =
        server.requests.subList(before, server.requests.size());
    RecordingServer.Recorded last = arrived.get(arrived.size() - 1);
    assertThat(last.method).isEqualTo(method);
    String pattern = template.replaceAll("\\{path}", ".+").replaceAll("\\{[^}]+}", "[^/]+");
    assertThat(last.path()).matches(pattern);
    Answer given = answer.get();
    if (given.body.length > 0 && given.contentType.contains("json") && !isVoid(operation)) {
      assertThat(values).as("decoded values").isNotEmpty();
    }
  }

  private static boolean isVoid(Operation operation) {
    return operation.getExtensions() != null && operation.getExtensions().containsKey("x-void");
  }

  private static Answer answerFor(String method, Operation operation) throws Exception {
    Map.Entry<String, ApiResponse> success = null;
    for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
      if (response.getKey().startsWith("2") && success == null) {
        success = response;
      }
    }
    int status = Integer.parseInt(success.getKey());
    if (success.getValue().getContent() == null
        || success.getValue().getContent().isEmpty()
        || method.equals("HEAD")) {
      return new Answer(status, "text/plain", new byte[0]);
    }
    Map.Entry<String, MediaType> content =
        success.getValue().getContent().entrySet().iterator().next();
    String type = content.getKey();
    if (type.equals("application/octet-stream")) {
      return new Answer(status, type, new byte[] {1, 2, 3});
    }
    if (type.startsWith("text/")) {
      return new Answer(
          status, "text/plain; charset=UTF-8", "pong".getBytes(StandardCharsets.UTF_8));
    }
    JsonNode body = example(content.getValue().getSchema());
    byte[] bytes = MAPPER.writeValueAsBytes(body);
    if (type.equals("application/x-json-stream")) {
      byte[] keepalive = "{\"event\":\"keepalive\"}\n".getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[keepalive.length + bytes.length + 1];
      System.arraycopy(keepalive, 0, all, 0, keepalive.length);
      System.arraycopy(bytes, 0, all, keepalive.length, bytes.length);
      all[all.length - 1] = '\n';
      return new Answer(status, "application/x-json-stream", all);
    }
    return new Answer(status, "application/json", bytes);
  }

  private static Publisher<Void> aboutOrAnswer(HttpServerResponse response) {
    String about =
        "{\"app\":\"datarhei-core\",\"auths\":[],\"id\":\"x\",\"version\":{\"number\":\"16.20.0\"}}";
    return RecordingServer.json(response, 200, about);
  }

  private static Publisher<Void> respond(HttpServerResponse response, Answer given) {
    response.status(given.status).header("Content-Type", given.contentType);
    if (given.body.length == 0) {
      return response.send();
    }
    return response.sendByteArray(Mono.just(given.body));
  }

  /**
   * A JSON value matching a schema: required properties filled, enums take their first usable
   * value.
   */
  static JsonNode example(Schema<?> schema) {
    return example(schema, 0);
  }

  private static JsonNode example(Schema<?> schema, int depth) {
    if (schema == null || depth > 12) {
      return NODES.objectNode();
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      // Any value but "keepalive", which event streams drop.
      return NODES.textNode(
          schema.getEnum().stream()
              .map(String::valueOf)
              .filter(v -> !v.equals("keepalive"))
              .findFirst()
              .orElse("x"));
    }
    String type =
        schema.getType() != null
            ? schema.getType()
            : (schema.getProperties() != null ? "object" : "");
    switch (type) {
      case "string":
        return "date-time".equals(schema.getFormat())
            ? NODES.textNode("2026-11-23T15:22:08Z")
            : NODES.textNode("s");
      case "integer":
        return NODES.numberNode(1L);
      case "number":
        return NODES.numberNode(1.5);
      case "boolean":
        return NODES.booleanNode(true);
      case "array":
        {
          ArrayNode array = NODES.arrayNode();
          int items = schema.getMinItems() == null ? 1 : Math.max(1, schema.getMinItems());
          for (int i = 0; i < items; i++) {
            array.add(example(schema.getItems(), depth + 1));
          }
          return array;
        }
      case "object":
        {
          ObjectNode object = NODES.objectNode();
          // swagger-parser's own API types the properties with its raw Schema.
          @SuppressWarnings("rawtypes")
          Map<String, Schema> properties = schema.getProperties();
          List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
          if (properties != null) {
            for (String name : properties.keySet()) {
              if (required.contains(name)) {
                object.set(name, example(properties.get(name), depth + 1));
              }
            }
          }
          return object;
        }
      default:
        return NODES.objectNode();
    }
  }

  private static String pascal(String tag) {
    return tag.substring(0, 1).toUpperCase(Locale.ROOT) + tag.substring(1);
  }

  static Path temp() throws Exception {
    return Files.createTempFile(temp, "x", ".bin");
  }
}
