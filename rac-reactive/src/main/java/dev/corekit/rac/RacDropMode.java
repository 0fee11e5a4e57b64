package dev.corekit.rac;

/** What {@code infobase drop} does with the database of the infobase. */
public enum RacDropMode {
  /** Keep the database; only unregister the infobase from the cluster. */
  KEEP_DATABASE,
  /** Delete the database ({@code --drop-database}). */
  DROP_DATABASE,
  /** Empty the database but keep it ({@code --clear-database}). */
  CLEAR_DATABASE
}
