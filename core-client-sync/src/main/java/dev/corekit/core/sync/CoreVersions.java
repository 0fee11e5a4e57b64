package dev.corekit.core.sync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares Core version numbers {@code major.minor[.patch]}; anything after the numbers is ignored.
 */
final class CoreVersions {
  private static final Pattern FORM = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*$");

  private CoreVersions() {}

  /**
   * Parses {@code 16.20.0}, {@code v16.7}, {@code 16.16.0-rc1}.
   *
   * @throws IllegalArgumentException when the text has no {@code major.minor}
   */
  static int[] parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Core version: '" + text + "'");
    }
    try {
      return new int[] {
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3))
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a Core version: '" + text + "'", e);
    }
  }

  /** Whether {@code version} is strictly older than {@code minimum}. */
  static boolean isOlder(String version, String minimum) {
    int[] a = parse(version);
    int[] b = parse(minimum);
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return a[i] < b[i];
      }
    }
    return false;
  }
}
