package dev.corekit.core.sync;

import dev.corekit.core.CoreClient;
import dev.corekit.core.sync.api.AboutSyncApi;
import dev.corekit.core.sync.api.AuthSyncApi;
import dev.corekit.core.sync.api.ClusterSyncApi;
import dev.corekit.core.sync.api.ConfigSyncApi;
import dev.corekit.core.sync.api.EventsSyncApi;
import dev.corekit.core.sync.api.FilesystemSyncApi;
import dev.corekit.core.sync.api.GraphSyncApi;
import dev.corekit.core.sync.api.IamSyncApi;
import dev.corekit.core.sync.api.LogSyncApi;
import dev.corekit.core.sync.api.MetadataSyncApi;
import dev.corekit.core.sync.api.MetricsSyncApi;
import dev.corekit.core.sync.api.PlayoutSyncApi;
import dev.corekit.core.sync.api.ProcessSyncApi;
import dev.corekit.core.sync.api.ReportSyncApi;
import dev.corekit.core.sync.api.RtmpSyncApi;
import dev.corekit.core.sync.api.SessionSyncApi;
import dev.corekit.core.sync.api.SkillsSyncApi;
import dev.corekit.core.sync.api.SrtSyncApi;
import dev.corekit.core.sync.api.WidgetSyncApi;
import java.net.URI;

/**
 * A blocking client of a datarhei Core server: the twin of {@link CoreClient}, accessor by accessor
 * and, through the {@code *SyncApi} interfaces, method by method with the same names. Get one from
 * {@link CoreSync#connect(String, String, String)} and close it when done.
 *
 * <p>A {@code Mono<T>} of the reactive API becomes {@code T} ({@code Optional<T>} where Core may
 * answer nothing), {@code Mono<Void>} becomes {@code void}, a {@code Flux<T>} becomes a {@code
 * List<T>} and a lazy {@code Stream<T>} ({@code <name>Stream}, closing it cancels the request).
 * Endless streams (events, {@code watchStream}) only have the {@code Stream} form.
 *
 * <p>Errors are the {@link dev.corekit.core.CoreException}s of the reactive client, thrown with the
 * caller's stack frames: {@link dev.corekit.core.CoreTimeoutException} when a call passes its
 * deadline (the request is then cancelled), {@link dev.corekit.core.CoreInterruptedException} when
 * the waiting thread is interrupted (the request is cancelled and the interrupt flag stays set). A
 * call made on a Reactor non-blocking thread fails at once with an {@link IllegalStateException}.
 *
 * <p>Safe to share by any number of threads. Besides the mirrored accessors it has the members a
 * blocking connection needs and the reactive client has not: {@link #id()}, {@link #version()} and
 * {@link #reactive()}.
 *
 * <pre>{@code
 * try (CoreSyncClient core = CoreSync.connect("http://127.0.0.1:8080", "admin", "secret")) {
 *   System.out.println(core.id() + " runs Core " + core.version());
 *   for (CoreProcess process : core.processes().list()) {
 *     System.out.println(process.id());
 *   }
 * }
 * }</pre>
 */
public interface CoreSyncClient extends AutoCloseable {

  /**
   * The id of the connected server ({@code id} in Core's {@code GET /api} answer), known since
   * {@code connect}. Sync-only: the reactive client has no twin.
   *
   * <p>For a client made by {@link CoreSync#wrap(CoreClient)} the first call asks the server (and
   * may fail like any call); the answer is kept.
   *
   * @return the server id, such as {@code 887d1ac8-...}
   */
  String id();

  /**
   * The Core version of the connected server ({@code version.number} in {@code GET /api}), known
   * since {@code connect}. Sync-only: the reactive client has no twin.
   *
   * <p>For a client made by {@link CoreSync#wrap(CoreClient)} the first call asks the server (and
   * may fail like any call); the answer is kept.
   *
   * @return the version, such as {@code 16.20.0}
   */
  String version();

  /**
   * The reactive client underneath, to mix blocking and reactive calls (or compare them): both
   * views share its connections, tokens and options. Sync-only.
   *
   * @return the reactive client; closing this blocking client closes it when {@link CoreSync}
   *     created it
   */
  CoreClient reactive();

  /**
   * Same as {@link CoreClient#baseUrl()}.
   *
   * @return the server's base URL
   */
  URI baseUrl();

  /**
   * Same as {@link CoreClient#baseUrls()}.
   *
   * @return one URL for a client of one server, the nodes' URLs for a client of a cluster
   */
  java.util.List<URI> baseUrls();

  /**
   * Same as {@link CoreClient#nodes()}: whether calls go to each node and, if not, why.
   *
   * @return one entry per base URL, in the order given
   */
  java.util.List<dev.corekit.core.CoreNode> nodes();

  /**
   * Blocking {@link CoreClient#about()}: server information and the health check.
   *
   * @return the operations, shared by all callers
   */
  AboutSyncApi about();

  /**
   * Blocking {@link CoreClient#auth()}: login and token refresh (the client calls these by itself).
   *
   * @return the operations, shared by all callers
   */
  AuthSyncApi auth();

  /**
   * Blocking {@link CoreClient#cluster()}: the cluster of Core nodes (16.20 and later).
   *
   * @return the operations, shared by all callers
   */
  ClusterSyncApi cluster();

  /**
   * Blocking {@link CoreClient#config()}: the server configuration; it contains secrets, never log
   * it.
   *
   * @return the operations, shared by all callers
   */
  ConfigSyncApi config();

  /**
   * Blocking {@link CoreClient#events()}: the endless event streams (16.20 and later), as lazy
   * streams.
   *
   * @return the operations, shared by all callers
   */
  EventsSyncApi events();

  /**
   * Blocking {@link CoreClient#filesystems()}: storages and their files.
   *
   * @return the operations, shared by all callers
   */
  FilesystemSyncApi filesystems();

  /**
   * Blocking {@link CoreClient#graph()}: the GraphQL query endpoint.
   *
   * @return the operations, shared by all callers
   */
  GraphSyncApi graph();

  /**
   * Blocking {@link CoreClient#iam()}: users and their policies (16.20 and later).
   *
   * @return the operations, shared by all callers
   */
  IamSyncApi iam();

  /**
   * Blocking {@link CoreClient#log()}: the server's own log lines.
   *
   * @return the operations, shared by all callers
   */
  LogSyncApi log();

  /**
   * Blocking {@link CoreClient#metadata()}: the global metadata store.
   *
   * @return the operations, shared by all callers
   */
  MetadataSyncApi metadata();

  /**
   * Blocking {@link CoreClient#metrics()}: metrics descriptions, queries and Prometheus text.
   *
   * @return the operations, shared by all callers
   */
  MetricsSyncApi metrics();

  /**
   * Blocking {@link CoreClient#playout()}: playout control of process inputs.
   *
   * @return the operations, shared by all callers
   */
  PlayoutSyncApi playout();

  /**
   * Blocking {@link CoreClient#processes()}: the ffmpeg processes.
   *
   * @return the operations, shared by all callers
   */
  ProcessSyncApi processes();

  /**
   * Blocking {@link CoreClient#reports()}: the report history of all processes (16.20 and later).
   *
   * @return the operations, shared by all callers
   */
  ReportSyncApi reports();

  /**
   * Blocking {@link CoreClient#rtmp()}: the RTMP server's channels.
   *
   * @return the operations, shared by all callers
   */
  RtmpSyncApi rtmp();

  /**
   * Blocking {@link CoreClient#sessions()}: sessions per collector and session tokens.
   *
   * @return the operations, shared by all callers
   */
  SessionSyncApi sessions();

  /**
   * Blocking {@link CoreClient#skills()}: the capabilities of the server's ffmpeg.
   *
   * @return the operations, shared by all callers
   */
  SkillsSyncApi skills();

  /**
   * Blocking {@link CoreClient#srt()}: the SRT server's channels.
   *
   * @return the operations, shared by all callers
   */
  SrtSyncApi srt();

  /**
   * Blocking {@link CoreClient#widgets()}: public widget data of a process.
   *
   * @return the operations, shared by all callers
   */
  WidgetSyncApi widgets();

  /**
   * Returns the blocking operations of one area by interface type, the twin of {@link
   * CoreClient#api(Class)}: any interface of {@code dev.corekit.core.sync.api} works.
   *
   * @param type the blocking API interface, such as {@code ProcessSyncApi.class}
   * @param <T> the blocking API interface
   * @return the operations, shared by all callers
   * @throws IllegalArgumentException if the type is not a generated blocking API interface
   */
  <T> T api(Class<T> type);

  /**
   * Closes the client: when {@link CoreSync} created the reactive client, releases its connections
   * and event-loop threads and waits (at most a few seconds) until those threads have ended; calls
   * still running, and calls made afterwards, fail. A client made by {@link
   * CoreSync#wrap(CoreClient)} is left open, since its owner closes it, and this view keeps working
   * as long as it does. Idempotent; never throws. Called on a Reactor non-blocking thread, or by an
   * interrupted thread (whose flag stays set), it starts the release and returns at once.
   */
  @Override
  void close();
}
