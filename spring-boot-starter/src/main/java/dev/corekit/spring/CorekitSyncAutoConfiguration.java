package dev.corekit.spring;

import dev.corekit.core.CoreClient;
import dev.corekit.core.sync.CoreSync;
import dev.corekit.core.sync.CoreSyncClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Configures a {@link CoreSyncClient}, the blocking view of the {@link CoreClient} bean (the
 * starter's or the application's), when core-client-sync is on the classpath.
 */
@AutoConfiguration(after = CorekitAutoConfiguration.class)
@ConditionalOnClass(CoreSync.class)
@ConditionalOnBean(CoreClient.class)
public class CorekitSyncAutoConfiguration {

  /** Created by Spring. */
  public CorekitSyncAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  CoreSyncClient coreSyncClient(CoreClient client) {
    // Not owning: closing it leaves the CoreClient bean to the context, which closes it after.
    return CoreSync.wrap(client);
  }
}
