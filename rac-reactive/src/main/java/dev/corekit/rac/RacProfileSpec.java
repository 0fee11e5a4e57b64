package dev.corekit.rac;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A security profile to create or update.
 *
 * <p>Options for {@code rac profile update}; unset options are left out of the command line.
 * Immutable.
 *
 * <pre>{@code
 * RacProfileSpec.builder().name("safe").config(false).priv(false).build()
 * }</pre>
 */
@Value.Immutable
public abstract class RacProfileSpec {

  /** Only the generated immutable implementation extends this type. */
  RacProfileSpec() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static ImmutableRacProfileSpec.Builder builder() {
    return ImmutableRacProfileSpec.builder();
  }

  /**
   * Returns the name ({@code --name}).
   *
   * @return the value
   */
  public abstract String name();

  /**
   * Returns the description ({@code --descr}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> descr();

  /**
   * Returns whether configuration modules run with safe mode off ({@code --config}) (sent as
   * yes/no).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> config();

  /**
   * Returns whether privileged mode is allowed ({@code --priv}) (sent as yes/no).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> priv();

  /**
   * Returns whether full privileged mode is allowed ({@code --full-privileged-mode}) (sent as
   * yes/no).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> fullPrivilegedMode();

  /**
   * Returns the roles allowed privileged mode ({@code --privileged-mode-roles}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> privilegedModeRoles();

  /**
   * Returns the file system access ({@code list}, {@code full}) ({@code --directory}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> directory();

  /**
   * Returns the COM object access ({@code --com}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> com();

  /**
   * Returns the add-in access ({@code --addin}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> addin();

  /**
   * Returns the external module access ({@code --module}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> module();

  /**
   * Returns the application access ({@code --app}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> app();

  /**
   * Returns the internet resource access ({@code --inet}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> inet();

  /**
   * Returns whether cryptography is allowed ({@code --crypto}) (sent as yes/no).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> crypto();

  /**
   * Returns whether extensions may extend rights ({@code --right-extension}) (sent as yes/no).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> rightExtension();

  /**
   * Returns the roles that may extend rights ({@code --right-extension-definition-roles}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> rightExtensionDefinitionRoles();

  /**
   * Returns whether all modules may be extended ({@code --all-modules-extension}) (sent as yes/no).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> allModulesExtension();

  /**
   * Returns the modules that may be extended ({@code --modules-available-for-extension}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> modulesAvailableForExtension();

  /**
   * Returns the modules that may not be extended ({@code --modules-not-available-for-extension}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> modulesNotAvailableForExtension();

  /**
   * Returns further options passed as {@code --name=value}, for options of newer {@code rac} builds
   * that this type does not name; keys without the leading {@code --}.
   *
   * @return the extra options, in insertion order
   */
  public abstract Map<String, String> extraOptions();
}
