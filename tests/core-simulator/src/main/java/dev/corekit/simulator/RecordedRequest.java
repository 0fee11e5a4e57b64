package dev.corekit.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as it arrived at the simulator.
 *
 * @param time when its body had been read
 * @param connectionId a number per TCP connection, the same for requests on one kept-alive
 *     connection
 * @param method the HTTP method
 * @param rawPath the path exactly as sent on the wire, percent-encoding kept, without the query
 * @param rawQuery the query as sent, without {@code ?}; empty if none
 * @param pathSegments the path split at {@code /} and then percent-decoded (UTF-8), so an encoded
 *     {@code %2F} stays inside its segment
 * @param query decoded query parameters in order
 * @param headers the headers, names in lower case, repeated ones joined by {@code ", "}; {@code
 *     authorization} and {@code cookie} values are redacted
 * @param bodySize bytes in the request body
 * @param route the matched route template such as {@code "GET /api/v3/process/{id}"}, or empty
 * @param tokenId the {@code jti} of a valid token the request carried, or empty
 */
public record RecordedRequest(
    Instant time,
    long connectionId,
    String method,
    String rawPath,
    String rawQuery,
    List<String> pathSegments,
    Map<String, List<String>> query,
    Map<String, String> headers,
    long bodySize,
    String route,
    String tokenId) {

  /**
   * The value of a header.
   *
   * @param name the header name, any case
   * @return the value, or {@code null} if absent
   */
  public @org.jspecify.annotations.Nullable String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
