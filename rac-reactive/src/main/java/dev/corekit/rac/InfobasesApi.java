package dev.corekit.rac;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code rac infobase} mode: infobases of the cluster. */
public interface InfobasesApi {

  /**
   * Lists the infobases briefly ({@code infobase summary list}); needs no infobase credentials.
   *
   * @return the summaries, streamed
   */
  Flux<RacInfobaseSummary> summaries();

  /**
   * Describes one infobase briefly ({@code infobase summary info --infobase=}).
   *
   * @param infobaseId the infobase id
   * @return the summary
   */
  Mono<RacInfobaseSummary> summary(UUID infobaseId);

  /**
   * Changes the description of an infobase ({@code infobase summary update --infobase= --descr=}).
   *
   * @param infobaseId the infobase id
   * @param descr the new description
   * @return completes when changed
   */
  Mono<Void> updateSummary(UUID infobaseId, String descr);

  /**
   * Describes one infobase fully ({@code infobase info --infobase=}); fails with {@link
   * RacAuthenticationException} on an infobase with users, see {@link #info(UUID, RacCredentials)}.
   *
   * @param infobaseId the infobase id
   * @return the infobase
   */
  Mono<RacInfobase> info(UUID infobaseId);

  /**
   * Describes one infobase fully as an infobase user ({@code --infobase-user= --infobase-pwd=}).
   *
   * @param infobaseId the infobase id
   * @param infobaseUser an infobase user with administration rights
   * @return the infobase
   */
  Mono<RacInfobase> info(UUID infobaseId, RacCredentials infobaseUser);

  /**
   * Creates an infobase ({@code infobase create}), with {@code --create-database} when the spec
   * asks.
   *
   * @param infobase the infobase
   * @return the id of the new infobase
   */
  Mono<UUID> create(RacInfobaseSpec infobase);

  /**
   * Changes an infobase ({@code infobase update --infobase=}).
   *
   * @param infobaseId the infobase id
   * @param changes the settings to change
   * @return completes when changed
   */
  Mono<Void> update(UUID infobaseId, RacInfobaseUpdate changes);

  /**
   * Changes an infobase as an infobase user.
   *
   * @param infobaseId the infobase id
   * @param changes the settings to change
   * @param infobaseUser an infobase user with administration rights
   * @return completes when changed
   */
  Mono<Void> update(UUID infobaseId, RacInfobaseUpdate changes, RacCredentials infobaseUser);

  /**
   * Removes an infobase from the cluster ({@code infobase drop --infobase=}), optionally dropping
   * or clearing its database.
   *
   * @param infobaseId the infobase id
   * @param mode what to do with the database
   * @return completes when removed
   */
  Mono<Void> drop(UUID infobaseId, RacDropMode mode);

  /**
   * Removes an infobase as an infobase user.
   *
   * @param infobaseId the infobase id
   * @param mode what to do with the database
   * @param infobaseUser an infobase user with administration rights
   * @return completes when removed
   */
  Mono<Void> drop(UUID infobaseId, RacDropMode mode, RacCredentials infobaseUser);
}
