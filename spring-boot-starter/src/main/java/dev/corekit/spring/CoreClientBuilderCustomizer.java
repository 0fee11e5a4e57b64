package dev.corekit.spring;

import dev.corekit.core.CoreClient;

/**
 * Adjusts the {@link CoreClient.Builder} the starter configured from {@code corekit.core.*} before
 * the client is built: declare beans of this type for what properties do not cover (a proxy, an own
 * TLS context, log headers). Applied in their {@code @Order}, after the starter's own settings.
 *
 * <pre>{@code
 * @Bean
 * CoreClientBuilderCustomizer coreWatchInterval() {
 *   return builder -> builder.watchInterval(Duration.ofMillis(500));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CoreClientBuilderCustomizer {
  /**
   * Adjusts the builder.
   *
   * @param builder the builder, with the properties already applied
   */
  void customize(CoreClient.Builder builder);
}
