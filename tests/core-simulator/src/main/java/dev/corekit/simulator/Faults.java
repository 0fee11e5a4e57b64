package dev.corekit.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault rules of one simulator: which {@link Fault} to inject into which requests, how often.
 *
 * <p>A route is {@code "METHOD /path"}: the method may be {@code *}; in the path a segment {@code
 * *} or {@code {name}} matches any one segment and a final {@code **} matches any rest. Paths are
 * compared with decoded segments. Rules stay until they are used up or removed; thread-safe.
 *
 * <pre>{@code
 * sim.faults().on("GET /api/v3/process").times(2).inject(Fault.status(503));
 * sim.faults().on("PUT /api/v3/process/{id}/command").inject(Fault.latency(Duration.ofSeconds(2)));
 * sim.faults().on("* /api/**").probability(0.1, 7L).inject(Fault.resetBeforeResponse());
 * sim.faults().clear();
 * }</pre>
 */
public final class Faults {

  private final List<Rule> rules = new CopyOnWriteArrayList<>();

  Faults() {}

  /**
   * Starts a rule for the requests that match a route.
   *
   * @param route {@code "METHOD /path"} such as {@code "GET /api/v3/process"} or {@code "*
   *     /api/v3/process/*"}
   * @return a target to limit and then {@link Target#inject(Fault)}
   * @throws IllegalArgumentException if the route is malformed
   */
  public Target on(String route) {
    return new Target(RoutePattern.parse(route), -1, 1.0, 0L);
  }

  /**
   * Makes the next {@code GET /api/login/refresh} fail once with this status and Core's error body.
   *
   * @param status for example 500, or 403 to make the client log in again
   * @return the rule
   */
  public Rule failNextRefresh(int status) {
    return on("GET /api/login/refresh").times(1).inject(Fault.status(status));
  }

  /**
   * Lists the active rules, oldest first.
   *
   * @return a snapshot of the rules
   */
  public List<Rule> rules() {
    List<Rule> active = new ArrayList<>();
    for (Rule r : rules) {
      if (!r.exhausted()) {
        active.add(r);
      }
    }
    return List.copyOf(active);
  }

  /** Removes all rules. */
  public void clear() {
    rules.clear();
  }

  /** Selects the faults that fire for one request, consuming their counts. */
  List<Fault> fire(String method, List<String> segments) {
    if (rules.isEmpty()) {
      return List.of();
    }
    List<Fault> fired = new ArrayList<>(2);
    for (Rule r : rules) {
      if (r.route.matches(method, segments) && r.tryFire()) {
        fired.add(r.fault);
      }
      if (r.exhausted()) {
        rules.remove(r);
      }
    }
    return fired;
  }

  /** A route with limits, waiting for its fault. */
  public final class Target {
    private final RoutePattern route;
    private final long times;
    private final double probability;
    private final long seed;

    private Target(RoutePattern route, long times, double probability, long seed) {
      this.route = route;
      this.times = times;
      this.probability = probability;
      this.seed = seed;
    }

    /**
     * Limits the rule to the next {@code n} matching requests (by default it fires for all).
     *
     * @param n how many times the fault fires, at least 1
     * @return a new target
     */
    public Target times(long n) {
      if (n < 1) {
        throw new IllegalArgumentException("times must be at least 1");
      }
      return new Target(route, n, probability, seed);
    }

    /**
     * Makes the fault fire with probability {@code p} per matching request, drawn from a {@link
     * Random} with this seed so that runs repeat.
     *
     * @param p probability in [0, 1]
     * @param seed seed of the random generator
     * @return a new target
     */
    public Target probability(double p, long seed) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("probability must be in [0, 1]");
      }
      return new Target(route, times, p, seed);
    }

    /**
     * Registers the rule.
     *
     * @param fault what to inject
     * @return the active rule
     */
    public Rule inject(Fault fault) {
      Rule rule = new Rule(route, Objects.requireNonNull(fault, "fault"), times, probability, seed);
      rules.add(rule);
      return rule;
    }
  }

  /** An active fault rule; its counters are live. */
  public final class Rule {
    private final RoutePattern route;
    private final Fault fault;
    private final AtomicLong remaining;
    private final double probability;
    private final Random random;
    private final AtomicLong hits = new AtomicLong();

    private Rule(RoutePattern route, Fault fault, long times, double probability, long seed) {
      this.route = route;
      this.fault = fault;
      this.remaining = new AtomicLong(times);
      this.probability = probability;
      this.random = new Random(seed);
    }

    /**
     * The route as registered.
     *
     * @return for example {@code "GET /api/v3/process"}
     */
    public String route() {
      return route.text;
    }

    /**
     * The injected fault.
     *
     * @return the fault
     */
    public Fault fault() {
      return fault;
    }

    /**
     * How often the fault has fired.
     *
     * @return the count
     */
    public long hits() {
      return hits.get();
    }

    /**
     * How many more times the fault fires.
     *
     * @return the count, or -1 for no limit
     */
    public long remaining() {
      return remaining.get();
    }

    /** Removes the rule. */
    public void remove() {
      remaining.set(0);
      rules.remove(this);
    }

    boolean exhausted() {
      return remaining.get() == 0;
    }

    private boolean tryFire() {
      if (probability < 1.0) {
        synchronized (random) {
          if (random.nextDouble() >= probability) {
            return false;
          }
        }
      }
      while (true) {
        long left = remaining.get();
        if (left == 0) {
          return false;
        }
        if (left < 0 || remaining.compareAndSet(left, left - 1)) {
          hits.incrementAndGet();
          return true;
        }
      }
    }

    @Override
    public String toString() {
      return "Rule["
          + route.text
          + " -> "
          + fault
          + ", hits="
          + hits()
          + ", remaining="
          + remaining()
          + "]";
    }
  }

  /** A parsed {@code "METHOD /path"} pattern. */
  static final class RoutePattern {
    final String text;
    final String method;
    final List<String> segments;

    private RoutePattern(String text, String method, List<String> segments) {
      this.text = text;
      this.method = method;
      this.segments = segments;
    }

    static RoutePattern parse(String route) {
      Objects.requireNonNull(route, "route");
      String t = route.trim();
      String method = "*";
      String path = t;
      int sp = t.indexOf(' ');
      if (sp > 0) {
        method = t.substring(0, sp).trim().toUpperCase(Locale.ROOT);
        path = t.substring(sp + 1).trim();
      }
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("route must be \"METHOD /path\": " + route);
      }
      List<String> segs = List.of(path.substring(1).split("/", -1));
      return new RoutePattern(method + " " + path, method, segs);
    }

    boolean matches(String reqMethod, List<String> reqSegments) {
      if (!method.equals("*") && !method.equals(reqMethod)) {
        return false;
      }
      int n = segments.size();
      for (int i = 0; i < n; i++) {
        String p = segments.get(i);
        if (p.equals("**") && i == n - 1) {
          return true;
        }
        if (i >= reqSegments.size()) {
          return false;
        }
        boolean any = p.equals("*") || (p.startsWith("{") && p.endsWith("}"));
        if (!any && !p.equals(reqSegments.get(i))) {
          return false;
        }
      }
      return n == reqSegments.size();
    }
  }
}
