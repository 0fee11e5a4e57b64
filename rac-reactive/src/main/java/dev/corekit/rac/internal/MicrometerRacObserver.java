package dev.corekit.rac.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * {@code corekit.rac.commands}: a timer per rac run, tagged {@code command} (mode and command
 * words) and {@code outcome}. Loaded only when a {@code MeterRegistry} is given, so Micrometer
 * stays optional.
 */
public final class MicrometerRacObserver implements RacObserver {
  private final MeterRegistry registry;

  private MicrometerRacObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Creates the observer.
   *
   * @param registry a {@code MeterRegistry}, typed {@code Object} so callers need not load
   *     Micrometer
   * @return the observer
   */
  public static RacObserver create(Object registry) {
    return new MicrometerRacObserver((MeterRegistry) registry);
  }

  @Override
  public void finished(String command, String outcome, long nanos) {
    Timer.builder("corekit.rac.commands")
        .description("rac processes run")
        .tag("command", command)
        .tag("outcome", outcome)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
