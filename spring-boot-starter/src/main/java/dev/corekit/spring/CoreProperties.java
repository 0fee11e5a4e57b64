package dev.corekit.spring;

import dev.corekit.core.FailoverPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code corekit.core.*} properties: how to reach a datarhei Core server, or the nodes of one
 * Core cluster. Exactly one of {@code url} and {@code urls} is required; everything else has the
 * defaults of {@link dev.corekit.core.CoreClient.Builder}.
 *
 * <pre>{@code
 * corekit.core.url=http://127.0.0.1:8080
 * corekit.core.user=admin
 * corekit.core.password=${CORE_PASSWORD}
 * }</pre>
 *
 * <p>A cluster, with calls moving to another node when one fails ({@code failover.*}):
 *
 * <pre>{@code
 * corekit.core.urls=http://10.0.0.1:8080,http://10.0.0.2:8080,http://10.0.0.3:8080
 * corekit.core.failover.selection=round-robin
 * }</pre>
 */
@ConfigurationProperties("corekit.core")
public class CoreProperties {
  /**
   * The server's base URL, such as {@code http://127.0.0.1:8080}. Set it or {@code urls}, not both;
   * no CoreClient is configured without either.
   */
  private @Nullable String url;

  /**
   * The base URLs of the nodes of one Core cluster (a list, or comma-separated), for one client
   * that fails over between them (see corekit.core.failover.*). Set it or corekit.core.url, not
   * both.
   */
  private List<String> urls = new ArrayList<>();

  /** The user name to log in with (together with the password). */
  private @Nullable String user;

  /** The password to log in with; never logged or shown. */
  private @Nullable String password;

  /**
   * An access token obtained elsewhere, used instead of (or before) a login; never logged or shown.
   */
  private @Nullable String accessToken;

  /** The refresh token that goes with the access token; never logged or shown. */
  private @Nullable String refreshToken;

  /** The deadline of one call: all its attempts, backoff pauses and the whole answer. */
  private Duration timeout = Duration.ofSeconds(10);

  /** How long establishing a connection may take. */
  private Duration connectTimeout = Duration.ofSeconds(5);

  /** Retries of transient failures. */
  private final Retry retry = new Retry();

  /** The connection pool. */
  private final Pool pool = new Pool();

  /** TLS for https URLs. */
  private final Tls tls = new Tls();

  /** Micrometer meters of the client. */
  private final Metrics metrics = new Metrics();

  /** Micrometer observations (traces) of the client's calls. */
  private final Observations observations = new Observations();

  /** The health indicator. */
  private final Health health = new Health();

  /** How a client of several nodes (corekit.core.urls) chooses a node and leaves a failing one. */
  private final Failover failover = new Failover();

  /** Creates the properties with their defaults. */
  public CoreProperties() {}

  /**
   * The server's base URL, such as {@code http://127.0.0.1:8080}. Set it or {@code urls}, not both;
   * no CoreClient is configured without either.
   *
   * @return the URL, or null
   */
  public @Nullable String getUrl() {
    return url;
  }

  /**
   * Sets the server's base URL.
   *
   * @param url an http or https URL without user info
   */
  public void setUrl(@Nullable String url) {
    this.url = url;
  }

  /**
   * The base URLs of the nodes of one Core cluster (a list, or comma-separated), for one client
   * that fails over between them (see {@code failover.*}). Set it or {@code url}, not both.
   *
   * @return the URLs; empty when not set
   */
  public List<String> getUrls() {
    return urls;
  }

  /**
   * Sets the base URLs of the nodes of one Core cluster.
   *
   * @param urls http or https URLs of the same scheme, without user info, none twice
   */
  public void setUrls(List<String> urls) {
    this.urls = urls;
  }

  /**
   * The user name to log in with (together with the password).
   *
   * @return the user, or null
   */
  public @Nullable String getUser() {
    return user;
  }

  /**
   * Sets the user name to log in with.
   *
   * @param user the user
   */
  public void setUser(@Nullable String user) {
    this.user = user;
  }

  /**
   * The password to log in with; never logged or shown.
   *
   * @return the password, or null
   */
  public @Nullable String getPassword() {
    return password;
  }

  /**
   * Sets the password to log in with.
   *
   * @param password the password
   */
  public void setPassword(@Nullable String password) {
    this.password = password;
  }

  /**
   * An access token obtained elsewhere, used instead of (or before) a login; never logged or shown.
   *
   * @return the token, or null
   */
  public @Nullable String getAccessToken() {
    return accessToken;
  }

  /**
   * Sets an access token obtained elsewhere.
   *
   * @param accessToken the token
   */
  public void setAccessToken(@Nullable String accessToken) {
    this.accessToken = accessToken;
  }

  /**
   * The refresh token that goes with the access token; never logged or shown.
   *
   * @return the token, or null
   */
  public @Nullable String getRefreshToken() {
    return refreshToken;
  }

  /**
   * Sets the refresh token that goes with the access token.
   *
   * @param refreshToken the token
   */
  public void setRefreshToken(@Nullable String refreshToken) {
    this.refreshToken = refreshToken;
  }

  /**
   * The deadline of one call: all its attempts, backoff pauses and the whole answer.
   *
   * @return the deadline, 10 s by default
   */
  public Duration getTimeout() {
    return timeout;
  }

  /**
   * Sets the deadline of one call.
   *
   * @param timeout a positive duration
   */
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * How long establishing a connection may take.
   *
   * @return the limit, 5 s by default
   */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets how long establishing a connection may take.
   *
   * @param connectTimeout a positive duration
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * Retries of transient failures.
   *
   * @return the retry settings
   */
  public Retry getRetry() {
    return retry;
  }

  /**
   * The connection pool.
   *
   * @return the pool settings
   */
  public Pool getPool() {
    return pool;
  }

  /**
   * TLS for https URLs.
   *
   * @return the TLS settings
   */
  public Tls getTls() {
    return tls;
  }

  /**
   * Micrometer meters of the client.
   *
   * @return the metrics settings
   */
  public Metrics getMetrics() {
    return metrics;
  }

  /**
   * Micrometer observations (traces) of the client's calls.
   *
   * @return the observation settings
   */
  public Observations getObservations() {
    return observations;
  }

  /**
   * The health indicator.
   *
   * @return the health settings
   */
  public Health getHealth() {
    return health;
  }

  /**
   * How a client of several nodes ({@code urls}) chooses a node and leaves a failing one.
   *
   * @return the failover settings
   */
  public Failover getFailover() {
    return failover;
  }

  @Override
  public String toString() {
    return "CoreProperties{"
        + (urls.isEmpty() ? "url=" + url : "urls=" + urls)
        + ", user="
        + user
        + ", password="
        + (password == null ? "none" : "***")
        + ", tokens="
        + (accessToken == null && refreshToken == null ? "none" : "***")
        + ", timeout="
        + timeout
        + "}";
  }

  /** Retries of transient failures (connect failures, 408, 429, 502, 503, 504). */
  public static class Retry {
    /** How many times a failed call is retried. */
    private int maxRetries = 3;

    /** The pause before the first retry; it doubles for each further one. */
    private Duration initialBackoff = Duration.ofMillis(100);

    /** The longest pause between retries. */
    private Duration maxBackoff = Duration.ofSeconds(5);

    /** Creates the settings with their defaults. */
    public Retry() {}

    /**
     * How many times a failed call is retried.
     *
     * @return 3 by default; 0 turns retries off
     */
    public int getMaxRetries() {
      return maxRetries;
    }

    /**
     * Sets how many times a failed call is retried.
     *
     * @param maxRetries at least 0
     */
    public void setMaxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
    }

    /**
     * The pause before the first retry; it doubles for each further one.
     *
     * @return 100 ms by default
     */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    /**
     * Sets the pause before the first retry.
     *
     * @param initialBackoff a positive duration
     */
    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /**
     * The longest pause between retries.
     *
     * @return 5 s by default
     */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /**
     * Sets the longest pause between retries.
     *
     * @param maxBackoff a positive duration
     */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }
  }

  /**
   * The connection pool. Without {@code max-connections} the client keeps its own pool (256
   * connections, with {@code corekit.core.pool.*} gauges); with it, the starter makes a pool of
   * that size and releases it on shutdown.
   */
  public static class Pool {
    /** The most connections open at once. */
    private @Nullable Integer maxConnections;

    /** How long an idle connection is kept (with {@code max-connections}). */
    private Duration maxIdleTime = Duration.ofSeconds(20);

    /** How long a connection is used at most (with {@code max-connections}). */
    private Duration maxLifeTime = Duration.ofMinutes(5);

    /** How long a call waits for a free connection (with {@code max-connections}). */
    private Duration pendingAcquireTimeout = Duration.ofSeconds(60);

    /** Creates the settings with their defaults. */
    public Pool() {}

    /**
     * The most connections open at once.
     *
     * @return the limit, or null for the client's own pool of 256
     */
    public @Nullable Integer getMaxConnections() {
      return maxConnections;
    }

    /**
     * Sets the most connections open at once.
     *
     * @param maxConnections at least 1
     */
    public void setMaxConnections(@Nullable Integer maxConnections) {
      this.maxConnections = maxConnections;
    }

    /**
     * How long an idle connection is kept (with {@code max-connections}).
     *
     * @return 20 s by default
     */
    public Duration getMaxIdleTime() {
      return maxIdleTime;
    }

    /**
     * Sets how long an idle connection is kept.
     *
     * @param maxIdleTime a positive duration
     */
    public void setMaxIdleTime(Duration maxIdleTime) {
      this.maxIdleTime = maxIdleTime;
    }

    /**
     * How long a connection is used at most (with {@code max-connections}).
     *
     * @return 5 min by default
     */
    public Duration getMaxLifeTime() {
      return maxLifeTime;
    }

    /**
     * Sets how long a connection is used at most.
     *
     * @param maxLifeTime a positive duration
     */
    public void setMaxLifeTime(Duration maxLifeTime) {
      this.maxLifeTime = maxLifeTime;
    }

    /**
     * How long a call waits for a free connection (with {@code max-connections}).
     *
     * @return 60 s by default
     */
    public Duration getPendingAcquireTimeout() {
      return pendingAcquireTimeout;
    }

    /**
     * Sets how long a call waits for a free connection.
     *
     * @param pendingAcquireTimeout a positive duration
     */
    public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
      this.pendingAcquireTimeout = pendingAcquireTimeout;
    }
  }

  /** TLS for https URLs. By default the JDK's trusted certificates verify the server. */
  public static class Tls {
    /**
     * The name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust material (and
     * key material, for client certificates) the client uses.
     */
    private @Nullable String bundle;

    /**
     * Whether certificate verification is off, so any server can pose as Core. Only for tests
     * against a self-signed certificate; the client logs a warning.
     */
    private boolean trustAll;

    /** Creates the settings with their defaults. */
    public Tls() {}

    /**
     * The name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust material (and
     * key material, for client certificates) the client uses.
     *
     * @return the bundle name, or null
     */
    public @Nullable String getBundle() {
      return bundle;
    }

    /**
     * Sets the SSL bundle the client uses.
     *
     * @param bundle the bundle name
     */
    public void setBundle(@Nullable String bundle) {
      this.bundle = bundle;
    }

    /**
     * Whether certificate verification is off, so any server can pose as Core. Only for tests
     * against a self-signed certificate; the client logs a warning.
     *
     * @return false by default
     */
    public boolean isTrustAll() {
      return trustAll;
    }

    /**
     * Turns certificate verification off (tests only).
     *
     * @param trustAll whether to trust any certificate
     */
    public void setTrustAll(boolean trustAll) {
      this.trustAll = trustAll;
    }
  }

  /** Micrometer meters of the client, in the application's {@code MeterRegistry}. */
  public static class Metrics {
    /**
     * Whether the client records its meters ({@code corekit.core.requests}, {@code .retries},
     * {@code .token.renewals}, {@code .pool.*}) in the application's registry.
     */
    private boolean enabled = true;

    /** Creates the settings with their defaults. */
    public Metrics() {}

    /**
     * Whether the client records {@code corekit.core.requests}, {@code .retries}, {@code
     * .token.renewals} and {@code .pool.*} in the application's registry.
     *
     * @return true by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Turns the client's meters on or off.
     *
     * @param enabled whether to record meters
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** Micrometer observations of the client's calls, in the application's registry. */
  public static class Observations {
    /**
     * Whether each call is a {@code corekit.core.calls} observation (a span with a tracer, whose
     * context goes to Core as {@code traceparent}).
     */
    private boolean enabled = true;

    /** Creates the settings with their defaults. */
    public Observations() {}

    /**
     * Whether each call is a {@code corekit.core.calls} observation (a span with a tracer, whose
     * context goes to Core as {@code traceparent}).
     *
     * @return true by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Turns the observations of calls on or off.
     *
     * @param enabled whether to observe calls
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The health indicator ({@code /actuator/health/corekit}). */
  public static class Health {
    /** How long the whole check may take before the server is reported DOWN. */
    private Duration timeout = Duration.ofSeconds(2);

    /** Creates the settings with their defaults. */
    public Health() {}

    /**
     * How long the whole check may take before the server is reported DOWN.
     *
     * @return 2 s by default
     */
    public Duration getTimeout() {
      return timeout;
    }

    /**
     * Sets how long the whole check may take.
     *
     * @param timeout a positive duration
     */
    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /**
   * How a client of several nodes ({@code corekit.core.urls}) chooses a node and moves away from a
   * failing one; see {@link FailoverPolicy}. Unused with one URL.
   */
  public static class Failover {
    /**
     * Which node a call goes to first: in-order (the first available node in the order of
     * corekit.core.urls; the others are standbys) or round-robin (the available nodes in turn).
     */
    private FailoverPolicy.Selection selection = FailoverPolicy.Selection.IN_ORDER;

    /** How many failures in a row take a node out of the rotation. */
    private int failureThreshold = 3;

    /** How often a node out of the rotation is asked GET /ping, to bring it back. */
    private Duration probeInterval = Duration.ofSeconds(2);

    /**
     * How long one attempt of an idempotent call waits for data from one node before it moves to
     * the next (the call's timeout still bounds the whole call); also bounds each probe and the
     * connect timeout.
     */
    private Duration attemptTimeout = Duration.ofSeconds(3);

    /** Creates the settings with their defaults, those of {@link FailoverPolicy#DEFAULT}. */
    public Failover() {}

    /**
     * Which node a call goes to first: {@code in-order} (the first available node in the order of
     * {@code urls}; the others are standbys) or {@code round-robin} (the available nodes in turn).
     *
     * @return {@code in-order} by default
     */
    public FailoverPolicy.Selection getSelection() {
      return selection;
    }

    /**
     * Sets which node a call goes to first.
     *
     * @param selection {@code in-order} or {@code round-robin}
     */
    public void setSelection(FailoverPolicy.Selection selection) {
      this.selection = selection;
    }

    /**
     * How many failures in a row take a node out of the rotation.
     *
     * @return 3 by default
     */
    public int getFailureThreshold() {
      return failureThreshold;
    }

    /**
     * Sets how many failures in a row take a node out of the rotation.
     *
     * @param failureThreshold at least 1
     */
    public void setFailureThreshold(int failureThreshold) {
      this.failureThreshold = failureThreshold;
    }

    /**
     * How often a node out of the rotation is asked GET /ping, to bring it back.
     *
     * @return 2 s by default
     */
    public Duration getProbeInterval() {
      return probeInterval;
    }

    /**
     * Sets how often a node out of the rotation is probed.
     *
     * @param probeInterval a positive duration
     */
    public void setProbeInterval(Duration probeInterval) {
      this.probeInterval = probeInterval;
    }

    /**
     * How long one attempt of an idempotent call waits for data from one node before it moves to
     * the next (the call's timeout still bounds the whole call); also bounds each probe and the
     * connect timeout.
     *
     * @return 3 s by default
     */
    public Duration getAttemptTimeout() {
      return attemptTimeout;
    }

    /**
     * Sets how long one attempt waits for data from one node.
     *
     * @param attemptTimeout a positive duration
     */
    public void setAttemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = attemptTimeout;
    }

    /**
     * The client's policy made from these settings.
     *
     * @return the policy
     * @throws IllegalArgumentException if a setting is out of range
     */
    FailoverPolicy toPolicy() {
      return FailoverPolicy.builder()
          .selection(selection)
          .failureThreshold(failureThreshold)
          .probeInterval(probeInterval)
          .attemptTimeout(attemptTimeout)
          .build();
    }
  }
}
