package dev.corekit.rac;

import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * The summary of an infobase: id, name, description.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac infobase summary list|info}: the
 * typed fields are parsed when the view is created, and {@link #record()} keeps every field, also
 * those this library does not know.
 */
@Value.Immutable
public abstract class RacInfobaseSummary implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacInfobaseSummary() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac infobase summary list|info}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacInfobaseSummary from(RacRecord record) {
    return ImmutableRacInfobaseSummary.of(record);
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
   * Returns the infobase id ({@code infobase}).
   *
   * @return the id
   */
  @Value.Derived
  public UUID id() {
    return record().id("infobase");
  }

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
   * Returns the description ({@code descr}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> descr() {
    return record().optionalText("descr");
  }
}
