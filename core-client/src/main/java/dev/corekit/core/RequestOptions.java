package dev.corekit.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Options of one call or of a view of an API ({@code client.processes().with(options)}): the
 * deadline of the whole call, the idle timeout of a streamed transfer, the number of retries,
 * whether a non-idempotent call (POST) may be retried, and extra headers. Fields left unset keep
 * the client's defaults (3 retries, 10 s).
 *
 * <pre>{@code
 * client.processes()
 *     .with(RequestOptions.builder().timeout(Duration.ofSeconds(2)).retries(0).build())
 *     .get("cam1");
 * }</pre>
 */
public final class RequestOptions {
  /** No option set: everything as the client's defaults. */
  public static final RequestOptions DEFAULTS = builder().build();

  private final @Nullable Duration timeout;
  private final @Nullable Duration idleTimeout;
  private final @Nullable Integer retries;
  private final @Nullable Boolean retryNonIdempotent;
  private final @Nullable Boolean resubscribe;
  private final Map<String, String> headers;

  private RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.idleTimeout = builder.idleTimeout;
    this.retries = builder.retries;
    this.retryNonIdempotent = builder.retryNonIdempotent;
    this.resubscribe = builder.resubscribe;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
  }

  /**
   * Returns a new builder with nothing set.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Options that only set the deadline of the whole call.
   *
   * @param timeout the deadline, positive
   * @return the options
   */
  public static RequestOptions timeout(Duration timeout) {
    return builder().timeout(timeout).build();
  }

  /**
   * Options that only set the number of retries.
   *
   * @param retries the retries after the first attempt, 0 or more
   * @return the options
   */
  public static RequestOptions retries(int retries) {
    return builder().retries(retries).build();
  }

  /**
   * The deadline of the whole call, all attempts together.
   *
   * @return the deadline, if set
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * The idle timeout of a call that streams a body (see {@link Builder#idleTimeout(Duration)}).
   *
   * @return the idle timeout, if set
   */
  public Optional<Duration> idleTimeout() {
    return Optional.ofNullable(idleTimeout);
  }

  /**
   * The number of retries after the first attempt.
   *
   * @return the retries, if set
   */
  public OptionalInt retries() {
    return retries == null ? OptionalInt.empty() : OptionalInt.of(retries);
  }

  /**
   * Whether non-idempotent calls (POST) may be retried after they may have reached the server.
   *
   * @return the choice, if set
   */
  public Optional<Boolean> retryNonIdempotent() {
    return Optional.ofNullable(retryNonIdempotent);
  }

  /**
   * Whether an event stream subscribes again (with backoff) when it fails or ends.
   *
   * @return the choice, if set
   */
  public Optional<Boolean> resubscribe() {
    return Optional.ofNullable(resubscribe);
  }

  /**
   * Extra headers sent with the call.
   *
   * @return the headers, in the order they were added
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Returns these options with every field set in {@code other} replaced by other's value (headers
   * are added, other's value winning).
   *
   * @param other the options on top
   * @return the merged options
   */
  public RequestOptions mergedWith(RequestOptions other) {
    Objects.requireNonNull(other, "other");
    Builder merged = new Builder();
    merged.timeout = other.timeout != null ? other.timeout : timeout;
    merged.idleTimeout = other.idleTimeout != null ? other.idleTimeout : idleTimeout;
    merged.retries = other.retries != null ? other.retries : retries;
    merged.retryNonIdempotent =
        other.retryNonIdempotent != null ? other.retryNonIdempotent : retryNonIdempotent;
    merged.resubscribe = other.resubscribe != null ? other.resubscribe : resubscribe;
    merged.headers.putAll(headers);
    merged.headers.putAll(other.headers);
    return new RequestOptions(merged);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof RequestOptions)) {
      return false;
    }
    RequestOptions that = (RequestOptions) other;
    return Objects.equals(timeout, that.timeout)
        && Objects.equals(idleTimeout, that.idleTimeout)
        && Objects.equals(retries, that.retries)
        && Objects.equals(retryNonIdempotent, that.retryNonIdempotent)
        && Objects.equals(resubscribe, that.resubscribe)
        && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, idleTimeout, retries, retryNonIdempotent, resubscribe, headers);
  }

  /** Shows the options; values of headers that may carry secrets are masked. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("RequestOptions{");
    if (timeout != null) {
      text.append("timeout=").append(timeout).append(", ");
    }
    if (idleTimeout != null) {
      text.append("idleTimeout=").append(idleTimeout).append(", ");
    }
    if (retries != null) {
      text.append("retries=").append(retries).append(", ");
    }
    if (retryNonIdempotent != null) {
      text.append("retryNonIdempotent=").append(retryNonIdempotent).append(", ");
    }
    if (resubscribe != null) {
      text.append("resubscribe=").append(resubscribe).append(", ");
    }
    if (!headers.isEmpty()) {
      text.append("headers=[");
      headers.forEach(
          (name, value) ->
              text.append(name)
                  .append('=')
                  .append(dev.corekit.core.internal.SecretHeaders.isSecret(name) ? "***" : value)
                  .append(';'));
      text.append("], ");
    }
    if (text.charAt(text.length() - 1) == ' ') {
      text.setLength(text.length() - 2);
    }
    return text.append('}').toString();
  }

  /** Builder of {@link RequestOptions}. */
  public static final class Builder {
    private @Nullable Duration timeout;
    private @Nullable Duration idleTimeout;
    private @Nullable Integer retries;
    private @Nullable Boolean retryNonIdempotent;
    private @Nullable Boolean resubscribe;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the deadline of the whole call, all attempts and backoff pauses together.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Bounds a call that streams a body (a download as bytes or into a file, an upload from a file
     * or a publisher) by the time in which no byte moves instead of by its deadline: the call fails
     * with a {@link CoreTimeoutException} (whose {@link CoreTimeoutException#idle()} is true) when
     * no byte was sent or received for this long, however long it takes in total. Calls without a
     * streamed body keep their deadline.
     *
     * @param idleTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder idleTimeout(Duration idleTimeout) {
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
      }
      this.idleTimeout = idleTimeout;
      return this;
    }

    /**
     * Sets how often a failed attempt is retried (connect failures, resets, 408/429/502/503/504).
     *
     * @param retries 0 or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder retries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be 0 or more: " + retries);
      }
      this.retries = retries;
      return this;
    }

    /**
     * Allows retrying a non-idempotent call (POST) even when the failed attempt may have reached
     * the server, so the server may act twice. Off by default: a POST is then only retried when the
     * connection was refused (nothing was sent).
     *
     * @param allow true to allow
     * @return this builder
     */
    public Builder retryNonIdempotent(boolean allow) {
      this.retryNonIdempotent = allow;
      return this;
    }

    /**
     * Makes an event stream (such as {@code events().log(..)}) subscribe again when it fails with a
     * transient error (connection lost, idle timeout, 5xx) or ends, after a backoff that grows like
     * the client's retry backoff and resets once an event arrives. Authentication and other 4xx
     * errors still end the stream. Off by default.
     *
     * @param resubscribe true to resubscribe
     * @return this builder
     */
    public Builder resubscribe(boolean resubscribe) {
      this.resubscribe = resubscribe;
      return this;
    }

    /**
     * Adds a header to send with the call.
     *
     * @param name the header name
     * @param value the header value
     * @return this builder
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c >= 127 || c == ':')) {
        throw new IllegalArgumentException("invalid header name: '" + name + "'");
      }
      if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        throw new IllegalArgumentException("header " + name + " has a CR, LF or NUL in its value");
      }
      headers.put(name, value);
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
