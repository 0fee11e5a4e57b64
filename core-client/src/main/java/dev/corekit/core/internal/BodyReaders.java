package dev.corekit.core.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.corekit.core.CoreException;
import dev.corekit.core.ResourceInfo;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;

/** The readers of successful answers, one per kind of operation result. */
final class BodyReaders {
  private BodyReaders() {}

  /**
   * Reads a whole answer as one value. A map or list result that Core answers with {@code null} (or
   * nothing) is an empty map or list, never an empty {@code Mono}; other results complete empty. A
   * text result (such as {@code /metrics}) that comes as Core's JSON error body ({@code
   * {"code":404,"message":...}}, as 16.10 answers with status 200) fails like an error status.
   */
  static <T> BodyReader<T> value(CoreTransport transport, TypeReference<T> type) {
    ObjectReader reader = transport.reader(type);
    JavaType javaType = reader.getValueType();
    boolean wantsText = javaType.getRawClass() == String.class;
    Mono<T> none = BodyReaders.<T>emptyContainer(javaType).map(Mono::just).orElse(Mono.empty());
    return (response, body, request) ->
        readAll(body, transport.maxBodyBytes(), request, contentLength(response.responseHeaders()))
            .flatMap(
                bytes -> {
                  if (bytes.length == 0) {
                    return none;
                  }
                  String contentType = contentType(response.responseHeaders());
                  if (wantsText) {
                    CoreException error = errorBody(transport, response, bytes, request);
                    if (error != null) {
                      return Mono.error(error);
                    }
                    if (!isJson(contentType)) {
                      @SuppressWarnings("unchecked")
                      T text = (T) new String(bytes, StandardCharsets.UTF_8);
                      return Mono.just(text);
                    }
                  }
                  requireJson(contentType, request, request.baseUrl());
                  T value = decodeValue(reader, bytes, request.describe());
                  return value == null ? none : Mono.just(value);
                });
  }

  /** The value that stands for a JSON {@code null} of a map or collection type. */
  @SuppressWarnings("unchecked")
  static <T> java.util.Optional<T> emptyContainer(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (type.isMapLikeType() && raw.isAssignableFrom(java.util.Map.class)) {
      return java.util.Optional.of((T) java.util.Map.of());
    }
    if (type.isCollectionLikeType() && raw.isAssignableFrom(List.class)) {
      return java.util.Optional.of((T) List.of());
    }
    if (type.isCollectionLikeType() && raw.isAssignableFrom(java.util.Set.class)) {
      return java.util.Optional.of((T) java.util.Set.of());
    }
    return java.util.Optional.empty();
  }

  /**
   * The error a successful answer carries in Core's error shape ({@code {"code": 400 or more,
   * "message": ...}}), or null when it is an ordinary answer.
   */
  private static @Nullable CoreException errorBody(
      CoreTransport transport,
      reactor.netty.http.client.HttpClientResponse response,
      byte[] bytes,
      CoreRequest request) {
    if (firstToken(bytes) != '{' || bytes.length > 64 * 1024) {
      return null;
    }
    JsonNode node;
    try {
      node = transport.mapper().readTree(bytes);
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
    if (node == null
        || !node.isObject()
        || !node.path("code").canConvertToInt()
        || node.path("code").asInt() < 400
        || !node.has("message")) {
      return null;
    }
    return Errors.fromAnswer(
        node.path("code").asInt(),
        bytes,
        response.responseHeaders(),
        request,
        transport.mapper(),
        transport.secrets(request),
        request.baseUrl());
  }

  /**
   * Binds a whole JSON answer. Any failure (syntax, type mismatch, a required field missing) is a
   * {@link JsonDecodingException}: the answer came from the network and cannot be trusted.
   */
  static <T> @Nullable T decodeValue(ObjectReader reader, byte[] bytes, String what) {
    try {
      return reader.readValue(bytes);
    } catch (IOException | RuntimeException e) {
      throw new JsonDecodingException(
          what
              + ": the answer is not valid JSON for "
              + reader.getValueType().getRawClass().getSimpleName()
              + ": "
              + firstLine(e.getMessage()),
          e);
    }
  }

  static BodyReader<Object> discard() {
    return (response, body, request) -> body.then().cast(Object.class);
  }

  static BodyReader<ResourceInfo> head() {
    return (response, body, request) ->
        body.then(Mono.fromSupplier(() -> info(response.responseHeaders())));
  }

  static BodyReader<ByteBuffer> bytes() {
    return (response, body, request) -> body.asByteArray().map(ByteBuffer::wrap);
  }

  /**
   * Reads a JSON array answer with {@link JsonArrayDecoder}, the one path of every list result: an
   * answer that ends within {@link JsonArrayDecoder#WHOLE_LIMIT} bytes is bound in one pass, a
   * longer one streams element by element, whatever the framing.
   */
  static <T> BodyReader<T> array(CoreTransport transport, TypeReference<T> elementType) {
    return arrayReader(transport, elementType, null);
  }

  /**
   * Reads an answer that is a JSON array of elements in the current release and one object of
   * another shape in older ones (the spec's {@code x-legacy-answer}): the object is bound to the
   * legacy type and converted into the elements. Arrays take the same path as {@link #array}.
   */
  static <T, L> BodyReader<T> arrayOrLegacy(
      CoreTransport transport,
      TypeReference<T> elementType,
      Class<L> legacyType,
      java.util.function.Function<L, List<T>> convert) {
    ObjectReader legacyReader =
        transport
            .mapper()
            .readerFor(legacyType)
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    return arrayReader(
        transport,
        elementType,
        (data, offset, length) -> {
          L legacy = legacyReader.readValue(data, offset, length);
          return legacy == null ? null : convert.apply(legacy);
        });
  }

  private static <T> BodyReader<T> arrayReader(
      CoreTransport transport,
      TypeReference<T> elementType,
      JsonArrayDecoder.@Nullable LegacyBinder<T> legacy) {
    ObjectReader reader = transport.reader(elementType);
    ObjectReader listReader = transport.listReader(elementType);
    java.util.concurrent.atomic.AtomicInteger sizeHint = transport.arraySize(elementType);
    int limit = transport.maxElementBytes();
    return (response, body, request) -> {
      requireJson(contentType(response.responseHeaders()), request, request.baseUrl());
      long length = contentLength(response.responseHeaders());
      String what = request.describe();
      return decodeArray(
          body.map(buffer -> buffer.nioBuffer()),
          () -> new JsonArrayDecoder<>(reader, listReader, legacy, sizeHint, length, limit, what));
    };
  }

  /** The first byte that is not JSON white space, or -1. */
  private static int firstToken(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return b;
      }
    }
    return -1;
  }

  private static long contentLength(HttpHeaders headers) {
    String value = headers.get(HttpHeaderNames.CONTENT_LENGTH);
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Decodes a JSON array from chunks. Each chunk must be consumed before the next arrives (the
   * mapping is synchronous), so the chunks may be views of pooled buffers.
   */
  static <T> Flux<T> decodeArray(
      Flux<ByteBuffer> chunks,
      ObjectReader reader,
      @Nullable ObjectReader listReader,
      java.util.concurrent.atomic.@Nullable AtomicInteger sizeHint,
      int maxElementBytes,
      String what) {
    return decodeArray(
        chunks, () -> new JsonArrayDecoder<>(reader, listReader, sizeHint, maxElementBytes, what));
  }

  /** Decodes a JSON array from chunks with a fresh decoder per subscription. */
  static <T> Flux<T> decodeArray(
      Flux<ByteBuffer> chunks, java.util.function.Supplier<JsonArrayDecoder<T>> decoders) {
    return Flux.defer(
        () -> {
          JsonArrayDecoder<T> decoder = decoders.get();
          return chunks
              .map(decoder::feed)
              .concatWith(Mono.fromCallable(decoder::end))
              .concatMapIterable(elements -> elements, 1)
              .doFinally(signal -> decoder.close());
        });
  }

  static <T> BodyReader<T> stream(CoreTransport transport, TypeReference<T> elementType) {
    ObjectMapper mapper = transport.mapper();
    ObjectReader reader = transport.reader(elementType);
    return (response, body, request) -> {
      String contentType = contentType(response.responseHeaders());
      boolean sse =
          contentType != null && contentType.toLowerCase(Locale.ROOT).contains("text/event-stream");
      return decodeStream(
          body.map(buffer -> buffer.nioBuffer()),
          sse,
          mapper,
          reader,
          transport.maxElementBytes(),
          request.describe());
    };
  }

  /**
   * Decodes newline-delimited JSON, or server-sent events when {@code sse}, dropping keepalives.
   * Each chunk is consumed synchronously, as for {@link #decodeArray}.
   */
  static <T> Flux<T> decodeStream(
      Flux<ByteBuffer> chunks,
      boolean sse,
      ObjectMapper mapper,
      ObjectReader reader,
      int maxLineBytes,
      String what) {
    return Flux.defer(
        () -> {
          LineDecoder lines = new LineDecoder(maxLineBytes, what);
          Flux<String> texts =
              chunks
                  .map(lines::feed)
                  .concatWith(Mono.fromSupplier(lines::end))
                  .concatMapIterable(batch -> batch, 1);
          Flux<String> documents =
              sse ? serverSentData(texts) : texts.filter(line -> !line.isBlank());
          return documents.handle(
              (text, sink) -> {
                try {
                  JsonNode node = mapper.readTree(text);
                  if (node != null && !isKeepalive(node)) {
                    T value = reader.readValue(node);
                    if (value != null) {
                      sink.next(value);
                    }
                  }
                } catch (IOException | RuntimeException e) {
                  sink.error(
                      new JsonDecodingException(
                          what + ": an event is not valid JSON: " + firstLine(e.getMessage()), e));
                }
              });
        });
  }

  /** Joins the {@code data:} lines of each server-sent event; comments (keepalives) are dropped. */
  private static Flux<String> serverSentData(Flux<String> lines) {
    StringBuilder data = new StringBuilder();
    return lines.handle(
        (line, sink) -> {
          if (line.isEmpty()) {
            if (data.length() > 0) {
              sink.next(data.toString());
              data.setLength(0);
            }
          } else if (line.startsWith("data:")) {
            if (data.length() > 0) {
              data.append('\n');
            }
            data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
          }
        });
  }

  /**
   * Core marks keepalives in the field {@code event} (log events), {@code type} (process events) or
   * {@code action} (media events).
   */
  static boolean isKeepalive(JsonNode node) {
    return node.isObject()
        && ("keepalive".equals(node.path("event").asText(null))
            || "keepalive".equals(node.path("type").asText(null))
            || "keepalive".equals(node.path("action").asText(null)));
  }

  static Mono<byte[]> readAll(ByteBufFlux body, long limit, CoreRequest request) {
    return readAll(body, limit, request, -1);
  }

  /**
   * Reads a whole body.
   *
   * @param expected the length the answer announced, or -1: the buffer is made that large at once
   *     (a body of that length is then not copied again)
   */
  static Mono<byte[]> readAll(ByteBufFlux body, long limit, CoreRequest request, long expected) {
    int initial = expected >= 0 && expected <= Math.min(limit, 1 << 20) ? (int) expected : 1024;
    return body.collect(
            () -> new Accumulator(limit, request, initial),
            (accumulator, chunk) -> accumulator.append(chunk))
        .map(Accumulator::bytes);
  }

  /** Collects a body's bytes with one copy per chunk, refusing more than a limit. */
  private static final class Accumulator {
    private final long limit;
    private final CoreRequest request;
    private byte[] data;
    private int size;

    Accumulator(long limit, CoreRequest request, int initial) {
      this.limit = limit;
      this.request = request;
      this.data = new byte[initial];
    }

    void append(io.netty.buffer.ByteBuf chunk) {
      int length = chunk.readableBytes();
      if (size + (long) length > limit) {
        throw new JsonDecodingException(
            request.describe() + ": the answer is larger than the limit of " + limit + " bytes",
            null);
      }
      if (size + length > data.length) {
        data =
            java.util.Arrays.copyOf(data, Math.max(size + length, Math.max(1024, data.length * 2)));
      }
      chunk.getBytes(chunk.readerIndex(), data, size, length);
      size += length;
    }

    byte[] bytes() {
      return size == data.length ? data : java.util.Arrays.copyOf(data, size);
    }
  }

  static @Nullable String contentType(HttpHeaders headers) {
    return headers.get(HttpHeaderNames.CONTENT_TYPE);
  }

  static boolean isJson(@Nullable String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
  }

  private static void requireJson(
      @Nullable String contentType, CoreRequest request, String baseUrl) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
      throw new JsonDecodingException(
          Errors.notCore(baseUrl, request.describe() + " answered text/html"), null);
    }
    if (contentType != null && !isJson(contentType)) {
      throw new JsonDecodingException(
          request.describe()
              + ": expected a JSON answer but got content type '"
              + contentType
              + "'",
          null);
    }
  }

  private static ResourceInfo info(HttpHeaders headers) {
    long size = -1;
    String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
    if (length != null) {
      try {
        size = Long.parseLong(length.trim());
      } catch (NumberFormatException ignored) {
        size = -1;
      }
    }
    Instant modified = null;
    String lastModified = headers.get(HttpHeaderNames.LAST_MODIFIED);
    if (lastModified != null) {
      try {
        modified =
            ZonedDateTime.parse(lastModified.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
      } catch (DateTimeParseException ignored) {
        modified = null;
      }
    }
    return new ResourceInfo(size, headers.get(HttpHeaderNames.CONTENT_TYPE), modified);
  }

  static String firstLine(@Nullable String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(item -> out.add(item.isTextual() ? item.asText() : item.toString()));
    } else if (!array.isMissingNode() && !array.isNull()) {
      out.add(array.isTextual() ? array.asText() : array.toString());
    }
    return out;
  }
}
