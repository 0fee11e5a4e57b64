package dev.corekit.it.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback HTTP server that answers exactly what one real Core release answered, from the
 * fixtures the compatibility sweep recorded: same status, content type and body for the same method
 * and path. Anything not recorded answers Core's 404 for an unknown route.
 */
final class FixtureServer implements AutoCloseable {
  private static final String NOT_FOUND =
      "{\"code\":404,\"message\":\"Not Found\",\"details\":[\"Not Found\"]}";

  private final Map<String, JsonNode> answers = new ConcurrentHashMap<>();
  private final ObjectMapper mapper;
  private final DisposableServer server;

  FixtureServer(ObjectMapper mapper) {
    this.mapper = mapper;
    this.server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) -> {
                  String uri = request.uri();
                  int query = uri.indexOf('?');
                  String path = query < 0 ? uri : uri.substring(0, query);
                  JsonNode recorded = answers.get(request.method().name() + " " + path);
                  return request
                      .receive()
                      .then(
                          Mono.defer(
                              () -> {
                                if (recorded == null) {
                                  return response
                                      .status(404)
                                      .header("Content-Type", "application/json")
                                      .sendString(Mono.just(NOT_FOUND))
                                      .then();
                                }
                                byte[] body = body(recorded);
                                response
                                    .status(recorded.path("status").asInt())
                                    .header("Content-Type", recorded.path("contentType").asText());
                                if (request.method().name().equals("HEAD") || body.length == 0) {
                                  return response.send().then();
                                }
                                return response.sendByteArray(Mono.just(body)).then();
                              }));
                })
            .bindNow();
  }

  /** Serves a recorded answer (the {@code response} object of a fixture) for a method and path. */
  void answer(String method, String path, JsonNode response) {
    answers.put(method + " " + path, response);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  private byte[] body(JsonNode response) {
    try {
      if (response.has("lines")) {
        StringBuilder lines = new StringBuilder();
        for (JsonNode line : response.get("lines")) {
          lines.append(mapper.writeValueAsString(line)).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
      }
      if (response.has("body")) {
        return mapper.writeValueAsBytes(response.get("body"));
      }
      if (response.has("text")) {
        return response.get("text").asText().getBytes(StandardCharsets.UTF_8);
      }
      if (response.has("base64")) {
        return Base64.getDecoder().decode(response.get("base64").asText());
      }
      return new byte[0];
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.disposeNow();
  }
}
