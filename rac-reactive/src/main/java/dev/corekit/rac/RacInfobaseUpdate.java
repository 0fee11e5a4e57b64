package dev.corekit.rac;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Changes to an infobase.
 *
 * <p>Options for {@code rac infobase update}; unset options are left out of the command line.
 * Immutable.
 *
 * <pre>{@code
 * RacInfobaseUpdate.builder().sessionsDeny(true).deniedMessage("Maintenance").build()
 * }</pre>
 */
@Value.Immutable
public abstract class RacInfobaseUpdate {

  /** Only the generated immutable implementation extends this type. */
  RacInfobaseUpdate() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static ImmutableRacInfobaseUpdate.Builder builder() {
    return ImmutableRacInfobaseUpdate.builder();
  }

  /**
   * Returns the DBMS ({@code --dbms}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> dbms();

  /**
   * Returns the database server ({@code --db-server}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> dbServer();

  /**
   * Returns the database name ({@code --db-name}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> dbName();

  /**
   * Returns the database user ({@code --db-user}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> dbUser();

  /**
   * Returns the database password ({@code --db-pwd}) (masked in logs and errors).
   *
   * @return the value, or empty to leave it out
   */
  @Value.Redacted
  public abstract Optional<String> dbPassword();

  /**
   * Returns the description ({@code --descr}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> descr();

  /**
   * Returns the start of the session denial ({@code --denied-from}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<LocalDateTime> deniedFrom();

  /**
   * Returns the denial message ({@code --denied-message}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> deniedMessage();

  /**
   * Returns the denial parameter ({@code --denied-parameter}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> deniedParameter();

  /**
   * Returns the end of the session denial ({@code --denied-to}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<LocalDateTime> deniedTo();

  /**
   * Returns the permission code ({@code --permission-code}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> permissionCode();

  /**
   * Returns whether sessions are denied ({@code --sessions-deny}) (sent as on/off).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> sessionsDeny();

  /**
   * Returns whether scheduled jobs are denied ({@code --scheduled-jobs-deny}) (sent as on/off).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> scheduledJobsDeny();

  /**
   * Returns whether the server distributes licenses ({@code --license-distribution}) (sent as
   * allow/deny).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> licenseDistribution();

  /**
   * Returns the external session manager connection string ({@code
   * --external-session-manager-connection-string}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> externalSessionManagerConnectionString();

  /**
   * Returns whether the external session manager is required ({@code
   * --external-session-manager-required}) (sent as yes/no).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> externalSessionManagerRequired();

  /**
   * Returns whether working processes are reserved ({@code --reserve-working-processes}) (sent as
   * yes/no).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> reserveWorkingProcesses();

  /**
   * Returns the security profile ({@code --security-profile-name}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> securityProfileName();

  /**
   * Returns the safe mode security profile ({@code --safe-mode-security-profile-name}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> safeModeSecurityProfileName();

  /**
   * Returns further options passed as {@code --name=value}, for options of newer {@code rac} builds
   * that this type does not name; keys without the leading {@code --}.
   *
   * @return the extra options, in insertion order
   */
  public abstract Map<String, String> extraOptions();
}
