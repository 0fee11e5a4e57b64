package dev.corekit.rac;

import org.immutables.value.Value;

/**
 * A user name and password for {@code rac}: agent administrator, cluster administrator or infobase
 * user.
 *
 * <p>The password is never shown by {@link #toString()}, and is masked as {@code ***} in every
 * command line this library logs or puts into an exception.
 *
 * <pre>{@code
 * RacCredentials admin = RacCredentials.of("Administrator", "secret");
 * }</pre>
 */
@Value.Immutable
public abstract class RacCredentials {

  /** Only the generated immutable implementation extends this type. */
  RacCredentials() {}

  /**
   * Creates credentials.
   *
   * @param user the user name
   * @param password the password, possibly empty
   * @return the credentials
   */
  public static RacCredentials of(String user, String password) {
    return ImmutableRacCredentials.of(user, password);
  }

  /**
   * Returns the user name.
   *
   * @return the user name
   */
  @Value.Parameter
  public abstract String user();

  /**
   * Returns the password.
   *
   * @return the password, possibly empty
   */
  @Value.Parameter
  @Value.Redacted
  public abstract String password();
}
