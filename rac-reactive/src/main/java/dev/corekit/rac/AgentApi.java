package dev.corekit.rac;

import reactor.core.publisher.Mono;

/** The {@code rac agent} mode: the version of the agent and its administrators. */
public interface AgentApi {

  /**
   * Returns the version of the server agent ({@code rac agent version}).
   *
   * @return the version, e.g. {@code 8.3.24.1548}
   */
  Mono<String> version();

  /**
   * Returns the administrators of the agent ({@code rac agent admin}).
   *
   * @return the agent administrators API
   */
  AdminsApi admins();
}
