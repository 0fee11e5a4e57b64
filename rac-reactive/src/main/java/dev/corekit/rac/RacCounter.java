package dev.corekit.rac;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A resource consumption counter.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac counter list|info}: the typed fields
 * are parsed when the view is created, and {@link #record()} keeps every field, also those this
 * library does not know.
 */
@Value.Immutable
public abstract class RacCounter implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacCounter() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac counter list|info}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacCounter from(RacRecord record) {
    return ImmutableRacCounter.of(record);
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
   * Returns the collection time (ms, or current) ({@code collection-time}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> collectionTime() {
    return record().optionalText("collection-time");
  }

  /**
   * Returns the grouping (users, data-separation) ({@code group}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> group() {
    return record().optionalText("group");
  }

  /**
   * Returns the filter type (all-selected, all-but-selected, all) ({@code filter-type}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> filterType() {
    return record().optionalText("filter-type");
  }

  /**
   * Returns the filter ({@code filter}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> filter() {
    return record().optionalText("filter");
  }

  /**
   * Returns whether duration is analyzed ({@code duration}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> duration() {
    return record().optionalFlag("duration");
  }

  /**
   * Returns whether cpu time is analyzed ({@code cpu-time}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> cpuTime() {
    return record().optionalFlag("cpu-time");
  }

  /**
   * Returns whether memory is analyzed ({@code memory}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> memory() {
    return record().optionalFlag("memory");
  }

  /**
   * Returns whether read is analyzed ({@code read}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> read() {
    return record().optionalFlag("read");
  }

  /**
   * Returns whether write is analyzed ({@code write}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> write() {
    return record().optionalFlag("write");
  }

  /**
   * Returns whether duration dbms is analyzed ({@code duration-dbms}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> durationDbms() {
    return record().optionalFlag("duration-dbms");
  }

  /**
   * Returns whether dbms bytes is analyzed ({@code dbms-bytes}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> dbmsBytes() {
    return record().optionalFlag("dbms-bytes");
  }

  /**
   * Returns whether service is analyzed ({@code service}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> service() {
    return record().optionalFlag("service");
  }

  /**
   * Returns whether call is analyzed ({@code call}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> call() {
    return record().optionalFlag("call");
  }

  /**
   * Returns whether number of active sessions is analyzed ({@code number-of-active-sessions}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> numberOfActiveSessions() {
    return record().optionalFlag("number-of-active-sessions");
  }

  /**
   * Returns whether number of sessions is analyzed ({@code number-of-sessions}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> numberOfSessions() {
    return record().optionalFlag("number-of-sessions");
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
