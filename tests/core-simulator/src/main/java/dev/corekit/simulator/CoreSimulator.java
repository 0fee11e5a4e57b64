package dev.corekit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.simulator.internal.ClusterState;
import dev.corekit.simulator.internal.Settings;
import dev.corekit.simulator.internal.SimServer;
import dev.corekit.simulator.internal.StatsRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * An in-process stand-in for a datarhei Core server (16.20 by default, or any release from 16.10.0
 * on, see {@link CoreVersion}): its whole HTTP API served from memory by Reactor Netty, with JWT
 * auth, simulated ffmpeg processes, filesystems, metadata, config, log, metrics and event streams,
 * plus fault injection ({@link #faults()}) and counters ({@link #stats()}) for tests.
 *
 * <p>It binds to loopback on a free port by default and owns its event loops and timer thread;
 * {@link #close()} releases them all. Thread-safe.
 *
 * <pre>{@code
 * try (CoreSimulator sim = CoreSimulator.builder().user("admin").password("secret")
 *     .accessTtl(Duration.ofSeconds(1)).build().start()) {
 *   sim.faults().on("GET /api/v3/process").times(2).inject(Fault.status(503));
 *   // point a client at sim.baseUrl() ...
 *   assertThat(sim.stats().logins()).isEqualTo(1);
 * }
 * }</pre>
 */
public final class CoreSimulator implements AutoCloseable {
  private final Settings settings;
  private final Faults faults = new Faults();
  private final StatsRecorder recorder;
  private final SimulatorStats stats;
  private final SimServer server;
  private final ClusterState.@Nullable Member member;
  private volatile @Nullable SimulatedCluster owner;

  private CoreSimulator(Settings settings, ClusterState.@Nullable Member member) {
    this.settings = settings;
    this.member = member;
    this.recorder = new StatsRecorder(settings.requestLogCapacity());
    this.stats = new SimulatorStats(recorder);
    this.server =
        new SimServer(
            settings,
            recorder,
            faults::fire,
            new SimServer.AdminControl() {
              @Override
              public String addFault(
                  String route, Fault fault, long times, double probability, long seed) {
                Faults.Target t = faults.on(route);
                if (times > 0) {
                  t = t.times(times);
                }
                if (probability < 1.0) {
                  t = t.probability(probability, seed);
                }
                return t.inject(fault).toString();
              }

              @Override
              public List<String> faults() {
                return faults.rules().stream().map(Object::toString).toList();
              }

              @Override
              public void clearFaults() {
                faults.clear();
              }

              @Override
              public void restartLater(Duration downtime) {
                Thread t = new Thread(() -> restart(downtime), "core-sim-restart");
                t.setDaemon(true);
                t.start();
              }

              @Override
              public Runnable clusterAction(String action, String node) {
                return cluster().adminAction(action, node);
              }

              @Override
              public JsonNode clusterStatus() {
                return cluster().adminStatus();
              }
            },
            member);
  }

  private SimulatedCluster cluster() {
    SimulatedCluster c = owner;
    if (c == null) {
      throw new IllegalArgumentException("this simulator is not a node of a simulated cluster");
    }
    return c;
  }

  /** Makes this simulator a node of {@code cluster}. */
  void owner(SimulatedCluster cluster) {
    this.owner = cluster;
  }

  /** The node's membership in its cluster, or null for a standalone simulator. */
  ClusterState.@Nullable Member member() {
    return member;
  }

  /** Unbinds and resets every connection (TCP RST), like a killed process. */
  void kill() {
    server.kill();
  }

  /**
   * Starts a builder with the defaults: {@code 127.0.0.1}, a free port, user {@code admin} with
   * password {@code datarhei}, Core 16.20, access tokens for 10 minutes and refresh tokens for 24
   * hours.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the server; after {@link #stop()} it binds the same port again.
   *
   * @return this simulator
   * @throws IllegalStateException if closed
   */
  public CoreSimulator start() {
    server.start();
    return this;
  }

  /**
   * Unbinds and closes all connections, keeping all state (processes, files, tokens stay valid);
   * clients see connection refused until {@link #start()}.
   */
  public void stop() {
    server.stop();
  }

  /** Stops and starts again on the same port at once, so clients can reconnect. */
  public void restart() {
    server.restart(Duration.ZERO);
  }

  /**
   * Stops, stays down for a while (connections are refused), then starts on the same port.
   *
   * @param downtime how long to stay down
   */
  public void restart(Duration downtime) {
    server.restart(Objects.requireNonNull(downtime, "downtime"));
  }

  /** Stops the server and releases its event loops and timer; idempotent. */
  @Override
  public void close() {
    server.close();
  }

  /**
   * Whether the server is bound.
   *
   * @return true between {@link #start()} and {@link #stop()}
   */
  public boolean isRunning() {
    return server.running();
  }

  /**
   * The bound port (the configured one before the first start).
   *
   * @return the port
   */
  public int port() {
    return server.port();
  }

  /**
   * The base URL without trailing slash.
   *
   * @return for example {@code http://127.0.0.1:41234}
   */
  public String baseUrl() {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    return "http://" + host + ":" + server.port();
  }

  /**
   * The configured user name.
   *
   * @return the user
   */
  public String user() {
    return settings.user();
  }

  /**
   * The configured password.
   *
   * @return the password
   */
  public String password() {
    return settings.password();
  }

  /**
   * The simulated Core version.
   *
   * @return the version
   */
  public CoreVersion version() {
    return settings.version();
  }

  /**
   * The fault rules.
   *
   * @return the live rule set
   */
  public Faults faults() {
    return faults;
  }

  /**
   * The counters.
   *
   * @return the live counters
   */
  public SimulatorStats stats() {
    return stats;
  }

  /**
   * Adds {@code n} synthetic stopped processes ({@code seed-0000000} ... with reference {@code
   * seed}) that cost no memory: {@code GET /api/v3/process} generates them while streaming.
   * Replaces a previous seed; a seeded process becomes a real one when it is changed.
   *
   * @param n how many, for example {@code 1_000_000}
   * @return this simulator
   */
  public CoreSimulator seedProcesses(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative");
    }
    server.seed(n);
    return this;
  }

  /**
   * Issues a token pair for the configured user, as a login would, without counting a login.
   *
   * @return the tokens
   */
  public Tokens issueTokens() {
    String[] t = server.issueTokens();
    return new Tokens(t[0], t[1]);
  }

  /**
   * A token pair.
   *
   * @param accessToken the access token
   * @param refreshToken the refresh token
   */
  public record Tokens(String accessToken, String refreshToken) {
    @Override
    public String toString() {
      return "Tokens[<redacted>]";
    }
  }

  /** Options of a simulator; every setter returns this builder. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String user = "admin";
    private String password = "datarhei";
    private boolean auth = true;
    private Duration accessTtl = Duration.ofMinutes(10);
    private Duration refreshTtl = Duration.ofHours(24);
    private CoreVersion version = CoreVersion.V16_20;
    private Duration loginFailureDelay = Duration.ofMillis(50);
    private Duration eventKeepalive = Duration.ofSeconds(5);
    private Duration processStartDelay = Duration.ofMillis(250);
    private boolean cluster;
    private boolean admin;
    private int requestLogCapacity = 1000;
    private Clock clock = Clock.systemUTC();
    private @Nullable String jwtSecret;
    private @Nullable String id;
    private String name = "core-simulator";

    private Builder() {}

    /**
     * The address to bind; loopback by default.
     *
     * @param host an IP address or host name
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * The port; 0 (the default) picks a free one.
     *
     * @param port the port
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The API user name.
     *
     * @param user the user
     * @return this builder
     */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /**
     * The API password.
     *
     * @param password the password
     * @return this builder
     */
    public Builder password(String password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Whether JWT auth is on (the default); when off every route is open.
     *
     * @param enabled false to open the API
     * @return this builder
     */
    public Builder auth(boolean enabled) {
      this.auth = enabled;
      return this;
    }

    /**
     * Lifetime of access tokens (Core: 10 minutes); {@code exp} is rounded up to whole seconds.
     *
     * @param ttl the lifetime, positive
     * @return this builder
     */
    public Builder accessTtl(Duration ttl) {
      this.accessTtl = positive(ttl, "accessTtl");
      return this;
    }

    /**
     * Lifetime of refresh tokens (Core: 24 hours).
     *
     * @param ttl the lifetime, positive
     * @return this builder
     */
    public Builder refreshTtl(Duration ttl) {
      this.refreshTtl = positive(ttl, "refreshTtl");
      return this;
    }

    /**
     * The Core release to imitate: its routes, answer shapes and error bodies; 16.20 by default.
     *
     * @param version the version
     * @return this builder
     */
    public Builder coreVersion(CoreVersion version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * The pause before a failed login is answered (Core: 5 s; here 50 ms by default).
     *
     * @param delay the delay, zero or more
     * @return this builder
     */
    public Builder loginFailureDelay(Duration delay) {
      this.loginFailureDelay = notNegative(delay, "loginFailureDelay");
      return this;
    }

    /**
     * How often event streams send a keepalive (Core: 5 s, also the default).
     *
     * @param interval the interval, positive
     * @return this builder
     */
    public Builder eventKeepalive(Duration interval) {
      this.eventKeepalive = positive(interval, "eventKeepalive");
      return this;
    }

    /**
     * How long a started process stays {@code starting} before it is {@code running} (250 ms by
     * default).
     *
     * @param delay the delay, zero or more
     * @return this builder
     */
    public Builder processStartDelay(Duration delay) {
      this.processStartDelay = notNegative(delay, "processStartDelay");
      return this;
    }

    /**
     * Serves a single-node cluster under {@code /api/v3/cluster} (16.20 only); off by default, when
     * those routes answer 404 like Core with clustering off.
     *
     * @param enabled true for a cluster
     * @return this builder
     */
    public Builder cluster(boolean enabled) {
      this.cluster = enabled;
      return this;
    }

    /**
     * Enables the admin HTTP endpoint under {@code /_sim/} (stats, requests, faults, restart,
     * seed), for tests that run the simulator in another process. Off by default.
     *
     * @param enabled true to enable
     * @return this builder
     */
    public Builder admin(boolean enabled) {
      this.admin = enabled;
      return this;
    }

    /**
     * How many recent requests {@link SimulatorStats#recorded()} keeps (1000 by default).
     *
     * @param capacity at least 1
     * @return this builder
     */
    public Builder requestLogCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be at least 1");
      }
      this.requestLogCapacity = capacity;
      return this;
    }

    /**
     * The clock for token issue and expiry and for timestamps (system UTC by default).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * A fixed JWT secret, so tokens stay valid across simulator instances (random by default).
     *
     * @param secret the secret
     * @return this builder
     */
    public Builder jwtSecret(String secret) {
      this.jwtSecret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /**
     * The instance id reported by {@code GET /api} and as {@code core_id} (random by default).
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * The instance name reported by {@code GET /api}.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Creates the simulator; {@link CoreSimulator#start()} binds it.
     *
     * @return a new, unstarted simulator
     */
    public CoreSimulator build() {
      return build(null);
    }

    /** Creates a simulator that is a node of a simulated cluster when {@code member} is given. */
    CoreSimulator build(ClusterState.@Nullable Member member) {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      String secret =
          jwtSecret != null
              ? jwtSecret
              : Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong());
      String instance = id != null ? id : new java.util.UUID(r.nextLong(), r.nextLong()).toString();
      return new CoreSimulator(
          new Settings(
              host,
              port,
              user,
              password,
              auth,
              accessTtl,
              refreshTtl,
              version,
              loginFailureDelay,
              eventKeepalive,
              processStartDelay,
              cluster,
              admin,
              requestLogCapacity,
              clock,
              secret,
              instance,
              name),
          member);
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(what + " must be positive");
      }
      return d;
    }

    private static Duration notNegative(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative");
      }
      return d;
    }
  }
}
