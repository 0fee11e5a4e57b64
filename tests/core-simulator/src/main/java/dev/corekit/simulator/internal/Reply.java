package dev.corekit.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/** A response before it is written: fixed bytes or a lazily generated stream. */
final class Reply {
  int status;
  @Nullable String contentType;
  final Map<String, String> headers = new LinkedHashMap<>();
  byte[] body;

  /** A streamed body (chunked); {@code body} is ignored when set. */
  @Nullable Flux<byte[]> stream;

  /** Flush every element of {@link #stream} (event streams). */
  boolean flushEach;

  /** Declared length for HEAD answers, or -1. */
  long headLength = -1;

  private Reply(int status, @Nullable String contentType, byte[] body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
  }

  static Reply json(int status, JsonNode node) {
    return new Reply(status, Json.JSON, Json.bytes(node));
  }

  static Reply ok(JsonNode node) {
    return json(200, node);
  }

  /** The JSON string {@code "OK"}, Core's usual success body. */
  static Reply okString() {
    return new Reply(200, Json.JSON, "\"OK\"".getBytes(StandardCharsets.UTF_8));
  }

  static Reply text(int status, String text) {
    return new Reply(status, Json.TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  static Reply bytes(int status, @Nullable String contentType, byte[] body) {
    return new Reply(status, contentType, body);
  }

  static Reply empty(int status) {
    return new Reply(status, null, new byte[0]);
  }

  static Reply stream(int status, String contentType, Flux<byte[]> stream, boolean flushEach) {
    Reply r = new Reply(status, contentType, new byte[0]);
    r.stream = stream;
    r.flushEach = flushEach;
    return r;
  }

  Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
