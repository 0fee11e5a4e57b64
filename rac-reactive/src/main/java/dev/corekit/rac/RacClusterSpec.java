package dev.corekit.rac;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Settings of a cluster to insert or update.
 *
 * <p>Options for {@code rac cluster insert|update}; unset options are left out of the command line.
 * Immutable.
 *
 * <pre>{@code
 * RacClusterSpec.builder().host("srv").port(1541).name("Main").build()
 * }</pre>
 */
@Value.Immutable
public abstract class RacClusterSpec {

  /** Only the generated immutable implementation extends this type. */
  RacClusterSpec() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static ImmutableRacClusterSpec.Builder builder() {
    return ImmutableRacClusterSpec.builder();
  }

  /**
   * Returns the host of the main cluster manager ({@code --host}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> host();

  /**
   * Returns the port of the main cluster manager ({@code --port}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Integer> port();

  /**
   * Returns the name ({@code --name}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> name();

  /**
   * Returns the forced termination timeout, seconds ({@code --expiration-timeout}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> expirationTimeout();

  /**
   * Returns the working process restart interval, seconds ({@code --lifetime-limit}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> lifetimeLimit();

  /**
   * Returns the working process memory limit ({@code --max-memory-size}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> maxMemorySize();

  /**
   * Returns the time the memory limit may be exceeded, seconds ({@code --max-memory-time-limit}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> maxMemoryTimeLimit();

  /**
   * Returns the connection security level ({@code --security-level}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Integer> securityLevel();

  /**
   * Returns the session fault-tolerance level ({@code --session-fault-tolerance-level}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Integer> sessionFaultToleranceLevel();

  /**
   * Returns the load balancing mode ({@code performance}, {@code memory}) ({@code
   * --load-balancing-mode}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> loadBalancingMode();

  /**
   * Returns the server errors threshold, percent ({@code --errors-count-threshold}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> errorsCountThreshold();

  /**
   * Returns whether problem processes are killed ({@code --kill-problem-processes}) (sent as
   * yes/no).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> killProblemProcesses();

  /**
   * Returns whether a dump is written when killing by memory ({@code --kill-by-memory-with-dump})
   * (sent as yes/no).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> killByMemoryWithDump();

  /**
   * Returns whether access-right audit events are recorded ({@code
   * --allow-access-right-audit-events-recording}) (sent as yes/no).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> allowAccessRightAuditEventsRecording();

  /**
   * Returns the ping period, ms ({@code --ping-period}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> pingPeriod();

  /**
   * Returns the ping timeout, ms ({@code --ping-timeout}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> pingTimeout();

  /**
   * Returns further options passed as {@code --name=value}, for options of newer {@code rac} builds
   * that this type does not name; keys without the leading {@code --}.
   *
   * @return the extra options, in insertion order
   */
  public abstract Map<String, String> extraOptions();
}
