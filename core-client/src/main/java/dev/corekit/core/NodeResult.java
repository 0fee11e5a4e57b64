package dev.corekit.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One result of a {@link CoreFleet} fan-out: the name of the node it came from and either a value
 * or the node's failure.
 *
 * <p>A failure is the {@link CoreException} the node's client raised ({@link CoreConnectException}
 * for an unreachable node, {@link CoreApiException} for an error answer, ...), a {@link
 * CoreTimeoutException} naming the node when the fleet's per-node deadline passed, or a {@link
 * CoreFleetException} naming the node for any other error of the call.
 *
 * <pre>{@code
 * fleet.about().subscribe(result -> {
 *   if (result.isSuccess()) {
 *     System.out.println(result.node() + ": Core " + result.value().version().number());
 *   } else {
 *     System.out.println(result.node() + ": " + result.failure().getMessage());
 *   }
 * });
 * }</pre>
 *
 * <p>Immutable. {@code toString()} names the node and the value's type or the failure's message,
 * never the value itself (a value such as a server configuration may hold secrets).
 *
 * @param <T> the type of the value
 */
public final class NodeResult<T> {
  private final String node;
  private final @Nullable T value;
  private final @Nullable CoreException failure;

  private NodeResult(String node, @Nullable T value, @Nullable CoreException failure) {
    this.node = node;
    this.value = value;
    this.failure = failure;
  }

  /**
   * A successful result.
   *
   * @param node the node's name
   * @param value the value
   * @param <T> the type of the value
   * @return the result
   */
  public static <T> NodeResult<T> success(String node, T value) {
    return new NodeResult<>(
        Objects.requireNonNull(node, "node"), Objects.requireNonNull(value, "value"), null);
  }

  /**
   * A failed result.
   *
   * @param node the node's name
   * @param failure the node's failure
   * @param <T> the type the value would have had
   * @return the result
   */
  public static <T> NodeResult<T> failure(String node, CoreException failure) {
    return new NodeResult<>(
        Objects.requireNonNull(node, "node"), null, Objects.requireNonNull(failure, "failure"));
  }

  /**
   * The name of the node this result came from.
   *
   * @return the node's name in the fleet
   */
  public String node() {
    return node;
  }

  /**
   * Whether the node answered.
   *
   * @return true for a value, false for a failure
   */
  public boolean isSuccess() {
    return failure == null;
  }

  /**
   * The value of a successful result.
   *
   * @return the value
   * @throws IllegalStateException if the node failed (the failure is its cause)
   */
  public T value() {
    if (failure != null) {
      throw new IllegalStateException(
          "node " + node + " failed, so there is no value: " + failure.getMessage(), failure);
    }
    return Objects.requireNonNull(value);
  }

  /**
   * The failure of a failed result.
   *
   * @return the node's failure
   * @throws IllegalStateException if the node answered
   */
  public CoreException failure() {
    if (failure == null) {
      throw new IllegalStateException("node " + node + " answered, so there is no failure");
    }
    return failure;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof NodeResult<?> that
        && node.equals(that.node)
        && Objects.equals(value, that.value)
        && Objects.equals(failure, that.failure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(node, value, failure);
  }

  @Override
  public String toString() {
    return failure == null
        ? "NodeResult{node="
            + node
            + ", value="
            + Objects.requireNonNull(value).getClass().getSimpleName()
            + "}"
        : "NodeResult{node="
            + node
            + ", failure="
            + failure.getClass().getSimpleName()
            + ": "
            + failure.getMessage()
            + "}";
  }
}
