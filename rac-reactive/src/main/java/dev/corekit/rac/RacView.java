package dev.corekit.rac;

/** A typed view of a {@link RacRecord}; the record stays reachable so that no field is lost. */
public interface RacView {

  /**
   * Returns the record as printed by {@code rac}, with every field in output order.
   *
   * @return the record
   */
  RacRecord record();
}
