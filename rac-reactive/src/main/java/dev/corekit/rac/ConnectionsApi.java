package dev.corekit.rac;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code rac connection} mode: connections to infobases. */
public interface ConnectionsApi {

  /**
   * Lists every connection of the cluster ({@code connection list}).
   *
   * @return the connections
   */
  Flux<RacConnection> list();

  /**
   * Lists the connections of one working process ({@code connection list --process=}).
   *
   * @param processId the process id
   * @return the connections
   */
  Flux<RacConnection> listByProcess(UUID processId);

  /**
   * Lists the connections to one infobase ({@code connection list --infobase=}).
   *
   * @param infobaseId the infobase id
   * @return the connections
   */
  Flux<RacConnection> listByInfobase(UUID infobaseId);

  /**
   * Lists the connections to one infobase as an infobase user.
   *
   * @param infobaseId the infobase id
   * @param infobaseUser an infobase user with administration rights
   * @return the connections
   */
  Flux<RacConnection> listByInfobase(UUID infobaseId, RacCredentials infobaseUser);

  /**
   * Describes one connection ({@code connection info --connection=}).
   *
   * @param connectionId the connection id
   * @return the connection
   */
  Mono<RacConnection> info(UUID connectionId);

  /**
   * Breaks a connection ({@code connection disconnect --process= --connection=}).
   *
   * @param processId the working process serving it
   * @param connectionId the connection id
   * @return completes when disconnected
   */
  Mono<Void> disconnect(UUID processId, UUID connectionId);

  /**
   * Breaks a connection as an infobase user.
   *
   * @param processId the working process serving it
   * @param connectionId the connection id
   * @param infobaseUser an infobase user with administration rights
   * @return completes when disconnected
   */
  Mono<Void> disconnect(UUID processId, UUID connectionId, RacCredentials infobaseUser);
}
