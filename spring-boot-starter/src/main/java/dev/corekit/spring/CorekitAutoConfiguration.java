package dev.corekit.spring;

import dev.corekit.core.CoreClient;
import dev.corekit.core.RetryPolicy;
import dev.corekit.rac.RacClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import reactor.netty.resources.ConnectionProvider;

/**
 * Configures a {@link CoreClient} from {@code corekit.core.*} when {@code corekit.core.url} (one
 * server) or {@code corekit.core.urls} (the nodes of one cluster) is set (a {@code CoreSyncClient}
 * over it comes from {@link CorekitSyncAutoConfiguration}), and a {@link RacClient} from {@code
 * corekit.rac.*} when {@code corekit.rac.executable} is set. Each bean backs off when the
 * application defines its own; each is closed with the context.
 *
 * <p>With Micrometer, the client records its meters in the application's {@code MeterRegistry}
 * ({@code corekit.core.metrics.enabled}) and observes each call in its {@code ObservationRegistry}
 * ({@code corekit.core.observations.enabled}), which makes a span per call under the current trace
 * and sends the trace context to Core.
 */
@AutoConfiguration
@EnableConfigurationProperties({CoreProperties.class, RacProperties.class})
public class CorekitAutoConfiguration {

  /** Created by Spring. */
  public CorekitAutoConfiguration() {}

  /**
   * The Core client: of one server ({@code corekit.core.url}) or of the nodes of one cluster
   * ({@code corekit.core.urls}, with {@code corekit.core.failover.*}).
   *
   * @param properties {@code corekit.core.*}
   * @param pool the connection pool of {@code corekit.core.pool.max-connections}, if set
   * @param sslBundles the application's SSL bundles, for {@code corekit.core.tls.bundle}
   * @param customizers the starter's and the application's adjustments of the builder
   * @return the client; closed with the context
   */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(OnCoreUrlCondition.class)
  CoreClient coreClient(
      CoreProperties properties,
      ObjectProvider<CorePool> pool,
      ObjectProvider<SslBundles> sslBundles,
      ObjectProvider<CoreClientBuilderCustomizer> customizers) {
    CoreClient.Builder builder =
        CoreClient.builder()
            .timeout(properties.getTimeout())
            .connectTimeout(properties.getConnectTimeout())
            .retry(
                RetryPolicy.builder()
                    .maxRetries(properties.getRetry().getMaxRetries())
                    .initialBackoff(properties.getRetry().getInitialBackoff())
                    .maxBackoff(properties.getRetry().getMaxBackoff())
                    .build());
    baseUrls(builder, properties);
    String user = properties.getUser();
    String password = properties.getPassword();
    if (user != null && password != null) {
      builder.credentials(user, password);
    } else if (user != null || password != null) {
      throw new IllegalStateException(
          "corekit.core.user and corekit.core.password go together: set both, or neither");
    }
    String accessToken = properties.getAccessToken();
    if (accessToken != null) {
      builder.tokens(accessToken, properties.getRefreshToken());
    }
    CorePool own = pool.getIfAvailable();
    if (own != null) {
      builder.connectionProvider(own.provider);
    }
    CoreProperties.Tls tls = properties.getTls();
    if (tls.getBundle() != null) {
      builder.sslContext(sslContext(sslBundles.getObject().getBundle(tls.getBundle())));
    }
    if (tls.isTrustAll()) {
      builder.trustAllCertificates();
    }
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /**
   * The connection pool of {@code corekit.core.pool.*}, disposed after the client.
   *
   * @param properties {@code corekit.core.*}
   * @return the pool
   */
  @Bean
  @Conditional(OnCoreUrlCondition.class)
  @ConditionalOnProperty(prefix = "corekit.core", name = "pool.max-connections")
  CorePool corekitCorePool(CoreProperties properties) {
    CoreProperties.Pool pool = properties.getPool();
    return new CorePool(
        ConnectionProvider.builder("corekit")
            .maxConnections(Objects.requireNonNull(pool.getMaxConnections()))
            .pendingAcquireMaxCount(-1)
            .pendingAcquireTimeout(pool.getPendingAcquireTimeout())
            .maxIdleTime(pool.getMaxIdleTime())
            .maxLifeTime(pool.getMaxLifeTime())
            .evictInBackground(pool.getMaxIdleTime().dividedBy(2))
            .lifo()
            .build());
  }

  /**
   * The RAC client.
   *
   * @param properties {@code corekit.rac.*}
   * @param meters the application's registry, if any and if wanted
   * @return the client; closed with the context
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "corekit.rac", name = "executable")
  RacClient racClient(RacProperties properties, ObjectProvider<RacMeters> meters) {
    RacClient.Builder builder =
        RacClient.builder()
            .executable(
                Objects.requireNonNull(properties.getExecutable(), "corekit.rac.executable"))
            .timeout(properties.getTimeout())
            .maxConcurrency(properties.getConcurrency());
    String charset = properties.getCharset().trim();
    if (charset.toLowerCase(Locale.ROOT).equals("auto")) {
      builder.autoCharset();
    } else {
      builder.charset(Charset.forName(charset));
    }
    meters.ifAvailable(
        rac -> {
          if (rac.registry != null) {
            builder.meterRegistry(rac.registry);
          }
        });
    return builder.build();
  }

  /**
   * Gives the builder {@code url} or {@code urls} (exactly one of them) and the failover policy; a
   * bad value fails naming the property.
   */
  private static void baseUrls(CoreClient.Builder builder, CoreProperties properties) {
    boolean one = OnCoreUrlCondition.isSet(properties.getUrl());
    boolean several = OnCoreUrlCondition.areSet(properties.getUrls());
    if (one && several) {
      throw new IllegalStateException(
          "both corekit.core.url and corekit.core.urls are set: set corekit.core.url for one"
              + " server, or corekit.core.urls for the nodes of one cluster, not both");
    }
    String name = one ? OnCoreUrlCondition.URL : OnCoreUrlCondition.URLS;
    try {
      if (one) {
        builder.baseUrl(Objects.requireNonNull(properties.getUrl(), name));
      } else {
        builder.baseUrls(properties.getUrls());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("invalid " + name + ": " + e.getMessage(), e);
    }
    try {
      builder.failover(properties.getFailover().toPolicy());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("invalid corekit.core.failover: " + e.getMessage(), e);
    }
  }

  private static SslContext sslContext(SslBundle bundle) {
    try {
      SslContextBuilder tls =
          SslContextBuilder.forClient()
              .trustManager(bundle.getManagers().getTrustManagerFactory())
              .keyManager(bundle.getManagers().getKeyManagerFactory());
      String[] protocols = bundle.getOptions().getEnabledProtocols();
      if (protocols != null) {
        tls.protocols(protocols);
      }
      String[] ciphers = bundle.getOptions().getCiphers();
      if (ciphers != null) {
        tls.ciphers(List.of(ciphers));
      }
      return tls.build();
    } catch (SSLException e) {
      throw new IllegalStateException(
          "cannot create the TLS context of corekit.core.tls.bundle", e);
    }
  }

  /** The connection pool made from {@code corekit.core.pool.*}; released with the context. */
  static final class CorePool implements DisposableBean {
    final ConnectionProvider provider;

    CorePool(ConnectionProvider provider) {
      this.provider = provider;
    }

    @Override
    public void destroy() {
      provider.dispose();
    }

    @Override
    public String toString() {
      return "CorePool{" + provider + "}";
    }
  }

  /** The application's meters. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  static class MetricsConfiguration {
    @Bean
    @Order(0)
    @ConditionalOnProperty(
        prefix = "corekit.core.metrics",
        name = "enabled",
        havingValue = "true",
        matchIfMissing = true)
    CoreClientBuilderCustomizer corekitCoreMeters(ObjectProvider<MeterRegistry> registry) {
      return builder -> registry.ifAvailable(builder::meterRegistry);
    }

    @Bean
    @ConditionalOnProperty(
        prefix = "corekit.rac.metrics",
        name = "enabled",
        havingValue = "true",
        matchIfMissing = true)
    RacMeters corekitRacMeters(ObjectProvider<MeterRegistry> registry) {
      return new RacMeters(registry.getIfAvailable());
    }
  }

  /** The application's observations (and so its traces). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ObservationRegistry.class)
  static class ObservationConfiguration {
    @Bean
    @Order(0)
    @ConditionalOnProperty(
        prefix = "corekit.core.observations",
        name = "enabled",
        havingValue = "true",
        matchIfMissing = true)
    CoreClientBuilderCustomizer corekitCoreObservations(
        ObjectProvider<ObservationRegistry> registry) {
      return builder -> registry.ifAvailable(builder::observationRegistry);
    }
  }

  /** The registry RAC runs are timed in, if any. */
  static final class RacMeters {
    final @Nullable MeterRegistry registry;

    RacMeters(@Nullable MeterRegistry registry) {
      this.registry = registry;
    }
  }
}
