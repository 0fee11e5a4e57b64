package dev.corekit.core.internal;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request as the transport sends it: the operation, the encoded path and query, extra headers,
 * the body, and the effective options of the call.
 */
public final class CoreRequest {
  final Operation operation;
  final String path;
  final String query;
  final Map<String, String> headers;
  final @Nullable RequestBody body;
  final Duration timeout;
  final int retries;
  final boolean retryNonIdempotent;
  final @Nullable String bearer;
  final String accept;
  final boolean endless;
  final @Nullable Duration idleTimeout;

  /** When the transfer last moved bytes; only with an idle timeout, else null. */
  final @Nullable TransferActivity activity;

  /**
   * The node the request goes to: set when the call is pinned to a node or the client has one node,
   * else chosen for each attempt ({@link #on(Node)}).
   */
  final @Nullable Node node;

  @Nullable TokenManager tokenSource;

  /** A request without idle timeout (its deadline bounds it). */
  CoreRequest(
      Operation operation,
      String path,
      String query,
      Map<String, String> headers,
      @Nullable RequestBody body,
      Duration timeout,
      int retries,
      boolean retryNonIdempotent,
      @Nullable String bearer,
      String accept,
      boolean endless) {
    this(
        operation,
        path,
        query,
        headers,
        body,
        timeout,
        retries,
        retryNonIdempotent,
        bearer,
        accept,
        endless,
        null,
        null,
        null);
  }

  CoreRequest(
      Operation operation,
      String path,
      String query,
      Map<String, String> headers,
      @Nullable RequestBody body,
      Duration timeout,
      int retries,
      boolean retryNonIdempotent,
      @Nullable String bearer,
      String accept,
      boolean endless,
      @Nullable Duration idleTimeout,
      @Nullable TransferActivity activity,
      @Nullable Node node) {
    this.operation = operation;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.timeout = timeout;
    this.retries = retries;
    this.retryNonIdempotent = retryNonIdempotent;
    this.bearer = bearer;
    this.accept = accept;
    this.endless = endless;
    this.idleTimeout = idleTimeout;
    this.activity = activity;
    this.node = node;
  }

  /**
   * Returns this request sent with a bearer token.
   *
   * @param token the token
   * @return a copy carrying the token
   */
  CoreRequest withBearer(String token) {
    return copy(token, node);
  }

  /**
   * Returns this request sent to a node.
   *
   * @param target the node
   * @return a copy going to the node
   */
  CoreRequest on(Node target) {
    CoreRequest copy = copy(bearer, target);
    copy.tokenSource = tokenSource;
    return copy;
  }

  private CoreRequest copy(@Nullable String token, @Nullable Node target) {
    return new CoreRequest(
        operation,
        path,
        query,
        headers,
        body,
        timeout,
        retries,
        retryNonIdempotent,
        token,
        accept,
        endless,
        idleTimeout,
        activity,
        target);
  }

  /**
   * @return the base URL of the request's node, for messages; empty before a node is chosen
   */
  String baseUrl() {
    Node target = node;
    return target == null ? "" : target.baseUrl;
  }

  /**
   * Returns this request with the token manager that may hand a fresher token at send time.
   *
   * @param tokens the token manager
   * @return this request
   */
  CoreRequest withTokenSource(TokenManager tokens) {
    this.tokenSource = tokens;
    return this;
  }

  /**
   * @return the operation
   */
  public Operation operation() {
    return operation;
  }

  /**
   * @return the encoded path, without the base path of the client
   */
  public String path() {
    return path;
  }

  /**
   * @return {@code METHOD /path} for messages and logs (no query: it may carry user data)
   */
  public String describe() {
    return operation.method() + " " + path;
  }

  /**
   * @return whether the request may be sent again after it may have reached the server
   */
  boolean mayRepeat() {
    return (operation.idempotent() && (body == null || body.repeatable())) || retryNonIdempotent;
  }

  @Override
  public String toString() {
    return "CoreRequest{" + describe() + "}";
  }
}
