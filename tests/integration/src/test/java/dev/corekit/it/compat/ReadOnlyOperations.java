package dev.corekit.it.compat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The read-only operations of the API description, and the generated client method of each: what
 * the compatibility sweep calls on a real server and what the fixture test replays.
 *
 * <p>Read-only means every {@code GET} and {@code HEAD} but those that change the server (config
 * and skills reload, a playout input reopen, an error-frame encode), plus the metrics query, and
 * the event streams, which only read.
 */
final class ReadOnlyOperations {
  static final Path SPEC = Path.of("..", "..", "api-spec", "core-api.yaml");

  /** GETs that are not read-only: they restart Core, reopen an input or encode a file. */
  private static final Set<String> CHANGES_THE_SERVER =
      Set.of("configReload", "skillsReload", "playoutReopenInput", "playoutEncodeErrorframe");

  /** POSTs that only read. */
  private static final Set<String> READING_POSTS = Set.of("metricsQuery");

  /** One read-only operation of the spec. */
  record Op(
      String operationId,
      String tag,
      String method,
      String path,
      String javaMethod,
      List<String> pathParams,
      List<String> requiredQuery,
      boolean hasBody,
      boolean stream,
      String since) {

    /**
     * Whether the server routes the operation only when a feature is switched on (clustering,
     * playout), so a missing route says nothing about the release.
     */
    boolean routedOnlyWhenEnabled() {
      return tag.equals("cluster") || tag.equals("playout");
    }

    /** The interface of the generated client that holds the operation. */
    Class<?> apiType() {
      try {
        return Class.forName(
            "dev.corekit.core.api."
                + tag.substring(0, 1).toUpperCase(Locale.ROOT)
                + tag.substring(1)
                + "Api");
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("no generated interface for tag " + tag, e);
      }
    }

    /** The generated method taking the required parameters (and the body, if any). */
    Method target() {
      int arity = pathParams.size() + requiredQuery.size() + (hasBody ? 1 : 0);
      for (Method candidate : apiType().getMethods()) {
        if (candidate.getName().equals(javaMethod)
            && candidate.getParameterCount() == arity
            && (arity == 0 || !candidate.getParameterTypes()[arity - 1].equals(Path.class))) {
          return candidate;
        }
      }
      throw new IllegalStateException(
          "no method " + apiType().getSimpleName() + "." + javaMethod + " with " + arity + " args");
    }
  }

  private ReadOnlyOperations() {}

  static List<Op> load() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api = new OpenAPIV3Parser().read(SPEC.toString(), null, options);
    Map<String, Parameter> shared =
        api.getComponents().getParameters() == null
            ? Map.of()
            : api.getComponents().getParameters();
    List<Op> ops = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry :
          path.getValue().readOperationsMap().entrySet()) {
        Operation operation = entry.getValue();
        String method = entry.getKey().name();
        Map<String, Object> ext =
            operation.getExtensions() == null ? Map.of() : operation.getExtensions();
        boolean stream = ext.containsKey("x-stream");
        boolean readOnly =
            ((method.equals("GET") || method.equals("HEAD"))
                    && !CHANGES_THE_SERVER.contains(operation.getOperationId()))
                || READING_POSTS.contains(operation.getOperationId())
                || (stream && method.equals("POST"));
        if (!readOnly || operation.getOperationId().equals("authRefresh")) {
          continue;
        }
        List<String> pathParams = new ArrayList<>();
        List<String> requiredQuery = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        if (path.getValue().getParameters() != null) {
          parameters.addAll(path.getValue().getParameters());
        }
        if (operation.getParameters() != null) {
          parameters.addAll(operation.getParameters());
        }
        for (Parameter parameter : parameters) {
          Parameter p = parameter;
          if (p.get$ref() != null) {
            p = shared.get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1));
          }
          if ("path".equals(p.getIn())) {
            pathParams.add(p.getName());
          } else if ("query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired())) {
            requiredQuery.add(p.getName());
          }
        }
        // Generated methods take path parameters in path order.
        pathParams.sort(
            (a, b) ->
                Integer.compare(
                    path.getKey().indexOf("{" + a + "}"), path.getKey().indexOf("{" + b + "}")));
        boolean hasBody =
            operation.getRequestBody() != null
                && Boolean.TRUE.equals(operation.getRequestBody().getRequired());
        ops.add(
            new Op(
                operation.getOperationId(),
                operation.getTags().get(0),
                method,
                path.getKey(),
                (String) ext.get("x-method"),
                List.copyOf(pathParams),
                List.copyOf(requiredQuery),
                hasBody,
                stream,
                String.valueOf(ext.get("x-core-since"))));
      }
    }
    ops.sort((a, b) -> a.operationId().compareTo(b.operationId()));
    return ops;
  }
}
