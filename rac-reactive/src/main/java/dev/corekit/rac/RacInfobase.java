package dev.corekit.rac;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * The full description of an infobase.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac infobase info}: the typed fields are
 * parsed when the view is created, and {@link #record()} keeps every field, also those this library
 * does not know.
 */
@Value.Immutable
public abstract class RacInfobase implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacInfobase() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac infobase info}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacInfobase from(RacRecord record) {
    return ImmutableRacInfobase.of(record);
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
   * Returns the infobase id ({@code infobase}).
   *
   * @return the id
   */
  @Value.Derived
  public UUID id() {
    return record().id("infobase");
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
   * Returns the DBMS (MSSQLServer, PostgreSQL, IBMDB2, OracleDatabase) ({@code dbms}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> dbms() {
    return record().optionalText("dbms");
  }

  /**
   * Returns the database server ({@code db-server}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> dbServer() {
    return record().optionalText("db-server");
  }

  /**
   * Returns the database name ({@code db-name}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> dbName() {
    return record().optionalText("db-name");
  }

  /**
   * Returns the database user ({@code db-user}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> dbUser() {
    return record().optionalText("db-user");
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
   * Returns whether the server distributes licenses (allow) ({@code license-distribution}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> licenseDistribution() {
    return record().optionalFlag("license-distribution");
  }

  /**
   * Returns whether scheduled jobs are denied (on) ({@code scheduled-jobs-deny}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> scheduledJobsDeny() {
    return record().optionalFlag("scheduled-jobs-deny");
  }

  /**
   * Returns whether sessions are denied (on) ({@code sessions-deny}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> sessionsDeny() {
    return record().optionalFlag("sessions-deny");
  }

  /**
   * Returns the start of the session denial ({@code denied-from}).
   *
   * @return the server-local date-time, or empty when unset
   */
  @Value.Derived
  public Optional<LocalDateTime> deniedFrom() {
    return record().dateTime("denied-from");
  }

  /**
   * Returns the denial message ({@code denied-message}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> deniedMessage() {
    return record().optionalText("denied-message");
  }

  /**
   * Returns the denial parameter ({@code denied-parameter}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> deniedParameter() {
    return record().optionalText("denied-parameter");
  }

  /**
   * Returns the end of the session denial ({@code denied-to}).
   *
   * @return the server-local date-time, or empty when unset
   */
  @Value.Derived
  public Optional<LocalDateTime> deniedTo() {
    return record().dateTime("denied-to");
  }

  /**
   * Returns the permission code ({@code permission-code}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> permissionCode() {
    return record().optionalText("permission-code");
  }

  /**
   * Returns the external session manager connection string ({@code
   * external-session-manager-connection-string}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> externalSessionManagerConnectionString() {
    return record().optionalText("external-session-manager-connection-string");
  }

  /**
   * Returns whether the external session manager is required ({@code
   * external-session-manager-required}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> externalSessionManagerRequired() {
    return record().optionalFlag("external-session-manager-required");
  }

  /**
   * Returns the security profile ({@code security-profile-name}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> securityProfileName() {
    return record().optionalText("security-profile-name");
  }

  /**
   * Returns the safe mode security profile ({@code safe-mode-security-profile-name}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> safeModeSecurityProfileName() {
    return record().optionalText("safe-mode-security-profile-name");
  }

  /**
   * Returns whether working processes are reserved ({@code reserve-working-processes}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> reserveWorkingProcesses() {
    return record().optionalFlag("reserve-working-processes");
  }

  /**
   * Returns the description ({@code descr}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> descr() {
    return record().optionalText("descr");
  }
}
