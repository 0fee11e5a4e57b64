package dev.corekit.rac;

import reactor.core.publisher.Flux;

/** The {@code rac service} mode: services of the cluster managers. */
public interface ServicesApi {

  /**
   * Lists the services ({@code service list}).
   *
   * @return the services
   */
  Flux<RacService> list();
}
