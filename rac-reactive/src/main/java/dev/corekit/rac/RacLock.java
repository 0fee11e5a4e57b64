package dev.corekit.rac;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * A lock held in an infobase.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac lock list}: the typed fields are
 * parsed when the view is created, and {@link #record()} keeps every field, also those this library
 * does not know.
 */
@Value.Immutable
public abstract class RacLock implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacLock() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac lock list}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacLock from(RacRecord record) {
    return ImmutableRacLock.of(record);
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
   * Returns the connection holding it ({@code connection}).
   *
   * @return the value, or empty for none (zero UUID)
   */
  @Value.Derived
  public Optional<UUID> connection() {
    return record().uuid("connection");
  }

  /**
   * Returns the session holding it ({@code session}).
   *
   * @return the value, or empty for none (zero UUID)
   */
  @Value.Derived
  public Optional<UUID> session() {
    return record().uuid("session");
  }

  /**
   * Returns the locked object ({@code object}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> object() {
    return record().optionalText("object");
  }

  /**
   * Returns when it was locked ({@code locked}).
   *
   * @return the server-local date-time, or empty when unset
   */
  @Value.Derived
  public Optional<LocalDateTime> locked() {
    return record().dateTime("locked");
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
