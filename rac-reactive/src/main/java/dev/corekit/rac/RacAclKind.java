package dev.corekit.rac;

import java.util.Locale;

/**
 * The access lists of a security profile ({@code rac profile acl --name=P <kind>
 * list|update|remove}).
 */
public enum RacAclKind {
  /** Virtual directories (entries keyed by {@code --alias}). */
  DIRECTORY,
  /** COM classes. */
  COM,
  /** External components (add-ins). */
  ADDIN,
  /** External modules. */
  MODULE,
  /** Applications. */
  APP,
  /** Internet resources. */
  INET;

  /**
   * Returns the word used on the command line.
   *
   * @return {@code directory}, {@code com}, {@code addin}, {@code module}, {@code app} or {@code
   *     inet}
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the option naming an entry of this list.
   *
   * @return {@code alias} for directories, {@code name} for the others
   */
  public String keyOption() {
    return this == DIRECTORY ? "alias" : "name";
  }
}
