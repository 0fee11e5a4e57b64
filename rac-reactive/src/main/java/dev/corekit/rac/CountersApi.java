package dev.corekit.rac;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code rac counter} mode: resource consumption counters. */
public interface CountersApi {

  /**
   * Lists the counters ({@code counter list}).
   *
   * @return the counters
   */
  Flux<RacCounter> list();

  /**
   * Describes one counter ({@code counter info --counter=}).
   *
   * @param name the counter name
   * @return the counter
   */
  Mono<RacCounter> info(String name);

  /**
   * Creates or changes a counter ({@code counter update --name=}).
   *
   * @param counter the counter
   * @return completes when saved
   */
  Mono<Void> update(RacCounterSpec counter);

  /**
   * Reads the current values of a counter ({@code counter values --counter=}).
   *
   * @param name the counter name
   * @return one value per object
   */
  Flux<RacCounterValue> values(String name);

  /**
   * Reads the current values of a counter for some objects ({@code counter values --counter=
   * --object=}).
   *
   * @param name the counter name
   * @param objects the objects, as rac expects them (e.g. user names separated by commas)
   * @return one value per object
   */
  Flux<RacCounterValue> values(String name, String objects);

  /**
   * Reads the accumulated values of a counter ({@code counter accumulated-values --counter=}).
   *
   * @param name the counter name
   * @return one value per object
   */
  Flux<RacCounterValue> accumulatedValues(String name);

  /**
   * Reads the accumulated values of a counter for some objects ({@code counter accumulated-values
   * --counter= --object=}).
   *
   * @param name the counter name
   * @param objects the objects
   * @return one value per object
   */
  Flux<RacCounterValue> accumulatedValues(String name, String objects);

  /**
   * Clears the accumulated values of a counter ({@code counter clear --counter=}).
   *
   * @param name the counter name
   * @return completes when cleared
   */
  Mono<Void> clear(String name);

  /**
   * Clears the accumulated values of a counter for some objects ({@code counter clear --counter=
   * --object=}).
   *
   * @param name the counter name
   * @param objects the objects
   * @return completes when cleared
   */
  Mono<Void> clear(String name, String objects);

  /**
   * Removes a counter ({@code counter remove --name=}).
   *
   * @param name the counter name
   * @return completes when removed
   */
  Mono<Void> remove(String name);
}
