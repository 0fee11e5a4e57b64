package dev.corekit.rac;

import dev.corekit.sync.BlockingPolicy;
import dev.corekit.sync.BlockingProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The rac client as plain blocking calls: the same API as {@link RacClient} and {@link RacSession},
 * method by method, with {@code Mono<T>} as {@code T}, {@code Mono<Void>} as {@code void} and
 * {@code Flux<T>} as {@code List<T>} or, for large outputs, a lazy {@code Stream<T>} ({@code
 * <name>Stream}, to be closed).
 *
 * <p>Built with the generic blocking proxy of {@code dev.corekit.sync} over the reactive API.
 * Errors are the same {@link RacException} subtypes, thrown with the caller's stack frames. Each
 * call waits at most the client's timeout plus 10 seconds (the process itself is killed at the
 * timeout); interrupting the caller kills the process and keeps the interrupt flag. Calling from a
 * Reactor non-blocking thread fails at once with an {@link IllegalStateException}. Closing it
 * closes the client.
 *
 * <pre>{@code
 * try (RacSync rac = RacSync.of(RacClient.builder().executable(Path.of("/opt/1cv8/x86_64/8.3.24.1548/rac")).build())) {
 *   RacSync.Session ras = rac.session("srv1c");
 *   for (RacCluster c : ras.clusters().list()) {
 *     System.out.println(c.name());
 *   }
 * }
 * }</pre>
 */
public interface RacSync extends AutoCloseable {

  /** Extra wait beyond the client's process timeout, so that the process timeout reports first. */
  Duration GRACE = Duration.ofSeconds(10);

  /**
   * Wraps a client in the blocking API; closing the result closes the client.
   *
   * @param client the reactive client
   * @return the blocking client
   */
  static RacSync of(RacClient client) {
    Objects.requireNonNull(client, "client");
    return of(client, client.timeout().plus(GRACE));
  }

  /**
   * Wraps a client in the blocking API with a given per-call deadline.
   *
   * @param client the reactive client
   * @param deadline the longest a blocking call waits (for streams: each wait for the next element)
   * @return the blocking client
   */
  static RacSync of(RacClient client, Duration deadline) {
    Objects.requireNonNull(client, "client");
    BlockingPolicy policy =
        BlockingPolicy.builder()
            .timeout(deadline)
            .timeoutException(
                (call, d) ->
                    new RacTimeoutException(call + " did not complete within " + d, List.of(), d))
            .interruptedException(
                e -> new RacException("Interrupted while waiting for rac", List.of(), e))
            .exceptionTranslator(
                e ->
                    e instanceof RuntimeException
                        ? (RuntimeException) e
                        : new RacException(String.valueOf(e.getMessage()), List.of(), e))
            .build();
    return BlockingProxy.create(RacSync.class, RacClient.class, client, policy);
  }

  /**
   * Blocking {@link RacClient#session(String)}.
   *
   * @param host the host of {@code ras}
   * @return the blocking session
   */
  Session session(String host);

  /**
   * Blocking {@link RacClient#session(String, int)}.
   *
   * @param host the host of {@code ras}
   * @param port its port
   * @return the blocking session
   */
  Session session(String host, int port);

  /** Closes the client: kills running {@code rac} processes. */
  @Override
  void close();

  /** Blocking twin of {@link RacSession}. */
  interface Session {

    /**
     * Same as {@link RacSession#host()}.
     *
     * @return the value
     */
    String host();

    /**
     * Same as {@link RacSession#port()}.
     *
     * @return the value
     */
    int port();

    /**
     * Collects {@link RacSession#records(List)}.
     *
     * @param arguments as for the reactive method
     * @return every element, in order
     */
    List<RacRecord> records(List<String> arguments);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link RacSession#records(List)}.
     *
     * @param arguments as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacRecord> recordsStream(List<String> arguments);

    /**
     * Blocking view of {@link RacSession#agent()}.
     *
     * @return the blocking API
     */
    Agent agent();

    /**
     * Blocking view of {@link RacSession#agent(RacCredentials)}.
     *
     * @param agentAdmin as for the reactive method
     * @return the blocking API
     */
    Agent agent(RacCredentials agentAdmin);

    /**
     * Blocking view of {@link RacSession#clusters()}.
     *
     * @return the blocking API
     */
    Clusters clusters();

    /**
     * Blocking view of {@link RacSession#clusters(RacCredentials)}.
     *
     * @param agentAdmin as for the reactive method
     * @return the blocking API
     */
    Clusters clusters(RacCredentials agentAdmin);

    /**
     * Blocking view of {@link RacSession#cluster(UUID)}.
     *
     * @param clusterId as for the reactive method
     * @return the blocking API
     */
    Cluster cluster(UUID clusterId);

    /**
     * Blocking view of {@link RacSession#cluster(UUID, RacCredentials)}.
     *
     * @param clusterId as for the reactive method
     * @param clusterAdmin as for the reactive method
     * @return the blocking API
     */
    Cluster cluster(UUID clusterId, RacCredentials clusterAdmin);
  }

  /** Blocking twin of {@link AgentApi}. */
  interface Agent {

    /**
     * Waits for {@link AgentApi#version()}.
     *
     * @return the result
     */
    String version();

    /**
     * Blocking view of {@link AgentApi#admins()}.
     *
     * @return the blocking API
     */
    Admins admins();
  }

  /** Blocking twin of {@link AdminsApi}. */
  interface Admins {

    /**
     * Collects {@link AdminsApi#list()}.
     *
     * @return every element, in order
     */
    List<RacAdmin> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link AdminsApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacAdmin> listStream();

    /**
     * Runs {@link AdminsApi#register(RacAdminSpec)}.
     *
     * @param admin as for the reactive method
     */
    void register(RacAdminSpec admin);

    /**
     * Runs {@link AdminsApi#remove(String)}.
     *
     * @param name as for the reactive method
     */
    void remove(String name);
  }

  /** Blocking twin of {@link ClustersApi}. */
  interface Clusters {

    /**
     * Collects {@link ClustersApi#list()}.
     *
     * @return every element, in order
     */
    List<RacCluster> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link ClustersApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacCluster> listStream();

    /**
     * Waits for {@link ClustersApi#info(UUID)}.
     *
     * @param clusterId as for the reactive method
     * @return the result
     */
    RacCluster info(UUID clusterId);

    /**
     * Waits for {@link ClustersApi#insert(RacClusterSpec)}.
     *
     * @param cluster as for the reactive method
     * @return the result
     */
    UUID insert(RacClusterSpec cluster);

    /**
     * Runs {@link ClustersApi#update(UUID, RacClusterSpec)}.
     *
     * @param clusterId as for the reactive method
     * @param changes as for the reactive method
     */
    void update(UUID clusterId, RacClusterSpec changes);
  }

  /** Blocking twin of {@link ClusterApi}. */
  interface Cluster {

    /**
     * Same as {@link ClusterApi#id()}.
     *
     * @return the value
     */
    UUID id();

    /**
     * Waits for {@link ClusterApi#info()}.
     *
     * @return the result
     */
    RacCluster info();

    /** Runs {@link ClusterApi#remove()}. */
    void remove();

    /**
     * Blocking view of {@link ClusterApi#admins()}.
     *
     * @return the blocking API
     */
    Admins admins();

    /**
     * Blocking view of {@link ClusterApi#managers()}.
     *
     * @return the blocking API
     */
    Managers managers();

    /**
     * Blocking view of {@link ClusterApi#servers()}.
     *
     * @return the blocking API
     */
    Servers servers();

    /**
     * Blocking view of {@link ClusterApi#processes()}.
     *
     * @return the blocking API
     */
    Processes processes();

    /**
     * Blocking view of {@link ClusterApi#services()}.
     *
     * @return the blocking API
     */
    Services services();

    /**
     * Blocking view of {@link ClusterApi#infobases()}.
     *
     * @return the blocking API
     */
    Infobases infobases();

    /**
     * Blocking view of {@link ClusterApi#connections()}.
     *
     * @return the blocking API
     */
    Connections connections();

    /**
     * Blocking view of {@link ClusterApi#sessions()}.
     *
     * @return the blocking API
     */
    Sessions sessions();

    /**
     * Blocking view of {@link ClusterApi#locks()}.
     *
     * @return the blocking API
     */
    Locks locks();

    /**
     * Blocking view of {@link ClusterApi#rules()}.
     *
     * @return the blocking API
     */
    Rules rules();

    /**
     * Blocking view of {@link ClusterApi#profiles()}.
     *
     * @return the blocking API
     */
    Profiles profiles();

    /**
     * Blocking view of {@link ClusterApi#counters()}.
     *
     * @return the blocking API
     */
    Counters counters();

    /**
     * Blocking view of {@link ClusterApi#limits()}.
     *
     * @return the blocking API
     */
    Limits limits();
  }

  /** Blocking twin of {@link ManagersApi}. */
  interface Managers {

    /**
     * Collects {@link ManagersApi#list()}.
     *
     * @return every element, in order
     */
    List<RacManager> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link ManagersApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacManager> listStream();

    /**
     * Waits for {@link ManagersApi#info(UUID)}.
     *
     * @param managerId as for the reactive method
     * @return the result
     */
    RacManager info(UUID managerId);
  }

  /** Blocking twin of {@link ServersApi}. */
  interface Servers {

    /**
     * Collects {@link ServersApi#list()}.
     *
     * @return every element, in order
     */
    List<RacServer> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link ServersApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacServer> listStream();

    /**
     * Waits for {@link ServersApi#info(UUID)}.
     *
     * @param serverId as for the reactive method
     * @return the result
     */
    RacServer info(UUID serverId);

    /**
     * Waits for {@link ServersApi#insert(RacServerSpec)}.
     *
     * @param server as for the reactive method
     * @return the result
     */
    UUID insert(RacServerSpec server);

    /**
     * Runs {@link ServersApi#update(UUID, RacServerSpec)}.
     *
     * @param serverId as for the reactive method
     * @param changes as for the reactive method
     */
    void update(UUID serverId, RacServerSpec changes);

    /**
     * Runs {@link ServersApi#remove(UUID)}.
     *
     * @param serverId as for the reactive method
     */
    void remove(UUID serverId);
  }

  /** Blocking twin of {@link ProcessesApi}. */
  interface Processes {

    /**
     * Collects {@link ProcessesApi#list()}.
     *
     * @return every element, in order
     */
    List<RacProcess> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link ProcessesApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacProcess> listStream();

    /**
     * Collects {@link ProcessesApi#list(UUID)}.
     *
     * @param serverId as for the reactive method
     * @return every element, in order
     */
    List<RacProcess> list(UUID serverId);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link ProcessesApi#list(UUID)}.
     *
     * @param serverId as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacProcess> listStream(UUID serverId);

    /**
     * Waits for {@link ProcessesApi#info(UUID)}.
     *
     * @param processId as for the reactive method
     * @return the result
     */
    RacProcess info(UUID processId);

    /**
     * Collects {@link ProcessesApi#licenses()}.
     *
     * @return every element, in order
     */
    List<RacLicense> licenses();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link ProcessesApi#licenses()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacLicense> licensesStream();

    /**
     * Collects {@link ProcessesApi#licenses(UUID)}.
     *
     * @param serverId as for the reactive method
     * @return every element, in order
     */
    List<RacLicense> licenses(UUID serverId);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link ProcessesApi#licenses(UUID)}.
     *
     * @param serverId as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacLicense> licensesStream(UUID serverId);

    /**
     * Collects {@link ProcessesApi#processLicenses(UUID)}.
     *
     * @param processId as for the reactive method
     * @return every element, in order
     */
    List<RacLicense> processLicenses(UUID processId);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link
     * ProcessesApi#processLicenses(UUID)}.
     *
     * @param processId as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacLicense> processLicensesStream(UUID processId);
  }

  /** Blocking twin of {@link ServicesApi}. */
  interface Services {

    /**
     * Collects {@link ServicesApi#list()}.
     *
     * @return every element, in order
     */
    List<RacService> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link ServicesApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacService> listStream();
  }

  /** Blocking twin of {@link InfobasesApi}. */
  interface Infobases {

    /**
     * Collects {@link InfobasesApi#summaries()}.
     *
     * @return every element, in order
     */
    List<RacInfobaseSummary> summaries();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link InfobasesApi#summaries()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacInfobaseSummary> summariesStream();

    /**
     * Waits for {@link InfobasesApi#summary(UUID)}.
     *
     * @param infobaseId as for the reactive method
     * @return the result
     */
    RacInfobaseSummary summary(UUID infobaseId);

    /**
     * Runs {@link InfobasesApi#updateSummary(UUID, String)}.
     *
     * @param infobaseId as for the reactive method
     * @param descr as for the reactive method
     */
    void updateSummary(UUID infobaseId, String descr);

    /**
     * Waits for {@link InfobasesApi#info(UUID)}.
     *
     * @param infobaseId as for the reactive method
     * @return the result
     */
    RacInfobase info(UUID infobaseId);

    /**
     * Waits for {@link InfobasesApi#info(UUID, RacCredentials)}.
     *
     * @param infobaseId as for the reactive method
     * @param infobaseUser as for the reactive method
     * @return the result
     */
    RacInfobase info(UUID infobaseId, RacCredentials infobaseUser);

    /**
     * Waits for {@link InfobasesApi#create(RacInfobaseSpec)}.
     *
     * @param infobase as for the reactive method
     * @return the result
     */
    UUID create(RacInfobaseSpec infobase);

    /**
     * Runs {@link InfobasesApi#update(UUID, RacInfobaseUpdate)}.
     *
     * @param infobaseId as for the reactive method
     * @param changes as for the reactive method
     */
    void update(UUID infobaseId, RacInfobaseUpdate changes);

    /**
     * Runs {@link InfobasesApi#update(UUID, RacInfobaseUpdate, RacCredentials)}.
     *
     * @param infobaseId as for the reactive method
     * @param changes as for the reactive method
     * @param infobaseUser as for the reactive method
     */
    void update(UUID infobaseId, RacInfobaseUpdate changes, RacCredentials infobaseUser);

    /**
     * Runs {@link InfobasesApi#drop(UUID, RacDropMode)}.
     *
     * @param infobaseId as for the reactive method
     * @param mode as for the reactive method
     */
    void drop(UUID infobaseId, RacDropMode mode);

    /**
     * Runs {@link InfobasesApi#drop(UUID, RacDropMode, RacCredentials)}.
     *
     * @param infobaseId as for the reactive method
     * @param mode as for the reactive method
     * @param infobaseUser as for the reactive method
     */
    void drop(UUID infobaseId, RacDropMode mode, RacCredentials infobaseUser);
  }

  /** Blocking twin of {@link ConnectionsApi}. */
  interface Connections {

    /**
     * Collects {@link ConnectionsApi#list()}.
     *
     * @return every element, in order
     */
    List<RacConnection> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link ConnectionsApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacConnection> listStream();

    /**
     * Collects {@link ConnectionsApi#listByProcess(UUID)}.
     *
     * @param processId as for the reactive method
     * @return every element, in order
     */
    List<RacConnection> listByProcess(UUID processId);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link
     * ConnectionsApi#listByProcess(UUID)}.
     *
     * @param processId as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacConnection> listByProcessStream(UUID processId);

    /**
     * Collects {@link ConnectionsApi#listByInfobase(UUID)}.
     *
     * @param infobaseId as for the reactive method
     * @return every element, in order
     */
    List<RacConnection> listByInfobase(UUID infobaseId);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link
     * ConnectionsApi#listByInfobase(UUID)}.
     *
     * @param infobaseId as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacConnection> listByInfobaseStream(UUID infobaseId);

    /**
     * Collects {@link ConnectionsApi#listByInfobase(UUID, RacCredentials)}.
     *
     * @param infobaseId as for the reactive method
     * @param infobaseUser as for the reactive method
     * @return every element, in order
     */
    List<RacConnection> listByInfobase(UUID infobaseId, RacCredentials infobaseUser);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link
     * ConnectionsApi#listByInfobase(UUID, RacCredentials)}.
     *
     * @param infobaseId as for the reactive method
     * @param infobaseUser as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacConnection> listByInfobaseStream(UUID infobaseId, RacCredentials infobaseUser);

    /**
     * Waits for {@link ConnectionsApi#info(UUID)}.
     *
     * @param connectionId as for the reactive method
     * @return the result
     */
    RacConnection info(UUID connectionId);

    /**
     * Runs {@link ConnectionsApi#disconnect(UUID, UUID)}.
     *
     * @param processId as for the reactive method
     * @param connectionId as for the reactive method
     */
    void disconnect(UUID processId, UUID connectionId);

    /**
     * Runs {@link ConnectionsApi#disconnect(UUID, UUID, RacCredentials)}.
     *
     * @param processId as for the reactive method
     * @param connectionId as for the reactive method
     * @param infobaseUser as for the reactive method
     */
    void disconnect(UUID processId, UUID connectionId, RacCredentials infobaseUser);
  }

  /** Blocking twin of {@link SessionsApi}. */
  interface Sessions {

    /**
     * Collects {@link SessionsApi#list()}.
     *
     * @return every element, in order
     */
    List<RacInfobaseSession> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link SessionsApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacInfobaseSession> listStream();

    /**
     * Collects {@link SessionsApi#listByInfobase(UUID)}.
     *
     * @param infobaseId as for the reactive method
     * @return every element, in order
     */
    List<RacInfobaseSession> listByInfobase(UUID infobaseId);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link
     * SessionsApi#listByInfobase(UUID)}.
     *
     * @param infobaseId as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacInfobaseSession> listByInfobaseStream(UUID infobaseId);

    /**
     * Waits for {@link SessionsApi#info(UUID)}.
     *
     * @param sessionId as for the reactive method
     * @return the result
     */
    RacInfobaseSession info(UUID sessionId);

    /**
     * Collects {@link SessionsApi#licenses()}.
     *
     * @return every element, in order
     */
    List<RacLicense> licenses();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link SessionsApi#licenses()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacLicense> licensesStream();

    /**
     * Collects {@link SessionsApi#licensesByInfobase(UUID)}.
     *
     * @param infobaseId as for the reactive method
     * @return every element, in order
     */
    List<RacLicense> licensesByInfobase(UUID infobaseId);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link
     * SessionsApi#licensesByInfobase(UUID)}.
     *
     * @param infobaseId as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacLicense> licensesByInfobaseStream(UUID infobaseId);

    /**
     * Collects {@link SessionsApi#sessionLicenses(UUID)}.
     *
     * @param sessionId as for the reactive method
     * @return every element, in order
     */
    List<RacLicense> sessionLicenses(UUID sessionId);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link
     * SessionsApi#sessionLicenses(UUID)}.
     *
     * @param sessionId as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacLicense> sessionLicensesStream(UUID sessionId);

    /**
     * Runs {@link SessionsApi#terminate(UUID)}.
     *
     * @param sessionId as for the reactive method
     */
    void terminate(UUID sessionId);

    /**
     * Runs {@link SessionsApi#terminate(UUID, String)}.
     *
     * @param sessionId as for the reactive method
     * @param message as for the reactive method
     */
    void terminate(UUID sessionId, String message);

    /**
     * Runs {@link SessionsApi#interruptCurrentServerCall(UUID, String)}.
     *
     * @param sessionId as for the reactive method
     * @param message as for the reactive method
     */
    void interruptCurrentServerCall(UUID sessionId, String message);
  }

  /** Blocking twin of {@link LocksApi}. */
  interface Locks {

    /**
     * Collects {@link LocksApi#list()}.
     *
     * @return every element, in order
     */
    List<RacLock> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link LocksApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacLock> listStream();

    /**
     * Collects {@link LocksApi#listByInfobase(UUID)}.
     *
     * @param infobaseId as for the reactive method
     * @return every element, in order
     */
    List<RacLock> listByInfobase(UUID infobaseId);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link LocksApi#listByInfobase(UUID)}.
     *
     * @param infobaseId as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacLock> listByInfobaseStream(UUID infobaseId);

    /**
     * Collects {@link LocksApi#listByConnection(UUID)}.
     *
     * @param connectionId as for the reactive method
     * @return every element, in order
     */
    List<RacLock> listByConnection(UUID connectionId);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link
     * LocksApi#listByConnection(UUID)}.
     *
     * @param connectionId as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacLock> listByConnectionStream(UUID connectionId);

    /**
     * Collects {@link LocksApi#listBySession(UUID)}.
     *
     * @param sessionId as for the reactive method
     * @return every element, in order
     */
    List<RacLock> listBySession(UUID sessionId);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link LocksApi#listBySession(UUID)}.
     *
     * @param sessionId as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacLock> listBySessionStream(UUID sessionId);
  }

  /** Blocking twin of {@link RulesApi}. */
  interface Rules {

    /**
     * Collects {@link RulesApi#list(UUID)}.
     *
     * @param serverId as for the reactive method
     * @return every element, in order
     */
    List<RacRule> list(UUID serverId);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link RulesApi#list(UUID)}.
     *
     * @param serverId as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacRule> listStream(UUID serverId);

    /**
     * Waits for {@link RulesApi#info(UUID, UUID)}.
     *
     * @param serverId as for the reactive method
     * @param ruleId as for the reactive method
     * @return the result
     */
    RacRule info(UUID serverId, UUID ruleId);

    /**
     * Waits for {@link RulesApi#insert(UUID, RacRuleSpec)}.
     *
     * @param serverId as for the reactive method
     * @param rule as for the reactive method
     * @return the result
     */
    UUID insert(UUID serverId, RacRuleSpec rule);

    /**
     * Runs {@link RulesApi#update(UUID, UUID, RacRuleSpec)}.
     *
     * @param serverId as for the reactive method
     * @param ruleId as for the reactive method
     * @param rule as for the reactive method
     */
    void update(UUID serverId, UUID ruleId, RacRuleSpec rule);

    /**
     * Runs {@link RulesApi#remove(UUID, UUID)}.
     *
     * @param serverId as for the reactive method
     * @param ruleId as for the reactive method
     */
    void remove(UUID serverId, UUID ruleId);

    /** Runs {@link RulesApi#applyFull()}. */
    void applyFull();

    /** Runs {@link RulesApi#applyPartial()}. */
    void applyPartial();
  }

  /** Blocking twin of {@link ProfilesApi}. */
  interface Profiles {

    /**
     * Collects {@link ProfilesApi#list()}.
     *
     * @return every element, in order
     */
    List<RacProfile> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link ProfilesApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacProfile> listStream();

    /**
     * Runs {@link ProfilesApi#update(RacProfileSpec)}.
     *
     * @param profile as for the reactive method
     */
    void update(RacProfileSpec profile);

    /**
     * Runs {@link ProfilesApi#remove(String)}.
     *
     * @param name as for the reactive method
     */
    void remove(String name);

    /**
     * Blocking view of {@link ProfilesApi#acl(String, RacAclKind)}.
     *
     * @param profile as for the reactive method
     * @param kind as for the reactive method
     * @return the blocking API
     */
    ProfileAcl acl(String profile, RacAclKind kind);
  }

  /** Blocking twin of {@link ProfileAclApi}. */
  interface ProfileAcl {

    /**
     * Collects {@link ProfileAclApi#list()}.
     *
     * @return every element, in order
     */
    List<RacAclEntry> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link ProfileAclApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacAclEntry> listStream();

    /**
     * Runs {@link ProfileAclApi#update(String, Map)}.
     *
     * @param key as for the reactive method
     * @param options as for the reactive method
     */
    void update(String key, Map<String, String> options);

    /**
     * Runs {@link ProfileAclApi#remove(String)}.
     *
     * @param key as for the reactive method
     */
    void remove(String key);
  }

  /** Blocking twin of {@link CountersApi}. */
  interface Counters {

    /**
     * Collects {@link CountersApi#list()}.
     *
     * @return every element, in order
     */
    List<RacCounter> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link CountersApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacCounter> listStream();

    /**
     * Waits for {@link CountersApi#info(String)}.
     *
     * @param name as for the reactive method
     * @return the result
     */
    RacCounter info(String name);

    /**
     * Runs {@link CountersApi#update(RacCounterSpec)}.
     *
     * @param counter as for the reactive method
     */
    void update(RacCounterSpec counter);

    /**
     * Collects {@link CountersApi#values(String)}.
     *
     * @param name as for the reactive method
     * @return every element, in order
     */
    List<RacCounterValue> values(String name);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link CountersApi#values(String)}.
     *
     * @param name as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacCounterValue> valuesStream(String name);

    /**
     * Collects {@link CountersApi#values(String, String)}.
     *
     * @param name as for the reactive method
     * @param objects as for the reactive method
     * @return every element, in order
     */
    List<RacCounterValue> values(String name, String objects);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link CountersApi#values(String,
     * String)}.
     *
     * @param name as for the reactive method
     * @param objects as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacCounterValue> valuesStream(String name, String objects);

    /**
     * Collects {@link CountersApi#accumulatedValues(String)}.
     *
     * @param name as for the reactive method
     * @return every element, in order
     */
    List<RacCounterValue> accumulatedValues(String name);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link
     * CountersApi#accumulatedValues(String)}.
     *
     * @param name as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacCounterValue> accumulatedValuesStream(String name);

    /**
     * Collects {@link CountersApi#accumulatedValues(String, String)}.
     *
     * @param name as for the reactive method
     * @param objects as for the reactive method
     * @return every element, in order
     */
    List<RacCounterValue> accumulatedValues(String name, String objects);

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link
     * CountersApi#accumulatedValues(String, String)}.
     *
     * @param name as for the reactive method
     * @param objects as for the reactive method
     * @return a lazy stream; close it when done
     */
    Stream<RacCounterValue> accumulatedValuesStream(String name, String objects);

    /**
     * Runs {@link CountersApi#clear(String)}.
     *
     * @param name as for the reactive method
     */
    void clear(String name);

    /**
     * Runs {@link CountersApi#clear(String, String)}.
     *
     * @param name as for the reactive method
     * @param objects as for the reactive method
     */
    void clear(String name, String objects);

    /**
     * Runs {@link CountersApi#remove(String)}.
     *
     * @param name as for the reactive method
     */
    void remove(String name);
  }

  /** Blocking twin of {@link LimitsApi}. */
  interface Limits {

    /**
     * Collects {@link LimitsApi#list()}.
     *
     * @return every element, in order
     */
    List<RacLimit> list();

    /**
     * Streams lazily (close the stream to stop {@code rac}): {@link LimitsApi#list()}.
     *
     * @return a lazy stream; close it when done
     */
    Stream<RacLimit> listStream();

    /**
     * Waits for {@link LimitsApi#info(String)}.
     *
     * @param name as for the reactive method
     * @return the result
     */
    RacLimit info(String name);

    /**
     * Runs {@link LimitsApi#update(RacLimitSpec)}.
     *
     * @param limit as for the reactive method
     */
    void update(RacLimitSpec limit);

    /**
     * Runs {@link LimitsApi#remove(String)}.
     *
     * @param name as for the reactive method
     */
    void remove(String name);
  }
}
