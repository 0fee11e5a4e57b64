package dev.corekit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client of several nodes ({@link CoreClient.Builder#baseUrls(String...)}) chooses a node and
 * moves away from a failing one.
 *
 * <p>Each node has a circuit breaker: after {@link #failureThreshold()} failures in a row (refused
 * or broken connections, timeouts, 502/503/504) the node is taken out of the rotation, and a
 * background {@code GET /ping} every {@link #probeInterval()} brings it back once it answers. A
 * call that fails on one node moves to the next within the same call deadline when it may be sent
 * again: idempotent calls (GET, PUT, DELETE, HEAD) move on any of those failures, other calls only
 * when the connection was refused, so nothing is executed twice.
 *
 * <pre>{@code
 * FailoverPolicy.builder()
 *     .selection(FailoverPolicy.Selection.ROUND_ROBIN)
 *     .probeInterval(Duration.ofSeconds(1))
 *     .build()
 * }</pre>
 */
public final class FailoverPolicy {
  /**
   * The defaults: nodes in the given order, out after 3 failures in a row, probed every 2 s, an
   * attempt on one node bounded to 3 s without an answer.
   */
  public static final FailoverPolicy DEFAULT = builder().build();

  /** Which node a call goes to first. */
  public enum Selection {
    /**
     * The first available node in the order the URLs were given; the others are standbys. Reads of
     * node-local state (such as a node's own process list) stay consistent.
     */
    IN_ORDER,
    /** The available nodes in turn, spreading the load over the cluster. */
    ROUND_ROBIN
  }

  private final Selection selection;
  private final int failureThreshold;
  private final Duration probeInterval;
  private final Duration attemptTimeout;

  private FailoverPolicy(Builder builder) {
    this.selection = builder.selection;
    this.failureThreshold = builder.failureThreshold;
    this.probeInterval = builder.probeInterval;
    this.attemptTimeout = builder.attemptTimeout;
  }

  /**
   * Returns a builder holding the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Which node a call goes to first.
   *
   * @return the selection
   */
  public Selection selection() {
    return selection;
  }

  /**
   * How many failures in a row take a node out of the rotation.
   *
   * @return 1 or more
   */
  public int failureThreshold() {
    return failureThreshold;
  }

  /**
   * How often an unavailable node is asked {@code GET /ping}.
   *
   * @return the interval
   */
  public Duration probeInterval() {
    return probeInterval;
  }

  /**
   * How long one attempt of an idempotent call waits for data from one node before it moves to the
   * next (the call's own deadline still bounds the whole call). Also bounds each probe.
   *
   * @return the limit
   */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  @Override
  public String toString() {
    return "FailoverPolicy{selection="
        + selection
        + ", failureThreshold="
        + failureThreshold
        + ", probeInterval="
        + probeInterval
        + ", attemptTimeout="
        + attemptTimeout
        + "}";
  }

  /** Builder of {@link FailoverPolicy}. */
  public static final class Builder {
    private Selection selection = Selection.IN_ORDER;
    private int failureThreshold = 3;
    private Duration probeInterval = Duration.ofSeconds(2);
    private Duration attemptTimeout = Duration.ofSeconds(3);

    private Builder() {}

    /**
     * Sets which node a call goes to first (default {@link Selection#IN_ORDER}).
     *
     * @param selection the selection
     * @return this builder
     */
    public Builder selection(Selection selection) {
      this.selection = Objects.requireNonNull(selection, "selection");
      return this;
    }

    /**
     * Sets how many failures in a row take a node out of the rotation (default 3).
     *
     * @param failures 1 or more
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder failureThreshold(int failures) {
      if (failures < 1) {
        throw new IllegalArgumentException("failureThreshold must be at least 1: " + failures);
      }
      this.failureThreshold = failures;
      return this;
    }

    /**
     * Sets how often an unavailable node is probed (default 2 s).
     *
     * @param interval a positive duration
     * @return this builder
     */
    public Builder probeInterval(Duration interval) {
      this.probeInterval = positive(interval, "probeInterval");
      return this;
    }

    /**
     * Sets how long an attempt of an idempotent call waits for data from one node (default 3 s).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = positive(timeout, "attemptTimeout");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public FailoverPolicy build() {
      return new FailoverPolicy(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
