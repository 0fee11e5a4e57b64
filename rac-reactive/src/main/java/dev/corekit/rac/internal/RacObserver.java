package dev.corekit.rac.internal;

/** Receives each finished rac run, for metrics. The default observes nothing. */
public interface RacObserver {
  /** Observes nothing. */
  RacObserver NONE = (command, outcome, nanos) -> {};

  /**
   * A rac process finished.
   *
   * @param command the mode and command words, such as {@code session list}
   * @param outcome SUCCESS, FAILED, TIMEOUT or CANCELLED
   * @param nanos how long it ran, including the wait for a free slot
   */
  void finished(String command, String outcome, long nanos);
}
