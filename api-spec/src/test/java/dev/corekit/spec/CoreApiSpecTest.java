package dev.corekit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates {@code core-api.yaml}: it parses cleanly, every {@code $ref} resolves, and it follows
 * the conventions of {@code README.md} that the code generator relies on. Each rule is a static
 * method returning the violations it finds, so that {@link #rulesRejectABrokenSpec()} can prove
 * every rule is able to fail.
 */
class CoreApiSpecTest {

  static final Set<String> TAGS =
      Set.of(
          "about",
          "auth",
          "cluster",
          "config",
          "events",
          "filesystem",
          "graph",
          "iam",
          "log",
          "metadata",
          "metrics",
          "playout",
          "process",
          "report",
          "rtmp",
          "session",
          "skills",
          "srt",
          "widget");

  /** Methods every generated interface or Object already has; an x-method must not shadow them. */
  static final Set<String> RESERVED_METHODS =
      Set.of(
          "with",
          "equals",
          "hashCode",
          "toString",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize");

  static final Pattern VERSION = Pattern.compile("16\\.\\d+\\.\\d+");
  static final Pattern LOWER_CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");
  static final Pattern PASCAL = Pattern.compile("[A-Z][A-Za-z0-9]*");
  static final String ERROR_RESPONSE = "#/components/responses/Error";
  static final String NEWEST_RELEASE = "16.16.0";
  static final String DEVELOPMENT_LINE = "16.20.0";

  /** Operations that Core serves without a token. */
  static final Set<String> UNAUTHENTICATED =
      Set.of("aboutPing", "authLogin", "metricsPrometheus", "widgetGetProcess");

  static Path specFile;
  static String specText;
  static OpenAPI api;
  static SwaggerParseResult parseResult;

  @BeforeAll
  static void parse() throws IOException {
    specFile = Path.of(System.getProperty("basedir", "."), "core-api.yaml");
    specText = Files.readString(specFile, StandardCharsets.UTF_8);
    parseResult = parseText(specText);
    api = parseResult.getOpenAPI();
    assertThat(api).as("parsed %s", specFile).isNotNull();
  }

  static SwaggerParseResult parseText(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(text, null, options);
  }

  // ---------------------------------------------------------------------------------------------
  // (a) parsing and references

  @Test
  void specParsesWithoutMessages() {
    assertThat(parseResult.getMessages()).as("parser messages").isEmpty();
    assertThat(api.getOpenapi()).isEqualTo("3.0.3");
  }

  @Test
  void specResolvesFullyWithoutMessages() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult full = new OpenAPIV3Parser().readContents(specText, null, options);
    assertThat(full.getMessages()).as("parser messages when resolving fully").isEmpty();
    assertThat(full.getOpenAPI().getPaths()).hasSameSizeAs(api.getPaths());
  }

  @Test
  void everyReferencePointsToAnExistingComponent() throws IOException {
    assertThat(unresolvedReferences(specText)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // (b) conventions

  @Test
  void everyOperationHasExactlyOneKnownTag() {
    assertThat(tagViolations(api)).isEmpty();
  }

  @Test
  void everyOperationIdIsUniqueAndStartsWithItsTag() {
    assertThat(operationIdViolations(api)).isEmpty();
  }

  @Test
  void everyOperationNamesItsJavaMethodOnce() {
    assertThat(javaMethodViolations(api)).isEmpty();
  }

  @Test
  void everyOperationStatesTheCoreVersionThatFirstServesIt() {
    assertThat(sinceViolations(api)).isEmpty();
  }

  @Test
  void fieldReleasesNameOptionalPropertiesAndReleaseNumbers() {
    assertThat(fieldSinceViolations(api)).isEmpty();
  }

  @Test
  void legacyAnswersNameAnExistingSchemaAndAConverter() {
    assertThat(legacyAnswerViolations(api)).isEmpty();
  }

  /**
   * {@code x-fields-since} (a schema-level map of field to the first Core release that sends it):
   * each field is a property of the schema, not required (older releases lack it), and the release
   * is a 16.x.y number.
   */
  // swagger-parser's component map holds raw Schema types.
  @SuppressWarnings("unchecked")
  static List<String> fieldSinceViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    spec.getComponents()
        .getSchemas()
        .forEach(
            (name, schema) -> {
              Object fields = extension(schema.getExtensions(), "x-fields-since");
              if (fields == null) {
                return;
              }
              if (!(fields instanceof Map<?, ?> map)) {
                problems.add(name + ": x-fields-since must map fields to releases");
                return;
              }
              map.forEach(
                  (field, release) -> {
                    if (schema.getProperties() == null
                        || !schema.getProperties().containsKey(String.valueOf(field))) {
                      problems.add(name + ": x-fields-since names " + field + ", not a property");
                    }
                    if (schema.getRequired() != null
                        && schema.getRequired().contains(String.valueOf(field))) {
                      problems.add(name + "." + field + ": in x-fields-since and required");
                    }
                    if (!String.valueOf(release).matches("16\\.\\d+\\.\\d+")) {
                      problems.add(
                          name + "." + field + ": release '" + release + "' is not 16.x.y");
                    }
                  });
            });
    return problems;
  }

  /**
   * {@code x-legacy-answer} on an operation answering an array: {@code schema} names a component
   * schema (the older releases' shape), {@code until} the last release that sends it and {@code
   * convert} a lowerCamel method of core-client's {@code LegacyAnswers}.
   */
  static List<String> legacyAnswerViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    for (Op op : operations(spec)) {
      Object legacy = extension(op.operation().getExtensions(), "x-legacy-answer");
      if (legacy == null) {
        continue;
      }
      if (!(legacy instanceof Map<?, ?> map)) {
        problems.add(op.id() + ": x-legacy-answer must be an object");
        continue;
      }
      if (!spec.getComponents().getSchemas().containsKey(String.valueOf(map.get("schema")))) {
        problems.add(op.id() + ": x-legacy-answer schema " + map.get("schema") + " is not defined");
      }
      if (!String.valueOf(map.get("until")).matches("16\\.\\d+\\.\\d+")) {
        problems.add(op.id() + ": x-legacy-answer until '" + map.get("until") + "' is not 16.x.y");
      }
      if (!LOWER_CAMEL.matcher(String.valueOf(map.get("convert"))).matches()) {
        problems.add(op.id() + ": x-legacy-answer convert must name a lowerCamel method");
      }
    }
    return problems;
  }

  @Test
  void everyOperationFallsBackToTheErrorResponse() {
    assertThat(errorResponseViolations(api)).isEmpty();
  }

  @Test
  void everyOperationHasOneSuccessResponseOfAKnownShape() {
    assertThat(successResponseViolations(api)).isEmpty();
  }

  @Test
  void everyPathParameterIsRequiredAndOnlyPathParametersSpanSegments() {
    assertThat(parameterViolations(api)).isEmpty();
  }

  @Test
  void onlyTheDocumentedOperationsGoWithoutAToken() {
    assertThat(securityViolations(api, UNAUTHENTICATED)).isEmpty();
  }

  @Test
  void clientExtensionsMatchTheShapesTheyDescribe() {
    assertThat(clientExtensionViolations(api)).isEmpty();
  }

  @Test
  void everyRequiredFieldIsAPropertyOfItsSchema() {
    List<String> problems = new ArrayList<>();
    api.getComponents()
        .getSchemas()
        .forEach(
            (name, schema) -> {
              if (schema.getRequired() != null) {
                for (Object field : schema.getRequired()) {
                  if (schema.getProperties() == null
                      || !schema.getProperties().containsKey(String.valueOf(field))) {
                    problems.add(name + ": required " + field + " is not a property");
                  }
                }
              }
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void everySchemaPropertyHasADescription() {
    assertThat(descriptionViolations(api)).isEmpty();
  }

  @Test
  void enumsAreNamedSchemasNeverInlineProperties() {
    assertThat(inlineEnumViolations(api)).isEmpty();
  }

  @Test
  void schemaNamesAreJavaFriendly() {
    assertThat(schemaNameViolations(api)).isEmpty();
  }

  @Test
  void integersAreInt64() {
    assertThat(integerFormatViolations(api)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // the rules can fail

  @Test
  void rulesRejectABrokenSpec() throws IOException {
    String broken =
        """
        openapi: 3.0.3
        info: {title: broken, version: '0'}
        paths:
          /a/{id}:
            get:
              tags: [process, cluster]
              operationId: a
              x-method: class
              x-core-since: '17'
              parameters:
                - {name: id, in: path, required: false, schema: {type: string}}
                - {name: q, in: query, x-multi-segment: true, schema: {type: integer, format: int32}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Process'}
          /b:
            get:
              tags: [nope]
              operationId: a
              x-method: toString
              x-core-since: 16.7.2
              security: []
              x-stream: ndjson
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Missing'}}
                default: {description: no ref}
          /c:
            get:
              tags: [process]
              operationId: processC
              x-method: class
              x-core-since: 16.7.2
              responses:
                default: {$ref: '#/components/responses/Error'}
        components:
          responses:
            Error: {description: e}
          schemas:
            Process:
              type: object
              properties:
                state: {type: string, enum: [a, b]}
                n: {type: integer, description: count}
            Error: {type: object, description: bad name}
            WidgetApi: {type: object, description: bad suffix}
        """;
    OpenAPI bad = parseText(broken).getOpenAPI();

    assertThat(unresolvedReferences(broken)).anyMatch(m -> m.contains("Missing"));
    assertThat(tagViolations(bad))
        .anyMatch(m -> m.contains("2 tags"))
        .anyMatch(m -> m.contains("nope"));
    assertThat(operationIdViolations(bad)).anyMatch(m -> m.contains("duplicate"));
    assertThat(javaMethodViolations(bad))
        .anyMatch(m -> m.contains("class"))
        .anyMatch(m -> m.contains("toString"));
    assertThat(sinceViolations(bad)).anyMatch(m -> m.contains("'17'"));
    assertThat(errorResponseViolations(bad)).hasSize(2);
    assertThat(successResponseViolations(bad))
        .anyMatch(m -> m.contains("x-stream"))
        .anyMatch(m -> m.contains("no 2xx"));
    assertThat(parameterViolations(bad))
        .anyMatch(m -> m.contains("not required"))
        .anyMatch(m -> m.contains("x-multi-segment"));
    assertThat(securityViolations(bad, Set.of())).anyMatch(m -> m.contains("/b"));
    assertThat(descriptionViolations(bad)).anyMatch(m -> m.contains("Process.state"));
    assertThat(inlineEnumViolations(bad)).anyMatch(m -> m.contains("Process.state"));
    assertThat(schemaNameViolations(bad)).contains("Process", "Error", "WidgetApi");
    assertThat(integerFormatViolations(bad))
        .anyMatch(m -> m.contains("int32"))
        .anyMatch(m -> m.contains("Process.n"));
  }

  // ---------------------------------------------------------------------------------------------
  // (c) counts

  @Test
  void printsTheOperationCounts() {
    List<Op> ops = operations(api);
    long old = ops.stream().filter(op -> compareVersions(op.since(), NEWEST_RELEASE) <= 0).count();
    long dev = ops.stream().filter(op -> DEVELOPMENT_LINE.equals(op.since())).count();
    int schemas = api.getComponents().getSchemas().size();
    System.out.printf(
        "core-api.yaml: %d operations (%d since <=%s, %d since %s), %d schemas%n",
        ops.size(), old, NEWEST_RELEASE, dev, DEVELOPMENT_LINE, schemas);
    Map<String, List<String>> perTag = new TreeMap<>();
    for (Op op : ops) {
      perTag.computeIfAbsent(op.tag(), t -> new ArrayList<>()).add(op.method());
    }
    perTag.forEach(
        (tag, methods) ->
            System.out.printf(
                "  %-10s %3d  %s%n", tag, methods.size(), String.join(", ", methods)));
    assertThat(old + dev)
        .as("every operation is either released or in the development line")
        .isEqualTo(ops.size());
    assertThat(perTag.keySet()).isEqualTo(new TreeSet<>(TAGS));
  }

  // =============================================================================================
  // rules

  record Op(String path, PathItem.HttpMethod httpMethod, Operation operation) {
    String id() {
      return path + " " + httpMethod;
    }

    String tag() {
      List<String> tags = operation.getTags();
      return tags == null || tags.isEmpty() ? "" : tags.get(0);
    }

    String method() {
      return String.valueOf(extension(operation.getExtensions(), "x-method"));
    }

    String since() {
      return String.valueOf(extension(operation.getExtensions(), "x-core-since"));
    }
  }

  static Object extension(Map<String, Object> extensions, String name) {
    return extensions == null ? null : extensions.get(name);
  }

  static List<Op> operations(OpenAPI spec) {
    List<Op> ops = new ArrayList<>();
    spec.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, op) -> ops.add(new Op(path, method, op))));
    return ops;
  }

  static List<String> unresolvedReferences(String yaml) throws IOException {
    JsonNode root = Yaml.mapper().readTree(yaml);
    List<String> problems = new ArrayList<>();
    collectReferences(root, root, problems);
    return problems;
  }

  private static void collectReferences(JsonNode root, JsonNode node, List<String> problems) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        String target = ref.asText();
        if (!target.startsWith("#/")) {
          problems.add(target + ": not a local reference");
        } else if (root.at(target.substring(1)).isMissingNode()) {
          problems.add(target + ": no such component");
        }
      }
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collectReferences(root, it.next(), problems);
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectReferences(root, child, problems));
    }
  }

  static List<String> tagViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    for (Op op : operations(spec)) {
      List<String> tags = op.operation().getTags();
      if (tags == null || tags.size() != 1) {
        problems.add(op.id() + ": " + (tags == null ? 0 : tags.size()) + " tags");
      } else if (!TAGS.contains(tags.get(0))) {
        problems.add(op.id() + ": unknown tag " + tags.get(0));
      }
    }
    return problems;
  }

  static List<String> operationIdViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Op op : operations(spec)) {
      String id = op.operation().getOperationId();
      if (id == null || !LOWER_CAMEL.matcher(id).matches()) {
        problems.add(op.id() + ": operationId '" + id + "' is not lowerCamel");
        continue;
      }
      if (!seen.add(id)) {
        problems.add(op.id() + ": duplicate operationId " + id);
      }
      if (!id.startsWith(op.tag()) || id.length() == op.tag().length()) {
        problems.add(op.id() + ": operationId " + id + " is not <tag><Action>");
      }
    }
    return problems;
  }

  static List<String> javaMethodViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> perTag = new LinkedHashMap<>();
    for (Op op : operations(spec)) {
      Object method = extension(op.operation().getExtensions(), "x-method");
      if (!(method instanceof String name)) {
        problems.add(op.id() + ": no x-method");
        continue;
      }
      if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
        problems.add(op.id() + ": x-method " + name + " is not a Java identifier");
      }
      if (!LOWER_CAMEL.matcher(name).matches()) {
        problems.add(op.id() + ": x-method " + name + " is not lowerCamel");
      }
      if (RESERVED_METHODS.contains(name)) {
        problems.add(op.id() + ": x-method " + name + " clashes with a reserved method");
      }
      if (!perTag.computeIfAbsent(op.tag(), t -> new TreeSet<>()).add(name)) {
        problems.add(op.id() + ": x-method " + name + " used twice in tag " + op.tag());
      }
    }
    return problems;
  }

  static List<String> sinceViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    for (Op op : operations(spec)) {
      Object since = extension(op.operation().getExtensions(), "x-core-since");
      if (!(since instanceof String version) || !VERSION.matcher(version).matches()) {
        problems.add(op.id() + ": x-core-since '" + since + "' is not 16.x.y");
      } else if (compareVersions(version, "16.7.2") < 0
          || compareVersions(version, DEVELOPMENT_LINE) > 0) {
        problems.add(
            op.id() + ": x-core-since " + version + " outside 16.7.2.." + DEVELOPMENT_LINE);
      }
    }
    return problems;
  }

  static List<String> errorResponseViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    boolean errorDefined =
        spec.getComponents() != null
            && spec.getComponents().getResponses() != null
            && spec.getComponents().getResponses().containsKey("Error");
    for (Op op : operations(spec)) {
      ApiResponse fallback =
          op.operation().getResponses() == null
              ? null
              : op.operation().getResponses().get("default");
      if (fallback == null || !ERROR_RESPONSE.equals(fallback.get$ref()) || !errorDefined) {
        problems.add(op.id() + ": default response is not " + ERROR_RESPONSE);
      }
    }
    return problems;
  }

  /**
   * The extensions the generator templates read: {@code x-void} (the answer carries nothing: the
   * JSON string OK or a text), {@code x-head} (on HEAD), {@code x-upload} (a raw byte body), {@code
   * x-text-body} (a text/plain body), {@code x-watch} (a GET answering one JSON object).
   */
  static List<String> clientExtensionViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    for (Op op : operations(spec)) {
      Map<String, Object> ext =
          op.operation().getExtensions() == null ? Map.of() : op.operation().getExtensions();
      Map<String, MediaType> body =
          op.operation().getRequestBody() == null
                  || op.operation().getRequestBody().getContent() == null
              ? Map.of()
              : op.operation().getRequestBody().getContent();
      ApiResponse success =
          op.operation().getResponses().entrySet().stream()
              .filter(e -> e.getKey().startsWith("2"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(new ApiResponse());
      Map<String, MediaType> answer =
          success.getContent() == null ? Map.of() : success.getContent();
      boolean head = op.httpMethod() == PathItem.HttpMethod.HEAD;
      if (head != Boolean.TRUE.equals(ext.get("x-head"))) {
        problems.add(op.id() + ": x-head must be set exactly on HEAD operations");
      }
      if (body.containsKey("application/octet-stream")
          != Boolean.TRUE.equals(ext.get("x-upload"))) {
        problems.add(
            op.id() + ": x-upload must be set exactly when the body is application/octet-stream");
      }
      if (body.containsKey("text/plain") != Boolean.TRUE.equals(ext.get("x-text-body"))) {
        problems.add(op.id() + ": x-text-body must be set exactly when the body is text/plain");
      }
      if (Boolean.TRUE.equals(ext.get("x-void"))) {
        MediaType json = answer.get("application/json");
        boolean ok =
            json != null
                && json.getSchema() != null
                && String.valueOf(json.getSchema().get$ref()).endsWith("/OkMessage");
        if (!ok && !answer.containsKey("text/plain")) {
          problems.add(op.id() + ": x-void on an answer that is neither OkMessage nor text");
        }
      } else if (answer.containsKey("application/json")
          && String.valueOf(answer.get("application/json").getSchema().get$ref())
              .endsWith("/OkMessage")) {
        problems.add(op.id() + ": an OkMessage answer without x-void");
      }
      if (ext.containsKey("x-watch")) {
        MediaType json = answer.get("application/json");
        if (op.httpMethod() != PathItem.HttpMethod.GET
            || json == null
            || json.getSchema().get$ref() == null) {
          problems.add(op.id() + ": x-watch needs a GET answering one JSON object");
        }
        if (!(ext.get("x-watch") instanceof String name) || !LOWER_CAMEL.matcher(name).matches()) {
          problems.add(op.id() + ": x-watch must name a lowerCamel method");
        }
      }
    }
    return problems;
  }

  static List<String> successResponseViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    for (Op op : operations(spec)) {
      Map.Entry<String, ApiResponse> success =
          op.operation().getResponses().entrySet().stream()
              .filter(e -> e.getKey().startsWith("2"))
              .findFirst()
              .orElse(null);
      if (success == null) {
        problems.add(op.id() + ": no 2xx response");
        continue;
      }
      Map<String, MediaType> content =
          success.getValue().getContent() == null ? Map.of() : success.getValue().getContent();
      boolean stream = "ndjson".equals(extension(op.operation().getExtensions(), "x-stream"));
      if (stream) {
        MediaType json = content.get("application/x-json-stream");
        if (json == null || json.getSchema() == null || json.getSchema().get$ref() == null) {
          problems.add(op.id() + ": x-stream needs an application/x-json-stream $ref element");
        }
        continue;
      }
      if (content.containsKey("application/x-json-stream")) {
        problems.add(op.id() + ": a json-stream without x-stream");
      }
      if (op.httpMethod() == PathItem.HttpMethod.HEAD && !content.isEmpty()) {
        problems.add(op.id() + ": HEAD with a body");
      }
      for (Map.Entry<String, MediaType> e : content.entrySet()) {
        Schema<?> schema = e.getValue().getSchema();
        switch (e.getKey()) {
          case "application/json" -> {
            boolean ref = schema != null && schema.get$ref() != null;
            boolean arrayOfRefs =
                schema != null
                    && "array".equals(schema.getType())
                    && schema.getItems() != null
                    && (schema.getItems().get$ref() != null
                        || "string".equals(schema.getItems().getType()));
            if (!ref && !arrayOfRefs) {
              problems.add(op.id() + ": JSON success body is neither a $ref nor an array");
            }
          }
          case "text/plain" -> {
            if (schema == null || !"string".equals(schema.getType())) {
              problems.add(op.id() + ": text body is not a string");
            }
          }
          case "application/octet-stream" -> {
            if (schema == null || !"binary".equals(schema.getFormat())) {
              problems.add(op.id() + ": bytes body is not binary");
            }
          }
          default -> problems.add(op.id() + ": unexpected success media type " + e.getKey());
        }
      }
    }
    return problems;
  }

  static List<String> parameterViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    for (Op op : operations(spec)) {
      List<Parameter> parameters =
          op.operation().getParameters() == null ? List.of() : op.operation().getParameters();
      Set<String> pathNames = new TreeSet<>();
      for (Parameter declared : parameters) {
        Parameter p = resolve(spec, declared);
        if (p == null) {
          problems.add(op.id() + ": unresolved parameter " + declared.get$ref());
          continue;
        }
        boolean multi = Boolean.TRUE.equals(extension(p.getExtensions(), "x-multi-segment"));
        if ("path".equals(p.getIn())) {
          pathNames.add(p.getName());
          if (!Boolean.TRUE.equals(p.getRequired())) {
            problems.add(op.id() + ": path parameter " + p.getName() + " not required");
          }
          if (p.getSchema() == null || !"string".equals(p.getSchema().getType())) {
            problems.add(op.id() + ": path parameter " + p.getName() + " is not a string");
          }
        } else if (multi) {
          problems.add(op.id() + ": x-multi-segment on the non-path parameter " + p.getName());
        }
        if (p.getDescription() == null || p.getDescription().isBlank()) {
          problems.add(op.id() + ": parameter " + p.getName() + " has no description");
        }
      }
      Set<String> templated = new TreeSet<>();
      java.util.regex.Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.path());
      while (m.find()) {
        templated.add(m.group(1));
      }
      if (!templated.equals(pathNames)) {
        problems.add(
            op.id() + ": path template " + templated + " but path parameters " + pathNames);
      }
    }
    return problems;
  }

  static Parameter resolve(OpenAPI spec, Parameter p) {
    if (p.get$ref() == null) {
      return p;
    }
    String name = p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1);
    return spec.getComponents() == null || spec.getComponents().getParameters() == null
        ? null
        : spec.getComponents().getParameters().get(name);
  }

  static List<String> securityViolations(OpenAPI spec, Set<String> unauthenticated) {
    List<String> problems = new ArrayList<>();
    for (Op op : operations(spec)) {
      boolean open = op.operation().getSecurity() != null && op.operation().getSecurity().isEmpty();
      String id = op.operation().getOperationId();
      if (open != unauthenticated.contains(id)) {
        problems.add(op.id() + ": security [] is " + open + " but expected " + !open);
      }
      Object auth = extension(op.operation().getExtensions(), "x-auth");
      if (auth != null && !("refresh".equals(auth) && "/api/login/refresh".equals(op.path()))) {
        problems.add(op.id() + ": unexpected x-auth " + auth);
      }
    }
    return problems;
  }

  /** Visits every schema reachable inside the component schemas, with a readable location. */
  interface SchemaVisitor {
    void visit(String location, Schema<?> schema, boolean isProperty);
  }

  @SuppressWarnings("rawtypes")
  static void walkSchemas(OpenAPI spec, SchemaVisitor visitor) {
    Map<String, Schema> schemas =
        spec.getComponents() == null ? null : spec.getComponents().getSchemas();
    if (schemas == null) {
      return;
    }
    schemas.forEach((name, schema) -> walk(name, schema, false, visitor));
  }

  private static void walk(
      String location, Schema<?> schema, boolean isProperty, SchemaVisitor visitor) {
    if (schema == null) {
      return;
    }
    visitor.visit(location, schema, isProperty);
    if (schema.get$ref() != null) {
      return;
    }
    if (schema.getProperties() != null) {
      schema
          .getProperties()
          .forEach((name, property) -> walk(location + "." + name, property, true, visitor));
    }
    if (schema.getItems() != null) {
      walk(location + "[]", schema.getItems(), false, visitor);
    }
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      walk(location + "{}", values, false, visitor);
    }
  }

  @SuppressWarnings("rawtypes")
  static List<String> descriptionViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    Map<String, Schema> schemas = spec.getComponents().getSchemas();
    walkSchemas(
        spec,
        (location, schema, isProperty) -> {
          if (!isProperty) {
            return;
          }
          String description = schema.getDescription();
          if (schema.get$ref() != null) {
            Schema<?> target =
                schemas.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            description = target == null ? null : target.getDescription();
          }
          if (description == null || description.isBlank()) {
            problems.add(location + ": no description");
          }
        });
    return problems;
  }

  static List<String> inlineEnumViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    Set<String> topLevel = spec.getComponents().getSchemas().keySet();
    walkSchemas(
        spec,
        (location, schema, isProperty) -> {
          boolean named = topLevel.contains(location);
          if (!named && schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            problems.add(location + ": inline enum; make it a named enum schema");
          }
        });
    return problems;
  }

  static List<String> schemaNameViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    for (String name : spec.getComponents().getSchemas().keySet()) {
      if (name.equals("Process")
          || name.equals("Error")
          || name.endsWith("Api")
          || !PASCAL.matcher(name).matches()) {
        problems.add(name);
      }
    }
    return problems;
  }

  static List<String> integerFormatViolations(OpenAPI spec) {
    List<String> problems = new ArrayList<>();
    walkSchemas(
        spec,
        (location, schema, isProperty) -> {
          if ("integer".equals(schema.getType()) && !"int64".equals(schema.getFormat())) {
            problems.add(location + ": integer is " + schema.getFormat() + ", not int64");
          }
        });
    for (Op op : operations(spec)) {
      if (op.operation().getParameters() != null) {
        for (Parameter declared : op.operation().getParameters()) {
          Parameter p = resolve(spec, declared);
          if (p != null
              && p.getSchema() != null
              && "integer".equals(p.getSchema().getType())
              && !"int64".equals(p.getSchema().getFormat())) {
            problems.add(
                op.id()
                    + ": parameter "
                    + p.getName()
                    + " is "
                    + p.getSchema().getFormat()
                    + ", not int64");
          }
        }
      }
      for (ApiResponse response : op.operation().getResponses().values()) {
        Map<String, Header> headers = response.getHeaders();
        if (headers != null) {
          headers.forEach(
              (name, header) -> {
                if (header.getSchema() != null
                    && "integer".equals(header.getSchema().getType())
                    && !"int64".equals(header.getSchema().getFormat())) {
                  problems.add(op.id() + ": header " + name + " is not int64");
                }
              });
        }
      }
    }
    return problems;
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }
}
