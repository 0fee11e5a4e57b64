package dev.corekit.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corekit.simulator.Fault;
import dev.corekit.simulator.RecordedRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * The simulator's Reactor Netty server: connection tracking, request recording, fault injection and
 * writing of replies. Owns its event loops and timer thread; {@link #close()} releases them.
 */
public final class SimServer {
  private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);
  private static final AttributeKey<ConnState> CONN = AttributeKey.valueOf("core-sim-conn");
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] MALFORMED =
      "{\"id\": \"malformed\", \"config\": {\"input\": [,,]}, \"state\": tru}"
          .getBytes(StandardCharsets.UTF_8);

  /** Control operations behind the admin HTTP endpoint. */
  public interface AdminControl {
    /** Adds a fault rule; returns its description. */
    String addFault(String route, Fault fault, long times, double probability, long seed);

    /** Describes the active rules. */
    List<String> faults();

    /** Removes all rules. */
    void clearFaults();

    /** Restarts the server soon, from another thread. */
    void restartLater(Duration downtime);

    /**
     * Checks a cluster action ({@code kill} or {@code restart} of node {@code node}) and returns
     * it, to be run on another thread once the answer is written.
     *
     * @throws IllegalArgumentException when not part of a cluster, or for an unknown node
     */
    default Runnable clusterAction(String action, String node) {
      throw new IllegalArgumentException("this simulator is not a node of a simulated cluster");
    }

    /**
     * Describes the simulated cluster: leader and nodes.
     *
     * @throws IllegalArgumentException when not part of a cluster
     */
    default JsonNode clusterStatus() {
      throw new IllegalArgumentException("this simulator is not a node of a simulated cluster");
    }
  }

  private static final class ConnState {
    final long id;
    volatile boolean serverClosing;

    ConnState(long id) {
      this.id = id;
    }
  }

  private final Settings s;
  private final StatsRecorder stats;
  private final BiFunction<String, List<String>, List<Fault>> faults;
  private final AdminControl admin;
  private final LoopResources loops;
  private final Scheduler timer;
  private final Api api;
  private final Disposable ticker;
  private final AtomicLong connIds = new AtomicLong();
  private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
  private volatile @Nullable DisposableServer server;
  private volatile int boundPort;
  private volatile boolean closed;

  public SimServer(
      Settings s,
      StatsRecorder stats,
      BiFunction<String, List<String>, List<Fault>> faults,
      AdminControl admin) {
    this(s, stats, faults, admin, null);
  }

  /**
   * A server that is one node of a simulated cluster when {@code member} is given.
   *
   * @param member the node's membership, or null for a standalone server
   */
  public SimServer(
      Settings s,
      StatsRecorder stats,
      BiFunction<String, List<String>, List<Fault>> faults,
      AdminControl admin,
      ClusterState.@Nullable Member member) {
    this.s = s;
    this.stats = stats;
    this.faults = faults;
    this.admin = admin;
    this.boundPort = s.port();
    int workers = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    this.loops = LoopResources.create("core-sim", 1, workers, true);
    this.timer = Schedulers.newSingle("core-sim-timer", true);
    this.api = new Api(s, stats, timer, member);
    if (member != null) {
      member.attach(api, this);
    }
    this.ticker =
        Flux.interval(Duration.ofMillis(500), timer)
            .onBackpressureDrop()
            .subscribe(api.processes::tick);
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /** Binds the server (to the port of the previous run after a stop). */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("simulator closed");
    }
    if (server != null) {
      return;
    }
    DisposableServer bound =
        HttpServer.create()
            .host(s.host())
            .port(boundPort)
            .runOn(loops)
            .option(ChannelOption.SO_REUSEADDR, true)
            .httpRequestDecoder(
                spec -> spec.maxInitialLineLength(64 * 1024).maxHeaderSize(64 * 1024))
            .doOnChannelInit((observer, ch, remote) -> onChannel(ch))
            .handle(this::handle)
            .bindNow(Duration.ofSeconds(10));
    boundPort = bound.port();
    api.port(boundPort);
    server = bound;
    LOG.info("Core simulator {} listening on http://{}:{}", s.versionNumber(), s.host(), boundPort);
  }

  /** Unbinds and closes every open connection; state is kept. */
  public void stop() {
    stop(false);
  }

  /**
   * Unbinds and resets every open connection (TCP RST, as when a process is killed); state is kept,
   * the caller forgets what a killed Core loses.
   */
  public void kill() {
    stop(true);
  }

  private synchronized void stop(boolean reset) {
    DisposableServer srv = server;
    if (srv == null) {
      return;
    }
    server = null;
    for (Channel ch : channels) {
      ConnState cs = ch.attr(CONN).get();
      if (cs != null) {
        cs.serverClosing = true;
      }
      if (reset) {
        try {
          ch.config().setOption(ChannelOption.SO_LINGER, 0);
        } catch (io.netty.channel.ChannelException closedMeanwhile) {
          // the connection closed by itself between the listing and the reset: nothing to reset
        }
        ch.close();
      }
    }
    srv.disposeNow(Duration.ofSeconds(5));
    for (Channel ch : List.copyOf(channels)) {
      ch.close().awaitUninterruptibly(2000);
    }
    LOG.info("Core simulator stopped");
  }

  /** Stops, waits for the downtime, and binds the same port again. */
  public void restart(Duration downtime) {
    stop();
    if (!downtime.isZero()) {
      try {
        Thread.sleep(downtime.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    start();
  }

  /** Stops and releases the event loops and the timer thread. */
  public synchronized void close() {
    if (closed) {
      return;
    }
    stop();
    closed = true;
    ticker.dispose();
    timer.dispose();
    loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(10));
  }

  public int port() {
    return boundPort;
  }

  public boolean running() {
    return server != null;
  }

  public void seed(long n) {
    api.processes.seed(n);
  }

  public String[] issueTokens() {
    return api.issueTokens();
  }

  // ---- connections ---------------------------------------------------------------------------

  private void onChannel(Channel ch) {
    ConnState cs = new ConnState(connIds.incrementAndGet());
    ch.attr(CONN).set(cs);
    channels.add(ch);
    stats.connections.incrementAndGet();
    stats.openConnections.incrementAndGet();
    ch.closeFuture()
        .addListener(
            f -> {
              channels.remove(ch);
              stats.openConnections.decrementAndGet();
            });
  }

  private static Channel channel(HttpServerRequest req) {
    Channel[] holder = new Channel[1];
    req.withConnection(c -> holder[0] = c.channel());
    return holder[0];
  }

  // ---- requests ------------------------------------------------------------------------------

  private Mono<Void> handle(HttpServerRequest req, HttpServerResponse res) {
    Channel ch = channel(req);
    ConnState cs = ch.attr(CONN).get();
    Exchange ex = new Exchange(req.method().name(), req.uri(), req.requestHeaders(), cs.id);
    if (s.admin() && (ex.rawPath.equals("/_sim") || ex.rawPath.startsWith("/_sim/"))) {
      return readBody(req)
          .flatMap(
              body -> {
                ex.body = body;
                return adminHandle(ex, res);
              });
    }
    stats.arrived(ex.method, ex.rawPath);
    String template = api.template(ex);
    if (!template.isEmpty()) {
      stats.routed(template);
    }
    List<Fault> fired = faults.apply(ex.method, ex.segments);
    stats.faultsFired.add(fired.size());
    Duration latency = Duration.ZERO;
    Fault terminal = null;
    for (Fault f : fired) {
      if (f instanceof Fault.Latency l) {
        latency = latency.plus(l.delay());
      } else if (terminal == null) {
        terminal = f;
      }
    }
    Duration delay = latency;
    Fault fault = terminal;
    return readBody(req)
        .flatMap(
            body -> {
              ex.body = body;
              record(ex, template);
              Mono<Void> wait = delay.isZero() ? Mono.empty() : Mono.delay(delay, timer).then();
              return wait.then(Mono.defer(() -> respond(ex, fault, ch, cs, res)));
            })
        .doFinally(
            sig -> {
              // Reactor Netty completes (or cancels) the handler when the peer goes away
              // mid-response.
              if (!ch.isActive() && !cs.serverClosing) {
                stats.clientAborts.increment();
              } else if (sig == SignalType.ON_COMPLETE) {
                stats.completedResponses.increment();
              }
            });
  }

  private static Mono<byte[]> readBody(HttpServerRequest req) {
    return req.receive().aggregate().asByteArray().defaultIfEmpty(EMPTY);
  }

  private void record(Exchange ex, String template) {
    stats.record(
        new RecordedRequest(
            Instant.ofEpochMilli(s.clock().millis()),
            ex.connectionId,
            ex.method,
            ex.rawPath,
            ex.rawQuery,
            ex.segments,
            ex.query,
            ex.recordedHeaders(),
            ex.body.length,
            template,
            api.peekTokenId(ex)));
  }

  private Mono<Void> respond(
      Exchange ex, @Nullable Fault fault, Channel ch, ConnState cs, HttpServerResponse res) {
    if (fault instanceof Fault.Reset r && !r.afterProcessing()) {
      return reset(ch, cs);
    }
    if (fault instanceof Fault.Respond r) {
      Reply reply =
          r.body() == null
              ? Reply.json(r.status(), Json.error(r.status(), ApiError.statusText(r.status())))
              : Reply.bytes(r.status(), r.contentType(), r.body().getBytes(StandardCharsets.UTF_8));
      reply.contentType = r.contentType();
      if (r.retryAfterSeconds() > 0) {
        reply.header("Retry-After", Integer.toString(r.retryAfterSeconds()));
      }
      return write(ex, res, reply, null, ch, cs);
    }
    return api.handle(ex)
        .flatMap(
            reply ->
                fault instanceof Fault.Reset
                    ? reset(ch, cs)
                    : write(ex, res, reply, fault, ch, cs));
  }

  /** Closes the connection with a TCP RST (SO_LINGER 0); the handler then waits to be cancelled. */
  private static Mono<Void> reset(@Nullable Channel ch, ConnState cs) {
    return Mono.<Void>fromRunnable(
            () -> {
              cs.serverClosing = true;
              if (ch != null) {
                ch.config().setOption(ChannelOption.SO_LINGER, 0);
                ch.close();
              }
            })
        .then(Mono.never());
  }

  private Mono<Void> write(
      Exchange ex,
      HttpServerResponse res,
      Reply r,
      @Nullable Fault fault,
      @Nullable Channel ch,
      ConnState cs) {
    res.status(r.status);
    if (r.contentType != null) {
      res.header("Content-Type", r.contentType);
    }
    r.headers.forEach(res::header);
    if (fault instanceof Fault.WrongContentType w) {
      res.header("Content-Type", w.contentType());
    }
    return r.stream != null
        ? writeStream(res, r, fault, ch, cs)
        : writeFixed(ex, res, r, fault, ch, cs);
  }

  private Mono<Void> writeFixed(
      Exchange ex,
      HttpServerResponse res,
      Reply r,
      @Nullable Fault fault,
      @Nullable Channel ch,
      ConnState cs) {
    byte[] body = r.body;
    if (fault instanceof Fault.MalformedJson) {
      body = MALFORMED;
    } else if (fault instanceof Fault.TruncatedJson) {
      body = Arrays.copyOf(body, body.length / 2);
    }
    if (ex.method.equals("HEAD")) {
      res.header("Content-Length", Long.toString(r.headLength >= 0 ? r.headLength : body.length));
      return res.send().then();
    }
    if (r.status != 204 && r.status != 304) {
      res.header("Content-Length", Integer.toString(body.length));
    }
    if (body.length == 0) {
      return res.send().then();
    }
    if (fault instanceof Fault.ResetMidBody m) {
      int n = (int) Math.min(body.length, m.afterBytes() < 0 ? body.length / 2 : m.afterBytes());
      return send(res, Flux.just(Arrays.copyOf(body, n)), true).then(reset(ch, cs));
    }
    if (fault instanceof Fault.Stall st) {
      int n = (int) Math.min(body.length, Math.max(0, st.afterBytes()));
      Flux<byte[]> head = n == 0 ? Flux.empty() : Flux.just(Arrays.copyOf(body, n));
      return send(res, Flux.concat(head, Flux.never()), true);
    }
    if (fault instanceof Fault.SlowBody sb) {
      return send(res, slow(Flux.just(body), sb), true);
    }
    return send(res, Flux.just(body), false);
  }

  private Mono<Void> writeStream(
      HttpServerResponse res, Reply r, @Nullable Fault fault, @Nullable Channel ch, ConnState cs) {
    Flux<byte[]> stream = r.stream;
    boolean flush = r.flushEach;
    if (fault instanceof Fault.MalformedJson) {
      stream = Flux.just(MALFORMED);
    } else if (fault instanceof Fault.TruncatedJson) {
      stream = limit(stream, 64 * 1024);
    } else if (fault instanceof Fault.ResetMidBody m) {
      return send(res, limit(stream, m.afterBytes() < 0 ? 1024 : m.afterBytes()), true)
          .then(reset(ch, cs));
    } else if (fault instanceof Fault.Stall st) {
      return send(
          res, Flux.concat(limit(stream, Math.max(0, st.afterBytes())), Flux.never()), true);
    } else if (fault instanceof Fault.SlowBody sb) {
      stream = slow(stream, sb);
      flush = true;
    }
    return send(res, stream, flush);
  }

  private Mono<Void> send(HttpServerResponse res, Flux<byte[]> body, boolean flushEach) {
    Flux<ByteBuf> bufs =
        body.filter(b -> b.length > 0)
            .map(
                b -> {
                  stats.bodyBytesSent.add(b.length);
                  return Unpooled.wrappedBuffer(b);
                });
    return (flushEach ? res.send(bufs, b -> true) : res.send(bufs)).then();
  }

  private Flux<byte[]> slow(Flux<byte[]> body, Fault.SlowBody sb) {
    int n = sb.bytesPerChunk();
    return body.concatMap(
        chunk -> {
          List<byte[]> pieces = new ArrayList<>();
          for (int i = 0; i < chunk.length; i += n) {
            pieces.add(Arrays.copyOfRange(chunk, i, Math.min(chunk.length, i + n)));
          }
          return Flux.fromIterable(pieces)
              .concatMap(p -> Mono.delay(sb.interval(), timer).thenReturn(p));
        },
        1);
  }

  private static Flux<byte[]> limit(Flux<byte[]> body, long max) {
    return Flux.defer(
        () -> {
          long[] left = {max};
          return body.takeWhile(b -> left[0] > 0)
              .map(
                  b -> {
                    int n = (int) Math.min(b.length, left[0]);
                    left[0] -= n;
                    return n == b.length ? b : Arrays.copyOf(b, n);
                  });
        });
  }

  // ---- admin endpoint ------------------------------------------------------------------------

  private Mono<Void> adminHandle(Exchange ex, HttpServerResponse res) {
    Reply reply;
    Runnable after = null;
    try {
      String path = ex.rawPath.substring("/_sim".length());
      String route = ex.method + " " + path;
      switch (route) {
        case "GET /stats" -> reply = Reply.ok(statsJson());
        case "POST /stats/reset", "DELETE /stats", "DELETE /requests" -> {
          stats.reset();
          reply = Reply.okString();
        }
        case "GET /requests" -> reply = Reply.ok(requestsJson());
        case "GET /faults" -> reply = Reply.ok(Json.strings(admin.faults()));
        case "DELETE /faults" -> {
          admin.clearFaults();
          reply = Reply.okString();
        }
        case "POST /faults" -> {
          JsonNode body = Json.parse(ex.body);
          List<String> added = new ArrayList<>();
          for (JsonNode f : body.isArray() ? body : Json.arr().add(body)) {
            added.add(
                admin.addFault(
                    f.path("route").asText(),
                    AdminFaults.parse(f),
                    f.path("times").asLong(-1),
                    f.path("probability").asDouble(1.0),
                    f.path("seed").asLong(0)));
          }
          reply = Reply.ok(Json.strings(added));
        }
        case "POST /restart" -> {
          Duration downtime = Duration.ofMillis(Long.parseLong(ex.q("downtime_ms", "0")));
          reply = Reply.json(202, Json.F.textNode("restarting"));
          after = () -> admin.restartLater(downtime);
        }
        case "GET /cluster" -> reply = Reply.ok(admin.clusterStatus());
        case "POST /cluster/kill", "POST /cluster/restart" -> {
          String node = ex.q("node", "");
          if (node.isEmpty()) {
            throw new IllegalArgumentException("name the node: ?node=node2");
          }
          String action = path.substring("/cluster/".length());
          Runnable run = admin.clusterAction(action, node);
          reply = Reply.json(202, Json.F.textNode(action + " " + node));
          after =
              () -> {
                Thread t = new Thread(run, "core-sim-cluster-" + action);
                t.setDaemon(true);
                t.start();
              };
        }
        case "POST /seed" -> {
          api.processes.seed(Long.parseLong(ex.q("processes", "0")));
          reply = Reply.okString();
        }
        case "POST /fail-next-refresh" -> {
          int status = Integer.parseInt(ex.q("status", "500"));
          reply =
              Reply.ok(
                  Json.strings(
                      List.of(
                          admin.addFault(
                              "GET /api/login/refresh", Fault.status(status), 1, 1.0, 0))));
        }
        default -> reply = ApiError.notFound().reply();
      }
    } catch (ApiError e) {
      reply = e.reply();
    } catch (IllegalArgumentException e) {
      reply = Reply.json(400, Json.error(400, "Bad Request", String.valueOf(e.getMessage())));
    }
    Runnable then = after;
    return write(ex, res, reply, null, null, new ConnState(0))
        .then(
            Mono.fromRunnable(
                () -> {
                  if (then != null) {
                    then.run();
                  }
                }));
  }

  private ArrayNode requestsJson() {
    ArrayNode a = Json.arr();
    for (RecordedRequest r : stats.recorded()) {
      ObjectNode o = a.addObject();
      o.put("time", r.time().toString());
      o.put("connection_id", r.connectionId());
      o.put("method", r.method());
      o.put("raw_path", r.rawPath());
      o.put("raw_query", r.rawQuery());
      o.set("path_segments", Json.strings(r.pathSegments()));
      ObjectNode q = o.putObject("query");
      r.query().forEach((k, v) -> q.set(k, Json.strings(v)));
      ObjectNode h = o.putObject("headers");
      r.headers().forEach(h::put);
      o.put("body_size", r.bodySize());
      o.put("route", r.route());
      o.put("token_id", r.tokenId());
    }
    return a;
  }

  private ObjectNode statsJson() {
    ObjectNode o = Json.obj();
    o.put("logins", stats.logins.sum());
    o.put("login_failures", stats.loginFailures.sum());
    o.put("refreshes", stats.refreshes.sum());
    o.put("refresh_failures", stats.refreshFailures.sum());
    o.put("total_requests", stats.totalRequests.sum());
    o.put("completed_responses", stats.completedResponses.sum());
    o.put("body_bytes_sent", stats.bodyBytesSent.sum());
    o.put("faults_fired", stats.faultsFired.sum());
    o.put("open_connections", stats.openConnections.get());
    o.put("connections", stats.connections.get());
    o.put("client_aborts", stats.clientAborts.sum());
    ObjectNode byPath = o.putObject("requests_by_path");
    stats.byPath().forEach(byPath::put);
    ObjectNode byRoute = o.putObject("requests_by_route");
    stats.byRoute().forEach(byRoute::put);
    ArrayNode posts = o.putArray("posts");
    stats
        .byPath()
        .forEach(
            (k, v) -> {
              if (k.startsWith("POST ")) {
                posts.addObject().put("path", k.substring(5)).put("count", v);
              }
            });
    return o;
  }
}
