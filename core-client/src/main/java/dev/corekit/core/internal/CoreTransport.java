package dev.corekit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corekit.core.CoreApiException;
import dev.corekit.core.CoreAuthenticationException;
import dev.corekit.core.CoreConnectException;
import dev.corekit.core.CoreException;
import dev.corekit.core.CoreProtocolException;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.RetryPolicy;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Sends calls of generated operations over Reactor Netty: builds the request, applies the call's
 * deadline, retries, authentication and the capability check, maps answers and failures to the
 * client's exceptions, and hands successful bodies to a {@link BodyReader}.
 *
 * <p>Each attempt goes through a chain of {@link Filter}s (authentication, logging) around the HTTP
 * exchange; retries and the deadline wrap the whole chain.
 */
public final class CoreTransport {
  private static final Logger LOG = LoggerFactory.getLogger("dev.corekit.core.http");
  private static final int MAX_ERROR_BODY = 64 * 1024;

  /** A step around each attempt of a request. */
  @FunctionalInterface
  public interface Filter {
    /**
     * Handles one attempt.
     *
     * @param request the request
     * @param next sends the request to the rest of the chain
     * @return the values of the attempt
     */
    Flux<?> filter(CoreRequest request, java.util.function.Function<CoreRequest, Flux<?>> next);
  }

  private final NodeGroup nodes;
  private final @Nullable Duration attemptTimeout;
  private final HttpClient http;
  private final HttpClient authHttp;
  private final ObjectMapper mapper;
  private final Duration defaultTimeout;
  private final RetryPolicy retryPolicy;
  private final int maxElementBytes;
  private final long maxBodyBytes;
  private final Duration streamIdleTimeout;
  private final Duration watchInterval;
  private final Map<String, Retry> retries = new ConcurrentHashMap<>();
  private final Map<Object, com.fasterxml.jackson.databind.ObjectReader> readers =
      new ConcurrentHashMap<>();
  private final Map<Object, com.fasterxml.jackson.databind.ObjectReader> listReaders =
      new ConcurrentHashMap<>();
  private final Map<Object, AtomicInteger> arraySizes = new ConcurrentHashMap<>();
  private final List<Filter> filters;
  private final List<String> logHeaders;
  private final List<String> logContextKeys;
  private final ClientObserver observer;
  private final CallObserver calls;
  private volatile boolean closed;

  /**
   * Creates a transport.
   *
   * @param settings the settings
   */
  public CoreTransport(Settings settings) {
    this.http = settings.http;
    this.authHttp = settings.authHttp != null ? settings.authHttp : settings.http;
    this.mapper = settings.mapper;
    this.defaultTimeout = settings.timeout;
    this.retryPolicy = settings.retryPolicy;
    this.maxElementBytes = settings.maxElementBytes;
    this.maxBodyBytes = settings.maxBodyBytes;
    this.streamIdleTimeout = settings.streamIdleTimeout;
    this.watchInterval = settings.watchInterval;
    this.filters = List.of(this::authenticate);
    this.logHeaders = List.copyOf(settings.logHeaders);
    this.logContextKeys = List.copyOf(settings.logContextKeys);
    this.observer = settings.observer;
    this.calls = settings.calls;
    this.nodes = new NodeGroup(this, settings, settings.observer);
    this.attemptTimeout = nodes.single() ? null : settings.failover.attemptTimeout();
  }

  /**
   * Starts a call of an operation.
   *
   * @param operation the operation
   * @param options the options of the call
   * @return the call, to fill and send
   */
  public Call call(Operation operation, RequestOptions options) {
    return new Call(this, operation, options);
  }

  /**
   * Watches a value: emits it at once and again each time it changes, polling at the watch
   * interval, until cancelled. Transient failures of a poll are skipped; a 404 or an authentication
   * failure ends the stream with that error.
   *
   * @param poll reads the value
   * @param options the options of the watch (unused beyond the polls)
   * @param subject the id of the watched process, if any
   * @param keyFields the fields compared to decide that the value changed (all when empty)
   * @param <T> the value type
   * @return the distinct values
   */
  public <T> Flux<T> watch(
      Supplier<Mono<T>> poll,
      RequestOptions options,
      @Nullable String subject,
      List<String> keyFields) {
    Objects.requireNonNull(poll, "poll");
    Flux<Object> ticks = Flux.interval(Duration.ZERO, watchInterval).cast(Object.class);
    if (subject != null) {
      ticks = Flux.merge(ticks, changeEvents(subject, options));
    }
    return ticks
        .onBackpressureLatest()
        .concatMap(
            tick -> poll.get().onErrorResume(CoreTransport::isTransient, error -> Mono.empty()), 0)
        .distinctUntilChanged(value -> watchKey(value, keyFields));
  }

  /**
   * Log events about one process, on servers that stream events (16.20 and later); empty on older
   * servers or when the stream fails, so a watch falls back to polling.
   */
  private Flux<Object> changeEvents(String subject, RequestOptions options) {
    return nodes
        .primary()
        .capabilities
        .serverVersion()
        .flatMapMany(
            version -> {
              if (version.isEmpty() || version.get().isOlderThan(EVENTS.since())) {
                return Flux.empty();
              }
              com.fasterxml.jackson.databind.node.ObjectNode filter = mapper.createObjectNode();
              filter
                  .putArray("filters")
                  .addObject()
                  .put("event", "process")
                  .putObject("data")
                  .put("id", "^" + regexQuote(subject) + "$");
              return call(EVENTS, options.mergedWith(RequestOptions.retries(0)))
                  .json(filter)
                  .stream(EVENT_NODE)
                  .cast(Object.class);
            })
        .onErrorResume(error -> Flux.empty());
  }

  /** The element type of raw event streams. */
  private static final com.fasterxml.jackson.core.type.TypeReference<JsonNode> EVENT_NODE =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  private static final Operation EVENTS =
      Operation.of("eventsLog", "POST", "/api/v3/events", "16.20.0", Operation.Auth.ACCESS);

  static String regexQuote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private Object watchKey(Object value, List<String> keyFields) {
    JsonNode tree = mapper.valueToTree(value);
    if (keyFields.isEmpty() || !tree.isObject()) {
      return tree;
    }
    com.fasterxml.jackson.databind.node.ObjectNode key = mapper.createObjectNode();
    for (String field : keyFields) {
      key.set(field, at(tree, field));
    }
    return key;
  }

  /** The value of a field or a dotted path such as {@code state.exec}; missing when absent. */
  private static JsonNode at(JsonNode tree, String field) {
    return tree.at("/" + field.replace('.', '/'));
  }

  /**
   * Waits until a polled value shows a field with an expected value, and emits that value. Watches
   * as {@link #watch} does, except that "not found" (404) is "not there yet": a cluster shows a new
   * process on every node only once its store has it. Fails with a {@link CoreTimeoutException}
   * naming the fields of the last value seen, or the last failure, when the time passes.
   *
   * @param poll reads the value
   * @param options the options of the watch
   * @param subject the id of the watched process, if any (for change events)
   * @param watchKeys the fields whose change makes the watch emit
   * @param field the field or dotted path
   * @param expected the expected text
   * @param timeout how long to wait
   * @param what what is waited for, for the message
   * @param shownFields the fields shown of the last value (URL passwords hidden)
   * @param <T> the value type
   * @return the first matching value
   */
  public <T> Mono<T> await(
      Supplier<Mono<T>> poll,
      RequestOptions options,
      @Nullable String subject,
      List<String> watchKeys,
      String field,
      String expected,
      Duration timeout,
      String what,
      List<String> shownFields) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      return Mono.error(new IllegalArgumentException("timeout must be positive: " + timeout));
    }
    return Mono.defer(
        () -> {
          AtomicReference<@Nullable Object> last = new AtomicReference<>();
          AtomicReference<@Nullable Throwable> lastFailure = new AtomicReference<>();
          Supplier<Mono<T>> tolerant =
              () ->
                  poll.get()
                      .doOnNext(value -> lastFailure.set(null))
                      .onErrorResume(
                          dev.corekit.core.CoreNotFoundException.class,
                          notFound -> {
                            lastFailure.set(notFound);
                            return Mono.empty();
                          });
          return watch(tolerant, options, subject, watchKeys)
              .doOnNext(last::set)
              .filter(value -> expected.equals(at(mapper.valueToTree(value), field).asText(null)))
              .next()
              .timeout(timeout, DeadlineTimer.INSTANCE)
              .onErrorMap(
                  TimeoutException.class,
                  e -> {
                    Throwable failed = lastFailure.get();
                    String seen =
                        failed != null
                            ? "last answer: " + failed.getMessage()
                            : lastSeen(last.get(), shownFields);
                    return new CoreTimeoutException(
                        what + " did not show " + field + "=" + expected + " (" + seen + ")",
                        timeout);
                  });
        });
  }

  private String lastSeen(@Nullable Object value, List<String> keyFields) {
    if (value == null) {
      return "no answer yet";
    }
    JsonNode tree = mapper.valueToTree(value);
    StringBuilder text = new StringBuilder("last seen:");
    for (String field : keyFields) {
      JsonNode node = at(tree, field);
      String shown = node.isMissingNode() ? "-" : node.asText();
      if (shown.length() > 200) {
        shown = shown.substring(0, 200) + "...";
      }
      text.append(' ').append(field).append('=').append(shown.isEmpty() ? "\"\"" : shown);
    }
    // A log line may hold a URL with a password (Core 16.16 writes memfs credentials into them).
    return dev.corekit.core.Redaction.redactUrls(text.toString());
  }

  private static boolean isTransient(Throwable error) {
    return error instanceof CoreConnectException
        || error instanceof CoreTimeoutException
        || (error instanceof CoreApiException && ((CoreApiException) error).status() >= 500);
  }

  /**
   * Returns the reader of a type, created once per client and type: Jackson builds a deserializer
   * (under a lock) only the first time, later calls only look it up.
   *
   * @param type the type, normally a constant of a generated implementation
   * @return the reader
   */
  com.fasterxml.jackson.databind.ObjectReader reader(
      com.fasterxml.jackson.core.type.TypeReference<?> type) {
    java.lang.reflect.Type key = type.getType();
    com.fasterxml.jackson.databind.ObjectReader known = readers.get(key);
    if (known != null) {
      return known;
    }
    return readers.computeIfAbsent(
        key, unused -> mapper.readerFor(mapper.getTypeFactory().constructType(type)));
  }

  /**
   * The size of the last array answer of this element type, so the next one is collected in one
   * buffer.
   */
  AtomicInteger arraySize(com.fasterxml.jackson.core.type.TypeReference<?> elementType) {
    return arraySizes.computeIfAbsent(elementType.getType(), key -> new AtomicInteger());
  }

  /**
   * Returns the reader of a list of a type, created once per client and element type.
   *
   * @param elementType the element type
   * @return the reader of {@code List<elementType>}
   */
  com.fasterxml.jackson.databind.ObjectReader listReader(
      com.fasterxml.jackson.core.type.TypeReference<?> elementType) {
    return listReaders.computeIfAbsent(
        elementType.getType(),
        key ->
            mapper
                .readerFor(
                    mapper
                        .getTypeFactory()
                        .constructCollectionType(
                            List.class, mapper.getTypeFactory().constructType(elementType)))
                .with(
                    com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
  }

  /**
   * @return the mapper of request and answer bodies
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  int maxElementBytes() {
    return maxElementBytes;
  }

  /**
   * @return the nodes of this client, as they are now
   */
  public List<dev.corekit.core.CoreNode> nodes() {
    return nodes.snapshot();
  }

  /**
   * The {@code host:port} of a base URL, for messages; the default port when it has none.
   *
   * @param baseUrl the URL
   * @return {@code host:port}
   */
  public static String server(String baseUrl) {
    try {
      URI uri = URI.create(baseUrl);
      String host = uri.getHost();
      if (host == null) {
        return baseUrl;
      }
      int port = uri.getPort();
      if (port < 0) {
        port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      }
      return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host)
          + ":"
          + port;
    } catch (IllegalArgumentException e) {
      return baseUrl;
    }
  }

  long maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * @return the capability checks of this client's server
   */
  public Capabilities capabilities() {
    return nodes.primary().capabilities;
  }

  /**
   * @return the observer of this client's exchanges
   */
  ClientObserver observer() {
    return observer;
  }

  /**
   * @return the token manager of the primary node, or null when the client sends no tokens
   */
  public @Nullable TokenManager tokens() {
    return nodes.primary().tokens;
  }

  /**
   * Logs in on every node that holds no token yet (used when connecting, to report bad credentials
   * early); completes at once when the client sends no tokens.
   *
   * @return completes when every node holds a token
   */
  public Mono<Void> ensureTokens() {
    return Flux.fromIterable(nodes.all())
        .filter(node -> node.tokens != null)
        .concatMap(node -> java.util.Objects.requireNonNull(node.tokens).ensureToken())
        .then();
  }

  /** Makes every later call fail at once with a clear error; calls in flight end with the pool. */
  public void close() {
    closed = true;
    nodes.close();
  }

  private static CoreException closedError(Call call) {
    return new CoreException(call.operation() + ": the client is closed");
  }

  <T> Mono<T> mono(Call call, BodyReader<T> reader) {
    Mono<T> result = unobservedMono(call, reader);
    return calls == CallObserver.NONE ? result : observed(call.operation(), result);
  }

  private <T> Mono<T> unobservedMono(Call call, BodyReader<T> reader) {
    return Mono.defer(
        () -> {
          if (closed) {
            return Mono.error(closedError(call));
          }
          RuntimeException invalid = call.invalid();
          if (invalid != null) {
            return Mono.error(invalid);
          }
          CoreRequest request = request(call);
          Mono<T> attempts = retrying(request, reader, true).next();
          Node node = request.node;
          if (node != null && node.capabilities.needsCheck(request.operation)) {
            attempts = Mono.defer(() -> node.capabilities.check(request.operation)).then(attempts);
          }
          Duration idle = request.idleTimeout;
          if (idle != null) {
            // A streamed upload: bounded by the time without progress, not by the deadline.
            TransferActivity activity = java.util.Objects.requireNonNull(request.activity);
            AtomicBoolean idled = new AtomicBoolean();
            return attempts
                .takeUntilOther(activity.idleFor(idle).doOnSuccess(done -> idled.set(true)))
                .switchIfEmpty(
                    Mono.defer(
                        () ->
                            idled.get()
                                ? Mono.error(
                                    new CoreTimeoutException(request.describe(), idle, true))
                                : Mono.empty()));
          }
          // single: no AlreadyEmitted wrapper to take off (see retrying)
          return Deadline.mono(
              attempts,
              Deadline.nanos(request.timeout),
              DeadlineTimer.INSTANCE,
              () -> new CoreTimeoutException(request.describe(), request.timeout));
        });
  }

  <T> Flux<T> flux(Call call, BodyReader<T> reader, boolean endless) {
    Flux<T> result = unobservedFlux(call, reader, endless);
    return calls == CallObserver.NONE ? result : observed(call.operation(), result);
  }

  /**
   * One observation around the whole call: all attempts, renewals and waits. It is in the context
   * of the call's publishers, where each attempt finds it.
   */
  private <T> Mono<T> observed(Operation operation, Mono<T> call) {
    return Mono.deferContextual(
        context -> {
          CallObserver.Observed observed = calls.start(operation, context);
          if (observed == null) {
            return call;
          }
          AtomicReference<Throwable> failure = new AtomicReference<>();
          return call.doOnError(failure::set)
              .doFinally(
                  signal ->
                      observed.stop(
                          failure.get(), signal == reactor.core.publisher.SignalType.CANCEL))
              .contextWrite(observed::into);
        });
  }

  private <T> Flux<T> observed(Operation operation, Flux<T> call) {
    return Flux.deferContextual(
        context -> {
          CallObserver.Observed observed = calls.start(operation, context);
          if (observed == null) {
            return call;
          }
          AtomicReference<Throwable> failure = new AtomicReference<>();
          return call.doOnError(failure::set)
              .doFinally(
                  signal ->
                      observed.stop(
                          failure.get(), signal == reactor.core.publisher.SignalType.CANCEL))
              .contextWrite(observed::into);
        });
  }

  private <T> Flux<T> unobservedFlux(Call call, BodyReader<T> reader, boolean endless) {
    return Flux.defer(
        () -> {
          if (closed) {
            return Flux.error(closedError(call));
          }
          RuntimeException invalid = call.invalid();
          if (invalid != null) {
            return Flux.error(invalid);
          }
          CoreRequest request = request(call);
          Flux<T> attempts = retrying(request, reader, false);
          Node node = request.node;
          if (node != null && node.capabilities.needsCheck(request.operation)) {
            attempts =
                Mono.defer(() -> node.capabilities.check(request.operation)).thenMany(attempts);
          }
          attempts = attempts.onErrorMap(AlreadyEmitted.class, CoreTransport::unwrap);
          if (endless) {
            return call.options().resubscribe().orElse(false) ? resubscribing(attempts) : attempts;
          }
          Duration idle = request.idleTimeout;
          if (idle != null) {
            // A streamed download: bounded by the time without progress, not by the deadline.
            TransferActivity activity = java.util.Objects.requireNonNull(request.activity);
            AtomicBoolean idled = new AtomicBoolean();
            return attempts
                .doOnNext(value -> activity.moved())
                .takeUntilOther(activity.idleFor(idle).doOnSuccess(done -> idled.set(true)))
                .concatWith(
                    Mono.defer(
                        () ->
                            idled.get()
                                ? Mono.error(
                                    new CoreTimeoutException(request.describe(), idle, true))
                                : Mono.empty()));
          }
          // One deadline bounds the whole call: all attempts and the whole body. Checked without a
          // timer per element: when it passes the call is cancelled and fails.
          return Deadline.flux(
              attempts,
              Deadline.nanos(request.timeout),
              DeadlineTimer.INSTANCE,
              () -> new CoreTimeoutException(request.describe(), request.timeout));
        });
  }

  private <T> Flux<T> resubscribing(Flux<T> stream) {
    reactor.util.retry.RetryBackoffSpec backoff =
        reactor.util.retry.Retry.backoff(Long.MAX_VALUE, retryPolicy.initialBackoff())
            .maxBackoff(retryPolicy.maxBackoff())
            .jitter(retryPolicy.jitter())
            .transientErrors(true)
            .filter(CoreTransport::isTransient);
    return stream
        .retryWhen(backoff)
        .repeatWhen(ends -> ends.concatMap(end -> Mono.delay(retryPolicy.initialBackoff())));
  }

  private static Throwable unwrap(AlreadyEmitted wrapper) {
    Throwable cause = wrapper.getCause();
    return cause != null ? cause : wrapper;
  }

  private CoreRequest request(Call call) {
    RequestOptions options = call.options();
    // Only a streamed transfer has an idle timeout, and only then is its activity tracked.
    Duration idle = call.streamed() ? options.idleTimeout().orElse(null) : null;
    Node pinned = call.pinned();
    return new CoreRequest(
        call.operation(),
        call.expandedPath(),
        call.queryString(),
        options.headers(),
        call.body(),
        options.timeout().orElse(defaultTimeout),
        options.retries().orElse(retryPolicy.maxRetries()),
        options.retryNonIdempotent().orElse(false),
        null,
        call.accept(),
        call.accept().equals("application/x-json-stream"),
        idle,
        idle == null ? null : new TransferActivity(),
        pinned != null ? pinned : nodes.single() ? nodes.first() : null);
  }

  /**
   * The attempts of a call. {@code single}: the caller takes one value and cancels, so an error can
   * never follow a value and that need not be tracked.
   */
  private <T> Flux<T> retrying(CoreRequest request, BodyReader<T> reader, boolean single) {
    if (request.retries == 0) {
      return Flux.defer(() -> attempt(request, reader, 1, single));
    }
    Retry retry =
        retries.computeIfAbsent(
            request.retries + (request.mayRepeat() ? "+" : "-"),
            key -> newRetry(request.retries, request.mayRepeat()));
    return Flux.defer(() -> attempts(request, reader, retry.asyncContext(), 1, single));
  }

  /**
   * One attempt and, when it fails in a way the Resilience4j policy retries, the next one after the
   * policy's delay. Non-blocking and without a companion publisher per call: the policy is asked
   * only when an attempt fails.
   */
  private <T> Flux<T> attempts(
      CoreRequest request,
      BodyReader<T> reader,
      Retry.AsyncContext<Object> policy,
      int number,
      boolean single) {
    Flux<T> attempt = attempt(request, reader, number, single);
    if (number > 1) {
      observer.retry(request.operation);
      attempt = attempt.doOnComplete(policy::onComplete);
    }
    return attempt.onErrorResume(
        error -> {
          long delay = policy.onError(error);
          if (delay < 0) {
            return Flux.error(error);
          }
          return Mono.delay(Duration.ofMillis(delay), DeadlineTimer.INSTANCE)
              .thenMany(Flux.defer(() -> attempts(request, reader, policy, number + 1, single)));
        });
  }

  private Retry newRetry(int maxRetries, boolean mayRepeat) {
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            retryPolicy.initialBackoff(),
            retryPolicy.multiplier(),
            retryPolicy.jitter(),
            retryPolicy.maxBackoff());
    IntervalBiFunction<Object> interval =
        (attempt, outcome) -> {
          if (outcome.isLeft() && outcome.getLeft() instanceof CoreApiException) {
            Duration after = ((CoreApiException) outcome.getLeft()).retryAfter().orElse(null);
            if (after != null) {
              return Math.max(after.toMillis(), 1L);
            }
          }
          return backoff.apply(attempt);
        };
    RetryConfig config =
        RetryConfig.custom()
            .maxAttempts(maxRetries + 1)
            .intervalBiFunction(interval)
            .retryOnException(error -> isRetryable(error, mayRepeat))
            .failAfterMaxAttempts(false)
            .build();
    return Retry.of("core-" + maxRetries + (mayRepeat ? "-repeatable" : "-once"), config);
  }

  private boolean isRetryable(Throwable error, boolean mayRepeat) {
    if (error instanceof AlreadyEmitted) {
      return false;
    }
    if (error instanceof CoreConnectException) {
      return !((CoreConnectException) error).requestSent() || mayRepeat;
    }
    if (error instanceof CoreApiException) {
      CoreApiException answer = (CoreApiException) error;
      int status = answer.status();
      boolean transientStatus =
          status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
      if (!transientStatus || !mayRepeat) {
        return false;
      }
      Duration after = answer.retryAfter().orElse(null);
      return after == null || after.compareTo(retryPolicy.maxRetryAfter()) <= 0;
    }
    if (error instanceof CoreProtocolException) {
      return mayRepeat && error.getMessage() != null && error.getMessage().contains("truncated");
    }
    return false;
  }

  private <T> Flux<T> attempt(
      CoreRequest request, BodyReader<T> reader, int attempt, boolean single) {
    if (request.node != null) {
      return attemptOn(request, reader, attempt, single);
    }
    return onNodes(request, reader, attempt, single, nodes.order(), 0, null);
  }

  /**
   * One attempt over the nodes of a client of several: on the first node in the order and, when it
   * fails in a way that allows it, on the next, and so on. A call moves only when sending it again
   * cannot execute it twice: idempotent calls on any failure of the node (no connection, a broken
   * connection, no data in the attempt timeout, 502/503/504), other calls only when the connection
   * was refused. Never after values were emitted.
   */
  private <T> Flux<T> onNodes(
      CoreRequest request,
      BodyReader<T> reader,
      int attempt,
      boolean single,
      Node[] order,
      int index,
      java.util.@Nullable List<Throwable> earlier) {
    Node node = order[index];
    CoreRequest on = request.on(node);
    Flux<T> values =
        node.capabilities.needsCheck(on.operation)
            ? node.capabilities
                .check(on.operation)
                .thenMany(Flux.defer(() -> attemptOn(on, reader, attempt, single)))
            : attemptOn(on, reader, attempt, single);
    return values.onErrorResume(
        error -> {
          if (!movable(error, on)) {
            return Flux.error(error);
          }
          java.util.List<Throwable> failed =
              earlier != null ? earlier : new java.util.ArrayList<>(order.length);
          failed.add(error);
          if (index + 1 >= order.length) {
            return Flux.error(noNodeAnswered(on, order, failed));
          }
          Node next = order[index + 1];
          observer.failover(on.operation, node.server, next.server);
          if (LOG.isDebugEnabled()) {
            LOG.debug(
                "{} moves from {} to {}: {}",
                on.describe(),
                node.server,
                next.server,
                error.getMessage());
          }
          return onNodes(request, reader, attempt, single, order, index + 1, failed);
        });
  }

  /** Whether a failed attempt on one node may go to the next. */
  private static boolean movable(Throwable error, CoreRequest request) {
    if (error instanceof AlreadyEmitted) {
      return false;
    }
    if (error instanceof CoreConnectException) {
      return !((CoreConnectException) error).requestSent() || request.mayRepeat();
    }
    return request.mayRepeat() && Node.isNodeFailure(error);
  }

  /**
   * The failure of a call that every node failed: when no node could be reached, one connect
   * failure naming each node and why; else the last node's failure, the others suppressed.
   */
  private static Throwable noNodeAnswered(
      CoreRequest request, Node[] order, java.util.List<Throwable> failures) {
    Throwable last = failures.get(failures.size() - 1);
    if (failures.size() == 1) {
      return last;
    }
    boolean allConnect = true;
    boolean sent = false;
    StringBuilder reasons = new StringBuilder();
    String prefix = request.describe() + ": ";
    for (int i = 0; i < failures.size(); i++) {
      Throwable failure = failures.get(i);
      if (failure instanceof CoreConnectException) {
        sent |= ((CoreConnectException) failure).requestSent();
      } else {
        allConnect = false;
      }
      String message = String.valueOf(failure.getMessage());
      if (message.startsWith(prefix)) {
        message = message.substring(prefix.length());
      }
      reasons.append(i == 0 ? "" : "; ").append(order[i].server).append(": ").append(message);
    }
    if (!allConnect) {
      for (int i = 0; i < failures.size() - 1; i++) {
        last.addSuppressed(failures.get(i));
      }
      return last;
    }
    return new CoreConnectException(
        prefix + "none of the " + failures.size() + " nodes could be reached (" + reasons + ")",
        sent,
        last);
  }

  private <T> Flux<T> attemptOn(
      CoreRequest request, BodyReader<T> reader, int attempt, boolean single) {
    java.util.function.Function<CoreRequest, Flux<?>> chain = req -> exchange(req, reader, attempt);
    for (int i = filters.size() - 1; i >= 0; i--) {
      Filter filter = filters.get(i);
      java.util.function.Function<CoreRequest, Flux<?>> next = chain;
      chain = req -> filter.filter(req, next);
    }
    @SuppressWarnings("unchecked")
    Flux<T> values = (Flux<T>) chain.apply(request);
    if (single) {
      return values;
    }
    AtomicBoolean emitted = new AtomicBoolean();
    return values
        .doOnNext(value -> emitted.set(true))
        .onErrorMap(
            error -> emitted.get() && !(error instanceof AlreadyEmitted), AlreadyEmitted::new);
  }

  private Flux<?> authenticate(
      CoreRequest request, java.util.function.Function<CoreRequest, Flux<?>> next) {
    TokenManager manager = java.util.Objects.requireNonNull(request.node).tokens;
    if (manager == null || request.operation.id().equals("authLogin")) {
      return next.apply(request);
    }
    if (request.operation.auth() == Operation.Auth.NONE) {
      return publicCall(manager, request, next);
    }
    if (request.operation.auth() == Operation.Auth.REFRESH) {
      return manager
          .refreshToken(request)
          .flatMapMany(token -> next.apply(request.withBearer(token)));
    }
    String usable = manager.usableAccessToken();
    if (usable != null) {
      return withBearer(manager, usable, request, next);
    }
    return manager
        .accessToken(request)
        .flatMapMany(token -> withBearer(manager, token, request, next));
  }

  /**
   * An operation the API description marks as public ({@code security: []}: {@code /ping}, {@code
   * /metrics}, the widget) that a server's policy may still protect (16.20 denies anonymous calls
   * by default). Sends the access token when one is at hand; without one, sends the request
   * anonymously and, only when the server refuses it (401, 403), obtains a token (logging in with
   * the credentials, if the client has them) and sends it once more. So a client that only pings
   * never logs in, and one that reads Prometheus metrics from 16.20 still gets them.
   */
  private static Flux<Object> publicCall(
      TokenManager manager,
      CoreRequest request,
      java.util.function.Function<CoreRequest, Flux<?>> next) {
    String usable = manager.usableAccessToken();
    if (usable != null) {
      // A refusal of a public operation says nothing about the token (16.20 answers /metrics with
      // 401 while Prometheus is off, token or not): the token is neither dropped nor renewed for
      // it.
      return cast(next.apply(request.withBearer(usable).withTokenSource(manager)));
    }
    return cast(next.apply(request))
        .onErrorResume(
            CoreAuthenticationException.class,
            refused ->
                manager
                    .accessToken(request)
                    .flatMapMany(token -> withBearer(manager, token, request, next)));
  }

  /**
   * Sends the request with a token and, when the server rejects the token, once more with a renewed
   * one. A rejection comes with the status line, before any value, so a replay never repeats
   * values.
   */
  private static Flux<Object> withBearer(
      TokenManager manager,
      String token,
      CoreRequest request,
      java.util.function.Function<CoreRequest, Flux<?>> next) {
    return cast(next.apply(request.withBearer(token).withTokenSource(manager)))
        .onErrorResume(
            CoreAuthenticationException.class,
            error ->
                manager
                    .renewRejected(token, request)
                    .flatMapMany(
                        renewed ->
                            cast(
                                next.apply(request.withBearer(renewed).withTokenSource(manager)))));
  }

  private <T> Flux<T> exchange(CoreRequest request, BodyReader<T> reader, int attempt) {
    if (logContextKeys.isEmpty() && calls == CallObserver.NONE) {
      return exchange(request, reader, attempt, Map.of(), null);
    }
    return Flux.deferContextual(
        context ->
            exchange(
                request,
                reader,
                attempt,
                mdc(context),
                context.getOrDefault(CallObserver.Observed.class, null)));
  }

  private Map<String, String> mdc(reactor.util.context.ContextView context) {
    if (logContextKeys.isEmpty() || context.isEmpty()) {
      return Map.of();
    }
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (String key : logContextKeys) {
      context.<Object>getOrEmpty(key).ifPresent(value -> values.put(key, String.valueOf(value)));
    }
    return values;
  }

  private <T> Flux<T> exchange(
      CoreRequest request,
      BodyReader<T> reader,
      int attempt,
      Map<String, String> mdc,
      CallObserver.@Nullable Observed observed) {
    if (request.body == null) {
      return exchange(request, reader, attempt, mdc, observed, -1L);
    }
    return request
        .body
        .length()
        .flatMapMany(
            contentLength -> exchange(request, reader, attempt, mdc, observed, contentLength));
  }

  private <T> Flux<T> exchange(
      CoreRequest request,
      BodyReader<T> reader,
      int attempt,
      Map<String, String> mdc,
      CallObserver.@Nullable Observed observed,
      long contentLength) {
    long start = System.nanoTime();
    Node node = java.util.Objects.requireNonNull(request.node);
    // In a client of several nodes an idempotent attempt waits for data from one node only so
    // long, then moves on.
    Duration perAttempt =
        attemptTimeout != null
                && !request.endless
                && request.idleTimeout == null
                && request.mayRepeat()
            ? attemptTimeout
            : null;
    AtomicBoolean sent = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger status =
        new java.util.concurrent.atomic.AtomicInteger(-1);
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    return httpFor(request.operation)
        .request(HttpMethod.valueOf(request.operation.method()))
        // A URI object, not a string: Reactor Netty's string parsing misreads one-digit ports.
        .uri(node.uri(request.query.isEmpty() ? request.path : request.path + request.query))
        .send(
            (out, outbound) -> {
              sent.set(true);
              TransferActivity moving = request.activity;
              if (moving != null) {
                moving.moved();
              }
              if (request.endless) {
                // A bounded call is already bounded by its deadline (mono()/flux()); a stream
                // needs the idle timeout, reset by each chunk read.
                out.responseTimeout(streamIdleTimeout);
              } else if (perAttempt != null) {
                out.responseTimeout(perAttempt);
              }
              request.headers.forEach(out::header);
              if (observed != null) {
                // The tracer's headers (traceparent ...), written when the call's observation
                // began.
                observed.headers(out::header);
              }
              out.header(HttpHeaderNames.ACCEPT, request.accept);
              String bearer = request.bearer;
              TokenManager source = request.tokenSource;
              if (bearer != null && source != null) {
                // The request may have waited for a connection while the token was renewed.
                bearer = source.freshest(bearer);
              }
              if (bearer != null) {
                out.header(HttpHeaderNames.AUTHORIZATION, authorization(bearer));
              }
              RequestBody body = request.body;
              if (body == null) {
                return outbound;
              }
              out.header(HttpHeaderNames.CONTENT_TYPE, body.contentType());
              if (contentLength >= 0) {
                out.header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(contentLength));
              } else {
                out.header(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
              }
              TransferActivity activity = request.activity;
              if (activity == null) {
                return outbound.send(body.content(outbound.alloc()));
              }
              return outbound.send(
                  Flux.from(body.content(outbound.alloc())).doOnNext(chunk -> activity.moved()));
            })
        .response(
            (response, body) -> {
              TransferActivity moving = request.activity;
              if (moving != null) {
                moving.moved();
              }
              int code = response.status().code();
              status.set(code);
              node.answered(code);
              if (observed != null) {
                observed.status(code);
              }
              log(request, code, response.responseHeaders(), start, attempt, mdc, observed);
              if (code >= 200 && code < 300) {
                // Deferred: a reader that refuses the answer at once (a wrong Content-Type)
                // must still fail as a publisher, so Reactor Netty discards the unread body
                // and frees the connection instead of leaving it acquired.
                return Flux.defer(() -> reader.read(response, body, request));
              }
              return BodyReaders.readAll(body, MAX_ERROR_BODY, request)
                  .onErrorReturn(new byte[0])
                  .flatMap(
                      bytes ->
                          Mono.error(
                              Errors.fromAnswer(
                                  code,
                                  bytes,
                                  response.responseHeaders(),
                                  request,
                                  mapper,
                                  secrets(request),
                                  node.baseUrl)));
            })
        .onErrorMap(
            error -> {
              Throwable translated =
                  error instanceof CoreException
                      ? error
                      : perAttempt != null
                              && error instanceof io.netty.handler.timeout.ReadTimeoutException
                          ? new CoreTimeoutException(
                              request.describe() + " (no data from " + node.server + ")",
                              perAttempt)
                          : Errors.translate(error, request, sent.get(), node.server);
              if (!(translated instanceof CoreApiException)) {
                node.failed(translated);
              }
              failure.set(translated);
              logFailure(request, translated, start, attempt, mdc, observed);
              return translated;
            })
        .transform(
            exchange ->
                observer == ClientObserver.NONE
                    ? exchange
                    : exchange.doFinally(
                        signal ->
                            observer.exchange(
                                request.operation,
                                node.server,
                                status.get(),
                                failure.get(),
                                signal == reactor.core.publisher.SignalType.CANCEL,
                                System.nanoTime() - start)));
  }

  /**
   * The Authorization header of a token: the last one made is kept, as nearly every call sends the
   * same token (the same string, which is compared by identity).
   */
  private String authorization(String token) {
    String[] last = lastAuthorization;
    if (last[0] == token) {
      return last[1];
    }
    String header = "Bearer " + token;
    lastAuthorization = new String[] {token, header};
    return header;
  }

  /** The token and the header of {@link #authorization(String)}. */
  private volatile String[] lastAuthorization = {"", ""};

  /**
   * The secrets an answer must not repeat in an exception: the request's token and the password.
   */
  List<String> secrets(CoreRequest request) {
    List<String> secrets = new java.util.ArrayList<>(3);
    if (request.bearer != null) {
      secrets.add(request.bearer);
    }
    Node node = request.node;
    TokenManager manager = node != null ? node.tokens : null;
    if (manager != null) {
      manager.secrets(secrets);
    }
    return secrets;
  }

  /**
   * Logins and refreshes use a small pool of their own, so a renewal never queues behind the
   * requests that wait for it.
   */
  private HttpClient httpFor(Operation operation) {
    String id = operation.id();
    return id.equals("authLogin") || id.equals("authRefresh") ? authHttp : http;
  }

  private static void withMdc(
      Map<String, String> mdc, CallObserver.@Nullable Observed observed, Runnable log) {
    if (observed != null) {
      // In the call observation's scope the tracer puts its trace and span ids into the MDC.
      observed.inScope(() -> withMdc(mdc, null, log));
      return;
    }
    if (mdc.isEmpty()) {
      log.run();
      return;
    }
    mdc.forEach(org.slf4j.MDC::put);
    try {
      log.run();
    } finally {
      mdc.keySet().forEach(org.slf4j.MDC::remove);
    }
  }

  private void log(
      CoreRequest request,
      int status,
      io.netty.handler.codec.http.HttpHeaders headers,
      long start,
      int attempt,
      Map<String, String> mdc,
      CallObserver.@Nullable Observed observed) {
    if (LOG.isDebugEnabled()) {
      StringBuilder shown = new StringBuilder();
      for (String name : logHeaders) {
        String value = headers.get(name);
        if (value != null) {
          shown.append(shown.length() == 0 ? " [" : ", ").append(name).append(": ").append(value);
        }
      }
      if (shown.length() > 0) {
        shown.append(']');
      }
      withMdc(
          mdc,
          observed,
          () ->
              LOG.debug(
                  "{} {} -> {} in {} ms (attempt {}{}){}",
                  request.operation.method(),
                  request.path,
                  status,
                  (System.nanoTime() - start) / 1_000_000,
                  attempt,
                  nodeSuffix(request),
                  shown));
    }
  }

  private void logFailure(
      CoreRequest request,
      Throwable error,
      long start,
      int attempt,
      Map<String, String> mdc,
      CallObserver.@Nullable Observed observed) {
    if (LOG.isDebugEnabled() && !(error instanceof CoreApiException)) {
      withMdc(
          mdc,
          observed,
          () ->
              LOG.debug(
                  "{} {} failed in {} ms (attempt {}{}): {}",
                  request.operation.method(),
                  request.path,
                  (System.nanoTime() - start) / 1_000_000,
                  attempt,
                  nodeSuffix(request),
                  error.toString()));
    }
  }

  /** {@code ", node host:port"} in a client of several nodes, else nothing. */
  private String nodeSuffix(CoreRequest request) {
    Node node = request.node;
    return node == null || nodes.single() ? "" : ", node " + node.server;
  }

  /** A failure after values were emitted: never retried, since a retry would repeat them. */
  static final class AlreadyEmitted extends CoreException {
    private static final long serialVersionUID = 1L;

    AlreadyEmitted(Throwable cause) {
      super(
          cause.getMessage() == null ? "failed after values were emitted" : cause.getMessage(),
          cause);
    }
  }

  /** Everything the transport needs, set by the client's builder. */
  public static final class Settings {
    List<String> baseUrls = List.of("");
    dev.corekit.core.FailoverPolicy failover = dev.corekit.core.FailoverPolicy.DEFAULT;
    HttpClient http = HttpClient.create();
    @Nullable HttpClient authHttp;
    ObjectMapper mapper = Json.newMapper();
    Duration timeout = Duration.ofSeconds(10);
    RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    int maxElementBytes = 16 * 1024 * 1024;
    long maxBodyBytes = 256L * 1024 * 1024;
    Duration streamIdleTimeout = Duration.ofSeconds(30);
    Duration watchInterval = Duration.ofSeconds(1);
    Duration renewalMargin = Duration.ofSeconds(30);
    TokenManager.@Nullable Credentials credentials;
    @Nullable String accessToken;
    @Nullable String refreshToken;
    List<String> logHeaders =
        List.of(
            "Content-Type",
            "Content-Length",
            "Retry-After",
            "Location",
            "Content-Location",
            "X-Request-Id");
    List<String> logContextKeys = List.of("traceId", "spanId");
    ClientObserver observer = ClientObserver.NONE;
    CallObserver calls = CallObserver.NONE;

    /**
     * Sets the observer of whole calls (tracing, call metrics).
     *
     * @param calls the observer
     * @return this
     */
    public Settings calls(CallObserver calls) {
      this.calls = calls;
      return this;
    }

    /**
     * Sets the keys copied from the subscriber's Reactor {@code Context} into the SLF4J MDC of the
     * client's log lines.
     *
     * @param keys the context keys
     * @return this
     */
    public Settings logContextKeys(List<String> keys) {
      this.logContextKeys = List.copyOf(keys);
      return this;
    }

    /**
     * Sets the observer of exchanges, retries and renewals (metrics).
     *
     * @param observer the observer
     * @return this
     */
    public Settings observer(ClientObserver observer) {
      this.observer = observer;
      return this;
    }

    /**
     * Sets the response headers shown in debug logs; headers that may carry secrets are never
     * shown.
     *
     * @param names the header names
     * @return this
     */
    public Settings logHeaders(List<String> names) {
      List<String> allowed = new java.util.ArrayList<>();
      for (String name : names) {
        if (!SecretHeaders.isSecret(name)) {
          allowed.add(name);
        }
      }
      this.logHeaders = List.copyOf(allowed);
      return this;
    }

    /**
     * Sets the base URL, without trailing slash.
     *
     * @param baseUrl the URL
     * @return this
     */
    public Settings baseUrl(URI baseUrl) {
      return baseUrls(List.of(baseUrl));
    }

    /**
     * Sets the base URLs of the nodes of one cluster, in the order they are preferred.
     *
     * @param baseUrls the URLs, at least one
     * @return this
     */
    public Settings baseUrls(List<URI> baseUrls) {
      List<String> urls = new java.util.ArrayList<>(baseUrls.size());
      for (URI url : baseUrls) {
        String text = url.toString();
        urls.add(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      }
      this.baseUrls = List.copyOf(urls);
      return this;
    }

    /**
     * Sets how a client of several nodes chooses among them.
     *
     * @param failover the policy
     * @return this
     */
    public Settings failover(dev.corekit.core.FailoverPolicy failover) {
      this.failover = failover;
      return this;
    }

    /**
     * Sets the configured Reactor Netty client.
     *
     * @param http the client
     * @return this
     */
    public Settings http(HttpClient http) {
      this.http = http;
      return this;
    }

    /**
     * Sets the client used for logins and refreshes (a small pool of its own).
     *
     * @param authHttp the client
     * @return this
     */
    public Settings authHttp(HttpClient authHttp) {
      this.authHttp = authHttp;
      return this;
    }

    /**
     * Sets the JSON mapper of bodies.
     *
     * @param mapper the mapper
     * @return this
     */
    public Settings mapper(ObjectMapper mapper) {
      this.mapper = mapper;
      return this;
    }

    /**
     * Sets the default deadline of a call.
     *
     * @param timeout the deadline
     * @return this
     */
    public Settings timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the retry policy.
     *
     * @param retryPolicy the policy
     * @return this
     */
    public Settings retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /**
     * Sets the largest array element or stream line.
     *
     * @param maxElementBytes the limit in bytes
     * @return this
     */
    public Settings maxElementBytes(int maxElementBytes) {
      this.maxElementBytes = maxElementBytes;
      return this;
    }

    /**
     * Sets the longest silence of a stream.
     *
     * @param streamIdleTimeout the limit
     * @return this
     */
    public Settings streamIdleTimeout(Duration streamIdleTimeout) {
      this.streamIdleTimeout = streamIdleTimeout;
      return this;
    }

    /**
     * Sets the polling interval of watches.
     *
     * @param watchInterval the interval
     * @return this
     */
    public Settings watchInterval(Duration watchInterval) {
      this.watchInterval = watchInterval;
      return this;
    }

    /**
     * Sets how long before expiry the access token is renewed.
     *
     * @param renewalMargin the margin
     * @return this
     */
    public Settings renewalMargin(Duration renewalMargin) {
      this.renewalMargin = renewalMargin;
      return this;
    }

    /**
     * Sets the credentials to log in with.
     *
     * @param user the user
     * @param password the password
     * @return this
     */
    public Settings credentials(String user, String password) {
      this.credentials = new TokenManager.Credentials(user, password);
      return this;
    }

    /**
     * Sets tokens obtained elsewhere.
     *
     * @param access the access token
     * @param refresh the refresh token, or null
     * @return this
     */
    public Settings tokens(String access, @Nullable String refresh) {
      this.accessToken = access;
      this.refreshToken = refresh;
      return this;
    }
  }

  @SuppressWarnings("unchecked")
  static Flux<Object> cast(Flux<?> values) {
    return (Flux<Object>) values;
  }
}
