package dev.corekit.rac;

import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * A working server of a cluster.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac server list|info}: the typed fields
 * are parsed when the view is created, and {@link #record()} keeps every field, also those this
 * library does not know.
 */
@Value.Immutable
public abstract class RacServer implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacServer() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac server list|info}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacServer from(RacRecord record) {
    return ImmutableRacServer.of(record);
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
   * Returns the server id ({@code server}).
   *
   * @return the id
   */
  @Value.Derived
  public UUID id() {
    return record().id("server");
  }

  /**
   * Returns the agent host ({@code agent-host}).
   *
   * @return the unquoted text
   */
  @Value.Derived
  public String agentHost() {
    return record().text("agent-host");
  }

  /**
   * Returns the agent port ({@code agent-port}).
   *
   * @return the number
   */
  @Value.Derived
  public int agentPort() {
    return record().intValue("agent-port");
  }

  /**
   * Returns the port range (min ({@code port-range}).
   *
   * @return the unquoted text
   */
  @Value.Derived
  public String portRange() {
    return record().text("port-range");
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
   * Returns how it is used (main, normal) ({@code using}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> using() {
    return record().optionalText("using");
  }

  /**
   * Returns the manager dedication (all, none) ({@code dedicate-managers}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> dedicateManagers() {
    return record().optionalText("dedicate-managers");
  }

  /**
   * Returns the infobases per process limit ({@code infobases-limit}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> infobasesLimit() {
    return record().optionalLong("infobases-limit");
  }

  /**
   * Returns the working processes memory limit ({@code memory-limit}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> memoryLimit() {
    return record().optionalLong("memory-limit");
  }

  /**
   * Returns the connections per process limit ({@code connections-limit}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> connectionsLimit() {
    return record().optionalLong("connections-limit");
  }

  /**
   * Returns the safe working processes memory limit ({@code safe-working-processes-memory-limit}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> safeWorkingProcessesMemoryLimit() {
    return record().optionalLong("safe-working-processes-memory-limit");
  }

  /**
   * Returns the safe server call memory limit ({@code safe-call-memory-limit}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> safeCallMemoryLimit() {
    return record().optionalLong("safe-call-memory-limit");
  }

  /**
   * Returns the cluster manager port ({@code cluster-port}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> clusterPort() {
    return record().optionalLong("cluster-port");
  }

  /**
   * Returns the critical total memory ({@code critical-total-memory}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> criticalTotalMemory() {
    return record().optionalLong("critical-total-memory");
  }

  /**
   * Returns the temporarily allowed total memory ({@code temporary-allowed-total-memory}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> temporaryAllowedTotalMemory() {
    return record().optionalLong("temporary-allowed-total-memory");
  }

  /**
   * Returns the time limit of the temporarily allowed total memory, seconds ({@code
   * temporary-allowed-total-memory-time-limit}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> temporaryAllowedTotalMemoryTimeLimit() {
    return record().optionalLong("temporary-allowed-total-memory-time-limit");
  }

  /**
   * Returns the Kerberos service principal name ({@code service-principal-name}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> servicePrincipalName() {
    return record().optionalText("service-principal-name");
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
