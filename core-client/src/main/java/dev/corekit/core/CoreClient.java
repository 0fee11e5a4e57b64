package dev.corekit.core;

import dev.corekit.core.api.AboutApi;
import dev.corekit.core.api.AuthApi;
import dev.corekit.core.api.ClusterApi;
import dev.corekit.core.api.ConfigApi;
import dev.corekit.core.api.EventsApi;
import dev.corekit.core.api.FilesystemApi;
import dev.corekit.core.api.GraphApi;
import dev.corekit.core.api.IamApi;
import dev.corekit.core.api.LogApi;
import dev.corekit.core.api.MetadataApi;
import dev.corekit.core.api.MetricsApi;
import dev.corekit.core.api.PlayoutApi;
import dev.corekit.core.api.ProcessApi;
import dev.corekit.core.api.ReportApi;
import dev.corekit.core.api.RtmpApi;
import dev.corekit.core.api.SessionApi;
import dev.corekit.core.api.SkillsApi;
import dev.corekit.core.api.SrtApi;
import dev.corekit.core.api.WidgetApi;
import dev.corekit.core.internal.ClientLoops;
import dev.corekit.core.internal.CoreTransport;
import dev.corekit.core.internal.MicrometerCalls;
import dev.corekit.core.internal.MicrometerObserver;
import io.netty.channel.ChannelOption;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The reactive client of a datarhei Core server. One client is safe to share by any number of
 * threads and subscribers; it holds a connection pool and renews its JWT by itself.
 *
 * <pre>{@code
 * CoreClient client = CoreClient.builder()
 *     .baseUrl("http://127.0.0.1:8080")
 *     .credentials("admin", "secret")
 *     .build();
 * client.processes().list()
 *     .map(process -> process.id())
 *     .subscribe(System.out::println);
 * ...
 * client.close();
 * }</pre>
 *
 * <p>Every operation of the Core API is reachable through the per-area accessors, whose interfaces
 * are generated from the API description; {@link #api(Class)} returns any of them by type.
 */
public final class CoreClient implements AutoCloseable {
  private static final java.util.concurrent.atomic.AtomicInteger CLIENTS =
      new java.util.concurrent.atomic.AtomicInteger();
  private final URI baseUrl;
  private final java.util.List<URI> baseUrls;
  private final CoreTransport transport;
  private final @Nullable ConnectionProvider ownedProvider;
  private final @Nullable LoopResources ownedLoops;
  private final ConnectionProvider authProvider;
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Mono<Void> closing;

  private CoreClient(Builder builder, java.util.List<URI> baseUrls) {
    this.baseUrl = baseUrls.get(0);
    this.baseUrls = baseUrls;
    URI baseUrl = this.baseUrl;
    String clientTag = baseUrl.getAuthority();
    this.ownedProvider =
        builder.connectionProvider == null
            ? defaultProvider(builder.meterRegistry, clientTag)
            : null;
    // The connections of a caller's pool must outlive this client, so they never run on loops it
    // disposes.
    this.ownedLoops =
        builder.loopResources == null && builder.connectionProvider == null ? defaultLoops() : null;
    ConnectionProvider provider =
        builder.connectionProvider != null
            ? builder.connectionProvider
            : Objects.requireNonNull(ownedProvider);
    LoopResources loops =
        builder.loopResources != null
            ? builder.loopResources
            : ownedLoops != null ? ownedLoops : HttpResources.get();
    this.authProvider =
        ConnectionProvider.builder("corekit-auth")
            .maxConnections(4)
            .pendingAcquireMaxCount(-1)
            .maxIdleTime(Duration.ofSeconds(20))
            .evictInBackground(Duration.ofSeconds(10))
            .build();
    io.netty.handler.ssl.@Nullable SslContext tls = tlsContext(builder, baseUrl);
    HttpClient http = configure(HttpClient.create(provider), builder, loops, baseUrl, tls);
    HttpClient authHttp = configure(HttpClient.create(authProvider), builder, loops, baseUrl, tls);
    CoreTransport.Settings settings =
        new CoreTransport.Settings()
            .baseUrls(baseUrls)
            .failover(builder.failover)
            .http(http)
            .authHttp(authHttp)
            .timeout(builder.timeout)
            .retryPolicy(builder.retryPolicy)
            .maxElementBytes(builder.maxElementBytes)
            .streamIdleTimeout(builder.streamIdleTimeout)
            .watchInterval(builder.watchInterval)
            .renewalMargin(builder.renewalMargin);
    if (builder.logHeaders != null) {
      settings.logHeaders(builder.logHeaders);
    }
    if (builder.logContextKeys != null) {
      settings.logContextKeys(builder.logContextKeys);
    }
    if (builder.meterRegistry != null) {
      settings.observer(MicrometerObserver.create(builder.meterRegistry, clientTag));
    }
    if (builder.observationRegistry != null) {
      settings.calls(MicrometerCalls.create(builder.observationRegistry, baseUrl));
    }
    if (builder.user != null && builder.password != null) {
      settings.credentials(builder.user, builder.password);
    }
    if (builder.accessToken != null) {
      settings.tokens(builder.accessToken, builder.refreshToken);
    }
    this.transport = new CoreTransport(settings);
    Mono<Void> release = authProvider.disposeLater();
    if (ownedProvider != null) {
      release = release.then(ownedProvider.disposeLater());
    }
    if (ownedLoops != null) {
      release = release.then(ownedLoops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)));
    }
    this.closing = release.cache();
  }

  private static HttpClient configure(
      HttpClient base,
      Builder builder,
      LoopResources loops,
      URI baseUrl,
      io.netty.handler.ssl.@Nullable SslContext tls) {
    Duration connectTimeout = builder.connectTimeout;
    if (builder.baseUrls.size() > 1
        && builder.failover.attemptTimeout().compareTo(connectTimeout) < 0) {
      // A node that does not accept connections must not hold a call longer than an attempt.
      connectTimeout = builder.failover.attemptTimeout();
    }
    HttpClient http =
        base.runOn(loops)
            .disableRetry(true)
            .followRedirect(false)
            .keepAlive(true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
    if ("https".equals(baseUrl.getScheme())) {
      http = tls == null ? http.secure() : http.secure(spec -> spec.sslContext(tls));
    }
    return builder.httpCustomizer.apply(http);
  }

  private static io.netty.handler.ssl.@Nullable SslContext tlsContext(
      Builder builder, URI baseUrl) {
    if (!"https".equals(baseUrl.getScheme())) {
      return null;
    }
    if (builder.sslContext != null || !builder.trustAll) {
      return builder.sslContext;
    }
    LoggerFactory.getLogger(CoreClient.class)
        .warn("TLS certificate verification is OFF for {}: any server can pose as it", baseUrl);
    try {
      return io.netty.handler.ssl.SslContextBuilder.forClient()
          .trustManager(io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE)
          .build();
    } catch (javax.net.ssl.SSLException e) {
      throw new IllegalStateException("cannot create the TLS context", e);
    }
  }

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The server's base URL; with several nodes, the first one given.
   *
   * @return the URL given to the builder
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * The base URLs of all nodes, in the order given to the builder.
   *
   * @return one URL for a client of one server, several for a client of a cluster
   */
  public java.util.List<URI> baseUrls() {
    return baseUrls;
  }

  /**
   * What the client knows about each node now: whether calls go to it and, if not, why. A node is
   * taken out after repeated failures and comes back when it answers a probe (see {@link
   * FailoverPolicy}); a client of one server always reports it available.
   *
   * @return one entry per base URL, in the order given
   */
  public java.util.List<CoreNode> nodes() {
    return transport.nodes();
  }

  /**
   * General information about the server ({@code GET /api}) and the health check ({@code /ping}).
   *
   * @return the operations, shared by all callers
   */
  public AboutApi about() {
    return api(AboutApi.class);
  }

  /**
   * Login and token refresh. The client calls these by itself; use them only to manage tokens by
   * hand.
   *
   * @return the operations, shared by all callers
   */
  public AuthApi auth() {
    return api(AuthApi.class);
  }

  /**
   * The cluster of Core nodes (Core 16.20 and later, with clustering enabled).
   *
   * @return the operations, shared by all callers
   */
  public ClusterApi cluster() {
    return api(ClusterApi.class);
  }

  /**
   * The server configuration: read, change, reload. The configuration contains secrets; never log
   * it.
   *
   * @return the operations, shared by all callers
   */
  public ConfigApi config() {
    return api(ConfigApi.class);
  }

  /**
   * The event streams of the server (Core 16.20 and later): log events, process events, media
   * events.
   *
   * @return the operations, shared by all callers
   */
  public EventsApi events() {
    return api(EventsApi.class);
  }

  /**
   * The filesystems (storages) and their files: list, upload, download, stat, delete.
   *
   * @return the operations, shared by all callers
   */
  public FilesystemApi filesystems() {
    return api(FilesystemApi.class);
  }

  /**
   * The GraphQL query endpoint.
   *
   * @return the operations, shared by all callers
   */
  public GraphApi graph() {
    return api(GraphApi.class);
  }

  /**
   * Identity and access management: users and their policies (Core 16.20 and later).
   *
   * @return the operations, shared by all callers
   */
  public IamApi iam() {
    return api(IamApi.class);
  }

  /**
   * The server's own log lines.
   *
   * @return the operations, shared by all callers
   */
  public LogApi log() {
    return api(LogApi.class);
  }

  /**
   * Metadata stored on the server (global keys).
   *
   * @return the operations, shared by all callers
   */
  public MetadataApi metadata() {
    return api(MetadataApi.class);
  }

  /**
   * Metrics: description, queries over time ranges, Prometheus text.
   *
   * @return the operations, shared by all callers
   */
  public MetricsApi metrics() {
    return api(MetricsApi.class);
  }

  /**
   * The playout of process inputs (an optional feature of Core).
   *
   * @return the operations, shared by all callers
   */
  public PlayoutApi playout() {
    return api(PlayoutApi.class);
  }

  /**
   * The ffmpeg processes: create, list, update, delete, command, state, watch, report, metadata,
   * probe.
   *
   * @return the operations, shared by all callers
   */
  public ProcessApi processes() {
    return api(ProcessApi.class);
  }

  /**
   * Searching the reports of finished processes (Core 16.20 and later).
   *
   * @return the operations, shared by all callers
   */
  public ReportApi reports() {
    return api(ReportApi.class);
  }

  /**
   * The RTMP server's channels.
   *
   * @return the operations, shared by all callers
   */
  public RtmpApi rtmp() {
    return api(RtmpApi.class);
  }

  /**
   * Sessions (viewers) per collector, active sessions, session tokens.
   *
   * @return the operations, shared by all callers
   */
  public SessionApi sessions() {
    return api(SessionApi.class);
  }

  /**
   * The capabilities of the server's ffmpeg: codecs, formats, filters, devices.
   *
   * @return the operations, shared by all callers
   */
  public SkillsApi skills() {
    return api(SkillsApi.class);
  }

  /**
   * The SRT server's channels.
   *
   * @return the operations, shared by all callers
   */
  public SrtApi srt() {
    return api(SrtApi.class);
  }

  /**
   * Public widget data of a process (needs no token).
   *
   * @return the operations, shared by all callers
   */
  public WidgetApi widgets() {
    return api(WidgetApi.class);
  }

  /**
   * Returns the operations of one area of the API by interface type; any interface of {@code
   * dev.corekit.core.api} works, also one added to the API description after this class was
   * written.
   *
   * @param type the API interface, such as {@code ProcessApi.class}
   * @param <T> the API interface
   * @return the operations, shared by all callers
   * @throws IllegalArgumentException if the type is not a generated API interface
   */
  public <T> T api(Class<T> type) {
    Objects.requireNonNull(type, "type");
    Object api = apis.computeIfAbsent(type, this::instantiate);
    return type.cast(api);
  }

  private Object instantiate(Class<?> type) {
    if (!type.isInterface() || !type.getPackageName().equals("dev.corekit.core.api")) {
      throw new IllegalArgumentException(
          type.getName() + " is not an API interface of dev.corekit.core.api");
    }
    String implementation = "dev.corekit.core.internal.api." + type.getSimpleName() + "Impl";
    try {
      Class<?> impl = Class.forName(implementation, true, type.getClassLoader());
      Constructor<?> constructor = impl.getConstructor(CoreTransport.class, RequestOptions.class);
      return constructor.newInstance(transport, RequestOptions.DEFAULTS);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("no implementation of " + type.getName(), e);
    }
  }

  /**
   * Releases the connection pool and event loops the client created (not those passed to the
   * builder). Calls still running fail; later calls fail at once with a {@link CoreException}
   * saying the client is closed. Idempotent.
   *
   * @return completes when everything is released
   */
  public Mono<Void> closeAsync() {
    closed.set(true);
    transport.close();
    return closing;
  }

  /**
   * Releases the client's connections and threads, waiting up to 10 s for it. Called on a Reactor
   * non-blocking thread, it starts the release and returns at once. Idempotent.
   */
  @Override
  public void close() {
    dev.corekit.core.internal.Release.await(closeAsync());
  }

  @Override
  public String toString() {
    if (baseUrls.size() == 1) {
      return "CoreClient{" + baseUrl + (closed.get() ? ", closed" : "") + "}";
    }
    StringBuilder text = new StringBuilder("CoreClient{nodes=[");
    java.util.List<CoreNode> nodes = transport.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      CoreNode node = nodes.get(i);
      text.append(i == 0 ? "" : ", ").append(node.baseUrl());
      if (!node.available()) {
        text.append(" (unavailable)");
      }
    }
    return text.append(']').append(closed.get() ? ", closed" : "").append('}').toString();
  }

  private static ConnectionProvider defaultProvider(
      @Nullable Object meterRegistry, String clientTag) {
    ConnectionProvider.Builder pool = ConnectionProvider.builder("corekit");
    if (meterRegistry != null) {
      // One registrar: Reactor Netty asks the supplier again to deregister, and it must find its
      // gauges.
      ConnectionProvider.MeterRegistrar registrar =
          MicrometerObserver.poolRegistrar(meterRegistry, clientTag);
      pool = pool.metrics(true, () -> registrar);
    }
    return pool.maxConnections(256)
        .pendingAcquireMaxCount(-1)
        .pendingAcquireTimeout(Duration.ofSeconds(60))
        .maxIdleTime(Duration.ofSeconds(20))
        .maxLifeTime(Duration.ofMinutes(5))
        .evictInBackground(Duration.ofSeconds(10))
        .lifo()
        .build();
  }

  private static LoopResources defaultLoops() {
    int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    return ClientLoops.create("corekit-http-" + CLIENTS.incrementAndGet(), workers);
  }

  /** Builder of {@link CoreClient}. Only the base URL is required. */
  public static final class Builder {
    private java.util.List<URI> baseUrls = java.util.List.of();
    private FailoverPolicy failover = FailoverPolicy.DEFAULT;
    private @Nullable String user;
    private @Nullable String password;
    private @Nullable String accessToken;
    private @Nullable String refreshToken;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Duration timeout = Duration.ofSeconds(10);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration renewalMargin = Duration.ofSeconds(30);
    private Duration streamIdleTimeout = Duration.ofSeconds(30);
    private Duration watchInterval = Duration.ofSeconds(1);
    private int maxElementBytes = 16 * 1024 * 1024;
    private @Nullable ConnectionProvider connectionProvider;
    private @Nullable LoopResources loopResources;
    private UnaryOperator<HttpClient> httpCustomizer = UnaryOperator.identity();
    private java.util.@Nullable List<String> logHeaders;
    private io.netty.handler.ssl.@Nullable SslContext sslContext;
    private java.util.@Nullable List<String> logContextKeys;
    private @Nullable Object meterRegistry;
    private @Nullable Object observationRegistry;
    private boolean trustAll;

    private Builder() {}

    /**
     * Sets the server's base URL, such as {@code http://127.0.0.1:8080}.
     *
     * @param baseUrl an http or https URL without user info, query or fragment
     * @return this builder
     * @throws IllegalArgumentException if the URL is not such a URL
     */
    public Builder baseUrl(String baseUrl) {
      return baseUrl(parse(baseUrl));
    }

    private static URI parse(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      try {
        return URI.create(baseUrl.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not a valid URL: " + redactUserInfo(baseUrl), e);
      }
    }

    /**
     * Sets the base URLs of the nodes of one Core cluster: one logical client that sends each call
     * to an available node and moves it to another node when one fails (see {@link
     * FailoverPolicy}). Each node gets its own tokens from the same credentials, so the nodes need
     * not share a JWT secret. The nodes are expected to serve the same API (the nodes of one
     * cluster); for independent servers use one client each, or a {@code CoreFleet}.
     *
     * <pre>{@code
     * CoreClient cluster = CoreClient.builder()
     *     .baseUrls("http://10.0.0.1:8080", "http://10.0.0.2:8080", "http://10.0.0.3:8080")
     *     .credentials("admin", "secret")
     *     .build();
     * }</pre>
     *
     * @param baseUrls one or more http or https URLs of the same scheme, without user info, query
     *     or fragment, no URL twice
     * @return this builder
     * @throws IllegalArgumentException if a URL is not such a URL, or none is given
     */
    public Builder baseUrls(String... baseUrls) {
      Objects.requireNonNull(baseUrls, "baseUrls");
      return baseUrls(java.util.Arrays.asList(baseUrls));
    }

    /**
     * Sets the base URLs of the nodes of one Core cluster; see {@link #baseUrls(String...)}.
     *
     * @param baseUrls one or more URLs
     * @return this builder
     * @throws IllegalArgumentException if a URL is not valid, or none is given
     */
    public Builder baseUrls(java.util.List<String> baseUrls) {
      Objects.requireNonNull(baseUrls, "baseUrls");
      if (baseUrls.isEmpty()) {
        throw new IllegalArgumentException("baseUrls needs at least one URL");
      }
      java.util.List<URI> uris = new java.util.ArrayList<>(baseUrls.size());
      java.util.Set<String> seen = new java.util.HashSet<>();
      String scheme = null;
      for (String url : baseUrls) {
        URI uri = checked(parse(url));
        String key = CoreTransport.server(uri.toString()) + uri.getRawPath();
        if (!seen.add(key.endsWith("/") ? key.substring(0, key.length() - 1) : key)) {
          throw new IllegalArgumentException("the base URL " + uri + " is given twice");
        }
        if (scheme != null && !scheme.equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException(
              "all base URLs must use the same scheme (http or https): "
                  + baseUrls.get(0).replaceAll("//[^/@]*@", "//***@")
                  + " and "
                  + uri);
        }
        scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        uris.add(uri);
      }
      this.baseUrls = java.util.List.copyOf(uris);
      return this;
    }

    /**
     * Sets how a client of several nodes chooses a node and moves away from a failing one (default
     * {@link FailoverPolicy#DEFAULT}). Unused with one base URL.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder failover(FailoverPolicy policy) {
      this.failover = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the server's base URL.
     *
     * @param baseUrl an http or https URL without user info, query or fragment
     * @return this builder
     * @throws IllegalArgumentException if the URL is not such a URL
     */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrls = java.util.List.of(checked(baseUrl));
      return this;
    }

    private static URI checked(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      String scheme =
          baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException(
            "the base URL must start with http:// or https://: "
                + redactUserInfo(baseUrl.toString()));
      }
      if (baseUrl.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "the base URL must not contain user info; pass credentials(user, password) instead: "
                + redactUserInfo(baseUrl.toString()));
      }
      if (baseUrl.getHost() == null) {
        throw new IllegalArgumentException("the base URL has no host: " + baseUrl);
      }
      if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "the base URL must not have a query or fragment: " + baseUrl);
      }
      return baseUrl;
    }

    /**
     * Logs in with a user name and password ({@code POST /api/login}) when a token is first needed,
     * and again whenever the refresh token no longer works.
     *
     * @param user the user name
     * @param password the password; never logged or shown
     * @return this builder
     */
    public Builder credentials(String user, String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Uses tokens obtained elsewhere. With a refresh token the client refreshes the access token by
     * itself; without credentials it fails with {@link CoreAuthenticationException} once neither
     * token works.
     *
     * @param accessToken the access token
     * @param refreshToken the refresh token, or null
     * @return this builder
     */
    public Builder tokens(String accessToken, @Nullable String refreshToken) {
      this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
      this.refreshToken = refreshToken;
      return this;
    }

    /**
     * Sets the retry policy (default {@link RetryPolicy#DEFAULT}: 3 retries with backoff).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retry(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the default deadline of a call (default 10 s): it bounds all attempts, backoff pauses
     * and the whole answer together, including every element of a list and every byte of a
     * download, so give large transfers a longer one with {@code with(RequestOptions.timeout(..))}.
     * Event streams and watches have no deadline; a silent stream fails after {@link
     * #streamIdleTimeout}.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * Sets how long establishing a connection may take (default 5 s).
     *
     * @param connectTimeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets how long before its expiry the access token is renewed (default 30 s, at most a fifth of
     * the token's lifetime).
     *
     * @param margin a positive duration
     * @return this builder
     */
    public Builder tokenRenewalMargin(Duration margin) {
      this.renewalMargin = positive(margin, "margin");
      return this;
    }

    /**
     * Sets the longest silence of an event stream before it fails with {@link CoreTimeoutException}
     * (default 30 s; Core sends a keepalive every 5 s).
     *
     * @param idle a positive duration
     * @return this builder
     */
    public Builder streamIdleTimeout(Duration idle) {
      this.streamIdleTimeout = positive(idle, "idle");
      return this;
    }

    /**
     * Sets the polling interval of watches (default 1 s).
     *
     * @param interval a positive duration
     * @return this builder
     */
    public Builder watchInterval(Duration interval) {
      this.watchInterval = positive(interval, "interval");
      return this;
    }

    /**
     * Sets the largest array element or event accepted (default 16 MiB).
     *
     * @param bytes a positive size
     * @return this builder
     */
    public Builder maxElementSize(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxElementSize must be positive: " + bytes);
      }
      this.maxElementBytes = bytes;
      return this;
    }

    /**
     * Uses a connection pool owned by the caller (not disposed by {@link CoreClient#close()}). The
     * default pool keeps at most 256 connections, closes idle ones after 20 s and evicts in the
     * background. Since the pool's connections outlive the client, a client given a pool but no
     * {@link #loopResources(LoopResources) loops} runs on Reactor Netty's shared event loops
     * ({@code HttpResources}) rather than loops of its own.
     *
     * @param provider the pool
     * @return this builder
     */
    public Builder connectionProvider(ConnectionProvider provider) {
      this.connectionProvider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Uses event loops owned by the caller (not disposed by {@link CoreClient#close()}). By default
     * the client runs its own small set of daemon event loops (with a caller's {@link
     * #connectionProvider(ConnectionProvider) pool}: Reactor Netty's shared ones).
     *
     * @param loops the event loops
     * @return this builder
     */
    public Builder loopResources(LoopResources loops) {
      this.loopResources = Objects.requireNonNull(loops, "loops");
      return this;
    }

    /**
     * Sets the response headers shown in the debug log line of each call (logger {@code
     * dev.corekit.core.http}); by default Content-Type, Content-Length, Retry-After, Location,
     * Content-Location and X-Request-Id. Headers that may carry secrets (Authorization, cookies,
     * anything naming a token, secret, password or key) are never shown, even when listed. Bodies
     * are never logged.
     *
     * @param names the header names
     * @return this builder
     */
    public Builder logHeaders(String... names) {
      this.logHeaders = java.util.List.of(names);
      return this;
    }

    /**
     * Records Micrometer metrics of this client in a registry: {@code corekit.core.requests} (a
     * timer per HTTP exchange, tagged operation, method, status and outcome), {@code
     * corekit.core.retries}, {@code corekit.core.token.renewals} (tagged kind and outcome) and, for
     * the client's own pool, {@code corekit.core.pool.active|idle|pending|max}. Micrometer is an
     * optional dependency: add {@code io.micrometer:micrometer-core} to use this.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Observes each call in a Micrometer {@code ObservationRegistry}: one observation {@code
     * corekit.core.calls} per call (all its attempts together), with the low-cardinality keys
     * {@code operation}, {@code method}, {@code status} and {@code outcome}. Its parent is the
     * caller's observation, taken from the Reactor context (where Spring WebFlux puts the
     * request's) or the registry's current one. With a tracer's propagating handler in the registry
     * (Spring Boot registers micrometer-tracing's) every request carries the tracer's headers, such
     * as W3C {@code traceparent}, and the client's log lines are written with the call's span in
     * scope, so the tracer's ids reach the MDC. Micrometer is an optional dependency: add {@code
     * io.micrometer:micrometer-observation} to use this.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder observationRegistry(io.micrometer.observation.ObservationRegistry registry) {
      this.observationRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Sets the Reactor {@code Context} keys whose values the client copies into the SLF4J MDC of
     * its log lines (default {@code traceId} and {@code spanId}), so a caller's trace reaches the
     * client's logs: {@code client.processes().list().contextWrite(Context.of("traceId", id))}.
     *
     * @param keys the context keys
     * @return this builder
     */
    public Builder logContextKeys(String... keys) {
      this.logContextKeys = java.util.List.of(keys);
      return this;
    }

    /**
     * Uses a TLS context for https URLs, for example one trusting a private CA: {@code
     * SslContextBuilder.forClient().trustManager(caFile).build()}. By default the JDK's trusted
     * certificates are used and certificates are always verified.
     *
     * @param sslContext a client TLS context
     * @return this builder
     */
    public Builder sslContext(io.netty.handler.ssl.SslContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /**
     * Turns TLS certificate verification off, so any server can pose as Core. Only for tests
     * against a server with a self-signed certificate; logs a warning when the client is built.
     *
     * @return this builder
     */
    public Builder trustAllCertificates() {
      this.trustAll = true;
      return this;
    }

    /**
     * Adjusts the Reactor Netty client, for TLS trust, proxies, metrics or wiretap.
     *
     * @param customizer returns the adjusted client
     * @return this builder
     */
    public Builder httpClient(UnaryOperator<HttpClient> customizer) {
      this.httpCustomizer = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /**
     * Builds the client. Nothing is sent until the first call.
     *
     * @return the client
     * @throws IllegalStateException if no base URL was set
     */
    public CoreClient build() {
      if (baseUrls.isEmpty()) {
        throw new IllegalStateException("baseUrl is required");
      }
      return new CoreClient(this, baseUrls);
    }

    @Override
    public String toString() {
      return "CoreClient.Builder{baseUrl"
          + (baseUrls.size() > 1
              ? "s=" + baseUrls
              : "=" + (baseUrls.isEmpty() ? null : baseUrls.get(0)))
          + ", user="
          + user
          + ", password="
          + (password == null ? "none" : "***")
          + ", tokens="
          + (accessToken == null ? "none" : "***")
          + "}";
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }

    private static String redactUserInfo(String url) {
      return url.replaceAll("//[^/@]*@", "//***@");
    }
  }
}
