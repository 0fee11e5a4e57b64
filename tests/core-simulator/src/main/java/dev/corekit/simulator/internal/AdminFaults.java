package dev.corekit.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.simulator.Fault;
import java.time.Duration;

/**
 * Faults as JSON for the admin endpoint, for example {@code {"route":"GET
 * /api/v3/process","fault":"status","status":503,"times":3}}.
 */
final class AdminFaults {
  private AdminFaults() {}

  static Fault parse(JsonNode f) {
    String kind = f.path("fault").asText("");
    return switch (kind) {
      case "latency" -> Fault.latency(Duration.ofMillis(f.path("ms").asLong(1000)));
      case "reset" -> Fault.resetBeforeResponse();
      case "reset_after_processing" -> Fault.resetAfterProcessing();
      case "reset_mid_body" -> Fault.resetMidBody(f.path("bytes").asLong(-1));
      case "status" -> Fault.status(f.path("status").asInt(503));
      case "too_many_requests" -> Fault.tooManyRequests(f.path("retry_after").asInt(1));
      case "truncated_json" -> Fault.truncatedJson();
      case "malformed_json" -> Fault.malformedJson();
      case "wrong_content_type" ->
          Fault.wrongContentType(f.path("content_type").asText("text/html; charset=UTF-8"));
      case "slow_body" ->
          Fault.slowBody(
              f.path("bytes").asInt(16), Duration.ofMillis(f.path("interval_ms").asLong(100)));
      case "stall" -> Fault.stall(f.path("bytes").asLong(0));
      case "respond" ->
          Fault.respond(
              f.path("status").asInt(200),
              f.path("content_type").asText("text/plain"),
              f.path("body").asText(""));
      default ->
          throw new IllegalArgumentException(
              "unknown fault: '"
                  + kind
                  + "' (latency, reset, reset_after_processing, "
                  + "reset_mid_body, status, too_many_requests, truncated_json, malformed_json, wrong_content_type, slow_body, "
                  + "stall, respond)");
    };
  }
}
