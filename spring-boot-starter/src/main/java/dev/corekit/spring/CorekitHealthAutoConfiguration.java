package dev.corekit.spring;

import dev.corekit.core.CoreClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Configures {@link CoreHealthIndicator} ({@code /actuator/health/corekit}) when Spring Boot's
 * health support is present and a {@link CoreClient} bean exists; {@code
 * management.health.corekit.enabled=false} turns it off.
 */
@AutoConfiguration(after = CorekitAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean(CoreClient.class)
@ConditionalOnEnabledHealthIndicator("corekit")
public class CorekitHealthAutoConfiguration {

  /** Created by Spring. */
  public CorekitHealthAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(name = "corekitHealthIndicator")
  CoreHealthIndicator corekitHealthIndicator(CoreClient client, CoreProperties properties) {
    return new CoreHealthIndicator(client, properties.getHealth().getTimeout());
  }
}
