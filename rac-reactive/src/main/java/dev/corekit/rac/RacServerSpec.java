package dev.corekit.rac;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Settings of a working server to insert or update.
 *
 * <p>Options for {@code rac server insert|update}; unset options are left out of the command line.
 * Immutable.
 *
 * <pre>{@code
 * RacServerSpec.builder().agentHost("srv").agentPort(1540).portRange("1560:1591").build()
 * }</pre>
 */
@Value.Immutable
public abstract class RacServerSpec {

  /** Only the generated immutable implementation extends this type. */
  RacServerSpec() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static ImmutableRacServerSpec.Builder builder() {
    return ImmutableRacServerSpec.builder();
  }

  /**
   * Returns the agent host ({@code --agent-host}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> agentHost();

  /**
   * Returns the agent port ({@code --agent-port}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Integer> agentPort();

  /**
   * Returns the port range, {@code min:max} ({@code --port-range}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> portRange();

  /**
   * Returns the name ({@code --name}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> name();

  /**
   * Returns how it is used ({@code main}, {@code normal}) ({@code --using}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> using();

  /**
   * Returns the infobases per process limit ({@code --infobases-limit}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> infobasesLimit();

  /**
   * Returns the working processes memory limit ({@code --memory-limit}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> memoryLimit();

  /**
   * Returns the connections per process limit ({@code --connections-limit}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> connectionsLimit();

  /**
   * Returns the cluster manager port ({@code --cluster-port}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Integer> clusterPort();

  /**
   * Returns the manager dedication ({@code all}, {@code none}) ({@code --dedicate-managers}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> dedicateManagers();

  /**
   * Returns the safe working processes memory limit ({@code
   * --safe-working-processes-memory-limit}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> safeWorkingProcessesMemoryLimit();

  /**
   * Returns the safe server call memory limit ({@code --safe-call-memory-limit}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> safeCallMemoryLimit();

  /**
   * Returns the critical total memory ({@code --critical-total-memory}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> criticalTotalMemory();

  /**
   * Returns the temporarily allowed total memory ({@code --temporary-allowed-total-memory}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> temporaryAllowedTotalMemory();

  /**
   * Returns the time limit of the temporarily allowed total memory, seconds ({@code
   * --temporary-allowed-total-memory-time-limit}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> temporaryAllowedTotalMemoryTimeLimit();

  /**
   * Returns the Kerberos service principal name ({@code --service-principal-name}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> servicePrincipalName();

  /**
   * Returns further options passed as {@code --name=value}, for options of newer {@code rac} builds
   * that this type does not name; keys without the leading {@code --}.
   *
   * @return the extra options, in insertion order
   */
  public abstract Map<String, String> extraOptions();
}
