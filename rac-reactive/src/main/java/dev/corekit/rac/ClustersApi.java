package dev.corekit.rac;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code rac cluster} mode across clusters: list, info, insert, update. Removal and the cluster
 * administrators are on {@link ClusterApi}, which carries the cluster administrator credentials.
 */
public interface ClustersApi {

  /**
   * Lists the clusters ({@code cluster list}).
   *
   * @return the clusters
   */
  Flux<RacCluster> list();

  /**
   * Describes one cluster ({@code cluster info --cluster=}).
   *
   * @param clusterId the cluster id
   * @return the cluster
   * @throws RacNotFoundException (signalled) if there is no such cluster
   */
  Mono<RacCluster> info(UUID clusterId);

  /**
   * Creates a cluster ({@code cluster insert}); needs {@code host} and {@code port}.
   *
   * @param cluster the settings
   * @return the id of the new cluster
   */
  Mono<UUID> insert(RacClusterSpec cluster);

  /**
   * Changes a cluster ({@code cluster update --cluster=}).
   *
   * @param clusterId the cluster id
   * @param changes the settings to change
   * @return completes when changed
   */
  Mono<Void> update(UUID clusterId, RacClusterSpec changes);
}
