package dev.corekit.rac;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An administrator of the agent or of a cluster.
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac agent admin list}: the typed fields
 * are parsed when the view is created, and {@link #record()} keeps every field, also those this
 * library does not know.
 */
@Value.Immutable
public abstract class RacAdmin implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacAdmin() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac agent admin list}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacAdmin from(RacRecord record) {
    return ImmutableRacAdmin.of(record);
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
   * Returns name ({@code name}).
   *
   * @return the unquoted text
   */
  @Value.Derived
  public String name() {
    return record().text("name");
  }

  /**
   * Returns the authentication methods (pwd, os) ({@code auth}).
   *
   * @return the items, possibly none
   */
  @Value.Derived
  public List<String> auth() {
    return record().list("auth");
  }

  /**
   * Returns the operating-system user ({@code os-user}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> osUser() {
    return record().optionalText("os-user");
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
