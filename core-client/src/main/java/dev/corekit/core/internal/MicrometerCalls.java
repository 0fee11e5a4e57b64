package dev.corekit.core.internal;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * One Micrometer {@link Observation} per call, named {@code corekit.core.calls}. Loaded only when
 * the caller passes an {@code ObservationRegistry}, so Micrometer stays an optional dependency.
 *
 * <p>The observation is a {@link SenderContext} whose carrier is a header map: a tracer's
 * propagating handler (micrometer-tracing's {@code PropagatingSenderTracingObservationHandler},
 * which Spring Boot registers) writes its headers there when the observation starts, and the
 * transport copies them onto every attempt. The parent is the caller's observation from the Reactor
 * context (key {@code micrometer.observation}, where Spring WebFlux puts the request's), else the
 * registry's current one.
 *
 * <p>Low-cardinality keys: {@code operation} (the operationId), {@code method}, {@code status} (of
 * the last answer, {@code NONE} without one) and {@code outcome} (as {@code
 * corekit.core.requests}).
 */
public final class MicrometerCalls implements CallObserver {
  /** Where Micrometer's context propagation and Spring keep the current observation. */
  static final String OBSERVATION_KEY = "micrometer.observation";

  static final String NAME = "corekit.core.calls";

  private static final ObservationConvention<CallContext> CONVENTION = new Convention();

  private final ObservationRegistry registry;
  private final String remote;

  private MicrometerCalls(ObservationRegistry registry, String remote) {
    this.registry = registry;
    this.remote = remote;
  }

  /**
   * Creates the observer.
   *
   * @param registry an {@code ObservationRegistry} (typed {@code Object} so callers need not load
   *     Micrometer)
   * @param baseUrl the server's base URL (without user info)
   * @return the observer
   */
  public static CallObserver create(Object registry, URI baseUrl) {
    return new MicrometerCalls((ObservationRegistry) registry, baseUrl.toString());
  }

  @Override
  public @Nullable Observed start(Operation operation, ContextView context) {
    if (registry.isNoop()) {
      return null;
    }
    CallContext call = new CallContext(operation);
    call.setRemoteServiceAddress(remote);
    Object parent = context.getOrDefault(OBSERVATION_KEY, null);
    Observation observation =
        Observation.createNotStarted(null, CONVENTION, () -> call, registry)
            .parentObservation(
                parent instanceof Observation
                    ? (Observation) parent
                    : registry.getCurrentObservation())
            .start();
    if (observation.isNoop()) {
      return null;
    }
    return new Running(observation, call);
  }

  private static final class Running implements Observed {
    private final Observation observation;
    private final CallContext call;

    Running(Observation observation, CallContext call) {
      this.observation = observation;
      this.call = call;
    }

    @Override
    public void headers(BiConsumer<String, String> header) {
      Map<String, String> carrier = call.getCarrier();
      if (carrier != null) {
        synchronized (carrier) {
          carrier.forEach(header);
        }
      }
    }

    @Override
    public void status(int status) {
      call.status = status;
    }

    @Override
    public void inScope(Runnable action) {
      Observation.Scope scope = observation.openScope();
      try {
        action.run();
      } finally {
        scope.close();
      }
    }

    @Override
    public void stop(@Nullable Throwable error, boolean cancelled) {
      call.outcome = MicrometerObserver.outcome(call.status, error, cancelled);
      if (error != null) {
        observation.error(error);
      }
      observation.stop();
    }

    @Override
    public Context into(Context context) {
      return context.put(Observed.class, this).put(OBSERVATION_KEY, observation);
    }
  }

  /** The context of one call; its carrier receives the propagated headers. */
  static final class CallContext extends SenderContext<Map<String, String>> {
    final Operation operation;
    volatile int status = -1;
    volatile String outcome = "UNKNOWN";

    CallContext(Operation operation) {
      super(
          (carrier, key, value) -> {
            if (carrier != null) {
              synchronized (carrier) {
                carrier.put(key, value);
              }
            }
          },
          Kind.CLIENT);
      this.operation = operation;
      setCarrier(new LinkedHashMap<>());
      setRemoteServiceName("datarhei-core");
    }
  }

  private static final class Convention implements ObservationConvention<CallContext> {
    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public String getContextualName(CallContext context) {
      return "core " + context.operation.id();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(CallContext context) {
      int status = context.status;
      return KeyValues.of(
          "operation",
          context.operation.id(),
          "method",
          context.operation.method(),
          "status",
          status < 0 ? "NONE" : Integer.toString(status),
          "outcome",
          context.outcome);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return context instanceof CallContext;
    }
  }
}
