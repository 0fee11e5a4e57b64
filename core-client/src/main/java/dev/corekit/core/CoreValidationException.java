package dev.corekit.core;

/**
 * A request breaks the API description (a required value missing, an empty id, a value outside its
 * allowed set), found before anything was sent. The message names the parameter or field.
 */
public class CoreValidationException extends CoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the parameter or field
   */
  public CoreValidationException(String message) {
    super(message);
  }
}
