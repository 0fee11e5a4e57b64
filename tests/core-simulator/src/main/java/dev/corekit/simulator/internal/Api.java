package dev.corekit.simulator.internal;

import static dev.corekit.simulator.CoreVersion.V16_11;
import static dev.corekit.simulator.CoreVersion.V16_12;
import static dev.corekit.simulator.CoreVersion.V16_14;
import static dev.corekit.simulator.CoreVersion.V16_16;
import static dev.corekit.simulator.CoreVersion.V16_20;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corekit.simulator.CoreVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Core's HTTP API: authentication and every handler. */
final class Api {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** The oldest release the simulator plays: a route added without a release exists in all. */
  private static final CoreVersion ALWAYS = CoreVersion.values()[0];

  final Settings s;
  private final StatsRecorder stats;
  private final Jwt jwt;
  final ProcessStore processes;
  final EventBus events;
  private final ConfigStore config;
  final Map<String, FileStore> fs = new LinkedHashMap<>();
  private final Map<String, ObjectNode> iam;
  private final Scheduler timer;
  final long startedAt;
  private final ClusterState.@Nullable Member member;
  private final String memfsPassword;
  private final Router router = new Router();
  private volatile int port;

  Api(Settings s, StatsRecorder stats, Scheduler timer, ClusterState.@Nullable Member member) {
    this.s = s;
    this.stats = stats;
    this.timer = timer;
    this.member = member;
    // the nodes of a simulated cluster share one IAM, the cluster's
    this.iam = member != null ? member.cluster().iam : new ConcurrentSkipListMap<>();
    this.jwt = new Jwt(s.jwtSecret(), s.clock());
    this.events = new EventBus(s.id(), s.clock(), 1000);
    this.processes = new ProcessStore(s, events);
    this.processes.scheduler =
        (ms, r) -> timer.schedule(r, ms, java.util.concurrent.TimeUnit.MILLISECONDS);
    this.memfsPassword = Jwt.shortId();
    // 16.10 to 16.16 put the memfs basic-auth password into the URL ffmpeg writes to; 16.20 does
    // not.
    this.processes.memfsUrl =
        () ->
            "http://"
                + (s.since(CoreVersion.V16_20) ? "" : "admin:" + memfsPassword + "@")
                + s.host()
                + ":"
                + port
                + "/memfs";
    this.config = new ConfigStore(s, memfsPassword, s.host() + ":" + s.port());
    this.startedAt = s.clock().millis();
    fs.put("disk", new FileStore("disk", "disk", "/"));
    fs.put("mem", new FileStore("mem", "mem", "/memfs"));
    processes.memfs = fs.get("mem");
    iam.putIfAbsent("$anon", iamUser("$anon", "", false, Json.arr()));
    if (member != null) {
      processes.startFailure = p -> member.memfsFailure(p, this);
    }
    routes();
    events.log(
        "INFO",
        "core",
        "Core API ready",
        "app/api/api.go",
        EventBus.data("version", s.versionNumber()));
  }

  void port(int port) {
    this.port = port;
  }

  int port() {
    return port;
  }

  /** The IAM identity of a name, or null (never the configured superuser). */
  @Nullable ObjectNode iamUser(String name) {
    return name.equals("$anon") ? null : iam.get(name);
  }

  String[] issueTokens() {
    return new String[] {
      jwt.issue(s.user(), "access", s.accessTtl()), jwt.issue(s.user(), "refresh", s.refreshTtl())
    };
  }

  /** The jti of a valid bearer token the request carries, or empty; for the request record. */
  String peekTokenId(Exchange ex) {
    String h = ex.header("Authorization");
    if (h == null || !h.startsWith("Bearer ")) {
      return "";
    }
    Jwt.Claims c = jwt.verify(h.substring(7).trim());
    return c == null ? "" : c.jti();
  }

  // ---- dispatch ------------------------------------------------------------------------------

  /** Routes and answers one request whose body has been read. */
  Mono<Reply> handle(Exchange ex) {
    try {
      return dispatch(ex).onErrorResume(ApiError.class, e -> Mono.just(e.reply()));
    } catch (ApiError e) {
      return Mono.just(e.reply());
    }
  }

  /** The route template a request maps to, for counters; empty if none. */
  String template(Exchange ex) {
    Router.Match m = router.match(ex.method, ex.rawSegments, this::enabled);
    return m.route() == null ? "" : ex.method + " " + m.route().template();
  }

  /** Whether the imitated release routes it (and clustering is on, for cluster routes). */
  private boolean enabled(Router.Route route) {
    return s.since(route.since()) && (!route.cluster() || s.cluster());
  }

  private Mono<Reply> dispatch(Exchange ex) {
    Router.Match m = router.match(ex.method, ex.rawSegments, this::enabled);
    boolean underApi = ex.rawPath.equals("/api") || ex.rawPath.startsWith("/api/");
    boolean isPublic = m.route() != null && m.route().isPublic();
    if (underApi && !isPublic) {
      Reply denied = authenticate(ex, "access");
      if (denied != null) {
        return Mono.just(denied);
      }
    }
    if (m.route() == null) {
      if (m.otherMethod()) {
        return Mono.just(ApiError.of(405, "Method Not Allowed", "Method Not Allowed").reply());
      }
      if (!underApi && (ex.method.equals("GET") || ex.method.equals("HEAD"))) {
        return Mono.just(publicFile(ex, fs.get("disk"), String.join("/", ex.segments), true));
      }
      return Mono.just(ApiError.notFound().reply());
    }
    ex.params = m.params();
    ex.template = m.route().template();
    return m.route().handler().handle(ex);
  }

  /** Checks the bearer token; returns the error reply, or null when authenticated. */
  private @Nullable Reply authenticate(Exchange ex, String usefor) {
    if (!s.auth()) {
      ex.user = s.user();
      return null;
    }
    String h = ex.header("Authorization");
    if (h == null || !h.startsWith("Bearer ")) {
      return denied();
    }
    Jwt.Claims c = jwt.verify(h.substring(7).trim());
    if (c == null || !knownUser(c.subject())) {
      return denied();
    }
    if (!c.usefor().equals(usefor)) {
      return s.since(V16_20)
          ? Reply.json(403, Json.error(403, "Forbidden", "invalid token"))
          : denied();
    }
    ex.user = c.subject();
    ex.tokenId = c.jti();
    return null;
  }

  private Reply denied() {
    if (s.since(V16_20)) {
      return Reply.json(403, Json.error(403, "Forbidden", "access denied"));
    }
    return Reply.json(401, authError(401, "Missing or invalid JWT token"));
  }

  /**
   * An error of Core's authentication: from 16.14 on the status text is the message and the reason
   * the detail, before that the reason is the message (details only for an underlying error).
   */
  private ObjectNode authError(int status, String reason, String... cause) {
    if (s.since(V16_14)) {
      String detail = cause.length == 0 ? reason : reason + ": " + cause[0];
      return Json.error(status, ApiError.statusText(status), detail);
    }
    return Json.error(status, reason, cause);
  }

  private boolean knownUser(String name) {
    return name.equals(s.user()) || (iam.containsKey(name) && !name.equals("$anon"));
  }

  // ---- route table ---------------------------------------------------------------------------

  private void sync(String method, String template, Function<Exchange, Reply> h) {
    sync(method, template, ALWAYS, h);
  }

  private void sync(
      String method, String template, CoreVersion since, Function<Exchange, Reply> h) {
    router.add(method, template, false, since, false, ex -> Mono.fromSupplier(() -> h.apply(ex)));
  }

  void clusterSync(String method, String template, Function<Exchange, Reply> h) {
    router.add(method, template, false, V16_20, true, ex -> Mono.fromSupplier(() -> h.apply(ex)));
  }

  void clusterAsync(String method, String template, Router.Handler h) {
    router.add(method, template, false, V16_20, true, h);
  }

  /** Refuses a local IAM change on a node of a simulated cluster, as Core in cluster mode. */
  private void localIamWrite() {
    if (member != null) {
      throw ApiError.of(400, "Bad Request", "not available in cluster mode");
    }
  }

  private void open(String method, String template, Function<Exchange, Reply> h) {
    router.add(method, template, true, ALWAYS, false, ex -> Mono.fromSupplier(() -> h.apply(ex)));
  }

  private void routes() {
    open("GET", "/ping", ex -> Reply.text(200, "pong"));
    open("GET", "/api", this::about);
    router.add("POST", "/api/login", true, ALWAYS, false, this::login);
    open("GET", "/api/login/refresh", this::refresh);
    open("GET", "/api/v3/widget/process/{id}", this::widget);
    open("GET", "/memfs/{path...}", ex -> publicFile(ex, fs.get("mem"), ex.param("path"), false));
    open("HEAD", "/memfs/{path...}", ex -> publicFile(ex, fs.get("mem"), ex.param("path"), false));
    for (String m : List.of("PUT", "POST")) {
      open(m, "/memfs/{path...}", ex -> memfsWrite(ex, false));
    }
    open("DELETE", "/memfs/{path...}", ex -> memfsWrite(ex, true));

    sync("GET", "/api/v3/process", this::listProcesses);
    sync("POST", "/api/v3/process", this::addProcess);
    sync("GET", "/api/v3/process/{id}", ex -> Reply.ok(processes.render(proc(ex), filter(ex))));
    sync("PUT", "/api/v3/process/{id}", this::updateProcess);
    sync(
        "DELETE",
        "/api/v3/process/{id}",
        ex -> {
          checkDomain(ex);
          processes.delete(ex.param("id"));
          return Reply.okString();
        });
    sync("PUT", "/api/v3/process/{id}/command", this::command);
    sync("GET", "/api/v3/process/{id}/config", ex -> Reply.ok(processes.renderConfig(proc(ex))));
    sync(
        "GET",
        "/api/v3/process/{id}/state",
        ex -> Reply.ok(processes.renderState(proc(ex), s.clock().millis())));
    sync("GET", "/api/v3/process/{id}/report", this::report);
    sync(
        "PUT",
        "/api/v3/process/{id}/report",
        V16_20,
        ex -> {
          JsonNode body = jsonBody(ex);
          processes.setReport(procForUpdate(ex), body);
          return Reply.okString();
        });
    sync("GET", "/api/v3/process/{id}/probe", this::probe);
    sync(
        "GET",
        "/api/v3/process/{id}/metadata",
        ex -> {
          Proc p = proc(ex);
          synchronized (p) {
            return Reply.ok(ProcessStore.metadataNode(p.metadata));
          }
        });
    sync(
        "GET",
        "/api/v3/process/{id}/metadata/{key}",
        ex -> {
          Proc p = proc(ex);
          synchronized (p) {
            JsonNode v = p.metadata.get(ex.param("key"));
            if (v == null) {
              throw ApiError.of(404, "Unknown process ID", "unknown key");
            }
            return Reply.ok(v);
          }
        });
    sync(
        "PUT",
        "/api/v3/process/{id}/metadata/{key}",
        ex -> {
          JsonNode v = jsonBody(ex);
          Proc p = procForUpdate(ex);
          synchronized (p) {
            if (v.isNull()) {
              p.metadata.remove(ex.param("key"));
            } else {
              p.metadata.put(ex.param("key"), v);
            }
          }
          return Reply.ok(v);
        });
    sync(
        "POST",
        "/api/v3/process/probe",
        V16_20,
        ex -> {
          ObjectNode cfg = processes.normalize(jsonObject(ex), user(ex), null);
          if (cfg.path("input").isEmpty()) {
            throw ApiError.of(400, "Bad Request", "At least one input must be defined");
          }
          return Reply.ok(probeOf(cfg));
        });
    sync(
        "POST",
        "/api/v3/process/validate",
        V16_20,
        ex -> {
          ObjectNode cfg = processes.normalize(jsonObject(ex), user(ex), null);
          try {
            ProcessStore.validate(cfg);
          } catch (ApiError e) {
            throw ApiError.of(
                400,
                "Bad Request",
                "invalid config: "
                    + e.body.path("details").path(0).asText(e.body.path("message").asText()));
          }
          return Reply.ok(
              processes.renderConfig(new Proc(cfg.path("id").asText(), "", user(ex), cfg, 0, 0)));
        });
    sync("GET", "/api/v3/metadata", ex -> Reply.ok(processes.getGlobalMetadata("")));
    sync(
        "GET",
        "/api/v3/metadata/{key}",
        ex -> Reply.ok(processes.getGlobalMetadata(ex.param("key"))));
    sync(
        "PUT",
        "/api/v3/metadata/{key}",
        ex -> {
          JsonNode v = jsonBody(ex);
          processes.setGlobalMetadata(ex.param("key"), v);
          return Reply.ok(v);
        });
    sync("GET", "/api/v3/report/process", V16_20, this::searchReports);

    sync(
        "GET",
        "/api/v3/fs",
        V16_12,
        ex -> {
          ArrayNode a = Json.arr();
          fs.values()
              .forEach(
                  f -> a.addObject().put("name", f.name).put("type", f.type).put("mount", f.mount));
          return Reply.ok(a);
        });
    sync("PUT", "/api/v3/fs", V16_20, this::fileOperation);
    sync("GET", "/api/v3/fs/{storage}", ex -> Reply.ok(listFiles(ex, storage(ex), false)));
    sync(
        "DELETE", "/api/v3/fs/{storage}", V16_20, ex -> Reply.ok(listFiles(ex, storage(ex), true)));
    sync("GET", "/api/v3/fs/{storage}/{path...}", this::apiFile);
    sync("HEAD", "/api/v3/fs/{storage}/{path...}", this::apiFile);
    sync(
        "PUT",
        "/api/v3/fs/{storage}/{path...}",
        ex -> putFile(ex, storage(ex), "/" + ex.param("path")));
    sync(
        "DELETE",
        "/api/v3/fs/{storage}/{path...}",
        ex -> deleteFile(storage(ex), "/" + ex.param("path")));

    sync("GET", "/api/v3/config", ex -> Reply.ok(config.get()));
    sync(
        "PUT",
        "/api/v3/config",
        ex -> {
          config.set(jsonBody(ex));
          return Reply.okString();
        });
    sync(
        "GET",
        "/api/v3/config/reload",
        ex -> {
          config.reload();
          events.log("INFO", "core", "Reloading configuration", "app/api/api.go", Map.of());
          return Reply.okString();
        });
    sync("GET", "/api/v3/log", this::log);
    sync(
        "GET",
        "/api/v3/metrics",
        ex -> {
          ArrayNode a = Json.arr();
          for (String[] m : StaticData.METRICS) {
            ObjectNode o = a.addObject();
            o.put("name", m[0]);
            o.put("description", m[1]);
            o.set("labels", Json.strings(m[2].isEmpty() ? List.of() : List.of(m[2].split(","))));
          }
          return Reply.ok(a);
        });
    sync("POST", "/api/v3/metrics", this::queryMetrics);
    sync(
        "GET",
        "/api/v3/session",
        ex -> {
          ObjectNode o = Json.obj();
          for (String c : collectors(ex)) {
            ObjectNode sum = o.putObject(c);
            ObjectNode active = sum.putObject("active");
            active.putArray("list");
            active.put("sessions", 0);
            active.set("bandwidth_rx_mbit", Json.num3(0));
            active.set("bandwidth_tx_mbit", Json.num3(0));
            active.put("max_sessions", 0);
            active.set("max_bandwidth_rx_mbit", Json.num3(0));
            active.set("max_bandwidth_tx_mbit", Json.num3(0));
            ObjectNode summary = sum.putObject("summary");
            summary.putObject("remote");
            summary.putObject("local");
            summary.putObject("reference");
            summary.put("sessions", 0);
            summary.put("traffic_rx_mb", 0);
            summary.put("traffic_tx_mb", 0);
          }
          return Reply.ok(o);
        });
    sync(
        "GET",
        "/api/v3/session/active",
        ex -> {
          ObjectNode o = Json.obj();
          collectors(ex).forEach(o::putArray);
          return Reply.ok(o);
        });
    sync("PUT", "/api/v3/session/token/{username}", V16_20, this::sessionToken);
    sync("GET", "/api/v3/skills", ex -> Reply.ok(StaticData.skills()));
    sync("GET", "/api/v3/skills/reload", ex -> Reply.ok(StaticData.skills()));
    sync("GET", "/api/v3/rtmp", ex -> Reply.ok(Json.arr()));
    sync(
        "GET",
        "/api/v3/srt",
        ex -> Reply.ok(SrtChannels.render(s, processes.procs.values(), s.clock().millis())));

    sync(
        "GET",
        "/api/v3/iam/user",
        V16_20,
        ex -> {
          ArrayNode a = Json.arr();
          iam.values().forEach(u -> a.add(u.deepCopy()));
          return Reply.ok(a);
        });
    sync("GET", "/api/v3/iam/user/{name}", V16_20, ex -> Reply.ok(identity(ex.param("name"))));
    sync(
        "POST",
        "/api/v3/iam/user",
        V16_20,
        ex -> {
          localIamWrite();
          return addUser(ex);
        });
    sync(
        "PUT",
        "/api/v3/iam/user/{name}",
        V16_20,
        ex -> {
          localIamWrite();
          return updateUser(ex);
        });
    sync(
        "PUT",
        "/api/v3/iam/user/{name}/policy",
        V16_20,
        ex -> {
          localIamWrite();
          return setPolicies(ex);
        });
    sync(
        "DELETE",
        "/api/v3/iam/user/{name}",
        V16_20,
        ex -> {
          localIamWrite();
          return deleteUser(ex);
        });

    if (member != null) {
      new ClusterRoutes(this, member).register();
    } else {
      singleNodeClusterRoutes();
    }

    router.add("POST", "/api/v3/events", false, V16_20, false, this::logEvents);
    router.add("POST", "/api/v3/events/log", false, V16_20, false, this::logEvents);
    router.add("POST", "/api/v3/events/process", false, V16_20, false, this::processEvents);
    router.add("POST", "/api/v3/events/media/{type}", false, V16_20, false, this::mediaEvents);
  }

  Reply setPolicies(Exchange ex) {
    String name = ex.param("name");
    ObjectNode u = iam.get(name);
    if (u == null || name.equals("$anon")) {
      throw ApiError.of(404, "Not Found", "identity not found");
    }
    JsonNode body = jsonBody(ex);
    if (!body.isArray()) {
      throw ApiError.of(400, "Bad Request", "invalid JSON: expected an array of policies");
    }
    u.set("policies", body);
    u.put("updated_at", s.clock().millis() / 1000);
    return Reply.ok(body);
  }

  Reply deleteUser(Exchange ex) {
    String name = ex.param("name");
    if (name.equals("$anon") || iam.remove(name) == null) {
      throw ApiError.of(404, "Not Found", "identity not found");
    }
    events.log("INFO", "iam", "Identity removed", "iam/iam.go", EventBus.data("name", name));
    return Reply.okString();
  }

  /** The identities, the superuser first. */
  ArrayNode listUsers() {
    ArrayNode a = Json.arr();
    iam.values().forEach(u -> a.add(u.deepCopy()));
    return a;
  }

  /** The cluster routes of a single-node cluster ({@code Builder.cluster(true)}). */
  private void singleNodeClusterRoutes() {
    clusterSync("GET", "/api/v3/cluster", ex -> Reply.ok(clusterAbout()));
    clusterSync(
        "GET",
        "/api/v3/cluster/healthy",
        ex -> Reply.bytes(200, Json.JSON, "true".getBytes(StandardCharsets.UTF_8)));
    clusterSync("GET", "/api/v3/cluster/node", ex -> Reply.ok(Json.arr().add(clusterNode())));
    clusterSync(
        "GET",
        "/api/v3/cluster/node/{id}",
        ex -> {
          if (!ex.param("id").equals(s.id())) {
            throw ApiError.of(404, "Not Found", "node not found");
          }
          return Reply.ok(clusterNode());
        });
    clusterSync("GET", "/api/v3/cluster/node/{id}/version", ex -> Reply.ok(version(true)));
    clusterSync("GET", "/api/v3/cluster/process", this::listProcesses);
  }

  // ---- about and auth ------------------------------------------------------------------------

  private Reply about(Exchange ex) {
    ObjectNode o = Json.obj();
    o.put("app", "datarhei-core");
    ArrayNode auths = o.putArray("auths");
    if (s.auth()) {
      auths.add("localjwt");
    }
    boolean full = authenticate(ex, "access") == null;
    if (!full) {
      o.putObject("version").put("number", "16.0.0");
      return Reply.ok(o);
    }
    o.put("name", s.name());
    o.put("id", s.id());
    o.put("created_at", Instant.ofEpochSecond(startedAt / 1000).toString());
    o.put("uptime_seconds", (s.clock().millis() - startedAt) / 1000);
    o.set("version", version(false));
    if (s.since(V16_20)) {
      ObjectNode r = o.putObject("resources");
      r.put("is_throttling", false);
      r.put("ncpu", (double) Runtime.getRuntime().availableProcessors());
      r.put("cpu_used", 12.5);
      r.put("cpu_limit", 100.0 * Runtime.getRuntime().availableProcessors());
      r.put("cpu_core", 0.5);
      r.put("memory_used_bytes", 2_147_483_648L);
      r.put("memory_limit_bytes", 8_589_934_592L);
      r.put("memory_total_bytes", 8_589_934_592L);
      r.put("memory_core_bytes", 52_428_800L);
      r.putArray("gpu");
    }
    return Reply.ok(o);
  }

  ObjectNode version(boolean withNumberOnly) {
    ObjectNode v = Json.obj();
    v.put("number", s.versionNumber());
    v.put("repository_commit", "");
    v.put("repository_branch", s.since(V16_20) ? "vod" : "");
    v.put("build_date", "");
    v.put("arch", "linux/amd64");
    v.put("compiler", s.since(V16_20) ? "go1.25.0" : s.since(V16_16) ? "go1.22.12" : "go1.19.8");
    return v;
  }

  private Mono<Reply> login(Exchange ex) {
    String user = null;
    String password = null;
    if (ex.body.length > 0 && ex.isJsonContent()) {
      try {
        JsonNode b = Json.MAPPER.readTree(ex.body);
        if (b != null && b.path("username").isTextual() && b.path("password").isTextual()) {
          user = b.get("username").asText();
          password = b.get("password").asText();
        }
      } catch (java.io.IOException e) {
        user = null;
      }
    }
    if (user == null || user.isEmpty()) {
      stats.loginFailures.increment();
      Reply r =
          s.since(V16_20)
              ? Reply.json(403, Json.error(403, "Forbidden", "access denied"))
              : Reply.json(400, authError(400, "Missing authorization credentials"));
      return delayed(r);
    }
    if (!checkPassword(user, password)) {
      stats.loginFailures.increment();
      Reply r =
          s.since(V16_20)
              ? Reply.json(403, Json.error(403, "Forbidden", "invalid username or password"))
              : Reply.json(
                  401,
                  authError(
                      401, "Invalid authorization credentials", "invalid username or password"));
      return delayed(r);
    }
    stats.logins.increment();
    events.log("DEBUG", "iam", "Login", "http/middleware/iam/iam.go", EventBus.data("user", user));
    ObjectNode o = Json.obj();
    o.put("access_token", jwt.issue(user, "access", s.accessTtl()));
    o.put("refresh_token", jwt.issue(user, "refresh", s.refreshTtl()));
    return Mono.just(Reply.ok(o));
  }

  private Mono<Reply> delayed(Reply r) {
    Duration d = s.loginFailureDelay();
    return d.isZero() ? Mono.just(r) : Mono.delay(d, timer).thenReturn(r);
  }

  private boolean checkPassword(String user, String password) {
    if (user.equals(s.user())) {
      return s.password().equals(password);
    }
    ObjectNode u = iam.get(user);
    if (u == null || user.equals("$anon")) {
      return false;
    }
    boolean mayUseApi = u.path("superuser").asBoolean();
    for (JsonNode p : u.path("policies")) {
      for (JsonNode t : p.path("types")) {
        mayUseApi |= t.asText().equals("api");
      }
    }
    return mayUseApi && u.path("auth").path("api").path("userpass").asText().equals(password);
  }

  private Reply refresh(Exchange ex) {
    Reply denied = authenticate(ex, "refresh");
    if (denied != null) {
      stats.refreshFailures.increment();
      return denied;
    }
    stats.refreshes.increment();
    ObjectNode o = Json.obj();
    o.put("access_token", jwt.issue(user(ex), "access", s.accessTtl()));
    return Reply.ok(o);
  }

  String user(Exchange ex) {
    return ex.user == null ? s.user() : ex.user;
  }

  // ---- bodies --------------------------------------------------------------------------------

  /** A JSON body as Core's ShouldBindJSON requires it: content, JSON content type, valid syntax. */
  static JsonNode jsonBody(Exchange ex) {
    if (ex.body.length == 0) {
      throw ApiError.of(400, "Invalid JSON", "request doesn't contain any content");
    }
    if (!ex.isJsonContent()) {
      throw ApiError.of(400, "Invalid JSON", "request doesn't contain JSON content");
    }
    return Json.parse(ex.body);
  }

  static ObjectNode jsonObject(Exchange ex) {
    JsonNode n = jsonBody(ex);
    if (!n.isObject()) {
      throw ApiError.of(
          400,
          "Invalid JSON",
          "json: cannot unmarshal "
              + n.getNodeType().name().toLowerCase(Locale.ROOT)
              + " into Go value of type api.ProcessConfig");
    }
    return (ObjectNode) n;
  }

  // ---- processes -----------------------------------------------------------------------------

  ProcessStore.Filter filter(Exchange ex) {
    return ProcessStore.Filter.parse(ex.q("filter", ""));
  }

  private void checkDomain(Exchange ex) {
    Proc p = processes.find(ex.param("id"));
    if (p != null && !p.domain.equals(ex.q("domain", ""))) {
      throw ApiError.of(404, "Unknown process ID", "unknown process");
    }
  }

  private Proc proc(Exchange ex) {
    Proc p = processes.find(ex.param("id"));
    if (p == null || !p.domain.equals(ex.q("domain", ""))) {
      throw ApiError.of(404, "Unknown process ID", "unknown process");
    }
    return p;
  }

  private Proc procForUpdate(Exchange ex) {
    proc(ex);
    Proc p = processes.findForUpdate(ex.param("id"));
    if (p == null) {
      throw ApiError.of(404, "Unknown process ID", "unknown process");
    }
    return p;
  }

  Reply listProcesses(Exchange ex) {
    List<String> ids = Arrays.stream(ex.q("id", "").split(",")).filter(x -> !x.isEmpty()).toList();
    var q =
        new ProcessStore.ListQuery(
            filter(ex),
            ex.q("reference", ""),
            ids,
            ex.q("idpattern", ""),
            ex.q("refpattern", ""),
            ex.q("ownerpattern", ""),
            ex.q("domainpattern", ""));
    return Reply.stream(200, Json.JSON, processes.list(q), false);
  }

  private Reply addProcess(Exchange ex) {
    Proc p = processes.add(jsonObject(ex), user(ex));
    return Reply.ok(processes.renderConfig(p));
  }

  private Reply updateProcess(Exchange ex) {
    String id = ex.param("id");
    Proc current = processes.find(id);
    if (current == null || !current.domain.equals(ex.q("domain", ""))) {
      throw ApiError.of(404, "Process not found", id);
    }
    Proc p = processes.update(id, jsonObject(ex), user(ex));
    return Reply.ok(processes.renderConfig(p));
  }

  private Reply command(Exchange ex) {
    JsonNode body = jsonBody(ex);
    String cmd = body.path("command").asText("");
    if (!List.of("start", "stop", "restart", "reload").contains(cmd)) {
      throw ApiError.of(
          400, "Unknown command provided", "Known commands are: start, stop, reload, restart");
    }
    Proc p = processes.find(ex.param("id"));
    if (p == null || !p.domain.equals(ex.q("domain", ""))) {
      throw ApiError.of(400, "Command failed", "unknown process");
    }
    processes.command(processes.findForUpdate(ex.param("id")), cmd);
    return Reply.okString();
  }

  Reply report(Exchange ex) {
    Proc p = proc(ex);
    ObjectNode r = processes.renderReport(p, s.clock().millis());
    String created = ex.q("created_at", "");
    String exited = ex.q("exited_at", "");
    if (!s.since(V16_20) || (created.isEmpty() && exited.isEmpty())) {
      return Reply.ok(r);
    }
    Long c = parseLong(created, "invalid created_at unix timestamp");
    Long e = parseLong(exited, "invalid exited_at unix timestamp");
    ArrayNode hits = Json.arr();
    for (JsonNode h : r.path("history")) {
      long hc = h.path("created_at").asLong();
      long he = h.path("exited_at").asLong();
      boolean ok = c != null && e == null ? hc == c : c == null ? he == e : hc >= c && he <= e;
      if (ok) {
        hits.add(h);
      }
    }
    if (hits.isEmpty()) {
      throw ApiError.of(404, "Not Found", "No matching reports found");
    }
    ObjectNode out = Json.obj();
    out.put("created_at", Proc.ZERO_TIME);
    out.set("history", hits);
    return Reply.ok(out);
  }

  static @Nullable Long parseLong(String v, String error) {
    if (v.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.of(
          400, "Bad Request", error + ": strconv.ParseInt: parsing \"" + v + "\": invalid syntax");
    }
  }

  private Reply searchReports(Exchange ex) {
    Long from = parseLong(ex.q("from", ""), "invalid search range");
    Long to = parseLong(ex.q("to", ""), "invalid search range");
    return Reply.ok(
        processes.searchHistory(
            ex.q("idpattern", ""), ex.q("refpattern", ""), ex.q("state", ""), from, to));
  }

  Reply probe(Exchange ex) {
    Proc p = processes.find(ex.param("id"));
    if (p == null) {
      ObjectNode o = Json.obj();
      o.putArray("streams");
      o.putArray("log").add("Unknown process ID (" + ex.param("id") + ")");
      return Reply.ok(o);
    }
    synchronized (p) {
      return Reply.ok(probeOf(p.config));
    }
  }

  static ObjectNode probeOf(JsonNode cfg) {
    ObjectNode o = Json.obj();
    ArrayNode streams = o.putArray("streams");
    ArrayNode log = o.putArray("log");
    int i = 0;
    for (JsonNode in : cfg.path("input")) {
      String addr = in.path("address").asText();
      ObjectNode st = streams.addObject();
      st.put("url", addr);
      st.put("format", "lavfi");
      st.put("index", i);
      st.put("stream", 0);
      st.put("language", "und");
      st.put("type", "video");
      st.put("codec", "rawvideo");
      st.put("coder", "rawvideo");
      st.set("bitrate_kbps", Json.num3(0));
      st.set("duration_sec", Json.num3(0));
      st.set("fps", Json.num3(25));
      st.put("pix_fmt", "yuv420p");
      st.put("width", 640);
      st.put("height", 360);
      st.put("sampling_hz", 0);
      st.put("layout", "");
      st.put("channels", 0);
      log.add("Input #" + i + ", lavfi, from '" + addr + "':");
      log.add(
          "  Stream #"
              + i
              + ":0: Video: rawvideo (I420 / 0x30323449), yuv420p, 640x360, 25 fps, 25 tbr, 25 tbn");
      i++;
    }
    return o;
  }

  private Reply widget(Exchange ex) {
    Proc p = processes.find(ex.param("id"));
    if (p == null) {
      throw ApiError.of(404, "Unknown process ID", "unknown process");
    }
    ObjectNode o = Json.obj();
    o.put("current_sessions", 0);
    o.put("total_sessions", 0);
    synchronized (p) {
      o.put("uptime", p.running() ? (s.clock().millis() - p.startedAt) / 1000 : 0);
    }
    return Reply.ok(o);
  }

  // ---- filesystems ---------------------------------------------------------------------------

  private FileStore storage(Exchange ex) {
    if (!s.since(V16_12) && !List.of("mem", "disk").contains(ex.param("storage"))) {
      throw ApiError.notFound(); // before 16.12 only /fs/mem and /fs/disk are routed
    }
    FileStore f = fs.get(ex.param("storage"));
    if (f == null) {
      throw ApiError.of(404, "File not found", "unknown filesystem: " + ex.param("storage"));
    }
    return f;
  }

  /**
   * {@code GET} or {@code HEAD} of a file through the API. Before 16.12 the {@code mem} filesystem
   * has no {@code HEAD} route (405) and no MIME middleware (every file is {@code
   * application/data}).
   */
  private Reply apiFile(Exchange ex) {
    FileStore f = storage(ex);
    boolean plainMem = !s.since(V16_12) && f.name.equals("mem");
    if (plainMem && ex.method.equals("HEAD")) {
      throw ApiError.of(405, "Method Not Allowed", "Method Not Allowed");
    }
    Reply r = getFile(ex, f, "/" + ex.param("path"));
    if (plainMem) {
      r.contentType = "application/data";
    }
    return r;
  }

  ArrayNode listFiles(Exchange ex, FileStore f, boolean delete) {
    String glob = ex.q("glob", "");
    if (delete && glob.isEmpty()) {
      throw ApiError.of(400, "Bad Request", "a glob pattern is required");
    }
    long sizeMin = num(ex, "size_min", "0");
    long sizeMax = num(ex, "size_max", "0");
    String ls = ex.q("lastmod_start", "");
    String le = ex.q("lastmod_end", "");
    Long modStart = ls.isEmpty() ? null : num(ex, "lastmod_start", "0") * 1000;
    Long modEnd = le.isEmpty() ? null : (num(ex, "lastmod_end", "0") + 1) * 1000;
    Glob g = glob.isEmpty() ? null : Glob.compile(glob);
    List<Map.Entry<String, FileStore.Entry>> files = new ArrayList<>();
    for (var e : f.list()) {
      long size = e.getValue().data().length;
      long mod = e.getValue().modMillis();
      if ((g != null && !g.matches(e.getKey()))
          || (sizeMin > 0 && size < sizeMin)
          || (sizeMax > 0 && size > sizeMax)
          || (modStart != null && mod < modStart)
          || (modEnd != null && mod >= modEnd)) {
        continue;
      }
      files.add(e);
    }
    ArrayNode out = Json.arr();
    if (delete) {
      for (var e : files) {
        if (f.remove(e.getKey()) != null) {
          out.add(e.getKey());
          events.mediaEvent(f.name, "remove", e.getKey());
        }
      }
      return out;
    }
    boolean desc = ex.q("order", "asc").equals("desc");
    Comparator<Map.Entry<String, FileStore.Entry>> cmp =
        switch (ex.q("sort", "none")) {
          case "name" -> Map.Entry.comparingByKey();
          case "size" -> Comparator.comparingLong(e -> e.getValue().data().length);
          default -> Comparator.comparingLong(e -> e.getValue().modMillis());
        };
    files.sort(desc ? cmp.reversed() : cmp);
    for (var e : files) {
      ObjectNode o = out.addObject();
      o.put("name", e.getKey());
      o.put("size_bytes", e.getValue().data().length);
      o.put("last_modified", e.getValue().modMillis() / 1000);
    }
    return out;
  }

  private static long num(Exchange ex, String name, String def) {
    String v = ex.q(name, def);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.of(
          400, "Bad Request", name + ": strconv.ParseInt: parsing \"" + v + "\": invalid syntax");
    }
  }

  Reply getFile(Exchange ex, FileStore f, String path) {
    String clean = FileStore.clean(path);
    FileStore.Entry e = f.get(clean);
    if (e == null) {
      throw ApiError.of(404, "File not found", clean);
    }
    byte[] data = e.data();
    Reply r;
    String range = ex.header("Range");
    if (range != null
        && range.startsWith("bytes=")
        && !range.contains(",")
        && !ex.method.equals("HEAD")) {
      long[] se = parseRange(range.substring(6), data.length);
      if (se == null) {
        throw ApiError.of(416, "Requested Range Not Satisfiable", "invalid range");
      }
      r =
          Reply.bytes(
              206,
              FileStore.mimeType(clean),
              Arrays.copyOfRange(data, (int) se[0], (int) se[1] + 1));
      r.header("Content-Range", "bytes " + se[0] + "-" + se[1] + "/" + data.length);
    } else {
      r =
          Reply.bytes(
              200, FileStore.mimeType(clean), ex.method.equals("HEAD") ? new byte[0] : data);
      r.headLength = data.length;
    }
    r.header("Last-Modified", HTTP_DATE.format(Instant.ofEpochMilli(e.modMillis())));
    r.header("Accept-Ranges", "bytes");
    return r;
  }

  private static long @Nullable [] parseRange(String spec, long size) {
    int dash = spec.indexOf('-');
    if (dash < 0 || size == 0) {
      return null;
    }
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      long start;
      long end;
      if (a.isEmpty()) {
        long n = Long.parseLong(b);
        start = Math.max(0, size - n);
        end = size - 1;
      } else {
        start = Long.parseLong(a);
        end = b.isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(b));
      }
      return start > end || start >= size ? null : new long[] {start, end};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  Reply putFile(Exchange ex, FileStore f, String path) {
    String clean = FileStore.clean(path);
    boolean created = f.put(clean, ex.body, s.clock().millis());
    events.mediaEvent(f.name, "create", clean);
    String location = ex.rawPath + (ex.rawQuery.isEmpty() ? "" : "?" + ex.rawQuery);
    Reply r = created ? Reply.text(201, "") : Reply.empty(204);
    return r.header("Content-Location", location);
  }

  Reply deleteFile(FileStore f, String path) {
    String clean = FileStore.clean(path);
    if (f.remove(clean) == null) {
      throw ApiError.of(404, "File not found", clean);
    }
    events.mediaEvent(f.name, "remove", clean);
    return Reply.text(200, "Deleted: " + clean);
  }

  private Reply publicFile(Exchange ex, FileStore f, String path, boolean fallback) {
    FileStore.Entry e = f.get("/" + path);
    if (e == null && fallback && !s.since(V16_20)) {
      // Core's disk filesystem handler; before 16.11 its cache middleware wrote 200 ahead of it
      int status = !s.since(V16_11) && cachedMiss(ex, path) ? 200 : 404;
      return Reply.json(status, Json.error(404, "File not found", "/" + path));
    }
    if (e == null && fallback) {
      return ApiError.notFound().reply();
    }
    try {
      return getFile(ex, f, "/" + path);
    } catch (ApiError err) {
      return err.reply();
    }
  }

  /** Whether Core's disk cache handles the request: a GET of a path its block list lets through. */
  private static boolean cachedMiss(Exchange ex, String path) {
    return ex.method.equals("GET") && !path.endsWith(".m3u8") && !path.endsWith(".mpd");
  }

  private Reply memfsWrite(Exchange ex, boolean delete) {
    String auth = ex.header("Authorization");
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + memfsPassword).getBytes(StandardCharsets.UTF_8));
    if (auth == null || !auth.equals(expected)) {
      return Reply.bytes(
              401, Json.TEXT, Json.bytes(Json.error(401, "Unauthorized", "Unauthorized")))
          .header("WWW-Authenticate", "Basic realm=datarhei-core");
    }
    FileStore mem = fs.get("mem");
    return delete
        ? deleteFile(mem, "/" + ex.param("path"))
        : putFile(ex, mem, "/" + ex.param("path"));
  }

  Reply fileOperation(Exchange ex) {
    JsonNode op = jsonBody(ex);
    String operation = op.path("operation").asText("");
    if (!operation.equals("copy") && !operation.equals("move")) {
      throw ApiError.of(400, "Bad Request", "invalid operation: " + operation);
    }
    String[] src = fsRef(op.path("source").asText(""), "source");
    FileStore from = fs.get(src[0]);
    if (from == null) {
      throw ApiError.of(400, "Bad Request", "source filesystem not found: " + src[0]);
    }
    if (op.path("source").asText().equals(op.path("target").asText())) {
      return Reply.okString();
    }
    String[] dst = fsRef(op.path("target").asText(""), "target");
    FileStore to = fs.get(dst[0]);
    if (to == null) {
      throw ApiError.of(400, "Bad Request", "target filesystem not found: " + dst[0]);
    }
    FileStore.Entry e = from.get(src[1]);
    if (e == null) {
      throw ApiError.of(404, "Not Found", "file not found: " + src[0] + ":" + src[1]);
    }
    to.put(dst[1], e.data(), s.clock().millis());
    events.mediaEvent(to.name, "create", FileStore.clean(dst[1]));
    if (operation.equals("move")) {
      from.remove(src[1]);
      events.mediaEvent(from.name, "remove", FileStore.clean(src[1]));
    }
    return Reply.okString();
  }

  private static String[] fsRef(String ref, String what) {
    int colon = ref.indexOf(':');
    if (colon <= 0) {
      throw ApiError.of(400, "Bad Request", "missing " + what + " filesystem prefix");
    }
    return new String[] {ref.substring(0, colon), ref.substring(colon + 1)};
  }

  // ---- log, metrics, sessions ----------------------------------------------------------------

  private Reply log(Exchange ex) {
    ArrayNode a = Json.arr();
    boolean raw = ex.q("format", "console").equals("raw");
    for (EventBus.Entry e : events.logEntries()) {
      if (raw) {
        a.add(EventBus.toRaw(e));
      } else {
        a.add(EventBus.toConsole(e));
      }
    }
    return Reply.ok(a);
  }

  private Reply queryMetrics(Exchange ex) {
    JsonNode q = jsonBody(ex);
    long range = q.path("timerange_sec").asLong(0);
    ObjectNode out = Json.obj();
    out.put("timerange_sec", 300);
    out.put("interval_sec", 2);
    ArrayNode metrics = out.putArray("metrics");
    long now = s.clock().millis() / 1000;
    int points = range <= 0 ? 1 : (int) Math.max(1, Math.min(range, 300) / 2);
    for (JsonNode m : q.path("metrics")) {
      String name = m.path("name").asText("");
      String[] desc =
          Arrays.stream(StaticData.METRICS).filter(d -> d[0].equals(name)).findFirst().orElse(null);
      if (desc == null) {
        continue;
      }
      JsonNode labels = m.path("labels");
      List<Map<String, String>> series = new ArrayList<>();
      if (labels.isObject() && labels.size() > 0) {
        Map<String, String> l = new LinkedHashMap<>();
        labels.properties().forEach(e -> l.put(e.getKey(), e.getValue().asText()));
        series.add(l);
      } else if (name.equals("ffmpeg_process") || name.equals("restream_state")) {
        for (String st :
            List.of("finished", "starting", "running", "finishing", "failed", "killed")) {
          series.add(Map.of("state", st));
        }
      } else if (name.startsWith("filesystem_")) {
        fs.keySet().forEach(n -> series.add(Map.of("name", n)));
      } else {
        series.add(null);
      }
      for (Map<String, String> l : series) {
        ObjectNode o = metrics.addObject();
        o.put("name", name);
        if (l == null) {
          o.putNull("labels");
        } else {
          ObjectNode lo = o.putObject("labels");
          l.forEach(lo::put);
        }
        double v = metricValue(name, l == null ? Map.of() : l);
        ArrayNode values = o.putArray("values");
        for (int i = points - 1; i >= 0; i--) {
          values.addArray().add(now - i * 2L).add(v);
        }
      }
    }
    return Reply.ok(out);
  }

  private double metricValue(String name, Map<String, String> labels) {
    int ncpu = Runtime.getRuntime().availableProcessors();
    return switch (name) {
      case "cpu_ncpu" -> ncpu;
      case "cpu_idle" -> 87.5;
      case "cpu_user" -> 10.0;
      case "cpu_system" -> 2.5;
      case "cpu_limit" -> 100.0;
      case "mem_total", "mem_limit" -> 8_589_934_592.0;
      case "mem_free" -> 6_442_450_944.0;
      case "uptime_uptime" -> (s.clock().millis() - startedAt) / 1000.0;
      case "filesystem_files" ->
          fs.containsKey(labels.get("name")) ? fs.get(labels.get("name")).count() : 0;
      case "filesystem_usage" ->
          fs.containsKey(labels.get("name")) ? fs.get(labels.get("name")).totalBytes() : 0;
      case "filesystem_limit" -> -1;
      case "ffmpeg_process", "restream_state" -> countState(labels.getOrDefault("state", ""));
      default -> 0;
    };
  }

  private double countState(String state) {
    long now = s.clock().millis();
    long n = 0;
    for (Proc p : processes.procs.values()) {
      synchronized (p) {
        if (p.exec(now, s.processStartDelay().toMillis()).equals(state)) {
          n++;
        }
      }
    }
    if (state.equals("finished")) {
      n += processes.count() - processes.realCount();
    }
    return n;
  }

  private static List<String> collectors(Exchange ex) {
    return List.of(ex.q("collectors", "").split(",", -1));
  }

  private Reply sessionToken(Exchange ex) {
    String name = ex.param("username");
    if (!knownUser(name)) {
      throw ApiError.of(404, "Not Found", "identity not found");
    }
    JsonNode body = jsonBody(ex);
    if (!body.isArray()) {
      throw ApiError.of(400, "Bad Request", "invalid JSON: expected an array");
    }
    ArrayNode out = Json.arr();
    for (JsonNode r : body) {
      ObjectNode o = out.addObject();
      o.put("match", r.path("match").asText(""));
      o.set("remote", r.path("remote").isArray() ? r.get("remote") : Json.arr());
      o.set("extra", r.path("extra").isObject() ? r.get("extra") : Json.obj());
      o.put("ttl_sec", r.path("ttl_sec").asLong(0));
      o.put("token", name + ":" + Jwt.shortId());
    }
    return Reply.ok(out);
  }

  // ---- IAM -----------------------------------------------------------------------------------

  private ObjectNode iamUser(String name, String password, boolean superuser, ArrayNode policies) {
    ObjectNode u = Json.obj();
    u.put("created_at", 0);
    u.put("updated_at", 0);
    u.put("name", name);
    u.put("alias", "");
    u.put("superuser", superuser);
    ObjectNode auth = u.putObject("auth");
    ObjectNode api = auth.putObject("api");
    api.put("userpass", password);
    ObjectNode auth0 = api.putObject("auth0");
    auth0.put("user", "");
    ObjectNode tenant = auth0.putObject("tenant");
    tenant.put("domain", "");
    tenant.put("audience", "");
    tenant.put("client_id", "");
    ObjectNode services = auth.putObject("services");
    services.putArray("basic");
    services.putArray("token");
    services.putArray("session");
    u.set("policies", policies);
    return u;
  }

  ObjectNode identity(String name) {
    if (name.equals(s.user())) {
      ArrayNode all = Json.arr();
      ObjectNode p = all.addObject();
      p.put("domain", "$none");
      p.set("types", Json.strings(List.of("api", "fs", "process", "rtmp", "srt")));
      p.put("resource", "**");
      p.set("actions", Json.strings(List.of("any")));
      return iamUser(name, s.password(), true, all);
    }
    ObjectNode u = iam.get(name);
    if (u == null) {
      throw ApiError.of(404, "Not Found", "identity not found");
    }
    return u.deepCopy();
  }

  Reply addUser(Exchange ex) {
    ObjectNode body = jsonObject(ex);
    String name = body.path("name").asText("");
    if (name.isEmpty()) {
      throw ApiError.of(400, "Bad Request", "invalid identity: a name is required");
    }
    if (name.equals(s.user()) || iam.containsKey(name)) {
      throw ApiError.of(400, "Bad Request", "the name '" + name + "' is already in use");
    }
    ObjectNode u = normalizeUser(body);
    ObjectNode stored = u.deepCopy();
    long now = s.clock().millis() / 1000;
    stored.put("created_at", now);
    stored.put("updated_at", now);
    iam.put(name, stored);
    events.log("INFO", "iam", "Identity added", "iam/iam.go", EventBus.data("name", name));
    return Reply.ok(u);
  }

  Reply updateUser(Exchange ex) {
    String name = ex.param("name");
    ObjectNode current = iam.get(name);
    if (current == null || name.equals("$anon")) {
      throw ApiError.of(404, "Not Found", "identity not found");
    }
    ObjectNode body = jsonObject(ex);
    ObjectNode u = normalizeUser(body);
    String newName = u.path("name").asText(name);
    if (!newName.equals(name) && (iam.containsKey(newName) || newName.equals(s.user()))) {
      throw ApiError.of(400, "Bad Request", "the name '" + newName + "' is already in use");
    }
    u.put("created_at", current.path("created_at").asLong());
    u.put("updated_at", s.clock().millis() / 1000);
    iam.remove(name);
    iam.put(newName, u);
    return Reply.ok(u);
  }

  private ObjectNode normalizeUser(ObjectNode body) {
    ObjectNode u =
        iamUser(
            body.path("name").asText(""),
            body.path("auth").path("api").path("userpass").asText(""),
            body.path("superuser").asBoolean(false),
            body.path("policies").isArray() ? (ArrayNode) body.get("policies") : Json.arr());
    u.put("alias", body.path("alias").asText(""));
    JsonNode services = body.path("auth").path("services");
    if (services.isObject()) {
      ((ObjectNode) u.get("auth")).set("services", services);
    }
    return u;
  }

  // ---- cluster -------------------------------------------------------------------------------

  private ObjectNode clusterNode() {
    ObjectNode n = Json.obj();
    String address = "127.0.0.1:8000";
    long uptime = (s.clock().millis() - startedAt) / 1000;
    n.put("id", s.id());
    n.put("name", s.name());
    n.putArray("public_domains");
    n.put("version", s.versionNumber());
    n.put("status", "online");
    n.put("error", "");
    n.put("voter", true);
    n.put("leader", true);
    n.put("address", address);
    n.put("created_at", Instant.ofEpochSecond(startedAt / 1000).toString());
    n.put("uptime_seconds", uptime);
    n.put("last_contact_ms", 0.0);
    n.put("latency_ms", 0.5);
    ObjectNode core = n.putObject("core");
    core.put(
        "address", "http://" + s.user() + ":" + s.password() + "@" + s.host() + ":" + port + "/");
    core.put("status", "online");
    core.put("error", "");
    core.put("last_contact_ms", 0.0);
    core.put("latency_ms", 0.5);
    core.put("version", s.versionNumber());
    ObjectNode r = n.putObject("resources");
    r.put("is_throttling", false);
    r.put("ncpu", (double) Runtime.getRuntime().availableProcessors());
    r.put("cpu_used", 12.5);
    r.put("cpu_limit", 100.0);
    r.put("cpu_core", 0.5);
    r.put("memory_used_bytes", 2_147_483_648L);
    r.put("memory_limit_bytes", 8_589_934_592L);
    r.put("memory_total_bytes", 8_589_934_592L);
    r.put("memory_core_bytes", 52_428_800L);
    r.putArray("gpu");
    r.put("error", "");
    return n;
  }

  private ObjectNode clusterAbout() {
    ObjectNode o = Json.obj();
    long uptime = (s.clock().millis() - startedAt) / 1000;
    o.put("id", "sim-cluster");
    o.putArray("public_domains");
    ObjectNode leader = o.putObject("leader");
    leader.put("id", s.id());
    leader.put("address", "127.0.0.1:8000");
    leader.put("elected_seconds", uptime);
    o.put("status", "online");
    ObjectNode raft = o.putObject("raft");
    raft.put("address", "127.0.0.1:8000");
    raft.put("state", "Leader");
    raft.put("last_contact_ms", 0.0);
    raft.put("num_peers", 1);
    raft.put("log_term", 1);
    raft.put("log_index", 1);
    o.putArray("nodes").add(clusterNode());
    o.put("version", "2.1.0");
    o.put("degraded", false);
    o.put("degraded_error", "");
    return o;
  }

  // ---- events --------------------------------------------------------------------------------

  private static JsonNode eventBody(Exchange ex) {
    if (ex.body.length == 0) {
      throw ApiError.of(400, "Bad Request", "invalid JSON: request doesn't contain any content");
    }
    if (!ex.isJsonContent()) {
      throw ApiError.of(400, "Bad Request", "invalid JSON: request doesn't contain JSON content");
    }
    try {
      return Json.parse(ex.body);
    } catch (ApiError e) {
      throw ApiError.of(
          400, "Bad Request", "invalid JSON: " + e.body.path("details").path(0).asText());
    }
  }

  /**
   * A keepalive at once and then periodically. Merge it after the event source, so the source is
   * subscribed before the first byte reaches the client and no event can slip in between.
   */
  private Flux<byte[]> keepalives(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    Duration every = s.eventKeepalive();
    return Flux.concat(
        Mono.just(b), Flux.interval(every, every, timer).onBackpressureDrop().map(i -> b));
  }

  private static Reply eventStream(String contentType, Flux<byte[]> body) {
    Reply r = Reply.stream(200, contentType + "; charset=UTF-8", body, true);
    r.header("Cache-Control", "no-store");
    r.header("Connection", "close");
    return r;
  }

  private Mono<Reply> logEvents(Exchange ex) {
    return logEvents(ex, events.logEvents().map(events::toEvent));
  }

  /** A stream of log events of {@code source} (one node's, or all nodes' of a cluster). */
  Mono<Reply> logEvents(Exchange ex, Flux<ObjectNode> source) {
    JsonNode body = eventBody(ex);
    Map<String, List<JsonNode>> filters = new LinkedHashMap<>();
    for (JsonNode f : body.path("filters")) {
      for (String field : List.of("message", "level", "caller", "core_id")) {
        String re = f.path(field).asText("");
        try {
          java.util.regex.Pattern.compile(re);
        } catch (java.util.regex.PatternSyntaxException e) {
          throw ApiError.of(
              400,
              "Bad Request",
              "invalid filter: " + f.path("event").asText() + ": " + e.getDescription());
        }
      }
      filters
          .computeIfAbsent(
              f.path("event").asText("").toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(f);
    }
    String accept = ex.header("Accept");
    boolean ndjson = accept != null && accept.contains("application/x-json-stream");
    Flux<ObjectNode> evts =
        source
            .filter(e -> EventBus.passes(e, filters))
            .onBackpressureBuffer(
                1024, x -> {}, reactor.core.publisher.BufferOverflowStrategy.DROP_OLDEST);
    Flux<byte[]> out;
    if (ndjson) {
      out =
          Flux.merge(
              evts.map(e -> (Json.string(e) + "\n").getBytes(StandardCharsets.UTF_8)),
              keepalives("{\"event\": \"keepalive\"}\n"));
      return Mono.just(eventStream("application/x-json-stream", out));
    }
    out =
        Flux.merge(
            evts.map(
                e ->
                    ("event: " + e.path("event").asText() + "\ndata: " + Json.string(e) + "\n\n")
                        .getBytes(StandardCharsets.UTF_8)),
            keepalives(":keepalive\n\n"));
    return Mono.just(eventStream("text/event-stream", out));
  }

  private Mono<Reply> processEvents(Exchange ex) {
    return processEvents(ex, events.processEvents());
  }

  /** A stream of process events of {@code source} (one node's, or all nodes' of a cluster). */
  Mono<Reply> processEvents(Exchange ex, Flux<ObjectNode> source) {
    JsonNode body = eventBody(ex);
    List<JsonNode> filters = new ArrayList<>();
    body.path("filters").forEach(filters::add);
    for (JsonNode f : filters) {
      f.properties()
          .forEach(
              field -> {
                try {
                  java.util.regex.Pattern.compile(field.getValue().asText(""));
                } catch (java.util.regex.PatternSyntaxException e) {
                  throw ApiError.of(400, "Bad Request", "invalid filter: " + e.getDescription());
                }
              });
    }
    Flux<byte[]> evts =
        source
            .filter(e -> filters.isEmpty() || filters.stream().anyMatch(f -> processFilter(e, f)))
            .onBackpressureBuffer(
                1024, x -> {}, reactor.core.publisher.BufferOverflowStrategy.DROP_OLDEST)
            .map(e -> (Json.string(e) + "\n").getBytes(StandardCharsets.UTF_8));
    return Mono.just(
        eventStream(
            "application/x-json-stream",
            Flux.merge(evts, keepalives("{\"type\":\"keepalive\"}\n"))));
  }

  /** Like Core: each field of the filter is a case-insensitive regular expression to find. */
  private static boolean processFilter(JsonNode e, JsonNode f) {
    for (String field : List.of("pid", "domain", "type", "core_id")) {
      String want = f.path(field).asText("");
      if (!want.isEmpty()
          && !java.util.regex.Pattern.compile("(?i)" + want)
              .matcher(e.path(field).asText())
              .find()) {
        return false;
      }
    }
    return true;
  }

  private Mono<Reply> mediaEvents(Exchange ex) {
    String type = ex.param("type");
    if (!List.of("mem", "disk", "rtmp", "srt").contains(type)) {
      throw ApiError.of(404, "Not Found", "media source not found");
    }
    String pattern = ex.q("glob", "");
    Glob g = pattern.isEmpty() ? null : Glob.compile(pattern);
    FileStore f = fs.get(type);
    Flux<byte[]> list =
        Flux.defer(
            () -> {
              ObjectNode o = Json.obj();
              o.put("action", "list");
              ArrayNode names = o.putArray("names");
              if (f != null) {
                f.list().stream()
                    .map(Map.Entry::getKey)
                    .filter(n -> g == null || g.matches(n))
                    .forEach(names::add);
              }
              o.put("ts", s.clock().millis());
              return Flux.just((Json.string(o) + "\n").getBytes(StandardCharsets.UTF_8));
            });
    Flux<byte[]> evts =
        events
            .mediaEvents()
            .filter(
                e ->
                    e.path("source").asText().equals(type)
                        && (g == null || g.matches(e.path("name").asText())))
            .onBackpressureBuffer(
                1024, x -> {}, reactor.core.publisher.BufferOverflowStrategy.DROP_OLDEST)
            .map(
                e -> {
                  ObjectNode o = e.deepCopy();
                  o.remove("source");
                  return (Json.string(o) + "\n").getBytes(StandardCharsets.UTF_8);
                });
    return Mono.just(
        eventStream(
            "application/x-json-stream",
            Flux.merge(evts, Flux.concat(list, keepalives("{\"action\":\"keepalive\"}\n")))));
  }
}
