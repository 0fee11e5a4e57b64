package dev.corekit.rac;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * A working process of a cluster.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac process list|info}: the typed fields
 * are parsed when the view is created, and {@link #record()} keeps every field, also those this
 * library does not know.
 */
@Value.Immutable
public abstract class RacProcess implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacProcess() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac process list|info}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacProcess from(RacRecord record) {
    return ImmutableRacProcess.of(record);
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
   * Returns the process id ({@code process}).
   *
   * @return the id
   */
  @Value.Derived
  public UUID id() {
    return record().id("process");
  }

  /**
   * Returns the host ({@code host}).
   *
   * @return the unquoted text
   */
  @Value.Derived
  public String host() {
    return record().text("host");
  }

  /**
   * Returns the port ({@code port}).
   *
   * @return the number
   */
  @Value.Derived
  public int port() {
    return record().intValue("port");
  }

  /**
   * Returns the operating-system process id ({@code pid}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> pid() {
    return record().optionalLong("pid");
  }

  /**
   * Returns whether it is turned on (older builds ({@code turned-on}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> turnedOn() {
    return record().optionalFlag("turned-on").or(() -> record().optionalFlag("is-enable"));
  }

  /**
   * Returns whether it runs ({@code running}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> running() {
    return record().optionalFlag("running");
  }

  /**
   * Returns when it started ({@code started-at}).
   *
   * @return the server-local date-time, or empty when unset
   */
  @Value.Derived
  public Optional<LocalDateTime> startedAt() {
    return record().dateTime("started-at");
  }

  /**
   * Returns its use (used, not-used, used-as-reserve) ({@code use}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> use() {
    return record().optionalText("use");
  }

  /**
   * Returns the available performance (the field name is misspelt by rac) ({@code
   * available-perfomance}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> availablePerformance() {
    return record().optionalLong("available-perfomance");
  }

  /**
   * Returns the capacity ({@code capacity}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> capacity() {
    return record().optionalLong("capacity");
  }

  /**
   * Returns the number of connections ({@code connections}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> connections() {
    return record().optionalLong("connections");
  }

  /**
   * Returns the memory size, KB ({@code memory-size}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> memorySize() {
    return record().optionalLong("memory-size");
  }

  /**
   * Returns the memory excess time, seconds ({@code memory-excess-time}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> memoryExcessTime() {
    return record().optionalLong("memory-excess-time");
  }

  /**
   * Returns the selection size ({@code selection-size}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> selectionSize() {
    return record().optionalLong("selection-size");
  }

  /**
   * Returns the average call time ({@code avg-call-time}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Double> avgCallTime() {
    return record().optionalDouble("avg-call-time");
  }

  /**
   * Returns the average DBMS call time ({@code avg-db-call-time}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Double> avgDbCallTime() {
    return record().optionalDouble("avg-db-call-time");
  }

  /**
   * Returns the average lock manager call time ({@code avg-lock-call-time}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Double> avgLockCallTime() {
    return record().optionalDouble("avg-lock-call-time");
  }

  /**
   * Returns the average server call time ({@code avg-server-call-time}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Double> avgServerCallTime() {
    return record().optionalDouble("avg-server-call-time");
  }

  /**
   * Returns the average number of threads ({@code avg-threads}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Double> avgThreads() {
    return record().optionalDouble("avg-threads");
  }

  /**
   * Returns whether it is a reserve process ({@code reserve}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> reserve() {
    return record().optionalFlag("reserve");
  }
}
