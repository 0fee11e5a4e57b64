package dev.corekit.rac;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A resource consumption limit to create or update.
 *
 * <p>Options for {@code rac limit update}; unset options are left out of the command line.
 * Immutable.
 *
 * <pre>{@code
 * RacLimitSpec.builder().name("slow").counter("cpu").action("interrupt-current-call").cpuTime(60_000L).build()
 * }</pre>
 */
@Value.Immutable
public abstract class RacLimitSpec {

  /** Only the generated immutable implementation extends this type. */
  RacLimitSpec() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static ImmutableRacLimitSpec.Builder builder() {
    return ImmutableRacLimitSpec.builder();
  }

  /**
   * Returns the name ({@code --name}).
   *
   * @return the value
   */
  public abstract String name();

  /**
   * Returns the counter it watches ({@code --counter}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> counter();

  /**
   * Returns the action ({@code none}, {@code set-low-priority-thread}, {@code
   * interrupt-current-call}, {@code interrupt-session}) ({@code --action}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> action();

  /**
   * Returns the duration limit ({@code --duration}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> duration();

  /**
   * Returns the cpu time limit ({@code --cpu-time}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> cpuTime();

  /**
   * Returns the memory limit ({@code --memory}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> memory();

  /**
   * Returns the read limit ({@code --read}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> read();

  /**
   * Returns the write limit ({@code --write}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> write();

  /**
   * Returns the duration dbms limit ({@code --duration-dbms}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> durationDbms();

  /**
   * Returns the dbms bytes limit ({@code --dbms-bytes}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> dbmsBytes();

  /**
   * Returns the service limit ({@code --service}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> service();

  /**
   * Returns the call limit ({@code --call}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> call();

  /**
   * Returns the number of active sessions limit ({@code --number-of-active-sessions}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> numberOfActiveSessions();

  /**
   * Returns the number of sessions limit ({@code --number-of-sessions}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Long> numberOfSessions();

  /**
   * Returns the error message ({@code --error-message}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> errorMessage();

  /**
   * Returns the description ({@code --descr}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> descr();

  /**
   * Returns further options passed as {@code --name=value}, for options of newer {@code rac} builds
   * that this type does not name; keys without the leading {@code --}.
   *
   * @return the extra options, in insertion order
   */
  public abstract Map<String, String> extraOptions();
}
