package dev.corekit.core;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A loopback HTTP server on a free port that records every request (method, raw URI, headers, body)
 * and answers with a handler chosen by the test.
 */
final class RecordingServer implements AutoCloseable {
  /** One request as it arrived on the wire. */
  static final class Recorded {
    final String method;
    final String uri;
    final HttpHeaders headers;
    final String body;

    Recorded(String method, String uri, HttpHeaders headers, String body) {
      this.method = method;
      this.uri = uri;
      this.headers = headers;
      this.body = body;
    }

    String path() {
      int query = uri.indexOf('?');
      return query < 0 ? uri : uri.substring(0, query);
    }

    String query() {
      int query = uri.indexOf('?');
      return query < 0 ? "" : uri.substring(query + 1);
    }
  }

  /** Answers a request. */
  @FunctionalInterface
  interface Handler {
    Publisher<Void> answer(Recorded request, HttpServerResponse response);
  }

  final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final DisposableServer server;

  RecordingServer() {
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(this::handle)
            .bindNow(Duration.ofSeconds(10));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Routes "METHOD /path" (path without query) to a handler. */
  RecordingServer on(String methodAndPath, Handler handler) {
    handlers.put(methodAndPath, handler);
    return this;
  }

  RecordingServer json(String methodAndPath, int status, String json) {
    return on(methodAndPath, (request, response) -> json(response, status, json));
  }

  static Publisher<Void> json(HttpServerResponse response, int status, String json) {
    return response
        .status(status)
        .header("Content-Type", "application/json; charset=UTF-8")
        .sendString(Mono.just(json), StandardCharsets.UTF_8);
  }

  List<Recorded> requests(String methodAndPath) {
    return requests.stream()
        .filter(r -> (r.method + " " + r.path()).equals(methodAndPath))
        .collect(java.util.stream.Collectors.toList());
  }

  private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
    return request
        .receive()
        .aggregate()
        .asString(StandardCharsets.UTF_8)
        .defaultIfEmpty("")
        .flatMap(
            body -> {
              Recorded recorded =
                  new Recorded(
                      request.method().name(),
                      request.uri(),
                      request.requestHeaders().copy(),
                      body);
              requests.add(recorded);
              Handler handler = handlers.get(recorded.method + " " + recorded.path());
              if (handler == null) {
                handler = handlers.get(recorded.method + " *");
              }
              if (handler == null) {
                return Mono.from(
                    json(
                        response,
                        404,
                        "{\"code\":404,\"message\":\"Not Found\",\"details\":[\"Not Found\"]}"));
              }
              return Mono.from(handler.answer(recorded, response));
            });
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(5));
  }
}
