package dev.corekit.rac;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Administrators of the agent ({@code rac agent admin}) or of a cluster ({@code rac cluster
 * admin}).
 */
public interface AdminsApi {

  /**
   * Lists the administrators ({@code admin list}).
   *
   * @return the administrators
   */
  Flux<RacAdmin> list();

  /**
   * Registers an administrator ({@code admin register}).
   *
   * @param admin the administrator; its password is masked in logs and errors
   * @return completes when registered
   */
  Mono<Void> register(RacAdminSpec admin);

  /**
   * Removes an administrator ({@code admin remove --name=}).
   *
   * @param name the administrator's name
   * @return completes when removed
   */
  Mono<Void> remove(String name);
}
