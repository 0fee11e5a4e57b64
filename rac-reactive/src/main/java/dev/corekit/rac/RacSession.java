package dev.corekit.rac;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * One {@code ras} server ({@code host:port}), reached through {@code rac}; the root of the per-mode
 * APIs.
 *
 * <p>Made by {@link RacClient#session(String, int)}; cheap, immutable and thread-safe. Nothing runs
 * until a returned publisher is subscribed; every subscription runs {@code rac} once.
 *
 * <pre>{@code
 * RacSession ras = rac.session("srv1c", 1545);
 * Flux<RacCluster> clusters = ras.clusters().list();
 * ClusterApi cluster = ras.cluster(clusterId, RacCredentials.of("admin", "secret"));
 * Flux<RacInfobaseSession> sessions = cluster.sessions().list();
 * }</pre>
 */
public interface RacSession {

  /**
   * Returns the host of the {@code ras} server.
   *
   * @return the host name or address
   */
  String host();

  /**
   * Returns the port of the {@code ras} server.
   *
   * @return the port, 1545 by default
   */
  int port();

  /**
   * Runs {@code rac host:port <arguments>} and streams the records it prints; for commands this API
   * does not name. Values of options named {@code *pwd}/{@code *password} are masked in logs and
   * errors.
   *
   * @param arguments the arguments after the address, e.g. {@code ["cluster", "list"]}, one option
   *     per element ({@code --name=value})
   * @return the records, emitted while rac writes
   */
  Flux<RacRecord> records(List<String> arguments);

  /**
   * Returns the agent API without agent administrator credentials.
   *
   * @return the agent API
   */
  AgentApi agent();

  /**
   * Returns the agent API authenticated as an agent administrator ({@code
   * --agent-user/--agent-pwd}).
   *
   * @param agentAdmin the agent administrator
   * @return the agent API
   */
  AgentApi agent(RacCredentials agentAdmin);

  /**
   * Returns the cluster API (list, info, insert, update) without agent administrator credentials.
   *
   * @return the clusters API
   */
  ClustersApi clusters();

  /**
   * Returns the cluster API authenticated as an agent administrator, as needed by insert and
   * update.
   *
   * @param agentAdmin the agent administrator
   * @return the clusters API
   */
  ClustersApi clusters(RacCredentials agentAdmin);

  /**
   * Returns the APIs scoped to one cluster, without cluster administrator credentials.
   *
   * @param clusterId the cluster id
   * @return the cluster API
   */
  ClusterApi cluster(UUID clusterId);

  /**
   * Returns the APIs scoped to one cluster, authenticated as a cluster administrator ({@code
   * --cluster-user/--cluster-pwd}).
   *
   * @param clusterId the cluster id
   * @param clusterAdmin the cluster administrator
   * @return the cluster API
   */
  ClusterApi cluster(UUID clusterId, RacCredentials clusterAdmin);
}
