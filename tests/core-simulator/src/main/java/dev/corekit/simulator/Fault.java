package dev.corekit.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour the simulator injects into a response; create one with the static factories and
 * register it with {@link Faults#on(String)}.
 *
 * <p>Several faults may fire for one request: latencies add up, and of the other faults the first
 * registered one that fires wins.
 *
 * <pre>{@code
 * sim.faults().on("GET /api/v3/process").times(3).inject(Fault.status(503));
 * sim.faults().on("* /api/v3/process/*").probability(0.2, 42).inject(Fault.resetBeforeResponse());
 * }</pre>
 */
public sealed interface Fault {

  /**
   * Delays the response (before its headers) by a fixed time; the request is processed normally.
   *
   * @param delay the delay
   * @return the fault
   */
  static Fault latency(Duration delay) {
    return new Latency(delay);
  }

  /**
   * Resets the connection (TCP RST) without processing the request and without answering.
   *
   * @return the fault
   */
  static Fault resetBeforeResponse() {
    return new Reset(false);
  }

  /**
   * Processes the request (a POST creates its process), then resets the connection before
   * answering; lets tests prove that a client does not repeat a non-idempotent request.
   *
   * @return the fault
   */
  static Fault resetAfterProcessing() {
    return new Reset(true);
  }

  /**
   * Sends the headers and the first bytes of the body, then resets the connection.
   *
   * @param afterBytes bytes of the body sent before the reset; negative for half of a fixed-size
   *     body (or 1024 bytes of a streamed one)
   * @return the fault
   */
  static Fault resetMidBody(long afterBytes) {
    return new ResetMidBody(afterBytes);
  }

  /**
   * Answers with this status and a Core error body ({@code {"code":503,"message":"Service
   * Unavailable","details":[]}}) without processing the request; one rule with {@code times(n)}
   * makes a burst of 5xx answers.
   *
   * @param status the HTTP status, such as 500, 502, 503 or 504
   * @return the fault
   */
  static Fault status(int status) {
    return new Respond(status, "application/json; charset=UTF-8", null, 0);
  }

  /**
   * Answers 429 Too Many Requests with a {@code Retry-After} header, without processing the
   * request.
   *
   * @param retryAfterSeconds the value of {@code Retry-After}
   * @return the fault
   */
  static Fault tooManyRequests(int retryAfterSeconds) {
    return new Respond(429, "application/json; charset=UTF-8", null, retryAfterSeconds);
  }

  /**
   * Answers with a canned response instead of processing the request.
   *
   * @param status the HTTP status
   * @param contentType the {@code Content-Type}
   * @param body the body
   * @return the fault
   */
  static Fault respond(int status, String contentType, String body) {
    return new Respond(
        status,
        Objects.requireNonNull(contentType, "contentType"),
        Objects.requireNonNull(body, "body"),
        0);
  }

  /**
   * Processes the request but sends only the first half of the body (at most 64 KiB of a streamed
   * one); the HTTP exchange itself ends properly, the JSON is cut.
   *
   * @return the fault
   */
  static Fault truncatedJson() {
    return new TruncatedJson();
  }

  /**
   * Processes the request but replaces the body with syntactically invalid JSON, keeping status and
   * {@code Content-Type}.
   *
   * @return the fault
   */
  static Fault malformedJson() {
    return new MalformedJson();
  }

  /**
   * Processes the request and sends its body under another {@code Content-Type}.
   *
   * @param contentType the content type to claim, for example {@code "text/html; charset=UTF-8"}
   * @return the fault
   */
  static Fault wrongContentType(String contentType) {
    return new WrongContentType(Objects.requireNonNull(contentType, "contentType"));
  }

  /**
   * Sends the body in pieces of {@code bytesPerChunk} bytes, one every {@code interval}.
   *
   * @param bytesPerChunk bytes per piece, at least 1
   * @param interval the pause before each piece
   * @return the fault
   */
  static Fault slowBody(int bytesPerChunk, Duration interval) {
    return new SlowBody(bytesPerChunk, interval);
  }

  /**
   * Sends the headers and the first bytes of the body, then sends nothing more and keeps the
   * connection open until the client closes it.
   *
   * @param afterBytes bytes of the body sent before stalling (0 for headers only)
   * @return the fault
   */
  static Fault stall(long afterBytes) {
    return new Stall(afterBytes);
  }

  /**
   * A delay before the response headers.
   *
   * @param delay the delay
   */
  record Latency(Duration delay) implements Fault {
    /**
     * Checks the delay.
     *
     * @param delay see the record component
     */
    public Latency {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("negative delay");
      }
    }
  }

  /**
   * A connection reset instead of a response.
   *
   * @param afterProcessing whether the request is processed before the reset
   */
  record Reset(boolean afterProcessing) implements Fault {}

  /**
   * A connection reset after part of the body.
   *
   * @param afterBytes bytes sent before the reset; negative for "half"
   */
  record ResetMidBody(long afterBytes) implements Fault {}

  /**
   * A canned answer instead of processing the request.
   *
   * @param status the status
   * @param contentType the content type
   * @param body the body, or {@code null} for Core's error body for the status
   * @param retryAfterSeconds a {@code Retry-After} value, or 0 for none
   */
  record Respond(
      int status,
      String contentType,
      @org.jspecify.annotations.Nullable String body,
      int retryAfterSeconds)
      implements Fault {
    /**
     * Checks the status.
     *
     * @param status see the record component
     * @param contentType see the record component
     * @param body see the record component
     * @param retryAfterSeconds see the record component
     */
    public Respond {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("status out of range: " + status);
      }
    }
  }

  /** A body cut in half. */
  record TruncatedJson() implements Fault {}

  /** A body replaced by invalid JSON. */
  record MalformedJson() implements Fault {}

  /**
   * A wrong {@code Content-Type}.
   *
   * @param contentType the content type sent
   */
  record WrongContentType(String contentType) implements Fault {}

  /**
   * A body sent slowly.
   *
   * @param bytesPerChunk bytes per piece
   * @param interval pause before each piece
   */
  record SlowBody(int bytesPerChunk, Duration interval) implements Fault {
    /**
     * Checks the arguments.
     *
     * @param bytesPerChunk see the record component
     * @param interval see the record component
     */
    public SlowBody {
      if (bytesPerChunk < 1) {
        throw new IllegalArgumentException("bytesPerChunk must be at least 1");
      }
      Objects.requireNonNull(interval, "interval");
    }
  }

  /**
   * A body that stops after some bytes and never ends.
   *
   * @param afterBytes bytes sent before stalling
   */
  record Stall(long afterBytes) implements Fault {}
}
