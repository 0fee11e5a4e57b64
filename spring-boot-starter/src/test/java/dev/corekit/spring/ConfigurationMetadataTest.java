package dev.corekit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration-metadata processor documents every {@code corekit.*} property, so IDEs complete
 * and explain them.
 */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyIsInTheMetadataWithADescription() throws Exception {
    JsonNode metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
      metadata = new ObjectMapper().readTree(in);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode property : metadata.path("properties")) {
      String name = property.path("name").asText();
      names.add(name);
      assertThat(property.path("description").asText()).as(name).isNotBlank();
    }
    assertThat(names)
        .contains(
            "corekit.core.url",
            "corekit.core.urls",
            "corekit.core.failover.selection",
            "corekit.core.failover.failure-threshold",
            "corekit.core.failover.probe-interval",
            "corekit.core.failover.attempt-timeout",
            "corekit.core.user",
            "corekit.core.password",
            "corekit.core.access-token",
            "corekit.core.refresh-token",
            "corekit.core.timeout",
            "corekit.core.connect-timeout",
            "corekit.core.retry.max-retries",
            "corekit.core.pool.max-connections",
            "corekit.core.tls.bundle",
            "corekit.core.tls.trust-all",
            "corekit.core.metrics.enabled",
            "corekit.core.observations.enabled",
            "corekit.core.health.timeout",
            "corekit.rac.executable",
            "corekit.rac.charset",
            "corekit.rac.timeout",
            "corekit.rac.concurrency",
            "corekit.rac.metrics.enabled");
  }
}
