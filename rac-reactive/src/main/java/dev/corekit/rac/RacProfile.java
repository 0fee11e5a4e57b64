package dev.corekit.rac;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A security profile.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac profile list}: the typed fields are
 * parsed when the view is created, and {@link #record()} keeps every field, also those this library
 * does not know.
 */
@Value.Immutable
public abstract class RacProfile implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacProfile() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac profile list}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacProfile from(RacRecord record) {
    return ImmutableRacProfile.of(record);
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
   * Returns the name ({@code name}).
   *
   * @return the unquoted text
   */
  @Value.Derived
  public String name() {
    return record().text("name");
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

  /**
   * Returns whether configuration modules are in the safe mode off list ({@code config}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> config() {
    return record().optionalFlag("config");
  }

  /**
   * Returns whether privileged mode is allowed ({@code priv}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> priv() {
    return record().optionalFlag("priv");
  }

  /**
   * Returns whether full privileged mode is allowed ({@code full-privileged-mode}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> fullPrivilegedMode() {
    return record().optionalFlag("full-privileged-mode");
  }

  /**
   * Returns the roles allowed privileged mode ({@code privileged-mode-roles}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> privilegedModeRoles() {
    return record().optionalText("privileged-mode-roles");
  }

  /**
   * Returns the file system access (list, full) ({@code directory}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> directory() {
    return record().optionalText("directory");
  }

  /**
   * Returns the COM object access (list, full) ({@code com}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> com() {
    return record().optionalText("com");
  }

  /**
   * Returns the add-in access (list, full) ({@code addin}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> addin() {
    return record().optionalText("addin");
  }

  /**
   * Returns the external module access (list, full) ({@code module}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> module() {
    return record().optionalText("module");
  }

  /**
   * Returns the application access (list, full) ({@code app}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> app() {
    return record().optionalText("app");
  }

  /**
   * Returns the internet resource access (list, full) ({@code inet}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> inet() {
    return record().optionalText("inet");
  }

  /**
   * Returns whether cryptography is allowed ({@code crypto}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> crypto() {
    return record().optionalFlag("crypto");
  }

  /**
   * Returns whether extensions may extend rights ({@code right-extension}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> rightExtension() {
    return record().optionalFlag("right-extension");
  }

  /**
   * Returns the roles that may extend rights ({@code right-extension-definition-roles}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> rightExtensionDefinitionRoles() {
    return record().optionalText("right-extension-definition-roles");
  }

  /**
   * Returns whether all modules may be extended ({@code all-modules-extension}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> allModulesExtension() {
    return record().optionalFlag("all-modules-extension");
  }

  /**
   * Returns the modules that may be extended ({@code modules-available-for-extension}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> modulesAvailableForExtension() {
    return record().optionalText("modules-available-for-extension");
  }

  /**
   * Returns the modules that may not be extended ({@code modules-not-available-for-extension}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> modulesNotAvailableForExtension() {
    return record().optionalText("modules-not-available-for-extension");
  }
}
