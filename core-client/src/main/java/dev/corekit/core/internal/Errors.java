package dev.corekit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corekit.core.CoreApiException;
import dev.corekit.core.CoreAuthenticationException;
import dev.corekit.core.CoreBadRequestException;
import dev.corekit.core.CoreConflictException;
import dev.corekit.core.CoreConnectException;
import dev.corekit.core.CoreException;
import dev.corekit.core.CoreNotFoundException;
import dev.corekit.core.CoreProtocolException;
import dev.corekit.core.CoreTimeoutException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.PrematureCloseException;

/** Maps answers and low-level failures to the client's exception types. */
final class Errors {
  private Errors() {}

  static CoreApiException fromAnswer(
      int status,
      byte[] body,
      HttpHeaders headers,
      CoreRequest request,
      ObjectMapper mapper,
      List<String> secrets) {
    int code = status;
    String message = "";
    List<String> details = List.of();
    String text = scrub(new String(body, StandardCharsets.UTF_8).trim(), secrets);
    if (!text.isEmpty()) {
      try {
        JsonNode node = mapper.readTree(text);
        if (node != null && node.isObject() && (node.has("message") || node.has("code"))) {
          code = node.path("code").asInt(status);
          message = node.path("message").asText("");
          details = BodyReaders.strings(node.path("details"));
        } else if (node != null && node.isObject()) {
          // Core's config validation answers {"field": ["problem", ...]}
          List<String> problems = new java.util.ArrayList<>();
          for (Map.Entry<String, JsonNode> field : node.properties()) {
            for (String problem : BodyReaders.strings(field.getValue())) {
              problems.add(field.getKey() + ": " + problem);
            }
          }
          details = problems;
        } else {
          message = shorten(text);
        }
      } catch (IOException notJson) {
        message = shorten(text);
      }
    }
    Duration retryAfter = retryAfter(headers.get(HttpHeaderNames.RETRY_AFTER));
    String method = request.operation().method();
    String path = request.path();
    switch (status) {
      case 400:
        return new CoreBadRequestException(
            status, code, message, details, method, path, retryAfter);
      case 401:
      case 403:
        return new CoreAuthenticationException(
            status, code, message, details, method, path, retryAfter);
      case 404:
        return new CoreNotFoundException(status, code, message, details, method, path, retryAfter);
      case 409:
        return new CoreConflictException(status, code, message, details, method, path, retryAfter);
      default:
        return new CoreApiException(status, code, message, details, method, path, retryAfter);
    }
  }

  /**
   * Maps a failure of an attempt to a {@link CoreException}.
   *
   * @param error the failure
   * @param request the request
   * @param sent whether the request may have reached the server
   * @return the exception to signal
   */
  static CoreException translate(Throwable error, CoreRequest request, boolean sent) {
    if (error instanceof CoreException) {
      return (CoreException) error;
    }
    String call = request.describe();
    if (error instanceof JsonDecodingException) {
      return new CoreProtocolException(error.getMessage(), error.getCause());
    }
    if (error instanceof ReadTimeoutException || error instanceof TimeoutException) {
      return new CoreTimeoutException(call + " (no data from the server)", request.timeout);
    }
    if (error instanceof SSLException) {
      return new CoreConnectException(call + ": TLS failed: " + safeMessage(error), sent, error);
    }
    if (error instanceof ConnectTimeoutException
        || error instanceof ConnectException
        || error instanceof UnknownHostException
        || error instanceof NoRouteToHostException
        || error instanceof java.nio.channels.NotYetConnectedException
        || (!sent && error instanceof IOException)) {
      return new CoreConnectException(
          call + ": cannot connect: " + safeMessage(error), false, error);
    }
    if (error instanceof PrematureCloseException) {
      boolean beforeAnswer = String.valueOf(error.getMessage()).contains("BEFORE");
      return new CoreConnectException(
          call
              + ": the server closed the connection "
              + (beforeAnswer ? "before answering" : "while answering"),
          true,
          error);
    }
    if (error instanceof ClosedChannelException || error instanceof IOException) {
      return new CoreConnectException(
          call + ": the connection broke: " + safeMessage(error), true, error);
    }
    return new CoreException(call + " failed: " + safeMessage(error), error);
  }

  /** Replaces every secret (token, password) a server or proxy may echo in its answer. */
  static String scrub(String text, List<String> secrets) {
    String out = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        out = out.replace(secret, "***");
      }
    }
    return out;
  }

  static @Nullable Duration retryAfter(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    try {
      long seconds = Long.parseLong(text);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static String safeMessage(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName()
        + (message == null ? "" : ": " + BodyReaders.firstLine(message));
  }

  private static String shorten(String text) {
    String line = BodyReaders.firstLine(text);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
