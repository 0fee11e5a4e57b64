package dev.corekit.core;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Core refused the credentials or the token (401, or 403 on servers of the 16.20 line), or the
 * client could not obtain a valid token: the login failed, or the refresh token expired and no
 * credentials are known to log in again.
 */
public class CoreAuthenticationException extends CoreApiException {
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
  public CoreAuthenticationException(
      int status,
      int code,
      String errorMessage,
      List<String> details,
      String method,
      String path,
      @Nullable Duration retryAfter) {
    super(status, code, errorMessage, details, method, path, retryAfter);
  }

  /**
   * Creates the exception for a failure detected by the client itself (no answer to quote).
   *
   * @param reason what is wrong, without any secret
   * @param method the method of the request that needed a token
   * @param path the path of the request that needed a token
   * @return the exception, with status 401
   */
  public static CoreAuthenticationException of(String reason, String method, String path) {
    return new CoreAuthenticationException(
        401, 401, "Unauthorized", List.of(reason), method, path, null);
  }
}
