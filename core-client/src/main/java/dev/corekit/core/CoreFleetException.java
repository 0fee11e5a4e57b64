package dev.corekit.core;

import org.jspecify.annotations.Nullable;

/**
 * A call of a {@link CoreFleet} failed on one node: with {@link CoreFleet.Builder#failFast(boolean)
 * failFast} the first node's failure ends the fan-out with this exception (its cause is the node's
 * own {@link CoreException}); without it, a call that failed with something other than a {@link
 * CoreException} is reported as this exception in the node's {@link NodeResult}.
 */
public class CoreFleetException extends CoreException {
  private static final long serialVersionUID = 1L;

  /** The name of the node that failed. */
  private final String node;

  /**
   * Creates the exception.
   *
   * @param node the name of the node that failed
   * @param message what failed, naming the node
   * @param cause the node's failure
   */
  public CoreFleetException(String node, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.node = node;
  }

  /**
   * The name of the node that failed.
   *
   * @return the node's name in the fleet
   */
  public String node() {
    return node;
  }
}
