package dev.corekit.core;

import dev.corekit.core.api.ProcessApi;
import dev.corekit.core.internal.FanOut;
import dev.corekit.core.model.About;
import dev.corekit.core.model.CoreProcess;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A fleet of independent Core servers: one call fanned out to every node, with a result or a
 * failure per node. The nodes are separate servers, each with its own {@link CoreClient}, not the
 * nodes of one Core cluster.
 *
 * <pre>{@code
 * try (CoreFleet fleet = CoreFleet.connect(
 *     List.of("http://core-a:8080", "http://core-b:8080"), "admin", "secret")) {
 *   fleet.processes()
 *       .filter(NodeResult::isSuccess)
 *       .subscribe(r -> System.out.println(r.node() + " " + r.value().id()));
 *   fleet.fanOut(client -> client.metrics().prometheus()).subscribe(...);
 * }
 * }</pre>
 *
 * <p>Behaviour of every fan-out:
 *
 * <ul>
 *   <li>Each node's call yields one {@link NodeResult} per element it emits ({@code Mono}: one),
 *       tagged with the node's name.
 *   <li>A failing node yields one failure result (after the elements it emitted before failing) and
 *       the stream goes on with the other nodes; the stream fails only with {@link
 *       Builder#failFast(boolean) failFast}, then with a {@link CoreFleetException} naming the
 *       node, and the calls still running are cancelled.
 *   <li>At most {@link Builder#concurrency(int) concurrency} nodes are called at once; the others
 *       wait for a free slot.
 *   <li>Each node's call, from its start, has the {@link Builder#nodeTimeout(Duration) nodeTimeout}
 *       deadline (as a whole, however many elements it emits); when it passes, the call is
 *       cancelled and the node's result is a {@link CoreTimeoutException} naming the node. The
 *       client's own per-call deadline applies too; the earlier one ends the call.
 *   <li>Order: results are emitted as they arrive, nodes interleaved. With {@link
 *       Builder#ordered(boolean) ordered}, they come node by node in the fleet's node order (still
 *       called concurrently; a slow node holds back the results of the nodes after it).
 *   <li>Nothing is sent before subscription; each subscription calls the nodes again.
 * </ul>
 *
 * <p>Ownership: a fleet closes only the clients it created itself ({@link #connect(List, String,
 * String)}, {@link Builder#urls(List, Consumer)}), never clients given to it ({@link #of(Map)},
 * {@link Builder#node(String, CoreClient)}); their owner closes those. Thread-safe; {@code
 * toString()} shows nodes and settings, never credentials.
 */
public final class CoreFleet implements AutoCloseable {
  private final List<FanOut.Node> nodes;
  private final Map<String, CoreClient> clients;
  private final List<CoreClient> owned;
  private final FanOut.Settings settings;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CoreFleet(List<FanOut.Node> nodes, List<CoreClient> owned, FanOut.Settings settings) {
    this.nodes = List.copyOf(nodes);
    Map<String, CoreClient> byName = new LinkedHashMap<>();
    for (FanOut.Node node : nodes) {
      byName.put(node.name(), node.client());
    }
    this.clients = byName;
    this.owned = List.copyOf(owned);
    this.settings = settings;
  }

  /**
   * Returns a new builder of a fleet.
   *
   * @return a builder with no nodes and the default settings
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A fleet over the caller's clients, named by the map's keys, in the map's iteration order (use a
   * {@link LinkedHashMap} to choose it), with the default settings. The fleet never closes them.
   *
   * @param clients node name to client
   * @return the fleet
   * @throws IllegalArgumentException if the map is empty
   */
  public static CoreFleet of(Map<String, CoreClient> clients) {
    Objects.requireNonNull(clients, "clients");
    Builder builder = builder();
    clients.forEach(builder::node);
    return builder.build();
  }

  /**
   * A fleet over the caller's clients, each named by its {@code host:port}, in list order, with the
   * default settings. The fleet never closes them.
   *
   * @param clients the clients
   * @return the fleet
   * @throws IllegalArgumentException if the list is empty or two clients have the same {@code
   *     host:port} (name them with {@link Builder#node(String, CoreClient)})
   */
  public static CoreFleet of(List<CoreClient> clients) {
    Objects.requireNonNull(clients, "clients");
    Builder builder = builder();
    clients.forEach(builder::node);
    return builder.build();
  }

  /**
   * A fleet of new clients, one per URL, all logging in with the same user name and password, each
   * node named by its {@code host:port}; the fleet owns the clients and {@link #close()} closes
   * them. For other shared settings (timeouts, retries, TLS) use {@link Builder#urls(List,
   * Consumer)}.
   *
   * @param urls the base URLs of the servers
   * @param user the user name
   * @param password the password; never logged or shown
   * @return the fleet; close it when done
   * @throws IllegalArgumentException if a URL is invalid (no client is left open), the list is
   *     empty, or two URLs have the same {@code host:port}
   */
  public static CoreFleet connect(List<String> urls, String user, String password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    return builder().urls(urls, client -> client.credentials(user, password)).build();
  }

  /**
   * The names of the nodes, in the fleet's order.
   *
   * @return the node names
   */
  public List<String> nodes() {
    return List.copyOf(clients.keySet());
  }

  /**
   * The client of one node, to call it alone.
   *
   * @param node the node's name
   * @return its client
   * @throws IllegalArgumentException if the fleet has no node of that name
   */
  public CoreClient client(String node) {
    Objects.requireNonNull(node, "node");
    CoreClient client = clients.get(node);
    if (client == null) {
      throw new IllegalArgumentException(
          "the fleet has no node '" + node + "'; its nodes are " + clients.keySet());
    }
    return client;
  }

  /**
   * Makes one call on every node and emits each node's answers, each tagged with its node, and a
   * failure result for each node that failed; see the class description for concurrency, deadlines,
   * order and fail-fast.
   *
   * <pre>{@code
   * Flux<NodeResult<String>> pings = fleet.fanOut(client -> client.about().ping());
   * }</pre>
   *
   * @param call makes the call on one node's client; it runs at subscription, once per node (an
   *     exception it throws is that node's failure)
   * @param <T> the type of the values
   * @return the results of all nodes; fails only with fail-fast
   */
  public <T> Flux<NodeResult<T>> fanOut(
      Function<? super CoreClient, ? extends Publisher<? extends T>> call) {
    Objects.requireNonNull(call, "call");
    return Flux.defer(
        () ->
            closed.get()
                ? Flux.error(new CoreException("the fleet is closed; create a new one"))
                : FanOut.run(nodes, call, settings));
  }

  /**
   * Every process of every node ({@code GET /api/v3/process}), one result per process, tagged with
   * its node.
   *
   * @return the processes of all nodes, and a failure result per failed node
   */
  public Flux<NodeResult<CoreProcess>> processes() {
    return fanOut(client -> client.processes().list());
  }

  /**
   * The processes of every node that match a query, one result per process.
   *
   * @param query the query, such as {@code ListQuery.builder().idpattern("cam*").build()}
   * @return the processes of all nodes, and a failure result per failed node
   */
  public Flux<NodeResult<CoreProcess>> processes(ProcessApi.ListQuery query) {
    Objects.requireNonNull(query, "query");
    return fanOut(client -> client.processes().list(query));
  }

  /**
   * The state of every process of every node: the process list with only the id, reference and
   * {@code state} part (Core's {@code filter=state}), one result per process.
   *
   * @return the processes with their states, and a failure result per failed node
   */
  public Flux<NodeResult<CoreProcess>> states() {
    return processes(ProcessApi.ListQuery.builder().filter("state").build());
  }

  /**
   * Information about every node ({@code GET /api}): name, id, version, uptime.
   *
   * @return one result per node
   */
  public Flux<NodeResult<About>> about() {
    return fanOut(client -> client.about().about());
  }

  /**
   * The most nodes called at once.
   *
   * @return the concurrency of a fan-out
   */
  public int concurrency() {
    return settings.concurrency();
  }

  /**
   * The deadline of each node's call.
   *
   * @return the per-node deadline
   */
  public Duration nodeTimeout() {
    return settings.nodeTimeout();
  }

  /**
   * Closes the clients the fleet created, not those given to it; later fan-outs fail with a {@link
   * CoreException}. Idempotent.
   *
   * @return completes when the fleet's own clients are released
   */
  public Mono<Void> closeAsync() {
    closed.set(true);
    return Mono.when(owned.stream().map(CoreClient::closeAsync).toList());
  }

  /**
   * Closes the clients the fleet created (not those given to it), waiting up to 10 s. Called on a
   * Reactor non-blocking thread, it starts the release and returns at once. Idempotent.
   */
  @Override
  public void close() {
    dev.corekit.core.internal.Release.await(closeAsync());
  }

  @Override
  public String toString() {
    List<String> shown = new ArrayList<>();
    for (FanOut.Node node : nodes) {
      shown.add(node.name() + "=" + node.client().baseUrl());
    }
    return "CoreFleet{nodes="
        + shown
        + ", concurrency="
        + settings.concurrency()
        + ", nodeTimeout="
        + settings.nodeTimeout()
        + ", failFast="
        + settings.failFast()
        + ", ordered="
        + settings.ordered()
        + (closed.get() ? ", closed" : "")
        + "}";
  }

  /** The default name of a node: the {@code host:port} of its base URL. */
  static String defaultName(URI baseUrl) {
    int port = baseUrl.getPort();
    if (port < 0) {
      port = "https".equals(baseUrl.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }
    return baseUrl.getHost() + ":" + port;
  }

  /** A node as given to the builder: a name and the caller's client, or a URL and settings. */
  private record Entry(
      String nameOrUrl,
      @Nullable CoreClient client,
      @Nullable Consumer<CoreClient.Builder> settings) {}

  /**
   * Builder of {@link CoreFleet}. At least one node is required; defaults: concurrency 8, node
   * timeout 30 s, not fail-fast, results as they arrive.
   */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();
    private int concurrency = 8;
    private Duration nodeTimeout = Duration.ofSeconds(30);
    private boolean failFast;
    private boolean ordered;

    private Builder() {}

    /**
     * Adds a node with the caller's client; the fleet never closes it.
     *
     * @param name the node's name, unique in the fleet
     * @param client the node's client
     * @return this builder
     */
    public Builder node(String name, CoreClient client) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(client, "client");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a node name must not be blank");
      }
      entries.add(new Entry(name, client, null));
      return this;
    }

    /**
     * Adds a node with the caller's client, named by its {@code host:port}; the fleet never closes
     * it.
     *
     * @param client the node's client
     * @return this builder
     */
    public Builder node(CoreClient client) {
      Objects.requireNonNull(client, "client");
      return node(defaultName(client.baseUrl()), client);
    }

    /**
     * Adds a node per URL, each named by its {@code host:port}, with a client that {@link #build()}
     * creates with shared settings and that the fleet owns and closes.
     *
     * <pre>{@code
     * CoreFleet.builder()
     *     .urls(urls, client -> client.credentials("admin", secret).timeout(Duration.ofSeconds(5)))
     *     .concurrency(4)
     *     .build();
     * }</pre>
     *
     * @param urls the servers' base URLs
     * @param settings applied to each client's builder (after its base URL is set; do not change
     *     the URL)
     * @return this builder
     */
    public Builder urls(List<String> urls, Consumer<CoreClient.Builder> settings) {
      Objects.requireNonNull(urls, "urls");
      Objects.requireNonNull(settings, "settings");
      for (String url : urls) {
        entries.add(new Entry(Objects.requireNonNull(url, "url"), null, settings));
      }
      return this;
    }

    /**
     * Sets the most nodes called at once (default 8).
     *
     * @param concurrency at least 1
     * @return this builder
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Sets the deadline of each node's call as a whole (default 30 s); when it passes, the call is
     * cancelled and the node's result is a {@link CoreTimeoutException} naming the node.
     *
     * @param nodeTimeout a positive duration
     * @return this builder
     */
    public Builder nodeTimeout(Duration nodeTimeout) {
      Objects.requireNonNull(nodeTimeout, "nodeTimeout");
      if (nodeTimeout.isNegative() || nodeTimeout.isZero()) {
        throw new IllegalArgumentException("nodeTimeout must be positive: " + nodeTimeout);
      }
      this.nodeTimeout = nodeTimeout;
      return this;
    }

    /**
     * Whether the first failing node ends a fan-out with a {@link CoreFleetException} naming it,
     * cancelling the calls still running (default false: every node yields its own result).
     *
     * @param failFast true to stop at the first failure
     * @return this builder
     */
    public Builder failFast(boolean failFast) {
      this.failFast = failFast;
      return this;
    }

    /**
     * Whether results come node by node in the fleet's node order (default false: as they arrive).
     * Calls still run concurrently; results of later nodes wait for the earlier nodes' calls.
     *
     * @param ordered true for node order
     * @return this builder
     */
    public Builder ordered(boolean ordered) {
      this.ordered = ordered;
      return this;
    }

    /**
     * Builds the fleet, creating the clients of {@link #urls(List, Consumer)}. Nothing is sent.
     *
     * @return the fleet
     * @throws IllegalArgumentException if there is no node, two nodes have the same name, or a URL
     *     is invalid; clients created so far are closed again
     */
    public CoreFleet build() {
      List<CoreClient> created = new ArrayList<>();
      try {
        List<FanOut.Node> nodes = new ArrayList<>();
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (Entry entry : entries) {
          String name;
          CoreClient client;
          if (entry.client() != null) {
            name = entry.nameOrUrl();
            client = entry.client();
          } else {
            CoreClient.Builder builder = CoreClient.builder().baseUrl(entry.nameOrUrl());
            Objects.requireNonNull(entry.settings()).accept(builder);
            client = builder.build();
            created.add(client);
            name = defaultName(client.baseUrl());
          }
          if (names.put(name, Boolean.TRUE) != null) {
            throw new IllegalArgumentException(
                "two nodes are named '"
                    + name
                    + "': give each node its own name with node(name, client)");
          }
          nodes.add(new FanOut.Node(name, client));
        }
        if (nodes.isEmpty()) {
          throw new IllegalArgumentException("a fleet needs at least one node");
        }
        return new CoreFleet(
            nodes, created, new FanOut.Settings(concurrency, nodeTimeout, failFast, ordered));
      } catch (RuntimeException | Error e) {
        created.forEach(CoreClient::close);
        throw e;
      }
    }

    @Override
    public String toString() {
      return "CoreFleet.Builder{nodes="
          + entries.size()
          + ", concurrency="
          + concurrency
          + ", nodeTimeout="
          + nodeTimeout
          + ", failFast="
          + failFast
          + ", ordered="
          + ordered
          + "}";
    }
  }
}
