package dev.corekit.simulator;

/**
 * The datarhei Core release whose behaviour the simulator imitates.
 *
 * <p>The differences are few but real, so that clients' capability checks can be tested: 16.16
 * answers 401 for missing or bad tokens, renders empty process metadata as {@code null} and has no
 * events, IAM, cluster or report routes; 16.20 answers 403, omits empty metadata and adds {@code
 * owner}, {@code domain} and {@code core_id} to processes.
 */
public enum CoreVersion {
  /** Core v16.16.0, the last release. */
  V16_16("16.16.0"),
  /** Core 16.20.0, the development line (branch {@code vod}). */
  V16_20("16.20.0");

  private final String number;

  CoreVersion(String number) {
    this.number = number;
  }

  /**
   * The version number as Core reports it in {@code GET /api}.
   *
   * @return for example {@code "16.20.0"}
   */
  public String number() {
    return number;
  }

  /**
   * Parses a version number such as {@code "16.16.0"} or {@code "16.20"}.
   *
   * @param number the version number
   * @return the matching version
   * @throws IllegalArgumentException if the number names no supported version
   */
  public static CoreVersion parse(String number) {
    String n = number.trim();
    for (CoreVersion v : values()) {
      if (v.number.equals(n) || v.number.startsWith(n + ".")) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unsupported Core version: " + number + " (use 16.16.0 or 16.20.0)");
  }
}
