package dev.corekit.core.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of a blocking client: how long {@code connect} may take, the oldest Core version
 * accepted, and the blocking deadline of each call. Immutable and thread-safe; start from {@link
 * #DEFAULTS} or {@link #builder()}.
 *
 * <ul>
 *   <li>{@linkplain Builder#connectTimeout(Duration) connectTimeout} (default 30 s): bounds the
 *       whole of {@code connect}: reaching the server, logging in and reading {@code GET /api}.
 *   <li>{@linkplain Builder#minimumVersion(String) minimumVersion} (default {@value
 *       CoreSync#MIN_CORE_VERSION}): {@code connect} fails with {@link
 *       dev.corekit.core.CoreCapabilityException} when the server is older.
 *   <li>{@linkplain Builder#timeout(Duration) timeout} (default 5 minutes): the longest a blocking
 *       call waits for its result (for a list: the whole list; for a lazy stream: each next
 *       element) before the request is cancelled and {@link dev.corekit.core.CoreTimeoutException}
 *       is thrown. It is a backstop behind the reactive client's own deadline, which every call
 *       already carries ({@link dev.corekit.core.CoreClient.Builder#timeout(Duration)}, default 10
 *       s, or {@link dev.corekit.core.RequestOptions#timeout(Duration)} per call) and which
 *       normally ends a stuck call first; so keep it longer than those. Raise it for long
 *       downloads, huge lists, or watches and event streams that may stay quiet for longer.
 * </ul>
 *
 * <pre>{@code
 * SyncOptions options = SyncOptions.builder()
 *     .connectTimeout(Duration.ofSeconds(5))
 *     .minimumVersion("16.20.0")
 *     .build();
 * try (CoreSyncClient core = CoreSync.connect(builder, options)) { ... }
 * }</pre>
 */
public final class SyncOptions {

  /**
   * The defaults: connect within 30 s, Core {@value CoreSync#MIN_CORE_VERSION} or later, 5 minute
   * backstop.
   */
  public static final SyncOptions DEFAULTS = new Builder().build();

  private final Duration connectTimeout;
  private final String minimumVersion;
  private final Duration timeout;

  private SyncOptions(Builder builder) {
    this.connectTimeout = builder.connectTimeout;
    this.minimumVersion = builder.minimumVersion;
    this.timeout = builder.timeout;
  }

  /**
   * Starts a builder with the default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding these options, to derive a changed copy.
   *
   * @return a new builder initialised from these options
   */
  public Builder mutate() {
    Builder b = new Builder();
    b.connectTimeout = connectTimeout;
    b.minimumVersion = minimumVersion;
    b.timeout = timeout;
    return b;
  }

  /**
   * The deadline of {@code connect} as a whole.
   *
   * @return a positive duration
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * The oldest Core version {@code connect} accepts.
   *
   * @return a version such as {@code 16.7.2}
   */
  public String minimumVersion() {
    return minimumVersion;
  }

  /**
   * The blocking deadline of one call (for lazy streams: of each wait for the next element).
   *
   * @return a positive duration
   */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SyncOptions)) {
      return false;
    }
    SyncOptions that = (SyncOptions) other;
    return connectTimeout.equals(that.connectTimeout)
        && minimumVersion.equals(that.minimumVersion)
        && timeout.equals(that.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectTimeout, minimumVersion, timeout);
  }

  @Override
  public String toString() {
    return "SyncOptions{connectTimeout="
        + connectTimeout
        + ", minimumVersion="
        + minimumVersion
        + ", timeout="
        + timeout
        + "}";
  }

  /** Builds {@link SyncOptions}; not thread-safe, each setter returns this builder. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(30);
    private String minimumVersion = CoreSync.MIN_CORE_VERSION;
    private Duration timeout = Duration.ofMinutes(5);

    private Builder() {}

    /**
     * Sets the deadline of {@code connect} as a whole (reaching the server, logging in, reading
     * {@code GET /api}); when it passes, {@code connect} fails with {@link
     * dev.corekit.core.CoreTimeoutException}.
     *
     * @param connectTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the oldest Core version {@code connect} accepts; an older server makes it fail with
     * {@link dev.corekit.core.CoreCapabilityException}.
     *
     * @param minimumVersion a version {@code major.minor[.patch]}, such as {@code 16.20.0}
     * @return this builder
     * @throws IllegalArgumentException if it is not such a version
     */
    public Builder minimumVersion(String minimumVersion) {
      Objects.requireNonNull(minimumVersion, "minimumVersion");
      CoreVersions.parse(minimumVersion);
      this.minimumVersion = minimumVersion.trim();
      return this;
    }

    /**
     * Sets the blocking deadline of one call (for lazy streams: of each wait for the next element),
     * a backstop behind the reactive client's own deadlines.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * Builds the immutable options.
     *
     * @return the options
     */
    public SyncOptions build() {
      return new SyncOptions(this);
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
