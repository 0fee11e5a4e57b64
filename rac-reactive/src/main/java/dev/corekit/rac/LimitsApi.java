package dev.corekit.rac;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code rac limit} mode: resource consumption limits. */
public interface LimitsApi {

  /**
   * Lists the limits ({@code limit list}).
   *
   * @return the limits
   */
  Flux<RacLimit> list();

  /**
   * Describes one limit ({@code limit info --limit=}).
   *
   * @param name the limit name
   * @return the limit
   */
  Mono<RacLimit> info(String name);

  /**
   * Creates or changes a limit ({@code limit update --name=}).
   *
   * @param limit the limit
   * @return completes when saved
   */
  Mono<Void> update(RacLimitSpec limit);

  /**
   * Removes a limit ({@code limit remove --name=}).
   *
   * @param name the limit name
   * @return completes when removed
   */
  Mono<Void> remove(String name);
}
