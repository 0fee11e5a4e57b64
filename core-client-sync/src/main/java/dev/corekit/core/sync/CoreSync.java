package dev.corekit.core.sync;

import dev.corekit.core.CoreAuthenticationException;
import dev.corekit.core.CoreCapabilityException;
import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreConnectException;
import dev.corekit.core.CoreException;
import dev.corekit.core.CoreFleet;
import dev.corekit.core.CoreInterruptedException;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.sync.BlockingPolicy;
import dev.corekit.sync.BlockingProxy;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Blocking connections to a datarhei Core server: the {@code sync_connect} of the SDK. A {@link
 * CoreSyncClient} is a proxy over the reactive {@link CoreClient} whose methods wait for their
 * results, for scripts, jshell and code that is not reactive.
 *
 * <pre>{@code
 * try (CoreSyncClient core = CoreSync.connect("http://127.0.0.1:8080", "admin", "secret")) {
 *   System.out.println("Core " + core.version() + " on " + core.id());
 *   List<CoreProcess> processes = core.processes().list();
 *   try (Stream<CoreProcess> all = core.processes().listStream()) {   // lazy, for large lists
 *     all.filter(p -> p.id().startsWith("cam")).forEach(System.out::println);
 *   }
 * }
 * }</pre>
 *
 * <p>{@code connect} builds a client, logs in and reads the server's id and version, and fails with
 * a distinct exception for each reason it cannot connect (the client is closed again first):
 *
 * <ul>
 *   <li>{@link CoreTimeoutException}: the server did not answer within {@link
 *       SyncOptions#connectTimeout()} (also a TCP connect that timed out);
 *   <li>{@link CoreConnectException}: the connection was refused or broke (wrong host or port,
 *       server down, TLS failure);
 *   <li>{@link CoreAuthenticationException}: the user name or password (or injected token) was
 *       refused;
 *   <li>{@link CoreCapabilityException}: the server runs a Core older than {@link
 *       SyncOptions#minimumVersion()} ({@value #MIN_CORE_VERSION} by default);
 *   <li>{@link CoreInterruptedException}: the calling thread was interrupted (its flag stays set).
 * </ul>
 *
 * <p>To share one reactive client between reactive and blocking code, or to compare a blocking call
 * with {@code .block()} on the same reactive call, use {@link #wrap(CoreClient)} or {@link
 * CoreSyncClient#reactive()}:
 *
 * <pre>{@code
 * CoreSyncClient core = CoreSync.wrap(client);
 * List<CoreProcess> viaProxy = core.processes().list();
 * List<CoreProcess> viaBlock = client.processes().list().collectList().block();
 * }</pre>
 */
public final class CoreSync {

  /**
   * The oldest Core version {@code connect} accepts by default: the first release the API
   * description (and so every operation of the client) covers.
   */
  public static final String MIN_CORE_VERSION = "16.7.2";

  /** What a blocking fan-out may take beyond its nodes' deadlines. */
  private static final Duration FLEET_MARGIN = Duration.ofSeconds(10);

  private CoreSync() {}

  /**
   * Connects to a Core server with a user name and password and the default options.
   *
   * @param url the server's base URL, such as {@code http://127.0.0.1:8080}
   * @param user the user name
   * @param password the password; never logged or shown
   * @return the connected client; close it when done
   * @throws CoreTimeoutException if connecting took longer than 30 s
   * @throws CoreConnectException if the connection was refused or broke
   * @throws CoreAuthenticationException if the credentials were refused
   * @throws CoreCapabilityException if the server is older than {@value #MIN_CORE_VERSION}
   * @throws CoreInterruptedException if the calling thread was interrupted
   * @throws IllegalArgumentException if the URL is not an http or https URL
   */
  public static CoreSyncClient connect(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    return connect(
        CoreClient.builder().baseUrl(url).credentials(user, password), SyncOptions.DEFAULTS);
  }

  /**
   * Connects to the nodes of one Core cluster with a user name and password and the default
   * options: one logical client that sends each call to an available node and moves it to another
   * when a node fails (see {@link dev.corekit.core.FailoverPolicy}). Each node gets its own token.
   * Connecting succeeds while any node answers.
   *
   * <pre>{@code
   * try (CoreSyncClient cluster = CoreSync.connect(
   *     List.of("http://10.0.0.1:8080", "http://10.0.0.2:8080"), "admin", "secret")) {
   *   cluster.cluster().listProcesses().forEach(System.out::println);
   * }
   * }</pre>
   *
   * @param urls the nodes' base URLs, in the order they are preferred
   * @param user the user name
   * @param password the password; never logged or shown
   * @return the connected client; close it when done
   * @throws CoreException as {@link #connect(String, String, String)}
   * @throws IllegalArgumentException if the list is empty or holds an invalid or repeated URL
   */
  public static CoreSyncClient connect(List<String> urls, String user, String password) {
    Objects.requireNonNull(urls, "urls");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    return connect(
        CoreClient.builder().baseUrls(urls).credentials(user, password), SyncOptions.DEFAULTS);
  }

  /**
   * Builds a client from a configured builder (credentials or tokens, timeouts, retries, TLS, pool)
   * and connects it with the default options.
   *
   * @param builder the reactive client's builder; it is only read
   * @return the connected client, which owns the reactive client it built; close it when done
   * @throws CoreException as {@link #connect(CoreClient.Builder, SyncOptions)}
   */
  public static CoreSyncClient connect(CoreClient.Builder builder) {
    return connect(builder, SyncOptions.DEFAULTS);
  }

  /**
   * Builds a client from a configured builder and connects it: logs in (or uses the injected
   * token), reads {@code GET /api} for the server's id and version and checks the version, all
   * within {@link SyncOptions#connectTimeout()}. If that fails, the client is closed again before
   * the exception is thrown.
   *
   * @param builder the reactive client's builder; it is only read
   * @param options the connect deadline, the oldest Core version accepted, the blocking deadline
   * @return the connected client, which owns the reactive client it built; close it when done
   * @throws CoreTimeoutException if connecting took longer than the connect deadline
   * @throws CoreConnectException if the connection was refused or broke
   * @throws CoreAuthenticationException if the credentials or token were refused
   * @throws CoreCapabilityException if the server is older than the minimum version
   * @throws CoreInterruptedException if the calling thread was interrupted
   * @throws IllegalStateException if the builder has no base URL, or if called on a Reactor
   *     non-blocking thread
   */
  public static CoreSyncClient connect(CoreClient.Builder builder, SyncOptions options) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(options, "options");
    long start = System.nanoTime();
    Set<Thread> threadsBefore = ClientThreads.snapshot();
    CoreClient client = builder.build();
    SyncConnection connection = new SyncConnection(client, true, threadsBefore, options);
    try {
      SyncConnection.ServerInfo server = connection.handshake();
      if (CoreVersions.isOlder(server.version, options.minimumVersion())) {
        throw new CoreCapabilityException(
            "connecting to " + target(client), options.minimumVersion(), server.version);
      }
      return connection.proxy();
    } catch (RuntimeException | Error e) {
      connection.close();
      throw connectFailure(e, client, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * Wraps an existing reactive client in the blocking API, with the default options, without owning
   * it: {@link CoreSyncClient#close()} then leaves the client open. Nothing is sent; {@code id()}
   * and {@code version()} ask the server on first use.
   *
   * @param client the reactive client
   * @return the blocking view of it
   */
  public static CoreSyncClient wrap(CoreClient client) {
    return wrap(client, SyncOptions.DEFAULTS);
  }

  /**
   * Wraps an existing reactive client in the blocking API without owning it: {@link
   * CoreSyncClient#close()} then leaves the client open. Nothing is sent; {@code id()} and {@code
   * version()} ask the server on first use.
   *
   * @param client the reactive client
   * @param options the blocking deadline; the connect deadline bounds the first {@code id()} or
   *     {@code version()} call, and the minimum version is not checked
   * @return the blocking view of it
   */
  public static CoreSyncClient wrap(CoreClient client, SyncOptions options) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(options, "options");
    return new SyncConnection(client, false, null, options).proxy();
  }

  /**
   * A blocking view of a fleet of independent Cores: the same fan-outs returning lists, through the
   * same proxy mechanism as {@link CoreSyncClient}, with the default options. Nothing is sent.
   * Closing the view closes the fleet, which releases only the clients it created.
   *
   * @param fleet the reactive fleet
   * @return the blocking view of it
   */
  public static CoreSyncFleet fleet(CoreFleet fleet) {
    return fleet(fleet, SyncOptions.DEFAULTS);
  }

  /**
   * A blocking view of a fleet of independent Cores. Each call waits at most the longer of {@link
   * SyncOptions#timeout()} and the longest a fan-out can take (the fleet's node timeout for each
   * round of {@code concurrency} nodes, plus a margin), so the fleet's own per-node deadlines end a
   * stuck node first. Closing the view closes the fleet, which releases only the clients it
   * created.
   *
   * @param fleet the reactive fleet
   * @param options the blocking deadline; the connect options are not used
   * @return the blocking view of it
   */
  public static CoreSyncFleet fleet(CoreFleet fleet, SyncOptions options) {
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(options, "options");
    long rounds = (fleet.nodes().size() + fleet.concurrency() - 1) / fleet.concurrency();
    Duration longest = fleet.nodeTimeout().multipliedBy(rounds).plus(FLEET_MARGIN);
    Duration timeout = longest.compareTo(options.timeout()) > 0 ? longest : options.timeout();
    BlockingPolicy policy = SyncConnection.policy(options.mutate().timeout(timeout).build());
    return BlockingProxy.create(CoreSyncFleet.class, CoreFleet.class, fleet, policy);
  }

  /**
   * Connects to several independent Cores with the same user name and password: a {@link
   * CoreFleet#connect(List, String, String) fleet} of new clients, each node named by its {@code
   * host:port}, in its blocking view. Nothing is sent until the first call (a node that cannot be
   * reached is that node's failure result then, not an error here). Close it when done.
   *
   * @param urls the base URLs of the servers
   * @param user the user name
   * @param password the password; never logged or shown
   * @return the blocking fleet, which owns its clients
   * @throws IllegalArgumentException if a URL is invalid, the list is empty, or two URLs have the
   *     same {@code host:port}
   */
  public static CoreSyncFleet connectFleet(List<String> urls, String user, String password) {
    return fleet(CoreFleet.connect(urls, user, password));
  }

  /**
   * A TCP connect that timed out (the builder's {@code connectTimeout}, after the client's retries)
   * is a timeout to the caller, as the connect deadline passing is.
   */
  private static RuntimeException connectFailure(
      Throwable error, CoreClient client, Duration elapsed) {
    if (error instanceof CoreConnectException && timedOut(error.getCause())) {
      CoreTimeoutException timeout =
          new CoreTimeoutException(
              "connecting to " + target(client) + " (TCP connect timed out)", elapsed);
      timeout.initCause(error);
      timeout.setStackTrace(error.getStackTrace());
      return timeout;
    }
    if (error instanceof Error) {
      throw (Error) error;
    }
    return (RuntimeException) error;
  }

  /** The server or the nodes a client connects to, for messages. */
  private static String target(CoreClient client) {
    return client.baseUrls().size() == 1
        ? client.baseUrl().toString()
        : "the nodes " + client.baseUrls();
  }

  private static boolean timedOut(@Nullable Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      // Netty's ConnectTimeoutException is a ConnectException; recognised by name to keep Netty out
      // of this module's compile-time dependencies.
      if (t instanceof SocketTimeoutException
          || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
