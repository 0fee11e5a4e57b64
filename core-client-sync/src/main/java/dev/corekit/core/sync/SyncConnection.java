package dev.corekit.core.sync;

import dev.corekit.core.CoreAuthenticationException;
import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreException;
import dev.corekit.core.CoreInterruptedException;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.model.About;
import dev.corekit.core.sync.api.AboutSyncApi;
import dev.corekit.sync.BlockingPolicy;
import dev.corekit.sync.BlockingProxy;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The state behind one {@link CoreSyncClient}: the reactive client, whether this side owns it, the
 * blocking policy, the server's id and version, and the blocking views of the API areas.
 *
 * <p>It is the invocation handler of the {@code CoreSyncClient} proxy, but only routes: every
 * accessor ({@code processes()}, {@code api(Class)}, ...) returns the generic {@link BlockingProxy}
 * of the generated {@code *SyncApi} interface over the matching reactive API, and every blocking
 * call goes through that one mechanism. It answers itself only the members the reactive client has
 * no twin of ({@code id}, {@code version}, {@code reactive}) and the lifecycle ({@code close}).
 */
final class SyncConnection implements InvocationHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CoreSyncClient.class);
  private static final String SYNC_API_PACKAGE = "dev.corekit.core.sync.api";
  private static final String REACTIVE_API_PACKAGE = "dev.corekit.core.api";
  private static final String SYNC_SUFFIX = "SyncApi";

  /** How long close() waits for the reactive client to release its pool and event loops. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  /** How long close() waits, after that, for the event-loop threads to end. */
  private static final Duration THREADS_WAIT = Duration.ofSeconds(2);

  private final CoreClient client;
  private final boolean owned;
  private final @Nullable Set<Thread> threadsBefore;
  private final SyncOptions options;
  private final BlockingPolicy policy;
  private final Map<Class<?>, Object> views = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CoreSyncClient proxy;
  private volatile @Nullable ServerInfo server;

  /** What {@code GET /api} told of the server. */
  static final class ServerInfo {
    final String id;
    final String version;

    ServerInfo(String id, String version) {
      this.id = id;
      this.version = version;
    }
  }

  /**
   * @param client the reactive client
   * @param owned whether close() closes it
   * @param threadsBefore the event-loop threads that existed before the client was built (owned
   *     only)
   * @param options the options
   */
  SyncConnection(
      CoreClient client, boolean owned, @Nullable Set<Thread> threadsBefore, SyncOptions options) {
    this.client = client;
    this.owned = owned;
    this.threadsBefore = threadsBefore;
    this.options = options;
    this.policy = policy(options);
    this.proxy =
        (CoreSyncClient)
            Proxy.newProxyInstance(
                CoreSyncClient.class.getClassLoader(), new Class<?>[] {CoreSyncClient.class}, this);
  }

  /** The blocking policy of every view: the backstop deadline and core-client's exception types. */
  static BlockingPolicy policy(SyncOptions options) {
    return BlockingPolicy.builder()
        .timeout(options.timeout())
        .timeoutException(CoreTimeoutException::new)
        .interruptedException(e -> new CoreInterruptedException("a call to Core", e))
        .exceptionTranslator(SyncConnection::translate)
        .build();
  }

  /**
   * Passes the client's exceptions through; wraps anything else (such as an upload's own failure).
   */
  static RuntimeException translate(Throwable error) {
    if (error instanceof CoreException) {
      return (CoreException) error;
    }
    String message = error.getMessage();
    return new CoreException(
        "the call failed: "
            + error.getClass().getSimpleName()
            + (message == null ? "" : ": " + message),
        error);
  }

  CoreSyncClient proxy() {
    return proxy;
  }

  @Override
  public @Nullable Object invoke(Object self, Method method, @Nullable Object[] args) {
    String name = method.getName();
    int arity = method.getParameterCount();
    if (method.getDeclaringClass() == Object.class) {
      switch (name) {
        case "equals":
          return args != null && self == args[0];
        case "hashCode":
          return System.identityHashCode(self);
        default:
          return toString();
      }
    }
    if (arity == 0) {
      switch (name) {
        case "id":
          return server().id;
        case "version":
          return server().version;
        case "reactive":
          return client;
        case "baseUrl":
          return client.baseUrl();
        case "baseUrls":
          return client.baseUrls();
        case "nodes":
          return client.nodes();
        case "close":
          close();
          return null;
        default:
          return view(method.getReturnType());
      }
    }
    if (arity == 1 && name.equals("api") && args != null) {
      return view((Class<?>) Objects.requireNonNull(args[0], "type"));
    }
    throw new UnsupportedOperationException(method.toString());
  }

  /** The blocking view of one API area, made once by the generic proxy and shared. */
  <T> T view(Class<T> syncType) {
    return syncType.cast(views.computeIfAbsent(syncType, this::newView));
  }

  private Object newView(Class<?> syncType) {
    String simple = syncType.getSimpleName();
    if (!syncType.isInterface()
        || !syncType.getPackageName().equals(SYNC_API_PACKAGE)
        || !simple.endsWith(SYNC_SUFFIX)) {
      throw new IllegalArgumentException(
          syncType.getName() + " is not a blocking API interface of " + SYNC_API_PACKAGE);
    }
    String reactiveName =
        REACTIVE_API_PACKAGE
            + "."
            + simple.substring(0, simple.length() - SYNC_SUFFIX.length())
            + "Api";
    Class<?> reactiveType;
    try {
      reactiveType = Class.forName(reactiveName, false, CoreClient.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "no reactive twin " + reactiveName + " of " + syncType.getName(), e);
    }
    return blockingView(syncType, reactiveType);
  }

  private <R> Object blockingView(Class<?> syncType, Class<R> reactiveType) {
    return BlockingProxy.create(syncType, reactiveType, client.api(reactiveType), policy);
  }

  /**
   * Reads {@code GET /api} within the connect deadline (logging in first, as every call does) and
   * remembers the server's id and version.
   *
   * @throws CoreAuthenticationException if the server answered without an id (it did not accept the
   *     token)
   */
  ServerInfo handshake() {
    RequestOptions once =
        RequestOptions.builder().timeout(options.connectTimeout()).retries(0).build();
    About about = view(AboutSyncApi.class).with(once).about();
    String id = about.id().orElse("");
    if (id.isBlank()) {
      throw CoreAuthenticationException.of(
          "the server answered GET /api without its id: it did not accept the token",
          "GET",
          "/api");
    }
    ServerInfo info = new ServerInfo(id, about.version().number());
    server = info;
    return info;
  }

  private ServerInfo server() {
    ServerInfo known = server;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      known = server;
      return known != null ? known : handshake();
    }
  }

  /** Closes the reactive client if owned, then waits for its event-loop threads; never throws. */
  void close() {
    if (!closed.compareAndSet(false, true) || !owned) {
      return;
    }
    Mono<Void> release = client.closeAsync();
    if (Schedulers.isInNonBlockingThread()) {
      release.subscribe(null, error -> LOG.debug("closing {} failed", client, error));
      return;
    }
    try {
      release.toFuture().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      Set<Thread> before = threadsBefore;
      if (before != null && !ClientThreads.awaitExit(before, THREADS_WAIT)) {
        LOG.debug("some event-loop threads of {} are still running after close", client);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("closing {} did not finish; it goes on in the background", client, e);
    }
  }

  @Override
  public String toString() {
    ServerInfo info = server;
    return "CoreSyncClient{"
        + (client.baseUrls().size() == 1 ? client.baseUrl() : client.baseUrls())
        + (info == null ? "" : ", id=" + info.id + ", version=" + info.version)
        + (closed.get() ? ", closed" : "")
        + "}";
  }
}
