package dev.corekit.rac;

import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * A license held by a working process or a session.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac process|session list|info
 * --licenses}: the typed fields are parsed when the view is created, and {@link #record()} keeps
 * every field, also those this library does not know.
 */
@Value.Immutable
public abstract class RacLicense implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacLicense() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac process|session list|info --licenses}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacLicense from(RacRecord record) {
    return ImmutableRacLicense.of(record);
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
   * Returns the process holding the license ({@code process}).
   *
   * @return the value, or empty for none (zero UUID)
   */
  @Value.Derived
  public Optional<UUID> process() {
    return record().uuid("process");
  }

  /**
   * Returns the session holding the license ({@code session}).
   *
   * @return the value, or empty for none (zero UUID)
   */
  @Value.Derived
  public Optional<UUID> session() {
    return record().uuid("session");
  }

  /**
   * Returns the user name ({@code user-name}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> userName() {
    return record().optionalText("user-name");
  }

  /**
   * Returns the host ({@code host}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> host() {
    return record().optionalText("host");
  }

  /**
   * Returns the application ({@code app-id}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> appId() {
    return record().optionalText("app-id");
  }

  /**
   * Returns the operating-system process id ({@code pid}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> pid() {
    return record().optionalLong("pid");
  }

  /**
   * Returns the license file name ({@code full-name}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> fullName() {
    return record().optionalText("full-name");
  }

  /**
   * Returns the series ({@code series}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> series() {
    return record().optionalText("series");
  }

  /**
   * Returns whether the server issued it ({@code issued-by-server}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> issuedByServer() {
    return record().optionalFlag("issued-by-server");
  }

  /**
   * Returns the license type (soft, HASP) ({@code license-type}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> licenseType() {
    return record().optionalText("license-type");
  }

  /**
   * Returns whether it is a network license ({@code net}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> net() {
    return record().optionalFlag("net");
  }

  /**
   * Returns the users limit of the key ({@code max-users-all}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> maxUsersAll() {
    return record().optionalLong("max-users-all");
  }

  /**
   * Returns the users limit of this license ({@code max-users-cur}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> maxUsersCurrent() {
    return record().optionalLong("max-users-cur");
  }

  /**
   * Returns the license manager address ({@code rmngr-address}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> rmngrAddress() {
    return record().optionalText("rmngr-address");
  }

  /**
   * Returns the license manager port ({@code rmngr-port}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> rmngrPort() {
    return record().optionalLong("rmngr-port");
  }

  /**
   * Returns the license manager process id ({@code rmngr-pid}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> rmngrPid() {
    return record().optionalLong("rmngr-pid");
  }

  /**
   * Returns the short presentation ({@code short-presentation}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> shortPresentation() {
    return record().optionalText("short-presentation");
  }

  /**
   * Returns the full presentation ({@code full-presentation}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> fullPresentation() {
    return record().optionalText("full-presentation");
  }
}
