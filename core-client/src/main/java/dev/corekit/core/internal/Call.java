package dev.corekit.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.corekit.core.CoreValidationException;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.ResourceInfo;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collects the parameters of one call of an operation, then sends it with one of the terminal
 * methods. A parameter that breaks the API description is remembered and reported as a {@link
 * CoreValidationException} by the returned publisher, before anything is sent.
 */
public final class Call {
  private final CoreTransport transport;
  private final Operation operation;
  private final RequestOptions options;
  private final Map<String, String> pathValues = new LinkedHashMap<>(4);
  private final StringBuilder query = new StringBuilder();
  private @Nullable RequestBody body;
  private @Nullable RuntimeException invalid;
  private String accept = "application/json";
  private boolean streamed;
  private @Nullable Node pinned;

  Call(CoreTransport transport, Operation operation, RequestOptions options) {
    this.transport = transport;
    this.operation = operation;
    this.options = options;
  }

  /**
   * Sends the call to one node only (a login, a version check of that node): no failover.
   *
   * @param node the node
   * @return this call
   */
  Call on(Node node) {
    this.pinned = node;
    return this;
  }

  @Nullable Node pinned() {
    return pinned;
  }

  /**
   * Sets a path parameter sent as one encoded segment.
   *
   * @param name the placeholder name
   * @param value the value; must not be null, empty, {@code .} or {@code ..}
   * @return this call
   */
  public Call path(String name, @Nullable String value) {
    if (invalid == null) {
      try {
        pathValues.put(name, PathEncoder.segment(name, required(name, value)));
      } catch (CoreValidationException e) {
        invalid = e;
      }
    }
    return this;
  }

  /**
   * Sets a path parameter whose {@code /} separate segments (a file path).
   *
   * @param name the placeholder name
   * @param value the path; segments must not be empty, {@code .} or {@code ..}
   * @return this call
   */
  public Call pathSegments(String name, @Nullable String value) {
    if (invalid == null) {
      try {
        pathValues.put(name, PathEncoder.segments(name, required(name, value)));
      } catch (CoreValidationException e) {
        invalid = e;
      }
    }
    return this;
  }

  /**
   * Adds a query parameter; a null value is left out. Collections are sent comma-separated.
   *
   * @param name the parameter name
   * @param value the value, or null
   * @return this call
   */
  public Call query(String name, @Nullable Object value) {
    if (value == null) {
      return this;
    }
    String text =
        value instanceof Collection
            ? ((Collection<?>) value).stream().map(String::valueOf).collect(Collectors.joining(","))
            : String.valueOf(value);
    query
        .append(query.length() == 0 ? '?' : '&')
        .append(PathEncoder.encode(name))
        .append('=')
        .append(PathEncoder.encode(text));
    return this;
  }

  /**
   * Adds a query parameter whose value must be one of a closed set; a null value is left out.
   *
   * @param name the parameter name
   * @param value the value, or null
   * @param allowed the values the API description allows
   * @return this call
   */
  public Call query(String name, @Nullable Object value, List<String> allowed) {
    if (value != null && invalid == null && !allowed.contains(String.valueOf(value))) {
      invalid =
          new CoreValidationException(
              "query parameter '"
                  + name
                  + "' of "
                  + operation
                  + " must be one of "
                  + allowed
                  + ", not '"
                  + value
                  + "'");
    }
    return query(name, value);
  }

  /**
   * Sets a JSON body.
   *
   * @param value the body; must not be null
   * @return this call
   */
  public Call json(@Nullable Object value) {
    if (invalid == null) {
      if (value == null) {
        invalid = new CoreValidationException("the body of " + operation + " must not be null");
      } else {
        try {
          body = RequestBody.json(transport.mapper().writeValueAsBytes(value));
        } catch (JsonProcessingException | IllegalArgumentException e) {
          invalid =
              new CoreValidationException(
                  "the body of " + operation + " cannot be written as JSON: " + e.getMessage());
        }
      }
    }
    return this;
  }

  /**
   * Sets a plain-text body.
   *
   * @param value the text; must not be null
   * @return this call
   */
  public Call text(@Nullable String value) {
    if (invalid == null) {
      if (value == null) {
        invalid = new CoreValidationException("the body of " + operation + " must not be null");
      } else {
        body = RequestBody.text(value);
      }
    }
    return this;
  }

  /**
   * Sets a JSON body if one is given; a null value sends no body.
   *
   * @param value the body, or null
   * @return this call
   */
  public Call optionalJson(@Nullable Object value) {
    return value == null ? this : json(value);
  }

  /**
   * Sets a byte body streamed from a publisher (sent once: a call with such a body is not retried
   * after it may have reached the server).
   *
   * @param content the bytes; must not be null
   * @return this call
   */
  public Call bytes(@Nullable Publisher<ByteBuffer> content) {
    if (invalid == null) {
      if (content == null) {
        invalid = new CoreValidationException("the body of " + operation + " must not be null");
      } else {
        body = RequestBody.bytes(content);
        streamed = true;
      }
    }
    return this;
  }

  /**
   * Sets a byte body streamed from a file.
   *
   * @param source the file; must not be null
   * @return this call
   */
  public Call file(@Nullable Path source) {
    if (invalid == null) {
      if (source == null) {
        invalid =
            new CoreValidationException("the file to send with " + operation + " must not be null");
      } else {
        body = RequestBody.file(source);
        streamed = true;
      }
    }
    return this;
  }

  /**
   * Sends the call and decodes the JSON (or text) answer.
   *
   * @param type the type of the answer
   * @param <T> the type of the answer
   * @return the answer; empty for an empty body
   */
  public <T> Mono<T> mono(TypeReference<T> type) {
    return transport.mono(this, BodyReaders.value(transport, type));
  }

  /**
   * Sends the call and discards the answer's body.
   *
   * @return completes when the server has answered with success
   */
  public Mono<Void> discard() {
    return transport.mono(this, BodyReaders.discard()).then();
  }

  /**
   * Sends the call and describes the resource from the answer's headers (for HEAD).
   *
   * @return what the headers tell
   */
  public Mono<ResourceInfo> head() {
    return transport.mono(this, BodyReaders.head());
  }

  /**
   * Sends the call and decodes a JSON array, or, from an older release, one object of its legacy
   * shape converted into the elements.
   *
   * @param elementType the element type
   * @param legacyType the type of the older releases' answer
   * @param convert turns an older answer into the elements
   * @param <T> the element type
   * @param <L> the legacy type
   * @return the elements
   */
  public <T, L> Flux<T> arrayOr(
      TypeReference<T> elementType,
      Class<L> legacyType,
      java.util.function.Function<L, List<T>> convert) {
    return transport.flux(
        this, BodyReaders.arrayOrLegacy(transport, elementType, legacyType, convert), false);
  }

  /**
   * Sends the call and decodes a JSON array element by element.
   *
   * @param elementType the element type
   * @param <T> the element type
   * @return the elements as they arrive
   */
  public <T> Flux<T> array(TypeReference<T> elementType) {
    return transport.flux(this, BodyReaders.array(transport, elementType), false);
  }

  /**
   * Sends the call and decodes an endless stream of JSON values (NDJSON or server-sent events),
   * dropping keepalives.
   *
   * @param elementType the element type
   * @param <T> the element type
   * @return the values as they arrive
   */
  public <T> Flux<T> stream(TypeReference<T> elementType) {
    accept = "application/x-json-stream";
    return transport.flux(this, BodyReaders.stream(transport, elementType), true);
  }

  /**
   * Sends the call and emits the answer's bytes.
   *
   * @return the bytes as they arrive
   */
  public Flux<ByteBuffer> bytes() {
    accept = "*/*";
    streamed = true;
    return transport.flux(this, BodyReaders.bytes(), false);
  }

  /**
   * Sends the call and writes the answer's bytes to a file (through a temporary file in the same
   * folder, moved into place at the end).
   *
   * @param target the file to write
   * @return the number of bytes written
   */
  public Mono<Long> download(@Nullable Path target) {
    if (target == null && invalid == null) {
      invalid =
          new CoreValidationException("the target file of " + operation + " must not be null");
    }
    Path file = target;
    Flux<ByteBuffer> content = bytes();
    return invalid != null
        ? Mono.error(invalid)
        : FileSink.write(content, Objects.requireNonNull(file));
  }

  String accept() {
    return accept;
  }

  /**
   * @return whether the request or the answer body is streamed (a file or bytes), so an idle
   *     timeout applies instead of the deadline
   */
  boolean streamed() {
    return streamed;
  }

  Operation operation() {
    return operation;
  }

  RequestOptions options() {
    return options;
  }

  @Nullable RuntimeException invalid() {
    if (invalid == null && operation.pathTemplate().indexOf('{') >= 0) {
      List<String> missing = new ArrayList<>();
      String template = operation.pathTemplate();
      int at = template.indexOf('{');
      while (at >= 0) {
        int end = template.indexOf('}', at);
        String name = template.substring(at + 1, end);
        if (!pathValues.containsKey(name)) {
          missing.add(name);
        }
        at = template.indexOf('{', end);
      }
      if (!missing.isEmpty()) {
        invalid = new CoreValidationException(operation + " needs the path parameters " + missing);
      }
    }
    return invalid;
  }

  String expandedPath() {
    String template = operation.pathTemplate();
    if (template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 32);
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      if (open < 0) {
        out.append(template, at, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      out.append(template, at, open).append(pathValues.get(template.substring(open + 1, close)));
      at = close + 1;
    }
    return out.toString();
  }

  String queryString() {
    return query.toString();
  }

  @Nullable RequestBody body() {
    return body;
  }

  private String required(String name, @Nullable String value) {
    if (value == null) {
      throw new CoreValidationException(
          "path parameter '" + name + "' of " + operation + " must not be null");
    }
    return value;
  }
}
