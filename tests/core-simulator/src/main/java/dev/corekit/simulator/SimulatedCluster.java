package dev.corekit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corekit.simulator.internal.ClusterState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A simulated Core cluster (16.20 line) of N nodes in this JVM: each node is a {@link
 * CoreSimulator} on its own free loopback port, with its own JWT secret (a client logs in per
 * node), the same user and password on all nodes, and its own counters. The nodes share one cluster
 * store, so every node answers {@code /api/v3/cluster/...} with the same cluster-wide view:
 * processes and where they run, identities, node states, the leader.
 *
 * <p>As in a real cluster, a process created through {@code POST /api/v3/cluster/process} needs
 * {@code limits} and is placed asynchronously, after {@link Builder#placementDelay}, on the node
 * with the most free CPU among those with enough room ({@link Builder#nodeCapacity}); {@link #kill}
 * takes a node down abruptly (its local processes are lost), the cluster shows it offline at once,
 * elects a new leader after {@link Builder#electionDelay} when it was the leader, and moves its
 * processes to other nodes after {@link Builder#recoverTimeout}; {@link #restart} brings it back on
 * the same port and it rejoins after {@link Builder#rejoinDelay}. Every delay is measured on {@link
 * Builder#clock}, so a test may drive time with a clock of its own and call {@link #reconcile()}.
 *
 * <p>Nodes are addressed by index (0-based, in the order of {@link #baseUrls()}) or by id ({@code
 * node1} ... {@code nodeN}): {@code node(0)} is {@code node1}. Thread-safe.
 *
 * <pre>{@code
 * try (SimulatedCluster cluster = SimulatedCluster.builder().nodes(3)
 *     .recoverTimeout(Duration.ofMillis(500)).placementDelay(Duration.ofMillis(50))
 *     .build().start()) {
 *   List<String> urls = cluster.baseUrls();   // point a cluster client at them
 *   cluster.kill(cluster.leader().orElseThrow());
 * }
 * }</pre>
 */
public final class SimulatedCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClusterState state;
  private final List<CoreSimulator> nodes;
  private final List<ClusterState.Member> members;
  private final String user;
  private final String password;
  private final String clusterId;
  private volatile boolean closed;

  private SimulatedCluster(Builder b) {
    this.user = b.user;
    this.password = b.password;
    this.clusterId = b.clusterId;
    this.state =
        new ClusterState(
            new ClusterState.Options(
                b.clusterId,
                b.clock,
                b.placementDelay,
                b.electionDelay,
                b.recoverTimeout,
                b.rejoinDelay,
                b.tick,
                b.ncpu,
                b.cpuLimit,
                b.memoryMbytes));
    List<CoreSimulator> list = new ArrayList<>();
    List<ClusterState.Member> ms = new ArrayList<>();
    for (int i = 0; i < b.nodes; i++) {
      String id = "node" + (i + 1);
      ClusterState.Member m = state.addMember(id, b.raftBasePort + 10 * i);
      CoreSimulator.Builder nb =
          CoreSimulator.builder()
              .user(b.user)
              .password(b.password)
              .cluster(true)
              .id(id)
              .name(id)
              .clock(b.clock)
              .accessTtl(b.accessTtl)
              .refreshTtl(b.refreshTtl)
              .loginFailureDelay(b.loginFailureDelay)
              .eventKeepalive(b.eventKeepalive)
              .processStartDelay(b.processStartDelay)
              .admin(b.admin);
      if (b.basePort > 0) {
        nb.port(b.basePort + i);
      }
      if (b.sharedJwtSecret != null) {
        nb.jwtSecret(b.sharedJwtSecret);
      }
      CoreSimulator sim = nb.build(m);
      sim.owner(this);
      list.add(sim);
      ms.add(m);
    }
    this.nodes = List.copyOf(list);
    this.members = List.copyOf(ms);
  }

  /**
   * Starts a builder with the defaults: 3 nodes, user {@code admin} with password {@code datarhei},
   * placement after 1 s, a new leader 2 s after the leader is lost, processes of a lost node moved
   * after 10 s (Core's {@code CORE_CLUSTER_NODE_RECOVER_TIMEOUT_SEC}), a restarted node online
   * again after 2 s, and each node offering 4 CPUs (400 %) and 8 GiB.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds every node that is not running and starts the cluster: the first node is the leader at
   * once and all nodes are online.
   *
   * @return this cluster
   * @throws IllegalStateException if closed
   */
  public SimulatedCluster start() {
    if (closed) {
      throw new IllegalStateException("cluster closed");
    }
    for (CoreSimulator n : nodes) {
      n.start();
    }
    state.start();
    return this;
  }

  /**
   * The number of nodes.
   *
   * @return N
   */
  public int size() {
    return nodes.size();
  }

  /**
   * A node by index.
   *
   * @param index 0-based: {@code 0} is {@code node1}
   * @return the node's simulator
   * @throws IndexOutOfBoundsException for an index outside {@code 0..size()-1}
   */
  public CoreSimulator node(int index) {
    return nodes.get(checkIndex(index));
  }

  /**
   * A node by id.
   *
   * @param id {@code node1} ... {@code nodeN}
   * @return the node's simulator
   * @throws IllegalArgumentException for an unknown id
   */
  public CoreSimulator node(String id) {
    return nodes.get(indexOf(id));
  }

  /**
   * All nodes, in id order.
   *
   * @return the simulators
   */
  public List<CoreSimulator> nodes() {
    return nodes;
  }

  /**
   * The node ids, in the order of {@link #nodes()}.
   *
   * @return {@code [node1, ..., nodeN]}
   */
  public List<String> nodeIds() {
    return members.stream().map(ClusterState.Member::id).toList();
  }

  /**
   * The public base URL of each node, in the order of {@link #nodes()}.
   *
   * @return for example {@code [http://127.0.0.1:41234, http://127.0.0.1:41240, ...]}
   */
  public List<String> baseUrls() {
    return nodes.stream().map(CoreSimulator::baseUrl).toList();
  }

  /**
   * Kills a node as SIGKILL would: unbinds it and resets every open connection (clients see
   * connection resets, then connection refused); its running processes and memory filesystem are
   * lost. The cluster shows it offline at once.
   *
   * @param index 0-based node index
   */
  public void kill(int index) {
    int i = checkIndex(index);
    nodes.get(i).kill();
    state.killed(members.get(i));
  }

  /**
   * Kills a node by id; see {@link #kill(int)}.
   *
   * @param id {@code node1} ... {@code nodeN}
   */
  public void kill(String id) {
    kill(indexOf(id));
  }

  /**
   * Restarts a node on the same port (killing it first if it runs); it rejoins the cluster after
   * the rejoin delay, and the leader deploys its processes to it again. A node that left the
   * cluster joins again.
   *
   * @param index 0-based node index
   */
  public void restart(int index) {
    int i = checkIndex(index);
    CoreSimulator n = nodes.get(i);
    if (n.isRunning()) {
      kill(i);
      state.reconcile();
    }
    n.start();
    state.restarted(members.get(i));
  }

  /**
   * Restarts a node by id; see {@link #restart(int)}.
   *
   * @param id {@code node1} ... {@code nodeN}
   */
  public void restart(String id) {
    restart(indexOf(id));
  }

  /**
   * The id of the leader.
   *
   * @return the node id, or empty while the cluster has none (election, or no quorum)
   */
  public Optional<String> leader() {
    return state.leader();
  }

  /**
   * Whether the cluster has a leader, as {@code GET /api/v3/cluster/healthy} answers.
   *
   * @return true with a leader
   */
  public boolean healthy() {
    return state.leader().isPresent();
  }

  /**
   * The node a process of the default domain is placed on.
   *
   * @param processId the process id
   * @return the node id, or empty while unplaced or unknown
   */
  public Optional<String> placement(String processId) {
    return placement(processId, "");
  }

  /**
   * The node a process is placed on.
   *
   * @param processId the process id
   * @param domain the process domain ({@code ""} for the default)
   * @return the node id, or empty while unplaced or unknown
   */
  public Optional<String> placement(String processId, String domain) {
    return state.placement(
        Objects.requireNonNull(processId, "processId"), Objects.requireNonNull(domain, "domain"));
  }

  /**
   * The status the cluster shows for a node.
   *
   * @param id {@code node1} ... {@code nodeN}
   * @return {@code online}, {@code offline}, {@code maintenance}, or {@code leave} after it left
   */
  public String nodeStatus(String id) {
    indexOf(id);
    return state.nodeStatus(id);
  }

  /**
   * Runs one pass of the cluster at the clock's current time, now, on the calling thread: noticing
   * nodes that went down or came back, electing a leader, placing and moving processes, and
   * bringing each node's processes in line. A background thread also runs passes every tick.
   */
  public void reconcile() {
    state.reconcile();
  }

  /**
   * The user of every node.
   *
   * @return the user name
   */
  public String user() {
    return user;
  }

  /**
   * The password of every node.
   *
   * @return the password
   */
  public String password() {
    return password;
  }

  /**
   * The cluster id that {@code GET /api/v3/cluster} reports.
   *
   * @return the id
   */
  public String clusterId() {
    return clusterId;
  }

  /** Stops every node and the cluster's thread, releasing everything; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    state.close();
    for (CoreSimulator n : nodes) {
      n.close();
    }
  }

  @Override
  public String toString() {
    return "SimulatedCluster[" + clusterId + ", " + baseUrls() + "]";
  }

  // ---- admin endpoint ------------------------------------------------------------------------

  /** Checks an admin action ({@code kill}/{@code restart}) and returns it to run later. */
  Runnable adminAction(String action, String id) {
    int i = indexOf(id);
    return switch (action) {
      case "kill" -> () -> kill(i);
      case "restart" -> () -> restart(i);
      default -> throw new IllegalArgumentException("unknown cluster action: " + action);
    };
  }

  /** The leader and each node's id, URL, whether it runs and its status, for the admin endpoint. */
  JsonNode adminStatus() {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", clusterId);
    o.put("leader", leader().orElse(""));
    ArrayNode a = o.putArray("nodes");
    for (int i = 0; i < nodes.size(); i++) {
      String id = members.get(i).id();
      a.addObject()
          .put("id", id)
          .put("url", nodes.get(i).baseUrl())
          .put("running", nodes.get(i).isRunning())
          .put("status", state.nodeStatus(id));
    }
    return o;
  }

  private int checkIndex(int index) {
    if (index < 0 || index >= nodes.size()) {
      throw new IndexOutOfBoundsException(
          "node index "
              + index
              + " is outside 0.."
              + (nodes.size() - 1)
              + " (indexes are 0-based: node(0) is node1)");
    }
    return index;
  }

  private int indexOf(String id) {
    Objects.requireNonNull(id, "id");
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "unknown node id: " + id + " (this cluster has " + nodeIds() + ")");
  }

  /** Options of a simulated cluster; every setter returns this builder. */
  public static final class Builder {
    private int nodes = 3;
    private String user = "admin";
    private String password = "datarhei";
    private String clusterId = "sim-cluster";
    private Duration placementDelay = Duration.ofSeconds(1);
    private Duration electionDelay = Duration.ofSeconds(2);
    private Duration recoverTimeout = Duration.ofSeconds(10);
    private Duration rejoinDelay = Duration.ofSeconds(2);
    private Duration tick = Duration.ofMillis(50);
    private Clock clock = Clock.systemUTC();
    private int ncpu = 4;
    private double cpuLimit = 400;
    private long memoryMbytes = 8192;
    private Duration processStartDelay = Duration.ofMillis(250);
    private Duration accessTtl = Duration.ofMinutes(10);
    private Duration refreshTtl = Duration.ofHours(24);
    private Duration loginFailureDelay = Duration.ofMillis(50);
    private Duration eventKeepalive = Duration.ofSeconds(5);
    private boolean admin;
    private int raftBasePort = 7000;
    private int basePort;
    private @Nullable String sharedJwtSecret;

    private Builder() {}

    /**
     * The number of nodes (3 by default).
     *
     * @param n 1 to 9
     * @return this builder
     */
    public Builder nodes(int n) {
      if (n < 1 || n > 9) {
        throw new IllegalArgumentException("nodes must be 1 to 9, got " + n);
      }
      this.nodes = n;
      return this;
    }

    /**
     * The API user of every node.
     *
     * @param user the user
     * @return this builder
     */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /**
     * The API password of every node (also embedded in each node's {@code core.address}).
     *
     * @param password the password
     * @return this builder
     */
    public Builder password(String password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * The cluster id ({@code CORE_CLUSTER_ID}); {@code sim-cluster} by default.
     *
     * @param id the id
     * @return this builder
     */
    public Builder clusterId(String id) {
      this.clusterId = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * How long after it is created (or must move) a process waits before the leader places it (1 s
     * by default).
     *
     * @param delay zero or more
     * @return this builder
     */
    public Builder placementDelay(Duration delay) {
      this.placementDelay = notNegative(delay, "placementDelay");
      return this;
    }

    /**
     * How long the cluster stays without a leader after losing it (2 s by default, as measured).
     *
     * @param delay zero or more
     * @return this builder
     */
    public Builder electionDelay(Duration delay) {
      this.electionDelay = notNegative(delay, "electionDelay");
      return this;
    }

    /**
     * How long a node may be gone before its processes move to other nodes (10 s by default).
     *
     * @param timeout zero or more
     * @return this builder
     */
    public Builder recoverTimeout(Duration timeout) {
      this.recoverTimeout = notNegative(timeout, "recoverTimeout");
      return this;
    }

    /**
     * How long a restarted node takes to be online in the cluster again (2 s by default).
     *
     * @param delay zero or more
     * @return this builder
     */
    public Builder rejoinDelay(Duration delay) {
      this.rejoinDelay = notNegative(delay, "rejoinDelay");
      return this;
    }

    /**
     * How often (wall-clock) the cluster's background pass runs (50 ms by default).
     *
     * @param tick positive
     * @return this builder
     */
    public Builder tick(Duration tick) {
      Objects.requireNonNull(tick, "tick");
      if (tick.isZero() || tick.isNegative()) {
        throw new IllegalArgumentException("tick must be positive");
      }
      this.tick = tick;
      return this;
    }

    /**
     * The clock of every node and every cluster delay (system UTC by default); a test may pass a
     * clock it advances, then await or call {@link SimulatedCluster#reconcile()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * What each node offers to processes ({@code CORE_RESOURCES_MAX_CPU_USAGE} and {@code
     * _MAX_MEMORY_USAGE}); a process fits where the {@code limits} of the processes already there
     * plus its own stay within both. 400 % and 8192 MiB by default.
     *
     * @param cpuLimit CPU percent, 0 to 100 times the node's CPUs
     * @param memoryMbytes memory in MiB
     * @return this builder
     */
    public Builder nodeCapacity(double cpuLimit, long memoryMbytes) {
      if (!(cpuLimit > 0) || memoryMbytes <= 0) {
        throw new IllegalArgumentException("node capacity must be positive");
      }
      this.cpuLimit = cpuLimit;
      this.memoryMbytes = memoryMbytes;
      return this;
    }

    /**
     * The number of CPUs each node reports (4 by default).
     *
     * @param ncpu at least 1
     * @return this builder
     */
    public Builder ncpu(int ncpu) {
      if (ncpu < 1) {
        throw new IllegalArgumentException("ncpu must be at least 1");
      }
      this.ncpu = ncpu;
      return this;
    }

    /**
     * How long a started process stays {@code starting} (250 ms by default).
     *
     * @param delay zero or more
     * @return this builder
     */
    public Builder processStartDelay(Duration delay) {
      this.processStartDelay = notNegative(delay, "processStartDelay");
      return this;
    }

    /**
     * Lifetime of access tokens on every node (10 minutes by default).
     *
     * @param ttl positive
     * @return this builder
     */
    public Builder accessTtl(Duration ttl) {
      this.accessTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * Lifetime of refresh tokens on every node (24 hours by default).
     *
     * @param ttl positive
     * @return this builder
     */
    public Builder refreshTtl(Duration ttl) {
      this.refreshTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * The pause before a failed login is answered (50 ms by default).
     *
     * @param delay zero or more
     * @return this builder
     */
    public Builder loginFailureDelay(Duration delay) {
      this.loginFailureDelay = notNegative(delay, "loginFailureDelay");
      return this;
    }

    /**
     * How often event streams send a keepalive (5 s by default).
     *
     * @param interval positive
     * @return this builder
     */
    public Builder eventKeepalive(Duration interval) {
      this.eventKeepalive = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Enables the admin endpoint {@code /_sim/} on every node, including {@code GET /_sim/cluster}
     * and {@code POST /_sim/cluster/kill?node=node2} / {@code restart}. Off by default.
     *
     * @param enabled true to enable
     * @return this builder
     */
    public Builder admin(boolean enabled) {
      this.admin = enabled;
      return this;
    }

    /**
     * The raft port node1 reports (7000 by default; node k reports {@code base + 10 * (k - 1)} and
     * its cluster API one port up). Nothing listens there.
     *
     * @param port the base port
     * @return this builder
     */
    public Builder raftBasePort(int port) {
      if (port < 1 || port > 65000) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.raftBasePort = port;
      return this;
    }

    /**
     * Fixed HTTP ports: node k binds {@code port + k - 1}; 0 (the default) gives each node a free
     * port.
     *
     * @param port the port of node1, or 0
     * @return this builder
     */
    public Builder basePort(int port) {
      if (port < 0 || port > 65535 - 9) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.basePort = port;
      return this;
    }

    /**
     * One JWT secret for all nodes, so a token of one node is valid on all; by default each node
     * has its own secret and refuses the others' tokens, as real nodes do.
     *
     * @param secret the secret
     * @return this builder
     */
    public Builder sharedJwtSecret(String secret) {
      this.sharedJwtSecret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /**
     * Creates the cluster; {@link SimulatedCluster#start()} binds its nodes.
     *
     * @return a new, unstarted cluster
     */
    public SimulatedCluster build() {
      return new SimulatedCluster(this);
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
