package dev.corekit.core.internal;

import org.jspecify.annotations.Nullable;

/** Receives what the transport does, for metrics. The default observes nothing. */
public interface ClientObserver {
  /** Observes nothing. */
  ClientObserver NONE = new ClientObserver() {};

  /**
   * One HTTP exchange (one attempt of a call) ended.
   *
   * @param operation the operation
   * @param node the node's {@code host:port}
   * @param status the HTTP status, or -1 when no answer arrived
   * @param error the failure, or null for success
   * @param cancelled whether the subscriber cancelled it
   * @param nanos how long it took
   */
  default void exchange(
      Operation operation,
      String node,
      int status,
      @Nullable Throwable error,
      boolean cancelled,
      long nanos) {}

  /**
   * A failed attempt is retried.
   *
   * @param operation the operation
   */
  default void retry(Operation operation) {}

  /**
   * The token manager renewed the token, or failed to.
   *
   * @param kind {@code login} or {@code refresh}
   * @param success whether it got a token
   */
  default void renewal(String kind, boolean success) {}

  /**
   * A node of a client of several nodes became available or unavailable.
   *
   * @param node the node's {@code host:port}
   * @param available whether calls go to it
   */
  default void nodeAvailability(String node, boolean available) {}

  /**
   * An unavailable node is probed.
   *
   * @param node the node's {@code host:port}
   */
  default void probe(String node) {}

  /**
   * A call moved from a failing node to the next one.
   *
   * @param operation the operation
   * @param from the failing node's {@code host:port}
   * @param to the next node's {@code host:port}
   */
  default void failover(Operation operation, String from, String to) {}
}
