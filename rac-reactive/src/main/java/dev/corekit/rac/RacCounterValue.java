package dev.corekit.rac;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A value of a resource consumption counter for one object.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac counter values|accumulated-values}:
 * the typed fields are parsed when the view is created, and {@link #record()} keeps every field,
 * also those this library does not know.
 */
@Value.Immutable
public abstract class RacCounterValue implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacCounterValue() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac counter values|accumulated-values}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacCounterValue from(RacRecord record) {
    return ImmutableRacCounterValue.of(record);
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
   * Returns the object (user or data separation) ({@code object}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> object() {
    return record().optionalText("object");
  }

  /**
   * Returns duration ({@code duration}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> duration() {
    return record().optionalLong("duration");
  }

  /**
   * Returns cpu time ({@code cpu-time}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> cpuTime() {
    return record().optionalLong("cpu-time");
  }

  /**
   * Returns memory ({@code memory}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> memory() {
    return record().optionalLong("memory");
  }

  /**
   * Returns read ({@code read}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> read() {
    return record().optionalLong("read");
  }

  /**
   * Returns write ({@code write}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> write() {
    return record().optionalLong("write");
  }

  /**
   * Returns duration dbms ({@code duration-dbms}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> durationDbms() {
    return record().optionalLong("duration-dbms");
  }

  /**
   * Returns dbms bytes ({@code dbms-bytes}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> dbmsBytes() {
    return record().optionalLong("dbms-bytes");
  }

  /**
   * Returns service ({@code service}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> service() {
    return record().optionalLong("service");
  }

  /**
   * Returns call ({@code call}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> call() {
    return record().optionalLong("call");
  }

  /**
   * Returns number of active sessions ({@code number-of-active-sessions}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> numberOfActiveSessions() {
    return record().optionalLong("number-of-active-sessions");
  }

  /**
   * Returns number of sessions ({@code number-of-sessions}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> numberOfSessions() {
    return record().optionalLong("number-of-sessions");
  }
}
