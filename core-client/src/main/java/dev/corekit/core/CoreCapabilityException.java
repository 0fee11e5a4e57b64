package dev.corekit.core;

/**
 * The connected Core server is older than an operation needs (or older than this SDK supports).
 * Raised before anything is sent.
 */
public class CoreCapabilityException extends CoreException {
  private static final long serialVersionUID = 1L;

  /** The first Core version that has the operation. */
  private final String required;

  /** The version the server reported. */
  private final String actual;

  /**
   * Creates the exception.
   *
   * @param what the operation or feature, such as {@code POST /api/v3/events}
   * @param required the first Core version that has it
   * @param actual the version the server reported
   */
  public CoreCapabilityException(String what, String required, String actual) {
    super(what + " needs Core " + required + " or later; the server runs " + actual);
    this.required = required;
    this.actual = actual;
  }

  /**
   * The first Core version that has the operation.
   *
   * @return a version such as {@code 16.20.0}
   */
  public String requiredVersion() {
    return required;
  }

  /**
   * The version the server reported.
   *
   * @return a version such as {@code 16.16.0}
   */
  public String serverVersion() {
    return actual;
  }
}
