package dev.corekit.rac;

import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * A requirement (assignment rule) of a working server.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac rule list|info}: the typed fields
 * are parsed when the view is created, and {@link #record()} keeps every field, also those this
 * library does not know.
 */
@Value.Immutable
public abstract class RacRule implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacRule() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac rule list|info}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacRule from(RacRecord record) {
    return ImmutableRacRule.of(record);
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
   * Returns the rule id ({@code rule}).
   *
   * @return the id
   */
  @Value.Derived
  public UUID id() {
    return record().id("rule");
  }

  /**
   * Returns the object type ({@code object-type}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> objectType() {
    return record().optionalText("object-type");
  }

  /**
   * Returns the infobase name ({@code infobase-name}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> infobaseName() {
    return record().optionalText("infobase-name");
  }

  /**
   * Returns the rule type (auto, always, never) ({@code rule-type}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> ruleType() {
    return record().optionalText("rule-type");
  }

  /**
   * Returns the additional parameter ({@code application-ext}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> applicationExt() {
    return record().optionalText("application-ext");
  }

  /**
   * Returns the priority ({@code priority}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> priority() {
    return record().optionalLong("priority");
  }
}
