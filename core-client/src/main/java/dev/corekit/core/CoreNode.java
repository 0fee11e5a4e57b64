package dev.corekit.core;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a client knows about one of its nodes at one moment ({@link CoreClient#nodes()}): its URL,
 * whether calls go to it, and why not.
 */
public final class CoreNode {
  private final URI baseUrl;
  private final boolean available;
  private final @Nullable String lastFailure;

  /**
   * Creates a snapshot.
   *
   * @param baseUrl the node's base URL
   * @param available whether calls go to the node
   * @param lastFailure why the node was taken out, or null
   */
  public CoreNode(URI baseUrl, boolean available, @Nullable String lastFailure) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.available = available;
    this.lastFailure = lastFailure;
  }

  /**
   * The node's base URL, as given to the builder.
   *
   * @return the URL
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Whether calls go to the node: false after repeated failures, until a probe gets an answer.
   *
   * @return true when available
   */
  public boolean available() {
    return available;
  }

  /**
   * The failure that took the node out of the rotation, in words (no secrets).
   *
   * @return the failure, empty while the node is available
   */
  public Optional<String> lastFailure() {
    return available ? Optional.empty() : Optional.ofNullable(lastFailure);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CoreNode
        && ((CoreNode) other).baseUrl.equals(baseUrl)
        && ((CoreNode) other).available == available
        && Objects.equals(((CoreNode) other).lastFailure, lastFailure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(baseUrl, available, lastFailure);
  }

  @Override
  public String toString() {
    return baseUrl + (available ? " (available)" : " (unavailable: " + lastFailure + ")");
  }
}
