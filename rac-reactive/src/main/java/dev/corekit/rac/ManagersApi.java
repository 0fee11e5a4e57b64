package dev.corekit.rac;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code rac manager} mode: cluster manager processes. */
public interface ManagersApi {

  /**
   * Lists the managers ({@code manager list}).
   *
   * @return the managers
   */
  Flux<RacManager> list();

  /**
   * Describes one manager ({@code manager info --manager=}).
   *
   * @param managerId the manager id
   * @return the manager
   */
  Mono<RacManager> info(UUID managerId);
}
