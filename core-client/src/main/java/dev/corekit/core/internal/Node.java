package dev.corekit.core.internal;

import dev.corekit.core.CoreApiException;
import dev.corekit.core.CoreConnectException;
import dev.corekit.core.CoreNode;
import dev.corekit.core.CoreProtocolException;
import dev.corekit.core.CoreTimeoutException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.IllegalStateTransitionException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * One server a client talks to: its URL, its own tokens and version, and, in a client of several
 * nodes, a circuit breaker that says whether calls go to it.
 */
public final class Node {
  final int index;
  final String baseUrl;
  final String server;
  final @Nullable TokenManager tokens;
  final Capabilities capabilities;

  /**
   * Only in a client of several nodes: the node's state (closed: calls go to it; open: out until it
   * answers) and the events of its changes.
   */
  final @Nullable CircuitBreaker breaker;

  /**
   * Node failures since the last answer. Counted here, without a lock, rather than in the breaker's
   * sliding window, which takes a lock to record each outcome and so could park an event-loop
   * thread when several record at once; the breaker is opened when the count reaches the threshold.
   */
  private final AtomicInteger failuresInARow = new AtomicInteger();

  private final int threshold;

  /** The probe that brings the node back, while one runs. */
  final AtomicReference<@Nullable Disposable> probe = new AtomicReference<>();

  volatile @Nullable String lastFailure;

  /**
   * The URIs of the paths called, parsed once: most calls repeat a few paths (a list, the state of
   * one process). Bounded: emptied when full.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, java.net.URI> uris =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_URIS = 1024;

  Node(
      CoreTransport transport,
      int index,
      String baseUrl,
      CoreTransport.Settings settings,
      @Nullable CircuitBreaker breaker) {
    this.index = index;
    this.threshold = settings.failover.failureThreshold();
    this.baseUrl = baseUrl;
    this.server = CoreTransport.server(baseUrl);
    this.breaker = breaker;
    this.tokens =
        settings.credentials == null && settings.accessToken == null
            ? null
            : new TokenManager(
                transport,
                this,
                settings.credentials,
                settings.accessToken,
                settings.refreshToken,
                settings.renewalMargin);
    this.capabilities = new Capabilities(transport, this);
  }

  /**
   * The URI of a path and query on this node.
   *
   * @param pathAndQuery the path, with its query string if any
   * @return the absolute URI
   */
  java.net.URI uri(String pathAndQuery) {
    java.net.URI uri = uris.get(pathAndQuery);
    if (uri == null) {
      uri = java.net.URI.create(baseUrl + pathAndQuery);
      if (uris.size() >= MAX_URIS) {
        uris.clear();
      }
      uris.put(pathAndQuery, uri);
    }
    return uri;
  }

  /**
   * Whether calls go to this node first: always for a lone node, else while its breaker is not
   * open.
   */
  boolean available() {
    CircuitBreaker cb = breaker;
    return cb == null || cb.getState() != CircuitBreaker.State.OPEN;
  }

  /** An answer arrived: a 502, 503 or 504 counts against the node, anything else for it. */
  void answered(int status) {
    if (breaker == null) {
      return;
    }
    if (status == 502 || status == 503 || status == 504) {
      failure("answered " + status);
    } else {
      success();
    }
  }

  /** An exchange failed without an answer; counts against the node when the node is to blame. */
  void failed(Throwable error) {
    if (breaker != null && isNodeFailure(error)) {
      failure(String.valueOf(error.getMessage()));
    }
  }

  private void success() {
    if (failuresInARow.get() != 0) {
      failuresInARow.set(0);
    }
    CircuitBreaker cb = breaker;
    if (cb != null && cb.getState() == CircuitBreaker.State.OPEN) {
      recovered();
    }
  }

  private void failure(String reason) {
    lastFailure = reason;
    CircuitBreaker cb = breaker;
    if (cb != null
        && failuresInARow.incrementAndGet() == threshold
        && cb.getState() == CircuitBreaker.State.CLOSED) {
      try {
        cb.transitionToOpenState();
      } catch (IllegalStateTransitionException raced) {
        // another thread moved it first
      }
    }
  }

  /** A probe or a call got an answer from the node while it was out: calls go to it again. */
  void recovered() {
    CircuitBreaker cb = breaker;
    failuresInARow.set(0);
    if (cb == null || cb.getState() == CircuitBreaker.State.CLOSED) {
      return;
    }
    try {
      cb.transitionToClosedState();
    } catch (IllegalStateTransitionException raced) {
      // another thread closed it first
    }
  }

  /** Failures that say the node, not the request, is the problem. */
  static boolean isNodeFailure(Throwable error) {
    if (error instanceof CoreConnectException || error instanceof CoreTimeoutException) {
      return true;
    }
    if (error instanceof CoreApiException) {
      int status = ((CoreApiException) error).status();
      return status == 502 || status == 503 || status == 504;
    }
    return error instanceof CoreProtocolException
        && String.valueOf(error.getMessage()).contains("truncated");
  }

  /**
   * A snapshot for {@code CoreClient.nodes()}.
   *
   * @return the snapshot
   */
  public CoreNode snapshot() {
    return new CoreNode(URI.create(baseUrl), available(), lastFailure);
  }

  @Override
  public String toString() {
    return baseUrl;
  }
}
