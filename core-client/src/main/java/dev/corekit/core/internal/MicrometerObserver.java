package dev.corekit.core.internal;

import dev.corekit.core.CoreConnectException;
import dev.corekit.core.CoreProtocolException;
import dev.corekit.core.CoreTimeoutException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * Micrometer meters of a client. Loaded only when the caller passes a {@code MeterRegistry}, so
 * Micrometer stays an optional dependency.
 *
 * <ul>
 *   <li>{@code corekit.core.requests} (timer): each HTTP exchange, tagged {@code operation}, {@code
 *       method}, {@code status} and {@code outcome} (SUCCESS, CLIENT_ERROR, SERVER_ERROR, TIMEOUT,
 *       CONNECT_ERROR, PROTOCOL_ERROR, CANCELLED, UNKNOWN);
 *   <li>{@code corekit.core.retries} (counter), tagged {@code operation};
 *   <li>{@code corekit.core.token.renewals} (counter), tagged {@code kind} and {@code outcome};
 *   <li>{@code corekit.core.pool.active|idle|pending|max} (gauges) of the client's own pool, tagged
 *       {@code remote}.
 * </ul>
 */
public final class MicrometerObserver implements ClientObserver {
  private final MeterRegistry registry;
  private final Tags common;

  private MicrometerObserver(MeterRegistry registry, Tags common) {
    this.registry = registry;
    this.common = common;
  }

  /**
   * Creates the observer.
   *
   * @param registry a {@code MeterRegistry} (typed {@code Object} so callers need not load
   *     Micrometer)
   * @param client the value of the {@code client} tag (the base URL's authority)
   * @return the observer
   */
  public static ClientObserver create(Object registry, String client) {
    return new MicrometerObserver((MeterRegistry) registry, Tags.of("client", client));
  }

  /**
   * Registers gauges of a connection pool.
   *
   * @param registry the {@code MeterRegistry}
   * @param client the value of the {@code client} tag
   * @return the registrar to pass to {@code ConnectionProvider.Builder.metrics(true, ..)}
   */
  public static ConnectionProvider.MeterRegistrar poolRegistrar(Object registry, String client) {
    MeterRegistry meters = (MeterRegistry) registry;
    return new ConnectionProvider.MeterRegistrar() {
      // Reactor Netty hands over a metrics view that nothing else keeps: the gauges hold it
      // strongly
      // (a weak gauge reads NaN after the next GC) and are removed when the pool lets go of the
      // remote.
      private final java.util.Map<String, java.util.List<Gauge>> gauges =
          new java.util.concurrent.ConcurrentHashMap<>();

      @Override
      public void registerMetrics(
          String poolName, String id, SocketAddress remote, ConnectionPoolMetrics metrics) {
        Tags tags = Tags.of("client", client, "remote", String.valueOf(remote));
        java.util.List<Gauge> registered =
            java.util.List.of(
                gauge(
                    "corekit.core.pool.active",
                    "Connections in use",
                    metrics,
                    ConnectionPoolMetrics::acquiredSize,
                    tags),
                gauge(
                    "corekit.core.pool.idle",
                    "Idle pooled connections",
                    metrics,
                    ConnectionPoolMetrics::idleSize,
                    tags),
                gauge(
                    "corekit.core.pool.pending",
                    "Requests waiting for a connection",
                    metrics,
                    ConnectionPoolMetrics::pendingAcquireSize,
                    tags),
                gauge(
                    "corekit.core.pool.max",
                    "Most connections the pool may open",
                    metrics,
                    ConnectionPoolMetrics::maxAllocatedSize,
                    tags));
        gauges.put(key(poolName, id, remote), registered);
      }

      @Override
      public void deRegisterMetrics(String poolName, String id, SocketAddress remote) {
        java.util.List<Gauge> registered = gauges.remove(key(poolName, id, remote));
        if (registered != null) {
          registered.forEach(meters::remove);
        }
      }

      private Gauge gauge(
          String name,
          String description,
          ConnectionPoolMetrics metrics,
          java.util.function.ToDoubleFunction<ConnectionPoolMetrics> value,
          Tags tags) {
        return Gauge.builder(name, metrics, value)
            .description(description)
            .tags(tags)
            .strongReference(true)
            .register(meters);
      }

      private String key(String poolName, String id, SocketAddress remote) {
        return poolName + "|" + id + "|" + remote;
      }
    };
  }

  @Override
  public void exchange(
      Operation operation,
      String node,
      int status,
      @Nullable Throwable error,
      boolean cancelled,
      long nanos) {
    Timer.builder("corekit.core.requests")
        .description("HTTP exchanges with Core, one per attempt")
        .tags(common)
        .tag("node", node)
        .tag("operation", operation.id())
        .tag("method", operation.method())
        .tag("status", status < 0 ? "NONE" : Integer.toString(status))
        .tag("outcome", outcome(status, error, cancelled))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> availability =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public void nodeAvailability(String node, boolean available) {
    availability
        .computeIfAbsent(
            node,
            key -> {
              java.util.concurrent.atomic.AtomicInteger value =
                  new java.util.concurrent.atomic.AtomicInteger();
              Gauge.builder("corekit.core.node.available", value, Number::doubleValue)
                  .description("1 while calls go to the node, 0 while it is out after failures")
                  .tags(common)
                  .tag("node", key)
                  .register(registry);
              return value;
            })
        .set(available ? 1 : 0);
  }

  @Override
  public void probe(String node) {
    Counter.builder("corekit.core.node.probes")
        .description("Pings of unavailable nodes")
        .tags(common)
        .tag("node", node)
        .register(registry)
        .increment();
  }

  @Override
  public void failover(Operation operation, String from, String to) {
    Counter.builder("corekit.core.failovers")
        .description("Attempts moved from a failing node to the next")
        .tags(common)
        .tag("operation", operation.id())
        .tag("from", from)
        .tag("to", to)
        .register(registry)
        .increment();
  }

  @Override
  public void retry(Operation operation) {
    Counter.builder("corekit.core.retries")
        .description("Attempts retried after a transient failure")
        .tags(common)
        .tag("operation", operation.id())
        .register(registry)
        .increment();
  }

  @Override
  public void renewal(String kind, boolean success) {
    Counter.builder("corekit.core.token.renewals")
        .description("Logins and token refreshes")
        .tags(common)
        .tag("kind", kind)
        .tag("outcome", success ? "SUCCESS" : "FAILURE")
        .register(registry)
        .increment();
  }

  static String outcome(int status, @Nullable Throwable error, boolean cancelled) {
    if (cancelled) {
      return "CANCELLED";
    }
    if (status >= 200 && status < 300 && error == null) {
      return "SUCCESS";
    }
    if (status >= 400 && status < 500) {
      return "CLIENT_ERROR";
    }
    if (status >= 500) {
      return "SERVER_ERROR";
    }
    if (error instanceof CoreTimeoutException) {
      return "TIMEOUT";
    }
    if (error instanceof CoreConnectException) {
      return "CONNECT_ERROR";
    }
    if (error instanceof CoreProtocolException) {
      return "PROTOCOL_ERROR";
    }
    return "UNKNOWN";
  }
}
