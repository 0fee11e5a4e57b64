package dev.corekit.rac;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A resource consumption limit.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac limit list|info}: the typed fields
 * are parsed when the view is created, and {@link #record()} keeps every field, also those this
 * library does not know.
 */
@Value.Immutable
public abstract class RacLimit implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacLimit() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac limit list|info}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacLimit from(RacRecord record) {
    return ImmutableRacLimit.of(record);
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
   * Returns the counter it watches ({@code counter}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> counter() {
    return record().optionalText("counter");
  }

  /**
   * Returns the action (none, set-low-priority-thread, interrupt-current-call, interrupt-session)
   * ({@code action}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> action() {
    return record().optionalText("action");
  }

  /**
   * Returns the duration limit ({@code duration}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> duration() {
    return record().optionalLong("duration");
  }

  /**
   * Returns the cpu time limit ({@code cpu-time}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> cpuTime() {
    return record().optionalLong("cpu-time");
  }

  /**
   * Returns the memory limit ({@code memory}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> memory() {
    return record().optionalLong("memory");
  }

  /**
   * Returns the read limit ({@code read}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> read() {
    return record().optionalLong("read");
  }

  /**
   * Returns the write limit ({@code write}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> write() {
    return record().optionalLong("write");
  }

  /**
   * Returns the duration dbms limit ({@code duration-dbms}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> durationDbms() {
    return record().optionalLong("duration-dbms");
  }

  /**
   * Returns the dbms bytes limit ({@code dbms-bytes}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> dbmsBytes() {
    return record().optionalLong("dbms-bytes");
  }

  /**
   * Returns the service limit ({@code service}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> service() {
    return record().optionalLong("service");
  }

  /**
   * Returns the call limit ({@code call}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> call() {
    return record().optionalLong("call");
  }

  /**
   * Returns the number of active sessions limit ({@code number-of-active-sessions}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> numberOfActiveSessions() {
    return record().optionalLong("number-of-active-sessions");
  }

  /**
   * Returns the number of sessions limit ({@code number-of-sessions}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> numberOfSessions() {
    return record().optionalLong("number-of-sessions");
  }

  /**
   * Returns the error message ({@code error-message}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> errorMessage() {
    return record().optionalText("error-message");
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
