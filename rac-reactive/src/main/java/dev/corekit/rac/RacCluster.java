package dev.corekit.rac;

import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * A cluster of 1C:Enterprise servers.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac cluster list|info}: the typed fields
 * are parsed when the view is created, and {@link #record()} keeps every field, also those this
 * library does not know.
 */
@Value.Immutable
public abstract class RacCluster implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacCluster() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac cluster list|info}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacCluster from(RacRecord record) {
    return ImmutableRacCluster.of(record);
  }

  /**
   * Returns the record as printed, with every field.
   *
   * @return the record
   */
  @Override
  @Value.Parameter
  public abstract RacRecord record();

  /**
   * Returns the cluster id ({@code cluster}).
   *
   * @return the id
   */
  @Value.Derived
  public UUID id() {
    return record().id("cluster");
  }

  /**
   * Returns the host of the main cluster manager ({@code host}).
   *
   * @return the unquoted text
   */
  @Value.Derived
  public String host() {
    return record().text("host");
  }

  /**
   * Returns the port of the main cluster manager ({@code port}).
   *
   * @return the number
   */
  @Value.Derived
  public int port() {
    return record().intValue("port");
  }

  /**
   * Returns the name ({@code name}).
   *
   * @return the unquoted text
   */
  @Value.Derived
  public String name() {
    return record().text("name");
  }

  /**
   * Returns the forced termination timeout, seconds ({@code expiration-timeout}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> expirationTimeout() {
    return record().optionalLong("expiration-timeout");
  }

  /**
   * Returns the working process restart interval, seconds ({@code lifetime-limit}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> lifetimeLimit() {
    return record().optionalLong("lifetime-limit");
  }

  /**
   * Returns the working process memory limit ({@code max-memory-size}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> maxMemorySize() {
    return record().optionalLong("max-memory-size");
  }

  /**
   * Returns the time the memory limit may be exceeded, seconds ({@code max-memory-time-limit}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> maxMemoryTimeLimit() {
    return record().optionalLong("max-memory-time-limit");
  }

  /**
   * Returns the connection security level ({@code security-level}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> securityLevel() {
    return record().optionalLong("security-level");
  }

  /**
   * Returns the session fault-tolerance level ({@code session-fault-tolerance-level}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> sessionFaultToleranceLevel() {
    return record().optionalLong("session-fault-tolerance-level");
  }

  /**
   * Returns the load balancing mode (performance, memory) ({@code load-balancing-mode}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> loadBalancingMode() {
    return record().optionalText("load-balancing-mode");
  }

  /**
   * Returns the server errors threshold, percent ({@code errors-count-threshold}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> errorsCountThreshold() {
    return record().optionalLong("errors-count-threshold");
  }

  /**
   * Returns whether problem processes are killed ({@code kill-problem-processes}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> killProblemProcesses() {
    return record().optionalFlag("kill-problem-processes");
  }

  /**
   * Returns whether a dump is written when killing by memory ({@code kill-by-memory-with-dump}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> killByMemoryWithDump() {
    return record().optionalFlag("kill-by-memory-with-dump");
  }

  /**
   * Returns whether access-right audit events are recorded ({@code
   * allow-access-right-audit-events-recording}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> allowAccessRightAuditEventsRecording() {
    return record().optionalFlag("allow-access-right-audit-events-recording");
  }

  /**
   * Returns the ping period, ms ({@code ping-period}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> pingPeriod() {
    return record().optionalLong("ping-period");
  }

  /**
   * Returns the ping timeout, ms ({@code ping-timeout}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> pingTimeout() {
    return record().optionalLong("ping-timeout");
  }

  /**
   * Returns the restart schedule ({@code restart-schedule}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> restartSchedule() {
    return record().optionalText("restart-schedule");
  }
}
