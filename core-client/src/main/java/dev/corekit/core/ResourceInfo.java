package dev.corekit.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code HEAD} answer tells of a resource (a file in a Core filesystem): size, type, date.
 */
public final class ResourceInfo {
  private final long size;
  private final @Nullable String contentType;
  private final @Nullable Instant lastModified;

  /**
   * Creates the description.
   *
   * @param size the size in bytes, or -1 when unknown
   * @param contentType the content type, if sent
   * @param lastModified the last modification, if sent
   */
  public ResourceInfo(long size, @Nullable String contentType, @Nullable Instant lastModified) {
    this.size = size;
    this.contentType = contentType;
    this.lastModified = lastModified;
  }

  /**
   * The size in bytes ({@code Content-Length}).
   *
   * @return the size, if the server sent it
   */
  public OptionalLong size() {
    return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /**
   * The content type ({@code Content-Type}).
   *
   * @return the type, if the server sent it
   */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /**
   * The last modification ({@code Last-Modified}).
   *
   * @return the time, if the server sent it
   */
  public Optional<Instant> lastModified() {
    return Optional.ofNullable(lastModified);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ResourceInfo)) {
      return false;
    }
    ResourceInfo that = (ResourceInfo) other;
    return size == that.size
        && Objects.equals(contentType, that.contentType)
        && Objects.equals(lastModified, that.lastModified);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, contentType, lastModified);
  }

  @Override
  public String toString() {
    return "ResourceInfo{size="
        + size
        + ", contentType="
        + contentType
        + ", lastModified="
        + lastModified
        + "}";
  }
}
