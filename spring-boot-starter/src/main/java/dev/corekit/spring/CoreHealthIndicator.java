package dev.corekit.spring;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.api.AboutApi;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * The health of the Core server ({@code /actuator/health/corekit}): UP when {@code GET /ping}
 * answers and {@code GET /api} gives the server's version, within a short deadline of its own; DOWN
 * otherwise, with the client's typed exception as the cause (a {@code CoreConnectException}, {@code
 * CoreTimeoutException}, {@code CoreAuthenticationException} ...). Details: {@code url}, {@code
 * version}, and the server's {@code id} and {@code name} when Core tells them. Secrets never
 * appear: the client's exceptions carry none.
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
    String url = client.baseUrl().toString();
    // No retries: a health check reports the present state, and must not outlast its deadline.
    AboutApi about =
        client.about().with(RequestOptions.builder().timeout(timeout).retries(0).build());
    return about
        .ping()
        .then(about.about())
        .map(
            server -> {
              Health.Builder up =
                  Health.up()
                      .withDetail("url", url)
                      .withDetail("version", server.version().number());
              server.id().ifPresent(id -> up.withDetail("id", id));
              server.name().ifPresent(name -> up.withDetail("name", name));
              return up.build();
            })
        .timeout(
            timeout, Mono.error(() -> new CoreTimeoutException("health check of " + url, timeout)))
        .onErrorResume(error -> Mono.just(Health.down(error).withDetail("url", url).build()));
  }

  @Override
  public String toString() {
    return "CoreHealthIndicator{" + client.baseUrl() + "}";
  }
}
