package dev.corekit.rac;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An infobase to create.
 *
 * <p>Options for {@code rac infobase create}; unset options are left out of the command line.
 * Immutable.
 *
 * <pre>{@code
 * RacInfobaseSpec.builder().name("trade").dbms("PostgreSQL").dbServer("db").dbName("trade").locale("ru_RU").createDatabase(true).build()
 * }</pre>
 */
@Value.Immutable
public abstract class RacInfobaseSpec {

  /** Only the generated immutable implementation extends this type. */
  RacInfobaseSpec() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static ImmutableRacInfobaseSpec.Builder builder() {
    return ImmutableRacInfobaseSpec.builder();
  }

  /**
   * Returns whether to create the database too ({@code --create-database}); false unless set.
   *
   * @return the flag
   */
  @Value.Default
  public boolean createDatabase() {
    return false;
  }

  /**
   * Returns the name ({@code --name}).
   *
   * @return the value
   */
  public abstract String name();

  /**
   * Returns the DBMS ({@code MSSQLServer}, {@code PostgreSQL}, {@code IBMDB2}, {@code
   * OracleDatabase}) ({@code --dbms}).
   *
   * @return the value
   */
  public abstract String dbms();

  /**
   * Returns the database server ({@code --db-server}).
   *
   * @return the value
   */
  public abstract String dbServer();

  /**
   * Returns the database name ({@code --db-name}).
   *
   * @return the value
   */
  public abstract String dbName();

  /**
   * Returns the locale ({@code ru_RU}) ({@code --locale}).
   *
   * @return the value
   */
  public abstract String locale();

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
   * Returns the date offset (0 or 2000) ({@code --date-offset}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Integer> dateOffset();

  /**
   * Returns the connection security level ({@code --security-level}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Integer> securityLevel();

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
   * Returns further options passed as {@code --name=value}, for options of newer {@code rac} builds
   * that this type does not name; keys without the leading {@code --}.
   *
   * @return the extra options, in insertion order
   */
  public abstract Map<String, String> extraOptions();
}
