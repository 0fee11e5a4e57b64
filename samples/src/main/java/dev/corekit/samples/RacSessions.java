package dev.corekit.samples;

import dev.corekit.rac.ClusterApi;
import dev.corekit.rac.RacClient;
import dev.corekit.rac.RacCluster;
import dev.corekit.rac.RacCredentials;
import dev.corekit.rac.RacInfobaseSession;
import dev.corekit.rac.RacInfobaseSummary;
import dev.corekit.rac.RacSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * RAC listing: the sessions of every infobase of every cluster of a {@code ras} server, grouped by
 * infobase name. Per cluster, two {@code rac} runs go out at once (infobase summaries and sessions)
 * and are joined by infobase id.
 */
public final class RacSessions {
  private RacSessions() {}

  /**
   * Prints the sessions per infobase.
   *
   * @param args the ras host (default localhost) and port (default 1545); the rac executable comes
   *     from {@code RAC_PATH} (default {@code rac} on the PATH), a cluster administrator from
   *     {@code RAC_CLUSTER_USER} and {@code RAC_CLUSTER_PASSWORD}
   */
  public static void main(String[] args) {
    String host = args.length > 0 ? args[0] : "localhost";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : RacClient.DEFAULT_PORT;
    String rac = System.getenv().getOrDefault("RAC_PATH", "rac");
    String user = System.getenv("RAC_CLUSTER_USER");
    RacCredentials admin =
        user == null
            ? null
            : RacCredentials.of(user, System.getenv().getOrDefault("RAC_CLUSTER_PASSWORD", ""));
    try (RacClient client =
        RacClient.builder().executable(Path.of(rac)).timeout(Duration.ofSeconds(30)).build()) {
      Map<String, Map<String, List<RacInfobaseSession>>> all =
          allClusters(client.session(host, port), admin).block(Duration.ofMinutes(2));
      all.forEach(
          (cluster, infobases) -> {
            System.out.println("cluster " + cluster);
            infobases.forEach(
                (infobase, sessions) -> {
                  System.out.println("  " + infobase + ": " + sessions.size() + " session(s)");
                  for (RacInfobaseSession s : sessions) {
                    System.out.println(
                        "    "
                            + s.sessionId().orElse(0L)
                            + "  "
                            + s.userName().orElse("-")
                            + "  "
                            + s.appId().orElse("-")
                            + "  "
                            + s.host().orElse("-"));
                  }
                });
          });
    }
  }

  /**
   * The sessions of every cluster of the server, by cluster name, then infobase name.
   *
   * @param ras the ras server
   * @param clusterAdmin a cluster administrator, or null when the clusters have none
   * @return the sessions, sorted by cluster and infobase name
   */
  public static Mono<Map<String, Map<String, List<RacInfobaseSession>>>> allClusters(
      RacSession ras, @Nullable RacCredentials clusterAdmin) {
    return ras.clusters()
        .list()
        .concatMap(
            cluster ->
                sessionsByInfobase(ras, cluster.id(), clusterAdmin)
                    .map(byInfobase -> Map.entry(name(cluster), byInfobase)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
  }

  /**
   * The sessions of one cluster, grouped by infobase name; infobases without sessions are listed
   * empty.
   *
   * @param ras the ras server
   * @param clusterId the cluster
   * @param clusterAdmin a cluster administrator, or null
   * @return infobase name to its sessions
   */
  public static Mono<Map<String, List<RacInfobaseSession>>> sessionsByInfobase(
      RacSession ras, UUID clusterId, @Nullable RacCredentials clusterAdmin) {
    ClusterApi cluster =
        clusterAdmin == null ? ras.cluster(clusterId) : ras.cluster(clusterId, clusterAdmin);
    Mono<Map<UUID, String>> names =
        cluster
            .infobases()
            .summaries()
            .collectMap(RacInfobaseSummary::id, RacInfobaseSummary::name);
    Flux<RacInfobaseSession> sessions = cluster.sessions().list();
    return Mono.zip(names, sessions.collectList())
        .map(
            both -> {
              Map<String, List<RacInfobaseSession>> byName = new TreeMap<>();
              both.getT1().values().forEach(name -> byName.put(name, new ArrayList<>()));
              for (RacInfobaseSession s : both.getT2()) {
                String name =
                    s.infobase()
                        .map(id -> both.getT1().getOrDefault(id, id.toString()))
                        .orElse("(none)");
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
              }
              return byName;
            });
  }

  private static String name(RacCluster cluster) {
    String name = cluster.record().optionalText("name").orElse("");
    return name.isEmpty() ? cluster.host() + ":" + cluster.port() : name;
  }
}
