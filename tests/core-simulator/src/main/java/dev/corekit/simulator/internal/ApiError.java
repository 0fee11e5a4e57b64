package dev.corekit.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** An error answer, in Core's shape unless another body is given. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final transient JsonNode body;

  private ApiError(int status, JsonNode body) {
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.body = body;
  }

  static ApiError of(int status, String message, String... details) {
    return new ApiError(status, Json.error(status, message, details));
  }

  static ApiError withBody(int status, JsonNode body) {
    return new ApiError(status, body);
  }

  static ApiError notFound() {
    return of(404, "Not Found", "Not Found");
  }

  Reply reply() {
    return Reply.json(status, body);
  }

  static String statusText(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Request Entity Too Large";
      case 416 -> "Requested Range Not Satisfiable";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
    };
  }
}
