package dev.corekit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries failed attempts: exponential backoff with jitter, honouring the server's
 * {@code Retry-After}. What is retried: connect failures, connections reset before an answer, and
 * the statuses 408, 429, 502, 503 and 504; for idempotent methods (GET, PUT, DELETE, HEAD) only,
 * unless a call opts in with {@link RequestOptions.Builder#retryNonIdempotent(boolean)}. A refused
 * connection is retried for any method, since nothing was sent. Other 4xx answers are never
 * retried.
 *
 * <pre>{@code
 * RetryPolicy.builder().maxRetries(5).initialBackoff(Duration.ofMillis(50)).build()
 * }</pre>
 */
public final class RetryPolicy {
  /** The defaults: 3 retries, 100 ms first backoff doubling up to 5 s, 50 % jitter. */
  public static final RetryPolicy DEFAULT = builder().build();

  /** No retries at all. */
  public static final RetryPolicy NONE = builder().maxRetries(0).build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder builder) {
    this.maxRetries = builder.maxRetries;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.multiplier = builder.multiplier;
    this.jitter = builder.jitter;
    this.maxRetryAfter = builder.maxRetryAfter;
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
   * Retries after the first attempt, unless a call sets its own.
   *
   * @return 0 or more
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * The pause before the first retry, before jitter.
   *
   * @return the pause
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The longest pause between attempts.
   *
   * @return the cap
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The factor by which the pause grows after each retry.
   *
   * @return 1 or more
   */
  public double multiplier() {
    return multiplier;
  }

  /**
   * The random share of each pause: 0.5 means the pause is drawn between 50 % and 150 % of its
   * value.
   *
   * @return between 0 and 1
   */
  public double jitter() {
    return jitter;
  }

  /**
   * The longest {@code Retry-After} honoured; a longer one makes the call fail at once.
   *
   * @return the cap
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy that = (RetryPolicy) other;
    return maxRetries == that.maxRetries
        && multiplier == that.multiplier
        && jitter == that.jitter
        && initialBackoff.equals(that.initialBackoff)
        && maxBackoff.equals(that.maxBackoff)
        && maxRetryAfter.equals(that.maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxRetries, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries="
        + maxRetries
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", multiplier="
        + multiplier
        + ", jitter="
        + jitter
        + ", maxRetryAfter="
        + maxRetryAfter
        + "}";
  }

  /** Builder of {@link RetryPolicy}; starts from the defaults. */
  public static final class Builder {
    private int maxRetries = 3;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private double multiplier = 2.0;
    private double jitter = 0.5;
    private Duration maxRetryAfter = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * Sets the retries after the first attempt.
     *
     * @param maxRetries 0 or more
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be 0 or more: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the pause before the first retry.
     *
     * @param initialBackoff a positive duration
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * Sets the longest pause between attempts.
     *
     * @param maxBackoff a positive duration
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets the growth factor of the pause.
     *
     * @param multiplier 1 or more
     * @return this builder
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be 1 or more: " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * Sets the random share of each pause.
     *
     * @param jitter between 0 (no randomness) and 1
     * @return this builder
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} the client waits for.
     *
     * @param maxRetryAfter a positive duration
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = positive(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
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
