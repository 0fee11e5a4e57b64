package dev.corekit.core;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The request conflicts with the server's state (409). */
public class CoreConflictException extends CoreApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link CoreApiException#CoreApiException}.
   *
   * @param status the HTTP status
   * @param code the code of Core's error body
   * @param errorMessage the message of Core's error body
   * @param details the details of Core's error body
   * @param method the request method
   * @param path the request path
   * @param retryAfter the server's Retry-After, if any
   */
  public CoreConflictException(
      int status,
      int code,
      String errorMessage,
      List<String> details,
      String method,
      String path,
      @Nullable Duration retryAfter) {
    super(status, code, errorMessage, details, method, path, retryAfter);
  }
}
