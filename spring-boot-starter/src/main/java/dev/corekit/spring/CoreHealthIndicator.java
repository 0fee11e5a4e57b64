package dev.corekit.spring;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreNode;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.api.AboutApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * The health of the Core server or cluster ({@code /actuator/health/corekit}): UP when {@code GET
 * /ping} answers and {@code GET /api} gives the server's version, within a short deadline of its
 * own; DOWN otherwise, with the client's typed exception as the cause (a {@code
 * CoreConnectException}, {@code CoreTimeoutException}, {@code CoreAuthenticationException} ...).
 *
 * <p>Details of a client of one server: {@code url}, {@code version}, and the server's {@code id}
 * and {@code name} when Core tells them.
 *
 * <p>A client of several nodes ({@code corekit.core.urls}) fails over within the check, so it is UP
 * while one node answers, and its details have {@code nodes} instead of {@code url}: one entry per
 * node, in the order of the URLs, with the node's {@code url}, whether calls go to it ({@code
 * available}) and, for an unavailable node, why ({@code lastFailure}), as the client knows them
 * after the check ({@link CoreClient#nodes()}). {@code version}, {@code id} and {@code name} are
 * those of the node that answered.
 *
 * <p>Secrets never appear: URLs carry no user info, and the client's exceptions carry none.
 */
public final class CoreHealthIndicator implements ReactiveHealthIndicator {
  private final CoreClient client;
  private final Duration timeout;

  /**
   * Creates the indicator.
   *
   * @param client the client to check with
   * @param timeout how long the whole check may take
   */
  public CoreHealthIndicator(CoreClient client, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public Mono<Health> health() {
    String target =
        client.baseUrls().size() == 1 ? client.baseUrl().toString() : client.baseUrls().toString();
    // No retries: a health check reports the present state, and must not outlast its deadline.
    // A client of several nodes still moves to another node within the attempt.
    AboutApi about =
        client.about().with(RequestOptions.builder().timeout(timeout).retries(0).build());
    return about
        .ping()
        .then(about.about())
        .map(
            server -> {
              Health.Builder up =
                  where(Health.up()).withDetail("version", server.version().number());
              server.id().ifPresent(id -> up.withDetail("id", id));
              server.name().ifPresent(name -> up.withDetail("name", name));
              return up.build();
            })
        .timeout(
            timeout,
            Mono.error(() -> new CoreTimeoutException("health check of " + target, timeout)))
        .onErrorResume(error -> Mono.just(where(Health.down(error)).build()));
  }

  /** Adds {@code url} for a client of one server, {@code nodes} for a client of several. */
  private Health.Builder where(Health.Builder health) {
    if (client.baseUrls().size() == 1) {
      return health.withDetail("url", client.baseUrl().toString());
    }
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (CoreNode node : client.nodes()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("url", node.baseUrl().toString());
      entry.put("available", node.available());
      node.lastFailure().ifPresent(failure -> entry.put("lastFailure", failure));
      nodes.add(entry);
    }
    return health.withDetail("nodes", nodes);
  }

  @Override
  public String toString() {
    return "CoreHealthIndicator{"
        + (client.baseUrls().size() == 1 ? client.baseUrl() : client.baseUrls())
        + "}";
  }
}
