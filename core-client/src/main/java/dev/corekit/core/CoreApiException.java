package dev.corekit.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Core answered with an error status. Carries the status, Core's error body ({@code code}, {@code
 * message}, {@code details}), and the method and path of the request.
 *
 * <p>Subtypes exist for the statuses callers usually act on: {@link CoreBadRequestException} (400),
 * {@link CoreAuthenticationException} (401, 403), {@link CoreNotFoundException} (404) and {@link
 * CoreConflictException} (409).
 */
public class CoreApiException extends CoreException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of the answer. */
  private final int status;

  /** The {@code code} of Core's error body. */
  private final int code;

  /** The {@code message} of Core's error body. */
  private final String errorMessage;

  /** The {@code details} of Core's error body. */
  @SuppressWarnings("serial") // always a List.copyOf, which is serializable
  private final List<String> details;

  /** The method of the failed request. */
  private final String method;

  /** The path of the failed request. */
  private final String path;

  /** The server's {@code Retry-After}, if any. */
  private final @Nullable Duration retryAfter;

  /**
   * Creates an exception for an error answer.
   *
   * @param status the HTTP status
   * @param code the {@code code} of Core's error body (the status when the body had none)
   * @param errorMessage the {@code message} of Core's error body (may be empty)
   * @param details the {@code details} of Core's error body
   * @param method the request method
   * @param path the request path (without query)
   * @param retryAfter the server's {@code Retry-After}, if it sent one
   */
  public CoreApiException(
      int status,
      int code,
      String errorMessage,
      List<String> details,
      String method,
      String path,
      @Nullable Duration retryAfter) {
    super(describe(status, errorMessage, details, method, path));
    this.status = status;
    this.code = code;
    this.errorMessage = errorMessage;
    this.details = List.copyOf(details);
    this.method = method;
    this.path = path;
    this.retryAfter = retryAfter;
  }

  private static String describe(
      int status, String message, List<String> details, String method, String path) {
    StringBuilder text = new StringBuilder().append(method).append(' ').append(path);
    text.append(" answered ").append(status);
    if (!message.isEmpty()) {
      text.append(' ').append(message);
    }
    if (!details.isEmpty()) {
      text.append(": ").append(String.join("; ", details));
    }
    return text.toString();
  }

  /**
   * The HTTP status of the answer.
   *
   * @return the status, such as 404
   */
  public int status() {
    return status;
  }

  /**
   * The {@code code} field of Core's error body.
   *
   * @return the code; the status when the body had none
   */
  public int code() {
    return code;
  }

  /**
   * The {@code message} field of Core's error body.
   *
   * @return the message, or an empty string
   */
  public String errorMessage() {
    return errorMessage;
  }

  /**
   * The {@code details} field of Core's error body.
   *
   * @return the details, possibly empty
   */
  public List<String> details() {
    return details;
  }

  /**
   * The method of the failed request.
   *
   * @return the method, such as {@code GET}
   */
  public String method() {
    return method;
  }

  /**
   * The path of the failed request, without query string.
   *
   * @return the path as sent
   */
  public String path() {
    return path;
  }

  /**
   * The delay the server asked for before a retry ({@code Retry-After}).
   *
   * @return the delay, if the server sent one
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
