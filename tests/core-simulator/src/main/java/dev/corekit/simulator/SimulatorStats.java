package dev.corekit.simulator;

import dev.corekit.simulator.internal.StatsRecorder;
import java.util.List;
import java.util.Map;

/**
 * Live counters of one simulator, for tests to read; they survive {@link CoreSimulator#restart()}.
 *
 * <pre>{@code
 * assertThat(sim.stats().posts("/api/v3/process")).isEqualTo(1);
 * assertThat(sim.stats().requests("GET /api/v3/process/{id}")).isEqualTo(3);
 * }</pre>
 */
public final class SimulatorStats {
  private final StatsRecorder r;

  SimulatorStats(StatsRecorder recorder) {
    this.r = recorder;
  }

  /**
   * Successful logins ({@code POST /api/login} answered with tokens).
   *
   * @return the count
   */
  public long logins() {
    return r.logins.sum();
  }

  /**
   * Logins refused for wrong or missing credentials.
   *
   * @return the count
   */
  public long loginFailures() {
    return r.loginFailures.sum();
  }

  /**
   * Successful token refreshes ({@code GET /api/login/refresh} answered with a new access token).
   *
   * @return the count
   */
  public long refreshes() {
    return r.refreshes.sum();
  }

  /**
   * Refreshes refused (bad, expired or wrong-purpose token).
   *
   * @return the count
   */
  public long refreshFailures() {
    return r.refreshFailures.sum();
  }

  /**
   * Requests that arrived for a route: a template with {@code {..}} such as {@code "GET
   * /api/v3/process/{id}"} counts every request routed there; a concrete {@code "GET
   * /api/v3/process/abc"} (raw path as sent, without query) counts that path only. Counted on
   * arrival, also when a fault answered.
   *
   * @param route {@code "METHOD /path"}
   * @return the count
   */
  public long requests(String route) {
    return r.requests(route);
  }

  /**
   * POST requests that arrived for one concrete path, so tests can assert "no POST twice".
   *
   * @param rawPath the path as sent, such as {@code "/api/v3/process"}
   * @return the count
   */
  public long posts(String rawPath) {
    return r.requests("POST " + rawPath);
  }

  /**
   * All requests that arrived (admin requests excluded).
   *
   * @return the count
   */
  public long totalRequests() {
    return r.totalRequests.sum();
  }

  /**
   * Counts per concrete {@code "METHOD /raw/path"}.
   *
   * @return a sorted snapshot
   */
  public Map<String, Long> requestsByPath() {
    return r.byPath();
  }

  /**
   * Counts per route template.
   *
   * @return a sorted snapshot
   */
  public Map<String, Long> requestsByRoute() {
    return r.byRoute();
  }

  /**
   * The most recent requests, oldest first (bounded; see {@link
   * CoreSimulator.Builder#requestLogCapacity(int)}).
   *
   * @return a snapshot
   */
  public List<RecordedRequest> recorded() {
    return r.recorded();
  }

  /**
   * The most recent recorded request.
   *
   * @return the request, or {@code null} if none was recorded
   */
  public @org.jspecify.annotations.Nullable RecordedRequest lastRequest() {
    List<RecordedRequest> all = r.recorded();
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  /**
   * TCP connections open right now.
   *
   * @return the gauge
   */
  public int openConnections() {
    return r.openConnections.get();
  }

  /**
   * TCP connections accepted since start.
   *
   * @return the count
   */
  public long connections() {
    return r.connections.get();
  }

  /**
   * Connections the client closed while a request on them was still being answered (for example a
   * cancelled call during a latency fault or a slow body, or a closed event stream).
   *
   * @return the count
   */
  public long clientAborts() {
    return r.clientAborts.sum();
  }

  /**
   * Responses sent completely.
   *
   * @return the count
   */
  public long completedResponses() {
    return r.completedResponses.sum();
  }

  /**
   * Response body bytes handed to the network so far.
   *
   * @return the count
   */
  public long bodyBytesSent() {
    return r.bodyBytesSent.sum();
  }

  /**
   * Faults that fired.
   *
   * @return the count
   */
  public long faultsFired() {
    return r.faultsFired.sum();
  }

  /** Resets all counters and the request record (the connection gauge stays). */
  public void reset() {
    r.reset();
  }
}
