package dev.corekit.rac;

import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * A cluster manager process.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac manager list|info}: the typed fields
 * are parsed when the view is created, and {@link #record()} keeps every field, also those this
 * library does not know.
 */
@Value.Immutable
public abstract class RacManager implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacManager() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac manager list|info}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacManager from(RacRecord record) {
    return ImmutableRacManager.of(record);
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
   * Returns the manager id ({@code manager}).
   *
   * @return the id
   */
  @Value.Derived
  public UUID id() {
    return record().id("manager");
  }

  /**
   * Returns the process id ({@code pid}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> pid() {
    return record().optionalLong("pid");
  }

  /**
   * Returns how it is used (main, normal) ({@code using}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> using() {
    return record().optionalText("using");
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
   * Returns the description ({@code descr}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> descr() {
    return record().optionalText("descr");
  }
}
