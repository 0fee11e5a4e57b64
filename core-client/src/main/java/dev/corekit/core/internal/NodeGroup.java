package dev.corekit.core.internal;

import dev.corekit.core.FailoverPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * The nodes of a client and the choice among them: the order in which a call tries them, and the
 * probes that bring a node back after its breaker opened.
 */
final class NodeGroup {
  private static final Logger LOG = LoggerFactory.getLogger("dev.corekit.core.nodes");

  private final Node[] nodes;
  private final FailoverPolicy policy;
  private final HttpClient http;
  private final ClientObserver observer;
  private final AtomicInteger turn = new AtomicInteger();
  private volatile boolean closed;

  NodeGroup(CoreTransport transport, CoreTransport.Settings settings, ClientObserver observer) {
    this.policy = settings.failover;
    this.http = settings.http;
    this.observer = observer;
    List<String> urls = settings.baseUrls;
    this.nodes = new Node[urls.size()];
    CircuitBreakerConfig config = urls.size() > 1 ? breakerConfig() : null;
    for (int i = 0; i < nodes.length; i++) {
      CircuitBreaker breaker =
          config == null ? null : CircuitBreaker.of("core-node-" + (i + 1), config);
      Node node = new Node(transport, i, urls.get(i), settings, breaker);
      nodes[i] = node;
      if (breaker != null) {
        breaker
            .getEventPublisher()
            .onStateTransition(
                event -> transitioned(node, event.getStateTransition().getToState()));
        observer.nodeAvailability(node.server, true);
      }
    }
  }

  private static CircuitBreakerConfig breakerConfig() {
    // The breaker holds the node's state and publishes its changes; Node counts the failures in a
    // row and opens it, and only a probe or an answer closes it again.
    return CircuitBreakerConfig.custom()
        .waitDurationInOpenState(Duration.ofDays(1))
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .writableStackTraceEnabled(false)
        .build();
  }

  /** Whether the client has one node only (no breaker, no failover). */
  boolean single() {
    return nodes.length == 1;
  }

  Node first() {
    return nodes[0];
  }

  /**
   * The node that answers questions about "the server" (its version): the first available one in
   * the order given.
   */
  Node primary() {
    for (Node node : nodes) {
      if (node.available()) {
        return node;
      }
    }
    return nodes[0];
  }

  /**
   * The order in which a call tries the nodes: available ones first, the others as a last resort.
   */
  Node[] order() {
    int n = nodes.length;
    int start =
        policy.selection() == FailoverPolicy.Selection.ROUND_ROBIN
            ? Math.floorMod(turn.getAndIncrement(), n)
            : 0;
    Node[] order = new Node[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      Node node = nodes[(start + i) % n];
      if (node.available()) {
        order[k++] = node;
      }
    }
    for (int i = 0; k < n && i < n; i++) {
      Node node = nodes[(start + i) % n];
      if (!node.available()) {
        order[k++] = node;
      }
    }
    return order;
  }

  List<Node> all() {
    return List.of(nodes);
  }

  List<dev.corekit.core.CoreNode> snapshot() {
    List<dev.corekit.core.CoreNode> out = new ArrayList<>(nodes.length);
    for (Node node : nodes) {
      out.add(node.snapshot());
    }
    return out;
  }

  private void transitioned(Node node, CircuitBreaker.State to) {
    if (to == CircuitBreaker.State.OPEN) {
      LOG.warn(
          "Core node {} is unavailable ({}); calls go to the other nodes until it answers a"
              + " probe",
          node.baseUrl,
          node.lastFailure);
      observer.nodeAvailability(node.server, false);
      startProbe(node);
    } else if (to == CircuitBreaker.State.CLOSED) {
      LOG.info("Core node {} is available again", node.baseUrl);
      observer.nodeAvailability(node.server, true);
      Disposable probe = node.probe.getAndSet(null);
      if (probe != null) {
        probe.dispose();
      }
    }
  }

  /** Asks the node {@code GET /ping} every probe interval until it answers. */
  private void startProbe(Node node) {
    if (closed) {
      return;
    }
    Disposable probe =
        Flux.interval(policy.probeInterval(), Schedulers.parallel())
            .onBackpressureDrop()
            .concatMap(tick -> ping(node), 0)
            .filter(alive -> alive)
            .next()
            .subscribe(alive -> node.recovered(), error -> {});
    Disposable previous = node.probe.getAndSet(probe);
    if (previous != null) {
      previous.dispose();
    }
    if (closed) {
      probe.dispose();
    }
  }

  /**
   * Whether the node answers {@code GET /ping} with anything but a 5xx (a refusal of an anonymous
   * ping still proves the node serves), within the attempt timeout.
   */
  private Mono<Boolean> ping(Node node) {
    observer.probe(node.server);
    return http.get()
        .uri(URI.create(node.baseUrl + "/ping"))
        .response((response, body) -> body.then(Mono.just(response.status().code())))
        .next()
        .timeout(policy.attemptTimeout())
        .map(code -> code < 500)
        .onErrorReturn(false);
  }

  /** Stops the probes. */
  void close() {
    closed = true;
    for (Node node : nodes) {
      Disposable probe = node.probe.getAndSet(null);
      if (probe != null) {
        probe.dispose();
      }
    }
  }
}
