package dev.corekit.rac;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code rac server} mode: working servers. */
public interface ServersApi {

  /**
   * Lists the working servers ({@code server list}).
   *
   * @return the servers
   */
  Flux<RacServer> list();

  /**
   * Describes one server ({@code server info --server=}).
   *
   * @param serverId the server id
   * @return the server
   */
  Mono<RacServer> info(UUID serverId);

  /**
   * Adds a working server ({@code server insert}); needs agent host, agent port and port range.
   *
   * @param server the settings
   * @return the id of the new server
   */
  Mono<UUID> insert(RacServerSpec server);

  /**
   * Changes a working server ({@code server update --server=}).
   *
   * @param serverId the server id
   * @param changes the settings to change
   * @return completes when changed
   */
  Mono<Void> update(UUID serverId, RacServerSpec changes);

  /**
   * Removes a working server ({@code server remove --server=}).
   *
   * @param serverId the server id
   * @return completes when removed
   */
  Mono<Void> remove(UUID serverId);
}
