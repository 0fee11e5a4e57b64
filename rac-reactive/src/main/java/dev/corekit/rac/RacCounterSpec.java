package dev.corekit.rac;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A resource consumption counter to create or update.
 *
 * <p>Options for {@code rac counter update}; unset options are left out of the command line.
 * Immutable.
 *
 * <pre>{@code
 * RacCounterSpec.builder().name("cpu").collectionTime("current").group("users").filterType("all").cpuTime(true).build()
 * }</pre>
 */
@Value.Immutable
public abstract class RacCounterSpec {

  /** Only the generated immutable implementation extends this type. */
  RacCounterSpec() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static ImmutableRacCounterSpec.Builder builder() {
    return ImmutableRacCounterSpec.builder();
  }

  /**
   * Returns the name ({@code --name}).
   *
   * @return the value
   */
  public abstract String name();

  /**
   * Returns the collection time (ms, or {@code current}) ({@code --collection-time}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> collectionTime();

  /**
   * Returns the grouping ({@code users}, {@code data-separation}) ({@code --group}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> group();

  /**
   * Returns the filter type ({@code all-selected}, {@code all-but-selected}, {@code all}) ({@code
   * --filter-type}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> filterType();

  /**
   * Returns the filter ({@code --filter}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> filter();

  /**
   * Returns whether duration is analyzed ({@code --duration}) (sent as analyze/not-analyze).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> duration();

  /**
   * Returns whether cpu time is analyzed ({@code --cpu-time}) (sent as analyze/not-analyze).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> cpuTime();

  /**
   * Returns whether memory is analyzed ({@code --memory}) (sent as analyze/not-analyze).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> memory();

  /**
   * Returns whether read is analyzed ({@code --read}) (sent as analyze/not-analyze).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> read();

  /**
   * Returns whether write is analyzed ({@code --write}) (sent as analyze/not-analyze).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> write();

  /**
   * Returns whether duration dbms is analyzed ({@code --duration-dbms}) (sent as
   * analyze/not-analyze).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> durationDbms();

  /**
   * Returns whether dbms bytes is analyzed ({@code --dbms-bytes}) (sent as analyze/not-analyze).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> dbmsBytes();

  /**
   * Returns whether service is analyzed ({@code --service}) (sent as analyze/not-analyze).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> service();

  /**
   * Returns whether call is analyzed ({@code --call}) (sent as analyze/not-analyze).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> call();

  /**
   * Returns whether number of active sessions is analyzed ({@code --number-of-active-sessions})
   * (sent as analyze/not-analyze).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> numberOfActiveSessions();

  /**
   * Returns whether number of sessions is analyzed ({@code --number-of-sessions}) (sent as
   * analyze/not-analyze).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Boolean> numberOfSessions();

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
