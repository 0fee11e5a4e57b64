package dev.corekit.simulator;

/**
 * The datarhei Core release whose behaviour the simulator imitates, in release order.
 *
 * <p>The differences are the ones clients see, so that their capability checks and their reading of
 * older shapes can be tested:
 *
 * <ul>
 *   <li>16.20 answers 403 for missing or bad tokens (older releases 401), omits empty process
 *       metadata (older releases render {@code null}), adds {@code owner}, {@code domain} and
 *       {@code core_id} to processes and {@code compress}, {@code resources}, {@code cluster} and
 *       more to the config, answers {@code GET /api/v3/srt} with an array of channels (older
 *       releases one object), answers a missing disk file with {@code Not Found} (older releases
 *       {@code File not found} and the path) and has the events, IAM, cluster and report routes;
 *   <li>before 16.14 error bodies of the authentication carry the reason as message and no details;
 *   <li>before 16.13 processes have no {@code updated_at} and progress inputs and outputs no {@code
 *       keyframe}, {@code framerate} and {@code extradata_size_bytes};
 *   <li>before 16.12 there is no {@code GET /api/v3/fs} (list of filesystems), only the filesystems
 *       {@code mem} and {@code disk} are routed, {@code HEAD} on a {@code mem} file answers 405, a
 *       {@code mem} file is served as {@code application/data}, the config has no {@code
 *       debug.memory_limit_mbytes} and no {@code storage.s3}, and a process update replaces the
 *       whole config instead of merging onto the current one;
 *   <li>before 16.11 SRT statistics name two fields {@code sent_unique__bytes} and {@code
 *       recv_loss__bytes}, and a missing file of the disk filesystem (such as {@code /metrics} with
 *       Prometheus off) answers status 200 with the 404 error body (Core's cache middleware);
 *   <li>16.10.0 has no {@code tls.email} in its config.
 * </ul>
 */
public enum CoreVersion {
  /** Core v16.10.0. */
  V16_10("16.10.0"),
  /** Core v16.10.1. */
  V16_10_1("16.10.1"),
  /** Core v16.11.0. */
  V16_11("16.11.0"),
  /** Core v16.12.0. */
  V16_12("16.12.0"),
  /** Core v16.13.0. */
  V16_13("16.13.0"),
  /** Core v16.13.1. */
  V16_13_1("16.13.1"),
  /** Core v16.14.0. */
  V16_14("16.14.0"),
  /** Core v16.15.0. */
  V16_15("16.15.0"),
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
   * Whether this release is the given one or a later one.
   *
   * @param other the release to compare with
   * @return {@code true} if this release is {@code other} or came after it
   */
  public boolean atLeast(CoreVersion other) {
    return compareTo(other) >= 0;
  }

  /**
   * Whether this release came before the given one.
   *
   * @param other the release to compare with
   * @return {@code true} if this release is older than {@code other}
   */
  public boolean isBefore(CoreVersion other) {
    return compareTo(other) < 0;
  }

  /**
   * Parses a version number such as {@code "16.12.0"}, {@code "16.13.1"} or {@code "16.20"}; a
   * number without patch level names the first release of that line ({@code "16.13"} is 16.13.0).
   *
   * @param number the version number, with or without a leading {@code v}
   * @return the matching version
   * @throws IllegalArgumentException if the number names no supported version
   */
  public static CoreVersion parse(String number) {
    String n = number.trim();
    if (n.startsWith("v") || n.startsWith("V")) {
      n = n.substring(1);
    }
    for (CoreVersion v : values()) {
      if (v.number.equals(n) || v.number.equals(n + ".0")) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unsupported Core version: " + number + " (use one of " + numbers() + ")");
  }

  /**
   * The supported version numbers, oldest first, for usage texts.
   *
   * @return for example {@code "16.10.0, 16.10.1, ..., 16.20.0"}
   */
  public static String numbers() {
    StringBuilder b = new StringBuilder();
    for (CoreVersion v : values()) {
      b.append(b.length() == 0 ? "" : ", ").append(v.number);
    }
    return b.toString();
  }
}
