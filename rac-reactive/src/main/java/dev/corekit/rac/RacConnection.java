package dev.corekit.rac;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * A connection to an infobase.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac connection list|info}: the typed
 * fields are parsed when the view is created, and {@link #record()} keeps every field, also those
 * this library does not know.
 */
@Value.Immutable
public abstract class RacConnection implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacConnection() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac connection list|info}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacConnection from(RacRecord record) {
    return ImmutableRacConnection.of(record);
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
   * Returns the connection id ({@code connection}).
   *
   * @return the id
   */
  @Value.Derived
  public UUID id() {
    return record().id("connection");
  }

  /**
   * Returns the connection number ({@code conn-id}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> connId() {
    return record().optionalLong("conn-id");
  }

  /**
   * Returns the client host ({@code host}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> host() {
    return record().optionalText("host");
  }

  /**
   * Returns the working process ({@code process}).
   *
   * @return the value, or empty for none (zero UUID)
   */
  @Value.Derived
  public Optional<UUID> process() {
    return record().uuid("process");
  }

  /**
   * Returns the infobase ({@code infobase}).
   *
   * @return the value, or empty for none (zero UUID)
   */
  @Value.Derived
  public Optional<UUID> infobase() {
    return record().uuid("infobase");
  }

  /**
   * Returns the application ({@code application}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> application() {
    return record().optionalText("application");
  }

  /**
   * Returns when it connected ({@code connected-at}).
   *
   * @return the server-local date-time, or empty when unset
   */
  @Value.Derived
  public Optional<LocalDateTime> connectedAt() {
    return record().dateTime("connected-at");
  }

  /**
   * Returns the session number (0 for none) ({@code session-number}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> sessionNumber() {
    return record().optionalLong("session-number");
  }

  /**
   * Returns the lock blocking it (0 for none) ({@code blocked-by-ls}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> blockedByLs() {
    return record().optionalLong("blocked-by-ls");
  }

  /**
   * Returns the user (info only) ({@code user-name}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> userName() {
    return record().optionalText("user-name");
  }
}
