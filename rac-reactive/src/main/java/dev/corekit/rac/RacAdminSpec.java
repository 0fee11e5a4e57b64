package dev.corekit.rac;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An administrator to register.
 *
 * <p>Options for {@code rac agent|cluster admin register}; unset options are left out of the
 * command line. Immutable.
 *
 * <pre>{@code
 * RacAdminSpec.builder().name("admin").password("secret").auth("pwd").build()
 * }</pre>
 */
@Value.Immutable
public abstract class RacAdminSpec {

  /** Only the generated immutable implementation extends this type. */
  RacAdminSpec() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static ImmutableRacAdminSpec.Builder builder() {
    return ImmutableRacAdminSpec.builder();
  }

  /**
   * Returns the name ({@code --name}).
   *
   * @return the value
   */
  public abstract String name();

  /**
   * Returns the password ({@code --pwd}) (masked in logs and errors).
   *
   * @return the value, or empty to leave it out
   */
  @Value.Redacted
  public abstract Optional<String> password();

  /**
   * Returns the description ({@code --descr}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> descr();

  /**
   * Returns the authentication methods ({@code pwd}, {@code os} or {@code pwd,os}) ({@code
   * --auth}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> auth();

  /**
   * Returns the operating-system user ({@code --os-user}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> osUser();

  /**
   * Returns further options passed as {@code --name=value}, for options of newer {@code rac} builds
   * that this type does not name; keys without the leading {@code --}.
   *
   * @return the extra options, in insertion order
   */
  public abstract Map<String, String> extraOptions();
}
