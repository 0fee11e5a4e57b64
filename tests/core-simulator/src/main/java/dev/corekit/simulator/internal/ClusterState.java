package dev.corekit.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared state of a simulated Core cluster, the in-JVM stand-in for its raft store: processes
 * with their placement, identities (IAM), node states, relocations; plus what the leader does with
 * it on every pass of {@link #reconcile()}: elect a leader, notice lost nodes, place processes on
 * nodes with enough resources, move processes away from nodes in maintenance, and bring each node's
 * local processes in line with the store.
 *
 * <p>Every delay is a deadline on the cluster's clock, checked by each pass; a background thread
 * runs a pass every tick (and soon after each change), so a test with a controllable clock advances
 * it and awaits, or calls {@link #reconcile()} itself. Thread-safe: one lock guards the store; it
 * is taken before the monitor of any local process.
 */
public final class ClusterState implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterState.class);
  static final String NO_RESOURCES = "no node with enough resources for deployment is available";
  static final String PROTOCOL_VERSION = "2.1.0";
  private static final long MIB = 1024L * 1024L;

  /**
   * The cluster's settings.
   *
   * @param clusterId the id the cluster reports
   * @param clock the clock of every deadline
   * @param placementDelay how long after a change a process is placed (or moved)
   * @param electionDelay how long the cluster has no leader after its leader is lost
   * @param recoverTimeout how long a node may be gone before its processes move to other nodes
   * @param rejoinDelay how long a restarted node takes to be online again
   * @param tick how often the background pass runs (wall-clock)
   * @param ncpu the CPUs each node reports
   * @param cpuLimit the CPU each node offers to processes, percent (0 to 100 * ncpu)
   * @param memoryMbytes the memory each node offers to processes, MiB
   */
  public record Options(
      String clusterId,
      Clock clock,
      Duration placementDelay,
      Duration electionDelay,
      Duration recoverTimeout,
      Duration rejoinDelay,
      Duration tick,
      int ncpu,
      double cpuLimit,
      long memoryMbytes) {}

  /** A process as the cluster stores it. */
  static final class Stored {
    String id;
    String domain;
    String owner;
    ObjectNode config;
    String order;
    final Map<String, JsonNode> metadata = new LinkedHashMap<>();
    final long createdAt;
    long updatedAt;
    String node = "";
    String error = "";
    long eligibleAt;
    long relocateAt;
    String relocateError = "";
    int restarts;

    Stored(ObjectNode config, String order, long now) {
      this.config = config;
      this.id = config.path("id").asText();
      this.domain = config.path("domain").asText();
      this.owner = config.path("owner").asText();
      this.order = order;
      this.createdAt = now;
      this.updatedAt = now;
    }

    String key() {
      return key(id, domain);
    }

    static String key(String id, String domain) {
      return id + "@" + domain;
    }

    double cpu() {
      return config.path("limits").path("cpu_usage").asDouble();
    }

    long memoryMbytes() {
      return config.path("limits").path("memory_mbytes").asLong();
    }
  }

  /** One node of the cluster: its server and API once attached, and its membership. */
  public final class Member {
    final String id;
    final int raftPort;
    private volatile @Nullable Api api;
    private volatile @Nullable SimServer server;
    // guarded by ClusterState.this
    long downSince = -1;
    long joinAt;
    boolean joined;
    boolean left;
    String storeState = "";
    long storeStateAt;
    long startedAt;
    final Map<String, String> synced = new HashMap<>();
    final Map<String, Integer> restartsSeen = new HashMap<>();

    private Member(String id, int raftPort) {
      this.id = id;
      this.raftPort = raftPort;
    }

    /** Called by the node's server once its API exists. */
    void attach(Api api, SimServer server) {
      this.api = api;
      this.server = server;
    }

    /** The cluster this node belongs to. */
    ClusterState cluster() {
      return ClusterState.this;
    }

    /** The node id, e.g. {@code node2}. */
    public String id() {
      return id;
    }

    Api api() {
      Api a = api;
      if (a == null) {
        throw new IllegalStateException("node " + id + " has no server");
      }
      return a;
    }

    boolean reachable() {
      SimServer srv = server;
      return srv != null && srv.running();
    }

    /** Raft address, e.g. {@code 127.0.0.1:7000}; the node's cluster API listens one port up. */
    String raftAddress() {
      return "127.0.0.1:" + raftPort;
    }

    String apiAddress() {
      return "127.0.0.1:" + (raftPort + 1);
    }

    /**
     * Whether a run of {@code p} fails because a {@code {memfs}} output is written with the owner's
     * credentials, which the cluster refuses unless the owner is an identity with a basic-auth
     * password and an {@code fs} policy on the path; the lines ffmpeg writes, or null.
     */
    @Nullable List<String> memfsFailure(Proc p, Api node) {
      for (JsonNode out : p.config.path("output")) {
        String address = out.path("address").asText("");
        if (!address.startsWith("{memfs}")) {
          continue;
        }
        String path = "/memfs" + FileStore.clean(address.substring("{memfs}".length()));
        if (!mayWrite(node.iamUser(p.owner), path)) {
          String url = node.processes.displayAddress(address);
          return List.of(
              "[http @ 0x55d8c2f4a7c0] HTTP error 401 Unauthorized",
              "[out#0/hls @ 0x55d8c2f31e40] Error opening output "
                  + url
                  + ": Server returned 401 Unauthorized (authorization failed)",
              "Error opening output files: Server returned 401 Unauthorized (authorization"
                  + " failed)");
        }
      }
      return null;
    }

    private static boolean mayWrite(@Nullable ObjectNode user, String path) {
      if (user == null) {
        return false; // the superuser has no basic-auth password for the filesystems
      }
      boolean basic = false;
      for (JsonNode pw : user.path("auth").path("services").path("basic")) {
        basic |= !pw.asText("").isEmpty();
      }
      if (!basic) {
        return false;
      }
      for (JsonNode policy : user.path("policies")) {
        boolean fs = false;
        for (JsonNode t : policy.path("types")) {
          fs |= t.asText().equals("fs");
        }
        if (fs && Glob.matches(policy.path("resource").asText(""), path)) {
          return true;
        }
      }
      return false;
    }
  }

  final Options o;
  private final Clock clock;

  /** The identities of the whole cluster, shared by the nodes' APIs. */
  final ConcurrentSkipListMap<String, ObjectNode> iam = new ConcurrentSkipListMap<>();

  private final List<Member> members = new ArrayList<>();
  private final TreeMap<String, Stored> procs = new TreeMap<>();
  private final Map<String, String> relocations = new LinkedHashMap<>();
  private final ScheduledExecutorService exec;
  private String leader = "";
  private long electedAt;
  private long leaderLostAt;
  private long term;
  private long index;
  private boolean started;
  private volatile boolean closed;

  /**
   * A cluster without nodes; add them with {@link #addMember}, then {@link #start()}.
   *
   * @param o the settings
   */
  public ClusterState(Options o) {
    this.o = o;
    this.clock = o.clock();
    this.exec =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "core-sim-cluster");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Adds a node before the start.
   *
   * @param id the node id
   * @param raftPort the raft port the node reports (nothing listens there)
   * @return the membership to hand to the node's server
   */
  public synchronized Member addMember(String id, int raftPort) {
    if (started) {
      throw new IllegalStateException("the cluster has started");
    }
    Member m = new Member(id, raftPort);
    members.add(m);
    return m;
  }

  /** Marks every node that runs as joined, elects the first as leader and starts the passes. */
  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    long now = clock.millis();
    for (Member m : members) {
      m.startedAt = now;
      m.joined = m.reachable();
      m.downSince = m.joined ? -1 : now;
    }
    electLeader(now);
    long tick = Math.max(1, o.tick().toMillis());
    exec.scheduleWithFixedDelay(this::safeReconcile, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** Stops the passes. */
  @Override
  public void close() {
    closed = true;
    exec.shutdownNow();
  }

  /** Runs a pass soon on the cluster thread. */
  void wake() {
    if (!closed) {
      try {
        exec.execute(this::safeReconcile);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closed meanwhile
      }
    }
  }

  private void safeReconcile() {
    try {
      reconcile();
    } catch (RuntimeException e) {
      LOG.warn("cluster pass failed", e);
    }
  }

  // ---- what tests and the public wrapper ask -------------------------------------------------

  /**
   * The leader's node id.
   *
   * @return the id, or empty while there is none
   */
  public synchronized Optional<String> leader() {
    return leader.isEmpty() ? Optional.empty() : Optional.of(leader);
  }

  /**
   * The node a process is placed on.
   *
   * @param id the process id
   * @param domain the process domain
   * @return the node id, or empty while it is not placed (or unknown)
   */
  public synchronized Optional<String> placement(String id, String domain) {
    Stored p = procs.get(Stored.key(id, domain));
    return p == null || p.node.isEmpty() ? Optional.empty() : Optional.of(p.node);
  }

  /**
   * The state a node shows in the node list: {@code online}, {@code offline}, {@code maintenance},
   * or {@code leave} for a node that left.
   *
   * @param id the node id
   * @return the state
   */
  public synchronized String nodeStatus(String id) {
    Member m = member(id);
    if (m == null) {
      throw new IllegalArgumentException("unknown node: " + id);
    }
    return m.left ? "leave" : status(m);
  }

  /**
   * Takes a node down as a kill would: it counts as gone from now on, and its local processes and
   * memory filesystem are lost. The caller has reset its connections.
   *
   * @param m the node
   */
  public void killed(Member m) {
    synchronized (this) {
      long now = clock.millis();
      if (m.downSince < 0) {
        m.downSince = now;
      }
      m.joined = false;
      m.synced.clear();
      m.restartsSeen.clear();
      Api a = m.api;
      if (a != null) {
        a.processes.clear();
        FileStore mem = a.fs.get("mem");
        if (mem != null) {
          mem.clear();
        }
      }
    }
    wake();
  }

  /**
   * Notes that a node runs again (it rejoins after the rejoin delay) and that a node which had left
   * wants back in.
   *
   * @param m the node
   */
  public void restarted(Member m) {
    synchronized (this) {
      m.left = false;
    }
    wake();
  }

  // ---- one pass ------------------------------------------------------------------------------

  /** Runs one pass at the clock's current time: membership, leader, placement, sync. */
  public synchronized void reconcile() {
    if (!started) {
      return;
    }
    long now = clock.millis();
    for (Member m : members) {
      boolean up = m.reachable();
      if (!up) {
        if (m.downSince < 0) {
          m.downSince = now;
          m.joined = false;
        }
        continue;
      }
      if (m.downSince >= 0) {
        m.downSince = -1;
        m.startedAt = now;
        m.joinAt = now + o.rejoinDelay().toMillis();
        m.joined = false;
      }
      if (!m.joined && now >= m.joinAt) {
        m.joined = true;
      }
    }
    if (!leader.isEmpty()) {
      Member l = member(leader);
      if (l == null || !alive(l) || !quorum()) {
        leader = "";
        leaderLostAt = now;
      }
    }
    if (leader.isEmpty() && quorum() && now - leaderLostAt >= o.electionDelay().toMillis()) {
      electLeader(now);
    }
    if (leader.isEmpty()) {
      return;
    }
    recoverLost(now);
    relocate(now);
    place(now);
    for (Member m : members) {
      if (alive(m)) {
        sync(m);
      }
    }
  }

  private void electLeader(long now) {
    for (Member m : members) {
      if (alive(m)) {
        leader = m.id;
        electedAt = now;
        term++;
        index++;
        return;
      }
    }
  }

  private boolean alive(Member m) {
    return !m.left && m.joined && m.downSince < 0 && m.reachable();
  }

  private boolean available(Member m) {
    return alive(m) && !m.storeState.equals("maintenance");
  }

  private boolean quorum() {
    int voters = 0;
    int up = 0;
    for (Member m : members) {
      if (!m.left) {
        voters++;
        if (alive(m)) {
          up++;
        }
      }
    }
    return up * 2 > voters;
  }

  /** Processes of nodes gone longer than the recover timeout, left, or in maintenance move. */
  private void recoverLost(long now) {
    for (Member m : members) {
      boolean lost = m.downSince >= 0 && now - m.downSince >= o.recoverTimeout().toMillis();
      boolean drain = m.left || (alive(m) && m.storeState.equals("maintenance"));
      if (!lost && !drain) {
        continue;
      }
      for (Stored p : procs.values()) {
        if (p.node.equals(m.id)) {
          p.node = "";
          p.error = "";
          p.eligibleAt = now;
          index++;
          LOG.debug("process {} leaves node {}", p.key(), m.id);
        }
      }
    }
  }

  private void relocate(long now) {
    var it = relocations.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      Stored p = procs.get(e.getKey());
      if (p == null) {
        it.remove();
        continue;
      }
      if (now < p.relocateAt) {
        continue;
      }
      // a move that cannot happen stays pending with its error and is tried again on every pass
      Member target = member(e.getValue());
      if (target == null || !available(target)) {
        p.relocateError = "the target node " + e.getValue() + " is not available";
        continue;
      }
      if (p.node.equals(target.id)) {
        it.remove();
        p.relocateError = "";
        continue;
      }
      double[] used = reserved(target.id, p);
      if (used[0] + p.cpu() > o.cpuLimit()) {
        p.relocateError =
            String.format(
                Locale.ROOT,
                "the CPU limit would be exceeded: %f + %f > %f",
                used[0],
                p.cpu(),
                o.cpuLimit());
        continue;
      }
      if (used[1] + p.memoryMbytes() > o.memoryMbytes()) {
        p.relocateError =
            String.format(
                Locale.ROOT,
                "the memory limit would be exceeded: %d + %d > %d",
                (long) used[1] * MIB,
                p.memoryMbytes() * MIB,
                o.memoryMbytes() * MIB);
        continue;
      }
      it.remove();
      p.node = target.id;
      p.error = "";
      p.relocateError = "";
      index++;
    }
  }

  private void place(long now) {
    for (Stored p : procs.values()) {
      if (!p.node.isEmpty() || now < p.eligibleAt) {
        continue;
      }
      Member best = null;
      double bestFree = -1;
      for (Member m : members) {
        if (!available(m)) {
          continue;
        }
        double[] used = reserved(m.id, null);
        if (used[0] + p.cpu() > o.cpuLimit() || used[1] + p.memoryMbytes() > o.memoryMbytes()) {
          continue;
        }
        double free = o.cpuLimit() - used[0];
        if (free > bestFree) {
          best = m;
          bestFree = free;
        }
      }
      if (best == null) {
        p.error = NO_RESOURCES;
      } else {
        p.node = best.id;
        p.error = "";
        index++;
        LOG.debug("process {} placed on {}", p.key(), best.id);
      }
    }
  }

  /** CPU percent and MiB reserved on a node by the limits of its processes, but {@code except}. */
  private double[] reserved(String node, @Nullable Stored except) {
    double cpu = 0;
    double mem = 0;
    for (Stored p : procs.values()) {
      if (p != except && p.node.equals(node)) {
        cpu += p.cpu();
        mem += p.memoryMbytes();
      }
    }
    return new double[] {cpu, mem};
  }

  /** Makes a node's local processes what the store says: add, update, order, delete. */
  private void sync(Member m) {
    ProcessStore local = m.api().processes;
    Set<String> wanted = new HashSet<>();
    for (Stored p : procs.values()) {
      if (!p.node.equals(m.id)) {
        continue;
      }
      String key = p.key();
      wanted.add(key);
      String config = p.config.toString();
      Proc lp = local.find(p.id);
      try {
        if (lp == null || !lp.domain.equals(p.domain)) {
          if (lp != null) {
            local.delete(p.id);
          }
          lp = local.add(p.config.deepCopy(), p.owner);
          m.synced.put(key, config);
        } else if (!config.equals(m.synced.get(key))) {
          lp = local.update(p.id, p.config.deepCopy(), p.owner);
          m.synced.put(key, config);
        }
      } catch (ApiError e) {
        p.error = e.body.path("details").path(0).asText(e.body.path("message").asText());
        continue;
      }
      boolean running;
      synchronized (lp) {
        lp.metadata.clear();
        lp.metadata.putAll(p.metadata);
        running = lp.running();
      }
      if (p.order.equals("start") && !running) {
        local.command(lp, "start");
      } else if (p.order.equals("stop") && running) {
        local.command(lp, "stop");
      } else if (running && p.restarts != m.restartsSeen.getOrDefault(key, 0)) {
        local.command(lp, "restart");
      }
      m.restartsSeen.put(key, p.restarts);
    }
    for (Proc lp : new ArrayList<>(local.procs.values())) {
      String key;
      synchronized (lp) {
        key = Stored.key(lp.id, lp.domain);
      }
      if (!wanted.contains(key)) {
        try {
          local.delete(lp.id);
        } catch (ApiError e) {
          // gone meanwhile
        }
      }
    }
    m.synced.keySet().retainAll(wanted);
    m.restartsSeen.keySet().retainAll(wanted);
  }

  // ---- changes through the cluster API -------------------------------------------------------

  private void requireLeader() {
    if (leader.isEmpty()) {
      throw ApiError.of(500, "Internal Server Error", "no raft leader elected");
    }
  }

  /** Stores a new process (a normalized config); it is placed after the placement delay. */
  synchronized void addProcess(ObjectNode config, Map<String, JsonNode> metadata) {
    requireLeader();
    String key = Stored.key(config.path("id").asText(), config.path("domain").asText());
    ObjectNode l = (ObjectNode) config.path("limits");
    if (l.path("cpu_usage").asDouble() <= 0 || l.path("memory_mbytes").asLong() <= 0) {
      throw ApiError.of(
          400,
          "Bad Request",
          "adding process config: the process with the ID '" + key + "' must have limits defined");
    }
    if (procs.containsKey(key)) {
      throw ApiError.of(
          400,
          "Bad Request",
          "adding process config: the process with the ID '" + key + "' already exists");
    }
    long now = clock.millis();
    ObjectNode stored = config.deepCopy();
    String order = stored.path("autostart").asBoolean() ? "start" : "stop";
    stored.put("autostart", false);
    Stored p = new Stored(stored, order, now);
    p.metadata.putAll(metadata);
    p.eligibleAt = now + o.placementDelay().toMillis();
    procs.put(key, p);
    index++;
    wake();
  }

  /** Replaces the config of a stored process; the node it runs on applies it. */
  synchronized void updateProcess(String id, String domain, ObjectNode config) {
    requireLeader();
    Stored p = storedOr404(id, domain);
    ObjectNode l = (ObjectNode) config.path("limits");
    String newKey = Stored.key(config.path("id").asText(), config.path("domain").asText());
    if (l.path("cpu_usage").asDouble() <= 0 || l.path("memory_mbytes").asLong() <= 0) {
      throw ApiError.of(
          400,
          "Bad Request",
          "process can't be updated: the process with the ID '"
              + newKey
              + "' must have limits defined");
    }
    if (!newKey.equals(p.key()) && procs.containsKey(newKey)) {
      throw ApiError.of(
          400,
          "Bad Request",
          "process can't be updated: the process with the ID '" + newKey + "' already exists");
    }
    ObjectNode stored = config.deepCopy();
    stored.put("autostart", false);
    procs.remove(p.key());
    String target = relocations.remove(p.key());
    p.config = stored;
    p.id = stored.path("id").asText();
    p.domain = stored.path("domain").asText();
    p.owner = stored.path("owner").asText();
    p.updatedAt = clock.millis();
    procs.put(p.key(), p);
    if (target != null) {
      relocations.put(p.key(), target);
    }
    index++;
    wake();
  }

  synchronized void deleteProcess(String id, String domain) {
    requireLeader();
    Stored p = storedOr404(id, domain);
    procs.remove(p.key());
    relocations.remove(p.key());
    index++;
    wake();
  }

  synchronized void command(String id, String domain, String command) {
    requireLeader();
    Stored p = procs.get(Stored.key(id, domain));
    if (p == null) {
      throw ApiError.of(
          404,
          "Not Found",
          "command failed: process not found: " + id + " in domain '" + domain + "'");
    }
    switch (command) {
      case "start", "stop" -> p.order = command;
      default -> p.restarts++;
    }
    p.updatedAt = clock.millis();
    index++;
    wake();
  }

  synchronized JsonNode setMetadata(String id, String domain, String key, JsonNode value) {
    Stored p = procs.get(Stored.key(id, domain));
    if (p == null) {
      throw ApiError.of(
          404,
          "Not Found",
          "setting metadata failed: process not found: " + id + " in domain '" + domain + "'");
    }
    if (value.isNull()) {
      p.metadata.remove(key);
    } else {
      p.metadata.put(key, value);
    }
    index++;
    wake();
    return value;
  }

  synchronized JsonNode metadata(String id, String domain, String key) {
    Stored p = procs.get(Stored.key(id, domain));
    if (p == null) {
      throw ApiError.of(404, "Not Found", "unknown process ID: process not found");
    }
    if (key.isEmpty()) {
      return ProcessStore.metadataNode(p.metadata);
    }
    JsonNode v = p.metadata.get(key);
    if (v == null) {
      throw ApiError.of(404, "Not Found", "unknown key: " + key);
    }
    return v.deepCopy();
  }

  /** Moves processes to a target node after the placement delay; see {@code /reallocation}. */
  synchronized void reallocate(JsonNode body) {
    requireLeader();
    if (!body.isArray()) {
      throw ApiError.of(
          400, "Bad Request", "invalid JSON: expected an array of {target_node_id, process_ids}");
    }
    // like Core's store, which takes any relocation; the leader drops unknown processes and
    // records an error for a target that is missing or full
    Map<String, String> moves = new LinkedHashMap<>();
    for (JsonNode r : body) {
      String target = r.path("target_node_id").asText("");
      if (target.isEmpty() || !r.path("process_ids").isArray()) {
        throw ApiError.of(
            400,
            "Bad Request",
            "invalid JSON: Key: 'ClusterProcessReallocate.TargetNodeID' Error:Field validation for"
                + " 'TargetNodeID' failed on the 'required' tag");
      }
      for (JsonNode pid : r.path("process_ids")) {
        moves.put(Stored.key(pid.path("id").asText(""), pid.path("domain").asText("")), target);
      }
    }
    long at = clock.millis() + o.placementDelay().toMillis();
    moves.forEach(
        (key, target) -> {
          Stored p = procs.get(key);
          if (p != null) {
            p.relocateAt = at;
          }
          relocations.put(key, target);
        });
    index++;
    wake();
  }

  /** Sets {@code online} or {@code maintenance}, or makes the node leave. */
  synchronized void setNodeState(String id, String state) {
    Member m = member(id);
    if (m == null || m.left) {
      throw ApiError.of(404, "Not Found", "node not found");
    }
    switch (state) {
      case "leave" -> leave(id);
      case "online", "maintenance" -> {
        requireLeader();
        m.storeState = state;
        m.storeStateAt = clock.millis();
        index++;
        wake();
      }
      default -> throw ApiError.of(400, "Bad Request", "unsupported node state");
    }
  }

  /** The node leaves the cluster: it is no longer listed, counted or given processes. */
  synchronized void leave(String id) {
    Member m = member(id);
    if (m == null || m.left) {
      throw ApiError.of(404, "Not Found", "node not found");
    }
    requireLeader();
    m.left = true;
    m.storeState = "";
    index++;
    if (leader.equals(id)) {
      leader = "";
      leaderLostAt = clock.millis();
    }
    wake();
  }

  synchronized void transferLeadership(String id) {
    Member m = member(id);
    if (m == null || m.left) {
      throw ApiError.of(404, "Not Found", "node not found");
    }
    requireLeader();
    if (!alive(m)) {
      throw ApiError.of(
          500, "Internal Server Error", "failed to transfer leadership: node " + id + " is gone");
    }
    if (!leader.equals(id)) {
      leader = id;
      electedAt = clock.millis();
      term++;
      index++;
    }
  }

  /** Counts an IAM change in the log index. */
  synchronized void iamChanged() {
    index++;
  }

  // ---- views ---------------------------------------------------------------------------------

  @Nullable Member member(String id) {
    for (Member m : members) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    return null;
  }

  /** A listed node (not left) or 404. */
  synchronized Member listedOr404(String id) {
    Member m = member(id);
    if (m == null || m.left) {
      throw ApiError.of(404, "Not Found", "node not found");
    }
    return m;
  }

  /** A listed node that is reachable, or 404 (unknown) or 500 (unreachable). */
  synchronized Member reachableOr404(String id) {
    Member m = listedOr404(id);
    if (!m.reachable()) {
      throw ApiError.of(
          500,
          "Internal Server Error",
          "node not available: dial tcp " + m.apiAddress() + ": connect: connection refused");
    }
    return m;
  }

  private Stored storedOr404(String id, String domain) {
    Stored p = procs.get(Stored.key(id, domain));
    if (p == null) {
      throw ApiError.of(
          404, "Not Found", "process not found: " + id + " in domain '" + domain + "'");
    }
    return p;
  }

  synchronized boolean healthy() {
    return !leader.isEmpty();
  }

  private String status(Member m) {
    if (m.downSince >= 0 || !m.joined || !m.reachable()) {
      return "offline";
    }
    return m.storeState.equals("maintenance") ? "maintenance" : "online";
  }

  synchronized String nodeState(String id) {
    return status(listedOr404(id));
  }

  private ObjectNode node(Member m, long now) {
    String status = status(m);
    boolean up = !status.equals("offline");
    // Core's handler copies neither the node's nor its core's error into the answer: both are
    // always empty; the status and last_contact_ms tell an offline node
    Api a = m.api();
    ObjectNode n = Json.obj();
    n.put("id", m.id);
    n.put("name", m.id);
    n.putArray("public_domains");
    n.put("version", PROTOCOL_VERSION);
    n.put("status", status);
    n.put("error", "");
    n.put("voter", true);
    n.put("leader", m.id.equals(leader));
    n.put("address", m.apiAddress());
    n.put(
        "created_at", Instant.ofEpochMilli(m.startedAt).truncatedTo(ChronoUnit.SECONDS).toString());
    n.put("uptime_seconds", up ? (now - m.startedAt) / 1000 : 0);
    n.put("last_contact_ms", m.downSince >= 0 ? (double) (now - m.downSince) : 0.5);
    n.put("latency_ms", up ? 0.25 : 0.0);
    ObjectNode core = n.putObject("core");
    core.put(
        "address",
        "http://" + a.s.user() + ":" + a.s.password() + "@" + a.s.host() + ":" + a.port() + "/");
    core.put("status", up ? "online" : "offline");
    core.put("error", "");
    core.put("last_contact_ms", m.downSince >= 0 ? (double) (now - m.downSince) : 0.5);
    core.put("latency_ms", up ? 0.5 : 0.0);
    core.put("version", a.s.version().number());
    double[] used = reserved(m.id, null);
    ObjectNode r = n.putObject("resources");
    r.put("is_throttling", false);
    r.put("ncpu", (double) o.ncpu());
    r.put("cpu_used", used[0]);
    r.put("cpu_limit", o.cpuLimit());
    r.put("cpu_core", 0.5);
    r.put("memory_used_bytes", (long) used[1] * MIB);
    r.put("memory_limit_bytes", o.memoryMbytes() * MIB);
    r.put("memory_total_bytes", o.memoryMbytes() * MIB);
    r.put("memory_core_bytes", 52_428_800L);
    r.putArray("gpu");
    r.put("error", "");
    return n;
  }

  synchronized ArrayNode nodes() {
    long now = clock.millis();
    ArrayNode a = Json.arr();
    for (Member m : members) {
      if (!m.left) {
        a.add(node(m, now));
      }
    }
    return a;
  }

  synchronized ObjectNode node(String id) {
    return node(listedOr404(id), clock.millis());
  }

  /** {@code GET /api/v3/cluster} as node {@code self} answers it. */
  synchronized ObjectNode about(Member self) {
    long now = clock.millis();
    ObjectNode o1 = Json.obj();
    o1.put("id", o.clusterId());
    o1.putArray("public_domains");
    ObjectNode l = o1.putObject("leader");
    Member lm = leader.isEmpty() ? null : member(leader);
    l.put("id", lm == null ? "" : lm.id);
    l.put("address", lm == null ? "" : lm.raftAddress());
    l.put("elected_seconds", lm == null ? 0 : (now - electedAt) / 1000);
    ArrayNode nodes = nodes();
    String status = "online";
    if (lm == null) {
      status = "offline";
    } else {
      for (JsonNode n : nodes) {
        if (!n.path("status").asText().equals("online")) {
          status = "degraded";
        }
      }
    }
    o1.put("status", status);
    ObjectNode raft = o1.putObject("raft");
    raft.put("address", self.raftAddress());
    raft.put(
        "state",
        self.id.equals(leader) ? "Leader" : lm == null || self.left ? "Candidate" : "Follower");
    raft.put("last_contact_ms", lm == null ? (double) (now - leaderLostAt) : 0.0);
    int voters = 0;
    for (Member m : members) {
      voters += m.left ? 0 : 1;
    }
    raft.put("num_peers", Math.max(0, voters - 1));
    raft.put("log_term", term);
    raft.put("log_index", index);
    o1.set("nodes", nodes);
    o1.put("version", PROTOCOL_VERSION);
    o1.put("degraded", lm == null);
    o1.put("degraded_error", lm == null ? "no raft leader elected" : "");
    return o1;
  }

  /** Where a stored process runs: the node and its local process, or null if not deployed. */
  record Deployed(Member member, Proc proc) {}

  private @Nullable Deployed deployed(Stored p) {
    if (p.node.isEmpty()) {
      return null;
    }
    Member m = member(p.node);
    if (m == null || !alive(m)) {
      return null;
    }
    Proc lp = m.api().processes.find(p.id);
    if (lp == null || !lp.domain.equals(p.domain)) {
      return null;
    }
    return new Deployed(m, lp);
  }

  /** The cluster's processes with the filter: live from their node, else as stored. */
  synchronized ArrayNode processes(ProcessStore.Filter f, Predicate<ObjectNode> keep) {
    ArrayNode a = Json.arr();
    for (Stored p : procs.values()) {
      ObjectNode o1 = render(p, f);
      if (keep.test(o1)) {
        a.add(o1);
      }
    }
    return a;
  }

  synchronized ObjectNode process(String id, String domain, ProcessStore.Filter f) {
    return render(storedOr404(id, domain), f);
  }

  /** Runs {@code onNode} with where the process runs, or {@code stored} with it as stored. */
  synchronized <T> T withProcess(
      String id,
      String domain,
      java.util.function.BiFunction<Member, Proc, T> onNode,
      java.util.function.Function<ObjectNode, T> stored) {
    Stored p = storedOr404(id, domain);
    Deployed d = deployed(p);
    if (d != null) {
      return onNode.apply(d.member(), d.proc());
    }
    return stored.apply(render(p, new ProcessStore.Filter(true, true, true, true)));
  }

  private ObjectNode render(Stored p, ProcessStore.Filter f) {
    Deployed d = deployed(p);
    ObjectNode out;
    if (d != null) {
      out = d.member().api().processes.render(d.proc(), f);
    } else {
      // like Core's view of a process that is not deployed: as stored, with no live state
      ProcessStore renderer = members.get(0).api().processes;
      Proc shadow = new Proc(p.id, p.domain, p.owner, p.config.deepCopy(), p.createdAt / 1000, 0);
      out = renderer.render(shadow, f);
      out.put("core_id", "");
      if (f.state()) {
        ObjectNode st = (ObjectNode) out.get("state");
        st.put("order", p.order);
        st.put("exec", p.error.isEmpty() ? "deploying" : "failed");
        st.put("last_logline", p.error);
        st.put("reconnect_seconds", 0);
        st.put("limit_mode", "");
        st.putArray("command");
        st.put("pid", 0);
      }
      if (f.report()) {
        ObjectNode r = Json.obj();
        r.put("created_at", p.createdAt / 1000);
        r.putArray("prelude");
        r.putArray("log");
        r.putArray("history");
        out.set("report", r);
      }
    }
    out.put("created_at", p.createdAt / 1000);
    out.put("updated_at", p.updatedAt / 1000);
    if (f.config()) {
      out.set("config", p.config.deepCopy());
    }
    if (f.metadata()) {
      out.remove("metadata");
      if (!p.metadata.isEmpty()) {
        out.set("metadata", ProcessStore.metadataNode(p.metadata));
      }
    }
    return out;
  }

  synchronized ObjectNode config(String id, String domain) {
    return storedOr404(id, domain).config.deepCopy();
  }

  synchronized ObjectNode deployments() {
    ObjectNode o1 = Json.obj();
    ArrayNode list = o1.putArray("process");
    for (Stored p : procs.values()) {
      String target = relocations.get(p.key());
      if (target == null && !p.node.isEmpty()) {
        continue;
      }
      ObjectNode d = list.addObject();
      d.put("action", target != null ? "relocate" : "add");
      d.put("id", p.id);
      d.put("domain", p.domain);
      d.put("node_id", target != null ? target : "");
      d.put("order", p.order);
      d.put("error", target != null ? p.relocateError : p.error);
      d.put("updated_at", p.updatedAt / 1000);
    }
    return o1;
  }

  synchronized ObjectNode processNodeMap() {
    ObjectNode o1 = Json.obj();
    procs.values().forEach(p -> o1.put(p.key(), p.node));
    return o1;
  }

  synchronized ObjectNode relocationMap() {
    ObjectNode o1 = Json.obj();
    relocations.forEach(o1::put);
    return o1;
  }

  synchronized ArrayNode storeNodes() {
    ArrayNode a = Json.arr();
    for (Member m : members) {
      if (!m.storeState.isEmpty() && !m.left) {
        a.addObject()
            .put("id", m.id)
            .put("state", m.storeState)
            .put("updated_at", Instant.ofEpochMilli(m.storeStateAt).toString());
      }
    }
    return a;
  }

  /** The store as one JSON document, as the snapshot route sends it. */
  synchronized ObjectNode snapshot() {
    ObjectNode o1 = Json.obj();
    o1.put("version", 1);
    o1.put("term", term);
    o1.put("index", index);
    ObjectNode ps = o1.putObject("process");
    for (Stored p : procs.values()) {
      ObjectNode e = ps.putObject(p.key());
      e.put("created_at", Instant.ofEpochMilli(p.createdAt).toString());
      e.put("updated_at", Instant.ofEpochMilli(p.updatedAt).toString());
      e.set("config", p.config.deepCopy());
      e.put("order", p.order);
      e.set("metadata", ProcessStore.metadataNode(p.metadata));
      e.put("error", p.error);
    }
    o1.set("process_node_map", processNodeMap());
    ObjectNode users = o1.putObject("users");
    iam.forEach(
        (name, u) -> {
          if (!name.equals("$anon")) {
            users.set(name, u.deepCopy());
          }
        });
    o1.set("nodes", storeNodes());
    return o1;
  }

  /** Every member, in id order, for fan-out views (events, files). */
  synchronized List<Member> members() {
    return List.copyOf(members);
  }

  synchronized boolean isAlive(Member m) {
    return alive(m);
  }
}
