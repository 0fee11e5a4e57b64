package dev.corekit.rac;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A requirement (assignment rule) of a working server to insert or update.
 *
 * <p>Options for {@code rac rule insert|update}; unset options are left out of the command line.
 * Immutable.
 *
 * <pre>{@code
 * RacRuleSpec.builder().position(0).ruleType("always").infobaseName("trade").build()
 * }</pre>
 */
@Value.Immutable
public abstract class RacRuleSpec {

  /** Only the generated immutable implementation extends this type. */
  RacRuleSpec() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static ImmutableRacRuleSpec.Builder builder() {
    return ImmutableRacRuleSpec.builder();
  }

  /**
   * Returns the position in the list ({@code --position}); 0 unless set.
   *
   * @return the value
   */
  @Value.Default
  public int position() {
    return 0;
  }

  /**
   * Returns the object type ({@code --object-type}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> objectType();

  /**
   * Returns the infobase name ({@code --infobase-name}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> infobaseName();

  /**
   * Returns the rule type ({@code auto}, {@code always}, {@code never}) ({@code --rule-type}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> ruleType();

  /**
   * Returns the additional parameter ({@code --application-ext}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<String> applicationExt();

  /**
   * Returns the priority ({@code --priority}).
   *
   * @return the value, or empty to leave it out
   */
  public abstract Optional<Integer> priority();

  /**
   * Returns further options passed as {@code --name=value}, for options of newer {@code rac} builds
   * that this type does not name; keys without the leading {@code --}.
   *
   * @return the extra options, in insertion order
   */
  public abstract Map<String, String> extraOptions();
}
