package dev.corekit.core.sync;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreFleet;
import dev.corekit.core.NodeResult;
import dev.corekit.core.api.ProcessApi;
import dev.corekit.core.model.About;
import dev.corekit.core.model.CoreProcess;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.reactivestreams.Publisher;

/**
 * The blocking twin of {@link CoreFleet}: the same fan-outs, each waiting for the results of every
 * node and returning them as a list ({@code Flux<NodeResult<T>>} becomes {@code
 * List<NodeResult<T>>}). Made by the SDK's generic blocking proxy over the fleet, like {@link
 * CoreSyncClient}; get one from {@link CoreSync#fleet(CoreFleet)} or {@link
 * CoreSync#connectFleet(List, String, String)}.
 *
 * <pre>{@code
 * try (CoreSyncFleet fleet = CoreSync.connectFleet(urls, "admin", secret)) {
 *   for (NodeResult<About> about : fleet.about()) {
 *     System.out.println(about.node() + ": "
 *         + (about.isSuccess() ? about.value().version().number() : about.failure().getMessage()));
 *   }
 *   List<NodeResult<String>> pings = fleet.fanOut(client -> client.about().ping());
 * }
 * }</pre>
 *
 * <p>A failing node is one failure result in the list, as in the reactive fleet; only a fleet built
 * with {@code failFast} throws, the {@link dev.corekit.core.CoreFleetException} naming the node.
 * The list's order is the reactive fleet's: as the results arrived, or node order for an {@code
 * ordered} fleet. A call made on a Reactor non-blocking thread fails at once with an {@link
 * IllegalStateException}.
 */
public interface CoreSyncFleet extends AutoCloseable {

  /**
   * Same as {@link CoreFleet#nodes()}.
   *
   * @return the node names, in the fleet's order
   */
  List<String> nodes();

  /**
   * Same as {@link CoreFleet#client(String)}: the reactive client of one node; wrap it with {@link
   * CoreSync#wrap(CoreClient)} to call it blocking.
   *
   * @param node the node's name
   * @return its reactive client
   */
  CoreClient client(String node);

  /**
   * Same as {@link CoreFleet#concurrency()}.
   *
   * @return the most nodes called at once
   */
  int concurrency();

  /**
   * Same as {@link CoreFleet#nodeTimeout()}.
   *
   * @return the deadline of each node's call
   */
  Duration nodeTimeout();

  /**
   * Blocking {@link CoreFleet#fanOut(Function)}: makes a reactive call on every node and waits for
   * all results.
   *
   * @param call makes the call on one node's reactive client
   * @param <T> the type of the values
   * @return every node's results
   */
  <T> List<NodeResult<T>> fanOut(
      Function<? super CoreClient, ? extends Publisher<? extends T>> call);

  /**
   * Blocking {@link CoreFleet#processes()}: every process of every node.
   *
   * @return one result per process, and a failure result per failed node
   */
  List<NodeResult<CoreProcess>> processes();

  /**
   * Blocking {@link CoreFleet#processes(ProcessApi.ListQuery)}: the matching processes of every
   * node.
   *
   * @param query the query
   * @return one result per process, and a failure result per failed node
   */
  List<NodeResult<CoreProcess>> processes(ProcessApi.ListQuery query);

  /**
   * Blocking {@link CoreFleet#states()}: every process of every node with its state only.
   *
   * @return one result per process, and a failure result per failed node
   */
  List<NodeResult<CoreProcess>> states();

  /**
   * Blocking {@link CoreFleet#about()}: information about every node.
   *
   * @return one result per node
   */
  List<NodeResult<About>> about();

  /**
   * Closes the fleet ({@link CoreFleet#close()}): the clients the fleet created are released, the
   * clients given to it are left open. Idempotent.
   */
  @Override
  void close();
}
