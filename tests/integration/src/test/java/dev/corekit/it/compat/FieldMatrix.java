package dev.corekit.it.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which fields of which schema each real release sent, read from the recorded answers against the
 * API description: the evidence behind the spec's {@code required} lists and its {@code
 * x-fields-since} (schema-level map of field to the first release that sends it).
 */
final class FieldMatrix {
  private final OpenAPI api;
  private final Map<String, Schema<?>> schemas;
  private final Map<String, Operation> operations = new java.util.HashMap<>();

  /** Releases in which an instance of a schema was seen, by schema name. */
  final Map<String, Set<String>> seen = new TreeMap<>();

  /** Releases in which a field was present, by {@code Schema.field}. */
  final Map<String, Set<String>> present = new TreeMap<>();

  /** Releases in which a required field was missing, by {@code Schema.field}. */
  final Map<String, Set<String>> missingRequired = new TreeMap<>();

  @SuppressWarnings({"unchecked", "rawtypes"})
  FieldMatrix() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    api = new OpenAPIV3Parser().read(ReadOnlyOperations.SPEC.toString(), null, options);
    schemas = (Map) api.getComponents().getSchemas();
    for (PathItem item : api.getPaths().values()) {
      for (Operation op : item.readOperations()) {
        operations.put(op.getOperationId(), op);
      }
    }
  }

  /**
   * The first release of each field, as the spec says ({@code x-fields-since}), by Schema.field.
   */
  Map<String, String> declaredSince() {
    Map<String, String> since = new TreeMap<>();
    for (Map.Entry<String, Schema<?>> schema : schemas.entrySet()) {
      Map<String, Object> ext = schema.getValue().getExtensions();
      if (ext != null && ext.get("x-fields-since") instanceof Map<?, ?> fields) {
        fields.forEach((k, v) -> since.put(schema.getKey() + "." + k, String.valueOf(v)));
      }
    }
    return since;
  }

  /** Walks one recorded 2xx answer of an operation of a release. */
  void record(String release, String operationId, JsonNode body) {
    Schema<?> schema = responseSchema(operationId, body);
    if (schema != null) {
      walk(release, body, schema, null);
    }
  }

  private Schema<?> responseSchema(String operationId, JsonNode body) {
    Operation op = operations.get(operationId);
    if (op == null) {
      return null;
    }
    Map<String, Object> ext = op.getExtensions();
    if (body.isObject() && ext != null && ext.get("x-legacy-answer") instanceof Map<?, ?> legacy) {
      return new Schema<>().$ref("#/components/schemas/" + legacy.get("schema"));
    }
    for (Map.Entry<String, ApiResponse> response : op.getResponses().entrySet()) {
      if (response.getKey().startsWith("2") && response.getValue().getContent() != null) {
        for (MediaType type : response.getValue().getContent().values()) {
          return type.getSchema();
        }
      }
    }
    return null;
  }

  private Schema<?> resolve(Schema<?> schema) {
    Schema<?> s = schema;
    while (s != null && s.get$ref() != null) {
      s = schemas.get(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
    }
    return s;
  }

  private static String nameOf(Schema<?> schema) {
    return schema.get$ref() == null
        ? null
        : schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
  }

  @SuppressWarnings("rawtypes")
  private void walk(String release, JsonNode node, Schema<?> schemaOrRef, String inherited) {
    String name = nameOf(schemaOrRef) != null ? nameOf(schemaOrRef) : inherited;
    Schema<?> schema = resolve(schemaOrRef);
    if (schema == null || node == null || node.isNull()) {
      return;
    }
    if (node.isArray() && schema.getItems() != null) {
      node.forEach(element -> walk(release, element, schema.getItems(), name));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Map<String, Schema> properties = schema.getProperties();
    if (properties != null && name != null) {
      seen.computeIfAbsent(name, k -> new TreeSet<>(Versions.ORDER)).add(release);
      if (schema.getRequired() != null) {
        for (String required : schema.getRequired()) {
          if (!node.has(required)) {
            missingRequired
                .computeIfAbsent(name + "." + required, k -> new TreeSet<>(Versions.ORDER))
                .add(release);
          }
        }
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        Schema<?> property = properties.get(field.getKey());
        if (property != null) {
          present
              .computeIfAbsent(name + "." + field.getKey(), k -> new TreeSet<>(Versions.ORDER))
              .add(release);
          walk(release, field.getValue(), property, name + "." + field.getKey());
        }
      }
    } else if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        walk(release, field.getValue(), values, name);
      }
    }
  }

  /** Disagreements between the spec's field releases and what the releases sent. */
  List<String> disagreements() {
    List<String> problems = new ArrayList<>();
    missingRequired.forEach(
        (field, releases) ->
            problems.add(field + " is required but " + releases + " did not send it"));
    Map<String, String> since = declaredSince();
    since.forEach(
        (field, first) -> {
          String schema = field.substring(0, field.indexOf('.'));
          for (String release : seen.getOrDefault(schema, Set.of())) {
            boolean sent = present.getOrDefault(field, Set.of()).contains(release);
            boolean expected = Versions.ORDER.compare(release, first) >= 0;
            if (sent && !expected) {
              problems.add(
                  field + " is said to come with " + first + " but " + release + " sent it");
            } else if (!sent && expected) {
              problems.add(
                  field
                      + " is said to come with "
                      + first
                      + " but "
                      + release
                      + " did not send it");
            }
          }
        });
    return problems;
  }

  /** Orders version numbers such as {@code 16.10.1} numerically (core-client's own parser). */
  static final class Versions {
    static final java.util.Comparator<String> ORDER =
        java.util.Comparator.comparing(dev.corekit.core.internal.Version::parse);

    private Versions() {}
  }
}
