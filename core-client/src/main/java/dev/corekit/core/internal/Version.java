package dev.corekit.core.internal;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Core version {@code major.minor.patch}; anything after the numbers is ignored. */
public final class Version implements Comparable<Version> {
  private static final Pattern FORM = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*$");

  private final int major;
  private final int minor;
  private final int patch;

  private Version(int major, int minor, int patch) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
  }

  /**
   * Parses {@code 16.20.0}, {@code v16.7}, {@code 16.16.0-rc1}.
   *
   * @param text the version text
   * @return the version
   * @throws IllegalArgumentException when the text has no {@code major.minor}
   */
  public static Version parse(String text) {
    Matcher matcher = FORM.matcher(Objects.requireNonNull(text, "text").trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a version: '" + text + "'");
    }
    return new Version(
        Integer.parseInt(matcher.group(1)),
        Integer.parseInt(matcher.group(2)),
        matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)));
  }

  /**
   * Tells whether this version is older than another.
   *
   * @param other the other version
   * @return true when strictly older
   */
  public boolean isOlderThan(Version other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(Version other) {
    int byMajor = Integer.compare(major, other.major);
    if (byMajor != 0) {
      return byMajor;
    }
    int byMinor = Integer.compare(minor, other.minor);
    return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Version && compareTo((Version) other) == 0;
  }

  @Override
  public int hashCode() {
    return (major * 1000 + minor) * 1000 + patch;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
