package dev.corekit.rac;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A service of the cluster manager.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac service list}: the typed fields are
 * parsed when the view is created, and {@link #record()} keeps every field, also those this library
 * does not know.
 */
@Value.Immutable
public abstract class RacService implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacService() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac service list}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacService from(RacRecord record) {
    return ImmutableRacService.of(record);
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
   * Returns whether it runs on the main manager only ({@code main-only}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> mainOnly() {
    return record().optionalFlag("main-only");
  }

  /**
   * Returns the managers running it ({@code manager}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> manager() {
    return record().optionalText("manager");
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
