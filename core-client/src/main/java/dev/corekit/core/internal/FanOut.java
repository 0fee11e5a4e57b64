package dev.corekit.core.internal;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreException;
import dev.corekit.core.CoreFleetException;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.NodeResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The fan-out of a {@code CoreFleet}: one call per node, a bounded number in flight, a deadline per
 * node, and each node's failure turned into its own result (or, fail-fast, into the error of the
 * whole stream).
 */
public final class FanOut {
  private static final Logger LOG = LoggerFactory.getLogger("dev.corekit.core.fleet");

  /**
   * One node of a fleet.
   *
   * @param name the node's name in the fleet
   * @param client its client
   */
  public record Node(String name, CoreClient client) {
    /** Where the node is, in messages: its name and base URL (which never holds credentials). */
    String where() {
      return "node '" + name + "' (" + client.baseUrl() + ")";
    }
  }

  /**
   * How a fan-out runs.
   *
   * @param concurrency the most nodes called at once
   * @param nodeTimeout the deadline of each node's call
   * @param failFast whether the first failure ends the stream
   * @param ordered whether results come node by node in the nodes' order
   */
  public record Settings(
      int concurrency, Duration nodeTimeout, boolean failFast, boolean ordered) {}

  private FanOut() {}

  /**
   * Calls every node and merges the results.
   *
   * @param nodes the nodes, in order
   * @param call the call to make on each node's client
   * @param settings how to run it
   * @param <T> the type of the values
   * @return the results of every node
   */
  public static <T> Flux<NodeResult<T>> run(
      List<Node> nodes,
      Function<? super CoreClient, ? extends Publisher<? extends T>> call,
      Settings settings) {
    Flux<Node> all = Flux.fromIterable(nodes);
    Function<Node, Flux<NodeResult<T>>> one = node -> one(node, call, settings);
    return settings.ordered()
        ? all.flatMapSequential(one, settings.concurrency())
        : all.flatMap(one, settings.concurrency());
  }

  private static <T> Flux<NodeResult<T>> one(
      Node node,
      Function<? super CoreClient, ? extends Publisher<? extends T>> call,
      Settings settings) {
    Duration deadline = settings.nodeTimeout();
    Flux<T> answers =
        Flux.defer(
            () ->
                Flux.from(
                    Objects.requireNonNull(
                        call.apply(node.client()), "the fleet call returned no publisher")));
    Mono<Optional<T>> timeout =
        Mono.delay(deadline)
            .then(
                Mono.error(
                    () -> new CoreTimeoutException("the fleet call on " + node.where(), deadline)));
    // The call's answers, then an end marker, raced against the deadline: the marker ends the
    // stream (cancelling the timer), the deadline's error ends it (cancelling the call).
    return Flux.merge(answers.map(Optional::of).concatWith(Mono.just(Optional.empty())), timeout)
        .takeWhile(Optional::isPresent)
        .map(Optional::get)
        .map(value -> NodeResult.success(node.name(), value))
        .onErrorResume(
            error -> {
              CoreException failure = failure(node, error);
              LOG.debug("{} failed: {}", node.where(), failure.getMessage());
              if (settings.failFast()) {
                return Mono.error(
                    failure instanceof CoreFleetException
                        ? failure
                        : new CoreFleetException(
                            node.name(),
                            node.where() + " failed: " + failure.getMessage(),
                            failure));
              }
              return Mono.just(NodeResult.failure(node.name(), failure));
            });
  }

  /** The node's failure as a {@link CoreException}: the client's own, or one naming the node. */
  static CoreException failure(Node node, Throwable error) {
    Throwable e = Exceptions.unwrap(error);
    if (e instanceof CoreException core) {
      return core;
    }
    Exceptions.throwIfJvmFatal(e);
    String message = e.getMessage();
    return new CoreFleetException(
        node.name(),
        node.where()
            + " failed: "
            + e.getClass().getSimpleName()
            + (message == null ? "" : ": " + message),
        e);
  }
}
