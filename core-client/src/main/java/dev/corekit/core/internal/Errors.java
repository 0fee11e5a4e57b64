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
import dev.corekit.core.Redaction;
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

  /**
   * Maps an error answer to an exception: a {@link CoreApiException} (or its subtype for the
   * status) carrying Core's error body, or a {@link CoreProtocolException} when an HTML page
   * answers where Core would have answered JSON: the URL leads to another kind of server.
   *
   * @param status the HTTP status
   * @param body the answer's body (up to a limit)
   * @param headers the answer's headers
   * @param request the request
   * @param mapper the JSON mapper
   * @param secrets the texts the answer must not repeat
   * @param baseUrl the client's base URL, named when the server is not Core
   * @return the exception
   */
  static CoreException fromAnswer(
      int status,
      byte[] body,
      HttpHeaders headers,
      CoreRequest request,
      ObjectMapper mapper,
      List<String> secrets,
      String baseUrl) {
    int code = status;
    String message = "";
    List<String> details = List.of();
    String text = scrub(new String(body, StandardCharsets.UTF_8).trim(), secrets);
    if (isHtml(BodyReaders.contentType(headers), text)) {
      String title = htmlTitle(text);
      String answered =
          request.describe()
              + " answered "
              + status
              + " text/html"
              + (title.isEmpty() ? "" : " (" + title + ")");
      if (status == 404 || status == 405 || status == 501) {
        return new CoreProtocolException(notCore(baseUrl, answered), null);
      }
      message = "text/html" + (title.isEmpty() ? "" : " (" + title + ")");
    } else if (!text.isEmpty()) {
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
   * Maps a failure of an attempt to a {@link CoreException} whose message names the cause in the
   * user's words (connection refused by which server, a server that does not speak TLS, an
   * untrusted certificate), never a library's class name.
   *
   * @param error the failure
   * @param request the request
   * @param sent whether the request may have reached the server
   * @param server the server's {@code host:port}
   * @return the exception to signal
   */
  static CoreException translate(
      Throwable error, CoreRequest request, boolean sent, String server) {
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
      return new CoreConnectException(
          call + ": " + tlsFailure((SSLException) error, server), sent, error);
    }
    if (error instanceof ConnectTimeoutException) {
      return new CoreConnectException(
          call + ": no connection to " + server + " in time (is the address right?)", false, error);
    }
    if (error instanceof UnknownHostException) {
      return new CoreConnectException(
          call + ": unknown host " + host(server) + " (the name does not resolve)", false, error);
    }
    if (error instanceof NoRouteToHostException) {
      return new CoreConnectException(call + ": no route to " + server, false, error);
    }
    if (error instanceof ConnectException && isRefusal(error)) {
      return new CoreConnectException(
          call + ": connection refused by " + server + " (is Core running and listening there?)",
          false,
          error);
    }
    if (error instanceof ConnectException
        || error instanceof java.nio.channels.NotYetConnectedException
        || (!sent && error instanceof IOException)) {
      return new CoreConnectException(
          call + ": cannot connect to " + server + ": " + reason(error), false, error);
    }
    if (error instanceof PrematureCloseException) {
      boolean beforeAnswer = String.valueOf(error.getMessage()).contains("BEFORE");
      return new CoreConnectException(
          call
              + ": "
              + server
              + " closed the connection "
              + (beforeAnswer ? "before answering" : "while answering"),
          true,
          error);
    }
    if (error instanceof ClosedChannelException || error instanceof IOException) {
      return new CoreConnectException(
          call + ": the connection to " + server + " broke: " + reason(error), true, error);
    }
    return new CoreException(call + " failed: " + safeMessage(error), error);
  }

  private static boolean isRefusal(Throwable error) {
    String message = error.getMessage();
    return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("refused");
  }

  /** What went wrong in a TLS handshake, and what to do. */
  static String tlsFailure(SSLException error, String server) {
    if (error instanceof io.netty.handler.ssl.NotSslRecordException
        || String.valueOf(error.getMessage()).contains("Unsupported or unrecognized SSL message")) {
      return server
          + " does not speak TLS (it answered in plain text): use http://"
          + server
          + " instead of https://";
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.security.cert.CertificateExpiredException) {
        return "the TLS certificate of " + server + " has expired";
      }
      if (cause instanceof java.security.cert.CertificateNotYetValidException) {
        return "the TLS certificate of " + server + " is not valid yet";
      }
      String message = String.valueOf(cause.getMessage());
      if (message.contains("No subject alternative") || message.contains("No name matching")) {
        return "the TLS certificate of "
            + server
            + " is not made out for "
            + host(server)
            + " ("
            + lastPart(message)
            + ")";
      }
      if (cause instanceof java.security.cert.CertPathBuilderException
          || cause instanceof java.security.cert.CertPathValidatorException
          || message.contains("PKIX path")
          || message.contains("certification path")) {
        return "the TLS certificate of "
            + server
            + " is not trusted (no valid certification path to a trusted authority): trust its"
            + " certificate authority";
      }
    }
    return "the TLS handshake with " + server + " failed: " + reason(error);
  }

  /** The host of {@code host:port} (an IPv6 address keeps its brackets). */
  private static String host(String server) {
    int colon = server.lastIndexOf(':');
    return colon > 0 && server.indexOf(']') < colon ? server.substring(0, colon) : server;
  }

  /** A failure's own words: its message without the class names libraries prefix it with. */
  private static String reason(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      return error.getClass().getSimpleName();
    }
    return lastPart(BodyReaders.firstLine(message));
  }

  /** The text after the last {@code "SomeException: "} prefix. */
  private static String lastPart(String message) {
    int at = message.lastIndexOf("Exception: ");
    return at < 0 ? message : message.substring(at + "Exception: ".length());
  }

  /**
   * Replaces every secret (token, password) a server or proxy may echo in its answer, and the
   * passwords of URLs in it (Core 16.16 may quote a command line with the memfs password).
   */
  static String scrub(String text, List<String> secrets) {
    String out = Redaction.redactUrls(text);
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

  /** The message of an answer from something other than Core. */
  static String notCore(String baseUrl, String answered) {
    return "not a datarhei Core server at " + baseUrl + ": " + answered;
  }

  /** Whether an answer is an HTML page: by its content type, or by its first characters. */
  static boolean isHtml(@Nullable String contentType, String text) {
    if (contentType != null) {
      return contentType.toLowerCase(java.util.Locale.ROOT).contains("html");
    }
    return text.regionMatches(true, 0, "<!DOCTYPE html", 0, 14)
        || text.regionMatches(true, 0, "<html", 0, 5);
  }

  /** The {@code <title>} of an HTML page, at most 100 characters; empty when it has none. */
  static String htmlTitle(String html) {
    int limit = Math.min(html.length(), 4096);
    String head = html.substring(0, limit);
    String lower = head.toLowerCase(java.util.Locale.ROOT);
    int open = lower.indexOf("<title>");
    if (open < 0) {
      return "";
    }
    int close = lower.indexOf("</title>", open);
    String title =
        head.substring(open + 7, close < 0 ? head.length() : close).replaceAll("\\s+", " ").strip();
    return title.length() > 100 ? title.substring(0, 100) + "..." : title;
  }

  private static String shorten(String text) {
    String line = BodyReaders.firstLine(text);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
