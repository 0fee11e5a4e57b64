package dev.corekit.rac;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * An entry of a security profile access list (directory, COM object, add-in, module, application or
 * internet resource).
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac profile acl ... list}: the typed
 * fields are parsed when the view is created, and {@link #record()} keeps every field, also those
 * this library does not know.
 */
@Value.Immutable
public abstract class RacAclEntry implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacAclEntry() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac profile acl ... list}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacAclEntry from(RacRecord record) {
    return ImmutableRacAclEntry.of(record);
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
   * Returns the name (the {@code alias} of a directory) ({@code name}).
   *
   * @return the unquoted text
   */
  @Value.Derived
  public String name() {
    return record().optionalText("name").or(() -> record().optionalText("alias")).orElse("");
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
