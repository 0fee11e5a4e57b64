package dev.corekit.simulator.internal;

import static dev.corekit.simulator.CoreVersion.V16_12;
import static dev.corekit.simulator.CoreVersion.V16_13;
import static dev.corekit.simulator.CoreVersion.V16_20;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Processes and metadata: real ones in a sorted map, plus N seeded synthetic ones that exist only
 * as a count and are rendered on demand, so a list of a million costs no memory. A seeded process
 * becomes real when it is changed.
 */
final class ProcessStore {
  static final String SEED_PREFIX = "seed-";
  private static final int CHUNK = 64;

  private final Settings s;
  private final Clock clock;
  private final EventBus events;
  final ConcurrentSkipListMap<String, Proc> procs = new ConcurrentSkipListMap<>();
  final Map<String, JsonNode> globalMetadata = new ConcurrentSkipListMap<>();
  private volatile long seeded;
  private volatile int seedWidth = 7;
  private volatile long seedCreatedAt;
  private final Set<String> seedShadow = ConcurrentHashMap.newKeySet();

  ProcessStore(Settings s, EventBus events) {
    this.s = s;
    this.clock = s.clock();
    this.events = events;
  }

  private long nowMs() {
    return clock.millis();
  }

  private long startDelay() {
    return s.processStartDelay().toMillis();
  }

  // ---- seeding -------------------------------------------------------------------------------

  void seed(long n) {
    seedCreatedAt = nowMs() / 1000;
    seedWidth = Math.max(7, Long.toString(Math.max(0, n - 1)).length());
    seedShadow.clear();
    procs.keySet().removeIf(k -> k.startsWith(SEED_PREFIX));
    seeded = n;
  }

  long seeded() {
    return seeded;
  }

  private String seedId(long i) {
    String digits = Long.toString(i);
    StringBuilder sb = new StringBuilder(SEED_PREFIX);
    for (int k = digits.length(); k < seedWidth; k++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  private boolean isSeedId(String id) {
    if (!id.startsWith(SEED_PREFIX) || seedShadow.contains(id)) {
      return false;
    }
    String d = id.substring(SEED_PREFIX.length());
    if (d.length() != seedWidth || !d.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return Long.parseLong(d) < seeded;
  }

  private Proc seedProc(String id) {
    ObjectNode in = Json.obj();
    in.put("id", "in");
    in.put("address", "testsrc2=rate=25:size=640x360");
    in.set("options", Json.strings(List.of("-f", "lavfi", "-re")));
    ObjectNode out = Json.obj();
    out.put("id", "out");
    out.put("address", "-");
    out.set("options", Json.strings(List.of("-codec:v", "libx264", "-f", "null")));
    ObjectNode raw = Json.obj();
    raw.put("id", id);
    raw.put("reference", "seed");
    raw.put("autostart", false);
    raw.putArray("input").add(in);
    raw.putArray("output").add(out);
    ObjectNode cfg = normalize(raw, s.user(), null);
    Proc p = new Proc(id, "", s.user(), cfg, seedCreatedAt, 0);
    return p;
  }

  /** Finds a process, synthesizing a seeded one; null if unknown. */
  @Nullable Proc find(String id) {
    Proc p = procs.get(id);
    if (p != null) {
      return p;
    }
    return isSeedId(id) ? seedProc(id) : null;
  }

  /** Finds a process for a change, making a seeded one real first. */
  @Nullable Proc findForUpdate(String id) {
    Proc p = procs.get(id);
    if (p != null || !isSeedId(id)) {
      return p;
    }
    Proc made = seedProc(id);
    Proc prev = procs.putIfAbsent(id, made);
    seedShadow.add(id);
    return prev != null ? prev : made;
  }

  boolean exists(String id) {
    return procs.containsKey(id) || isSeedId(id);
  }

  int realCount() {
    return procs.size();
  }

  long count() {
    return procs.size() + Math.max(0, seeded - seedShadow.size());
  }

  // ---- config parsing ------------------------------------------------------------------------

  /** Normalizes a config body (or the current config overlaid by a body) to 16.20's full shape. */
  ObjectNode normalize(ObjectNode body, String owner, @Nullable ObjectNode current) {
    ObjectNode b = current == null ? body : overlay(current, body);
    ObjectNode c = Json.obj();
    String id = str(b, "id", "");
    c.put("id", id.isEmpty() ? Jwt.shortId() : id);
    c.put("owner", str(b, "owner", owner));
    c.put("domain", str(b, "domain", ""));
    c.put("binary", str(b, "binary", "ffmpeg"));
    String type = str(b, "type", "ffmpeg");
    if (!type.isEmpty() && !type.equals("ffmpeg")) {
      throw ApiError.of(
          400,
          "Invalid JSON",
          "Key: 'ProcessConfig.Type' Error:Field validation for 'Type' failed on the 'oneof' tag");
    }
    c.put("type", "ffmpeg");
    c.put("reference", str(b, "reference", ""));
    c.set("input", ios(b, "input"));
    c.set("output", ios(b, "output"));
    c.set("options", stringArray(b, "options", "ProcessConfig.options"));
    c.put("reconnect", bool(b, "reconnect", false));
    c.put("reconnect_delay_seconds", uint(b, "reconnect_delay_seconds"));
    c.put("autostart", bool(b, "autostart", true));
    c.put("stale_timeout_seconds", uint(b, "stale_timeout_seconds"));
    c.put("runtime_duration_seconds", uint(b, "runtime_duration_seconds"));
    c.put("scheduler", str(b, "scheduler", ""));
    c.set("log_patterns", stringArray(b, "log_patterns", "ProcessConfig.log_patterns"));
    JsonNode l = b.path("limits");
    if (!l.isMissingNode() && !l.isNull() && !l.isObject()) {
      throw typeError("limits", "object", l);
    }
    ObjectNode limits = c.putObject("limits");
    limits.set("cpu_usage", Json.F.numberNode(num(l, "cpu_usage")));
    limits.put("memory_mbytes", uint(l, "memory_mbytes"));
    limits.set("gpu_usage", Json.F.numberNode(num(l, "gpu_usage")));
    limits.set("gpu_encoder", Json.F.numberNode(num(l, "gpu_encoder")));
    limits.set("gpu_decoder", Json.F.numberNode(num(l, "gpu_decoder")));
    limits.put("gpu_memory_mbytes", uint(l, "gpu_memory_mbytes"));
    limits.put("waitfor_seconds", uint(l, "waitfor_seconds"));
    limits.set("log_event_rate", Json.F.numberNode(num(l, "log_event_rate")));
    return c;
  }

  private static ObjectNode overlay(ObjectNode current, ObjectNode body) {
    ObjectNode o = current.deepCopy();
    body.properties().forEach(e -> o.set(e.getKey(), e.getValue()));
    return o;
  }

  private static ApiError typeError(String field, String type, JsonNode got) {
    String gotType =
        got.isNumber()
            ? "number"
            : got.isTextual()
                ? "string"
                : got.isBoolean() ? "bool" : got.isArray() ? "array" : "object";
    return ApiError.of(
        400,
        "Invalid JSON",
        "expect type '"
            + type
            + "' for '"
            + field
            + "': json: cannot unmarshal "
            + gotType
            + " into Go struct field ProcessConfig."
            + field
            + " of type "
            + type);
  }

  private static String str(JsonNode o, String f, String def) {
    JsonNode v = o.get(f);
    if (v == null || v.isNull()) {
      return def;
    }
    if (!v.isTextual()) {
      throw typeError(f, "string", v);
    }
    return v.asText();
  }

  private static boolean bool(JsonNode o, String f, boolean def) {
    JsonNode v = o.get(f);
    if (v == null || v.isNull()) {
      return def;
    }
    if (!v.isBoolean()) {
      throw typeError(f, "bool", v);
    }
    return v.asBoolean();
  }

  private static long uint(JsonNode o, String f) {
    JsonNode v = o.get(f);
    if (v == null || v.isNull()) {
      return 0;
    }
    if (!v.isIntegralNumber() || v.asLong() < 0) {
      throw typeError(f, "uint64", v);
    }
    return v.asLong();
  }

  private static double num(JsonNode o, String f) {
    JsonNode v = o.get(f);
    if (v == null || v.isNull()) {
      return 0;
    }
    if (!v.isNumber()) {
      throw typeError(f, "float64", v);
    }
    return v.asDouble();
  }

  private static ArrayNode stringArray(JsonNode o, String f, String ctx) {
    JsonNode v = o.get(f);
    ArrayNode a = Json.arr();
    if (v == null || v.isNull()) {
      return a;
    }
    if (!v.isArray()) {
      throw typeError(f, "[]string", v);
    }
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw typeError(f, "string", e);
      }
      a.add(e.asText());
    }
    return a;
  }

  private static ArrayNode ios(JsonNode b, String f) {
    JsonNode v = b.get(f);
    ArrayNode out = Json.arr();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw typeError(f, "[]ProcessConfigIO", v);
    }
    for (JsonNode io : v) {
      if (!io.isObject()) {
        throw typeError(f, "ProcessConfigIO", io);
      }
      ObjectNode n = out.addObject();
      String id = str(io, "id", "");
      n.put("id", id.isEmpty() ? Jwt.shortId() : id);
      n.put("address", str(io, "address", ""));
      n.set("options", stringArray(io, "options", "ProcessConfigIO.options"));
      ArrayNode cleanup = n.putArray("cleanup");
      JsonNode cl = io.path("cleanup");
      if (cl.isArray()) {
        for (JsonNode c : cl) {
          ObjectNode cn = cleanup.addObject();
          cn.put("pattern", str(c, "pattern", ""));
          cn.put("max_files", uint(c, "max_files"));
          cn.put("max_file_age_seconds", uint(c, "max_file_age_seconds"));
          cn.put("purge_on_delete", bool(c, "purge_on_delete", false));
        }
      }
    }
    return out;
  }

  /** Core's checks after parsing: inputs and outputs present, addresses set. */
  static void validate(ObjectNode c) {
    if (c.path("input").isEmpty() || c.path("output").isEmpty()) {
      throw ApiError.withBody(
          400, Json.error(400, "At least one input and one output need to be defined"));
    }
    for (String kind : List.of("input", "output")) {
      for (JsonNode io : c.path(kind)) {
        if (io.path("address").asText().isEmpty()) {
          throw ApiError.of(
              400,
              "Invalid process config",
              "reference error for '#"
                  + c.path("id").asText()
                  + ":"
                  + io.path("id").asText()
                  + "': empty address");
        }
      }
    }
  }

  /**
   * Before 16.12 Core's handler refused only a process with neither inputs nor outputs; one lacking
   * only one side was refused by its restreamer, with another message.
   */
  private static void oneSideMissing(ObjectNode c) {
    boolean noInput = c.path("input").isEmpty();
    if (noInput != c.path("output").isEmpty()) {
      String id = c.path("id").asText();
      throw ApiError.of(
          400,
          "Invalid process config",
          noInput
              ? "at least one input must be defined for the process '" + id + "'"
              : "at least one output must be defined for the process '#" + id + "'");
    }
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /** Adds a process; returns it. Throws Core's errors. */
  Proc add(ObjectNode body, String owner) {
    ObjectNode cfg = normalize(body, owner, null);
    if (!s.since(V16_12)) {
      oneSideMissing(cfg);
    }
    validate(cfg);
    String id = cfg.path("id").asText();
    int pid = 1000 + ThreadLocalRandom.current().nextInt(60000);
    Proc p =
        new Proc(
            id, cfg.path("domain").asText(), cfg.path("owner").asText(), cfg, nowMs() / 1000, pid);
    applyConfigMetadata(p, body);
    if (isSeedId(id) || procs.putIfAbsent(id, p) != null) {
      throw ApiError.of(400, "Invalid process config", "process already exists");
    }
    log("Created", p);
    if (cfg.path("autostart").asBoolean()) {
      command(p, "start");
    }
    return p;
  }

  /**
   * Replaces a process config; created_at and updated_at are reset. From 16.12 on the body is
   * merged onto the current config, before that it is the whole new config (missing fields take
   * their defaults, the id that of the path).
   */
  Proc update(String id, ObjectNode body, String owner) {
    Proc p = findForUpdate(id);
    if (p == null) {
      throw ApiError.of(404, "Process not found", id);
    }
    ObjectNode cfg;
    synchronized (p) {
      ObjectNode current = s.since(V16_12) ? p.config.deepCopy() : Json.obj().put("id", id);
      cfg = normalize(body, owner, current);
    }
    validate(cfg);
    String newId = cfg.path("id").asText();
    if (!newId.equals(id) && exists(newId)) {
      throw ApiError.of(400, "Invalid process config", "process already exists");
    }
    boolean wasRunning;
    synchronized (p) {
      wasRunning = p.running();
      if (wasRunning) {
        p.stop(nowMs(), startDelay());
      }
      p.config = cfg;
      p.domain = cfg.path("domain").asText();
      p.owner = cfg.path("owner").asText();
      long now = nowMs() / 1000;
      p.createdAt = now;
      p.updatedAt = now;
      applyConfigMetadata(p, body);
      if (!newId.equals(id)) {
        procs.remove(id);
        p.id = newId;
        procs.put(newId, p);
      }
    }
    log("Updated", p);
    if (wasRunning) {
      command(p, "start");
    }
    return p;
  }

  private static void applyConfigMetadata(Proc p, ObjectNode body) {
    JsonNode md = body.get("metadata");
    if (md != null && md.isObject()) {
      md.properties()
          .forEach(
              e -> {
                if (e.getValue().isNull()) {
                  p.metadata.remove(e.getKey());
                } else {
                  p.metadata.put(e.getKey(), e.getValue());
                }
              });
    }
  }

  void delete(String id) {
    Proc p = findForUpdate(id);
    if (p == null) {
      throw ApiError.of(404, "Unknown process ID", "unknown process");
    }
    command(p, "stop");
    procs.remove(id);
    if (id.startsWith(SEED_PREFIX)) {
      seedShadow.add(id);
    }
    log("Deleted", p);
  }

  /** Runs start, stop, restart or reload. */
  void command(Proc p, String command) {
    long now = nowMs();
    switch (command) {
      case "start" -> {
        int epoch;
        synchronized (p) {
          if (p.running()) {
            return;
          }
          p.start(now, this::displayAddress);
          p.failure = startFailure.apply(p);
          epoch = p.epoch;
        }
        log("Starting", p);
        // Like Core, which sends each output line of ffmpeg that is not a progress line.
        p.prelude.forEach(line -> lineEvent(p, line, now));
        List<String> failure = p.failure;
        if (failure != null) {
          failure.forEach(line -> lineEvent(p, line, now));
        }
        scheduler.accept(
            startDelay(),
            () -> {
              synchronized (p) {
                if (p.epoch != epoch || !p.running()) {
                  return;
                }
              }
              log("Started", p);
            });
      }
      case "stop" -> {
        synchronized (p) {
          if (!p.running()) {
            return;
          }
          p.stop(now, startDelay());
        }
        lineEvent(p, Proc.EXIT_LINE, now);
        log("Stopping", p);
        log("Exited", p);
      }
      case "restart" -> {
        boolean running;
        synchronized (p) {
          running = p.running();
        }
        if (running) {
          command(p, "stop");
          command(p, "start");
        }
      }
      case "reload" -> {
        boolean running;
        synchronized (p) {
          running = p.running();
        }
        log("Reloading", p);
        if (running) {
          command(p, "stop");
          command(p, "start");
        }
      }
      default -> throw new IllegalArgumentException(command);
    }
  }

  /**
   * Decides at each start whether the run fails once started: the lines ffmpeg writes before it
   * gives up, or null for a healthy run. Set by a cluster node; never fails by default.
   */
  java.util.function.Function<Proc, @Nullable List<String>> startFailure = p -> null;

  /** Forgets every process and the seed, as a killed Core loses them. */
  void clear() {
    seeded = 0;
    seedShadow.clear();
    procs.clear();
  }

  /** How delayed actions are scheduled (millis, action); set by the server. */
  java.util.function.BiConsumer<Long, Runnable> scheduler = (ms, r) -> r.run();

  private void log(String message, Proc p) {
    events.log(
        "INFO",
        "process",
        message,
        "restream/core.go",
        EventBus.data("id", p.id, "domain", p.domain, "reference", p.reference()));
  }

  private void lineEvent(Proc p, String text, long nowMs) {
    if (!events.hasProcessListeners()) {
      return;
    }
    ObjectNode line = Json.obj();
    line.put("pid", p.id);
    line.put("domain", p.domain);
    line.put("type", "line");
    line.put("line", text);
    line.put("core_id", events.coreId);
    line.put("ts", nowMs);
    events.processEvent(line);
  }

  /** Core's memory filesystem, where processes write their {@code {memfs}} outputs. */
  @Nullable FileStore memfs;

  /**
   * Writes what ffmpeg's HLS muxer would have written by now for each {@code {memfs}/NAME.m3u8}
   * output of a running process, as Core's ffmpeg does: the playlist and one segment {@code
   * NAMEk.ts} per {@code -hls_time} seconds (2 by default), the oldest deleted with {@code
   * -hls_flags delete_segments} beyond {@code -hls_list_size} (5). The files stay when the process
   * stops or is deleted. Called on each tick and whenever a running process's state is rendered.
   */
  void writeHls(Proc p, long secs) {
    FileStore mem = memfs;
    if (mem == null || secs < 0) {
      return;
    }
    for (JsonNode out : p.config.path("output")) {
      String address = out.path("address").asText("");
      if (!address.startsWith("{memfs}/") || !address.endsWith(".m3u8")) {
        continue;
      }
      String playlist = FileStore.clean(address.substring("{memfs}".length()));
      String stem = playlist.substring(0, playlist.length() - ".m3u8".length());
      List<String> options = new ArrayList<>();
      out.path("options").forEach(o -> options.add(o.asText()));
      long segmentSeconds = Math.max(1, longOption(options, "-hls_time", 2));
      long listSize = Math.max(1, longOption(options, "-hls_list_size", 5));
      int flags = options.indexOf("-hls_flags");
      boolean deleteOld =
          flags >= 0
              && flags + 1 < options.size()
              && options.get(flags + 1).contains("delete_segments");
      long done = secs / segmentSeconds;
      long first = Math.max(0, done - listSize);
      long now = nowMs();
      boolean changed = false;
      for (long k = first; k < done; k++) {
        String segment = stem + k + ".ts";
        if (mem.get(segment) == null) {
          mem.put(segment, new byte[188 * 16], now);
          events.mediaEvent(mem.name, "create", segment);
          changed = true;
        }
      }
      if (deleteOld && first > 0 && mem.remove(stem + (first - 1) + ".ts") != null) {
        events.mediaEvent(mem.name, "remove", stem + (first - 1) + ".ts");
      }
      if (changed || mem.get(playlist) == null) {
        StringBuilder m3u8 =
            new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:")
                .append(segmentSeconds)
                .append("\n#EXT-X-MEDIA-SEQUENCE:")
                .append(first)
                .append('\n');
        String name = stem.substring(stem.lastIndexOf('/') + 1);
        for (long k = first; k < done; k++) {
          m3u8.append("#EXTINF:").append(segmentSeconds).append(".000000,\n");
          m3u8.append(name).append(k).append(".ts\n");
        }
        boolean created = mem.put(playlist, m3u8.toString().getBytes(StandardCharsets.UTF_8), now);
        events.mediaEvent(mem.name, created ? "create" : "update", playlist);
      }
    }
  }

  private static long longOption(List<String> options, String name, long fallback) {
    int at = options.indexOf(name);
    if (at < 0 || at + 1 >= options.size()) {
      return fallback;
    }
    try {
      return Long.parseLong(options.get(at + 1).strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /**
   * Writes the HLS outputs of running processes, and emits line and progress events; called every
   * half second.
   */
  void tick(long tickNo) {
    long now = nowMs();
    boolean listeners = events.hasProcessListeners();
    for (Proc p : procs.values()) {
      long secs;
      synchronized (p) {
        secs = p.runningSeconds(now, startDelay());
        writeHls(p, secs);
      }
      if (secs < 0 || !listeners) {
        continue;
      }
      ObjectNode progress = Json.obj();
      progress.put("pid", p.id);
      progress.put("domain", p.domain);
      progress.put("type", "progress");
      ObjectNode pr = progress.putObject("progress");
      ArrayNode ins = pr.putArray("input");
      for (JsonNode in : p.config.path("input")) {
        ObjectNode i = ins.addObject();
        i.put("id", in.path("id").asText());
        i.put("type", "video");
        i.set("bitrate", Json.num3(0));
        i.set("fps", Json.num3(25));
        ObjectNode av = i.putObject("avstream");
        av.put("enabled", false);
        av.put("looping", false);
        av.put("enc", 0);
        av.put("drop", 0);
        av.put("dup", 0);
        av.put("time", secs);
      }
      ArrayNode outs = pr.putArray("output");
      for (JsonNode o : p.config.path("output")) {
        ObjectNode x = outs.addObject();
        x.put("id", o.path("id").asText());
        x.put("type", "video");
        x.set("bitrate", Json.num3(1048.576));
        x.set("fps", Json.num3(25));
        x.set("q", Json.num3(28));
      }
      pr.set("time", Json.num3(secs));
      pr.set("speed", Json.num3(1));
      progress.put("core_id", events.coreId);
      progress.put("ts", now);
      events.processEvent(progress);
      if (tickNo % 2 == 0 && secs >= 1) {
        ObjectNode line = Json.obj();
        line.put("pid", p.id);
        line.put("domain", p.domain);
        line.put("type", "line");
        line.put("line", Proc.progressLine(secs));
        line.put("core_id", events.coreId);
        line.put("ts", now);
        events.processEvent(line);
      }
    }
  }

  // ---- rendering -----------------------------------------------------------------------------

  /**
   * Where the memory filesystem is reachable over HTTP, as ffmpeg gets it for {@code {memfs}}: on
   * 16.16 with the basic-auth user and password in the URL ({@code
   * http://admin:PASSWORD@127.0.0.1:8080/memfs}), as Core 16.16 writes it into command lines and
   * log lines.
   */
  volatile java.util.function.Supplier<String> memfsUrl = () -> "http://127.0.0.1/memfs";

  /** An address as ffmpeg gets it: {@code -} is stdout, {@code {memfs}} the memfs URL. */
  String displayAddress(String a) {
    if (a.equals("-")) {
      return "pipe:";
    }
    return a.startsWith("{memfs}") ? memfsUrl.get() + a.substring("{memfs}".length()) : a;
  }

  /** Which parts of a process a listing shows ({@code filter=config,state,...}). */
  record Filter(boolean config, boolean state, boolean report, boolean metadata) {
    static Filter parse(String s) {
      List<String> f = Arrays.stream(s.split(",")).filter(x -> !x.isEmpty()).toList();
      if (f.isEmpty()) {
        return new Filter(true, true, true, true);
      }
      return new Filter(
          f.contains("config"), f.contains("state"), f.contains("report"), f.contains("metadata"));
    }
  }

  ObjectNode renderConfig(Proc p) {
    ObjectNode c = p.config.deepCopy();
    if (!s.since(V16_20)) {
      for (String k :
          List.of(
              "owner",
              "domain",
              "binary",
              "runtime_duration_seconds",
              "scheduler",
              "log_patterns")) {
        c.remove(k);
      }
      ObjectNode l = (ObjectNode) c.get("limits");
      l.retain("cpu_usage", "memory_mbytes", "waitfor_seconds");
      for (String kind : List.of("input", "output")) {
        for (JsonNode io : c.path(kind)) {
          if (io.path("cleanup").isEmpty()) {
            ((ObjectNode) io).remove("cleanup");
          }
        }
      }
    }
    return c;
  }

  ObjectNode render(Proc p, Filter f) {
    synchronized (p) {
      long now = nowMs();
      ObjectNode o = Json.obj();
      o.put("id", p.id);
      if (s.since(V16_20)) {
        o.put("owner", p.owner);
        o.put("domain", p.domain);
      }
      o.put("type", "ffmpeg");
      o.put("reference", p.reference());
      if (s.since(V16_20)) {
        o.put("core_id", events.coreId);
      }
      o.put("created_at", p.createdAt);
      if (s.since(V16_13)) {
        o.put("updated_at", p.updatedAt);
      }
      if (f.config) {
        o.set("config", renderConfig(p));
      }
      if (f.state) {
        o.set("state", renderState(p, now));
      }
      if (f.report) {
        o.set("report", renderReport(p, now));
      }
      if (f.metadata) {
        if (!p.metadata.isEmpty()) {
          o.set("metadata", metadataNode(p.metadata));
        } else if (!s.since(V16_20)) {
          o.set("metadata", NullNode.getInstance());
        }
      }
      return o;
    }
  }

  static JsonNode metadataNode(Map<String, JsonNode> m) {
    if (m.isEmpty()) {
      return NullNode.getInstance();
    }
    ObjectNode o = Json.obj();
    m.forEach(o::set);
    return o;
  }

  ObjectNode renderState(Proc p, long now) {
    synchronized (p) {
      long delay = startDelay();
      String exec = p.exec(now, delay);
      long secs = p.runningSeconds(now, delay);
      writeHls(p, secs);
      boolean up = exec.equals("starting") || exec.equals("running");
      ObjectNode st = Json.obj();
      st.put("order", p.order);
      st.put("exec", exec);
      st.put("runtime_seconds", up ? Math.max(0, (now - p.startedAt) / 1000) : 0);
      st.put("reconnect_seconds", -1);
      st.put("last_logline", p.lastLogline(now, delay));
      st.set("progress", progress(p, Math.max(0, secs), secs >= 0));
      long mem = up ? 48_234_496L + Math.max(0, secs) * 1024 : 0;
      double cpu = exec.equals("running") ? 12.5 : 0;
      st.put("memory_bytes", mem);
      st.set("cpu_usage", Json.num3(cpu));
      if (s.since(V16_20)) {
        st.put("limit_mode", "hard");
        ObjectNode r = st.putObject("resources");
        ObjectNode c = r.putObject("cpu_usage");
        c.set("ncpu", Json.num3(Runtime.getRuntime().availableProcessors()));
        c.set("cur", Json.num3(cpu));
        c.set("avg", Json.num3(cpu));
        c.set("max", Json.num3(cpu));
        c.set("limit", Json.num3(p.config.path("limits").path("cpu_usage").asDouble()));
        c.put("throttling", false);
        ObjectNode m = r.putObject("memory_bytes");
        m.put("cur", mem);
        m.set("avg", Json.num3(mem));
        m.put("max", mem);
        m.put("limit", p.config.path("limits").path("memory_mbytes").asLong() * 1024 * 1024);
        ObjectNode g = r.putObject("gpu");
        g.put("index", 0);
        for (String k : List.of("memory_bytes", "usage", "encoder", "decoder")) {
          ObjectNode x = g.putObject(k);
          x.put("cur", 0);
          x.set("avg", Json.num3(0));
          x.put("max", 0);
          x.put("limit", 0);
        }
      }
      st.set("command", Json.strings(command(p.config)));
      if (s.since(V16_20)) {
        st.put("pid", up ? p.pid : -1);
      }
      return st;
    }
  }

  List<String> command(JsonNode cfg) {
    List<String> c = new ArrayList<>();
    cfg.path("options").forEach(x -> c.add(x.asText()));
    for (JsonNode in : cfg.path("input")) {
      in.path("options").forEach(x -> c.add(x.asText()));
      c.add("-i");
      c.add(in.path("address").asText());
    }
    for (JsonNode out : cfg.path("output")) {
      out.path("options").forEach(x -> c.add(x.asText()));
      c.add(displayAddress(out.path("address").asText()));
    }
    return c;
  }

  private ObjectNode progress(Proc p, long secs, boolean running) {
    ObjectNode pr = Json.obj();
    if (s.since(V16_20)) {
      pr.put("started", running);
    }
    ArrayNode ins = pr.putArray("inputs");
    ArrayNode outs = pr.putArray("outputs");
    if (running) {
      int i = 0;
      for (JsonNode in : p.config.path("input")) {
        ins.add(
            progressIo(
                in.path("id").asText(),
                in.path("address").asText(),
                i++,
                secs,
                "rawvideo",
                "rawvideo",
                0));
      }
      i = 0;
      for (JsonNode out : p.config.path("output")) {
        outs.add(
            progressIo(
                out.path("id").asText(),
                displayAddress(out.path("address").asText()),
                i++,
                secs,
                "h264",
                "libx264",
                1048.576));
      }
    }
    if (s.since(V16_20)) {
      ObjectNode mapping = pr.putObject("mapping");
      mapping.putArray("graphs");
      mapping.putArray("mapping");
    }
    pr.put("frame", secs * 25);
    pr.put("packet", secs * 25);
    pr.set("fps", Json.num3(running ? 25 : 0));
    pr.set("q", Json.num3(running ? 28 : 0));
    pr.put("size_kb", secs * 128);
    pr.set("time", Json.num3(secs));
    pr.set("bitrate_kbit", Json.num3(running ? 1048.576 : 0));
    pr.set("speed", Json.num3(running ? 1 : 0));
    pr.put("drop", 0);
    pr.put("dup", 0);
    return pr;
  }

  private ObjectNode progressIo(
      String id, String address, int index, long secs, String codec, String coder, double bitrate) {
    ObjectNode io = Json.obj();
    io.put("id", id);
    io.put("address", address);
    io.put("index", index);
    io.put("stream", 0);
    io.put("format", codec.equals("h264") ? "null" : "lavfi");
    io.put("type", "video");
    io.put("codec", codec);
    io.put("coder", coder);
    io.put("frame", secs * 25);
    if (s.since(V16_13)) {
      io.put("keyframe", secs);
      ObjectNode fr = io.putObject("framerate");
      fr.set("min", Json.num3(25));
      fr.set("max", Json.num3(25));
      fr.set("avg", Json.num3(25));
    }
    io.set("fps", Json.num3(25));
    io.put("packet", secs * 25);
    io.set("pps", Json.num3(25));
    io.put("size_kb", (long) (secs * bitrate / 8));
    io.set("bitrate_kbit", Json.num3(bitrate));
    if (s.since(V16_13)) {
      io.put("extradata_size_bytes", 0);
    }
    io.put("pix_fmt", "yuv420p");
    io.set("q", Json.num3(codec.equals("h264") ? 28 : 0));
    io.put("width", 640);
    io.put("height", 360);
    io.set("avstream", NullNode.getInstance());
    return io;
  }

  ObjectNode renderReport(Proc p, long now) {
    synchronized (p) {
      ObjectNode r = Json.obj();
      r.put("created_at", p.reportCreatedAt);
      boolean never = p.reportCreatedAt == Proc.ZERO_TIME;
      if (!never || !s.since(V16_20)) {
        r.set("prelude", Json.strings(p.prelude));
        r.set("log", Proc.logArray(p.log(now, startDelay())));
      }
      ArrayNode h = r.putArray("history");
      for (ObjectNode e : p.history) {
        ObjectNode c = e.deepCopy();
        if (!s.since(V16_20)) {
          c.retain("created_at", "prelude", "log");
        }
        h.add(c);
      }
      return r;
    }
  }

  /** Replaces the report history ({@code PUT .../report}). */
  void setReport(Proc p, JsonNode body) {
    synchronized (p) {
      p.history.clear();
      for (JsonNode e : body.path("history")) {
        if (e.isObject()) {
          ObjectNode c = Json.obj();
          c.put("created_at", e.path("created_at").asLong());
          c.set("prelude", e.path("prelude").isArray() ? e.get("prelude") : Json.arr());
          c.set("log", e.path("log").isArray() ? e.get("log") : Json.arr());
          c.put("exited_at", e.path("exited_at").asLong());
          c.put("exit_state", e.path("exit_state").asText(""));
          p.history.addLast(c);
        }
      }
      if (!p.running()) {
        p.reportCreatedAt =
            body.has("created_at") ? body.path("created_at").asLong() : Proc.ZERO_TIME;
        p.prelude = new ArrayList<>();
        body.path("prelude").forEach(x -> p.prelude.add(x.asText()));
        List<String[]> log = new ArrayList<>();
        body.path("log")
            .forEach(x -> log.add(new String[] {x.path(0).asText(), x.path(1).asText()}));
        p.frozenLog = log;
      }
    }
  }

  /** Entries of all report histories matching Core's search parameters. */
  ArrayNode searchHistory(
      String idpattern, String refpattern, String state, @Nullable Long from, @Nullable Long to) {
    ArrayNode out = Json.arr();
    for (Proc p : procs.values()) {
      synchronized (p) {
        if (!Glob.matches(idpattern, p.id) || !Glob.matches(refpattern, p.reference())) {
          continue;
        }
        for (ObjectNode e : p.history) {
          long created = e.path("created_at").asLong();
          long exited = e.path("exited_at").asLong();
          if ((!state.isEmpty() && !state.equals(e.path("exit_state").asText()))
              || (from != null && exited < from)
              || (to != null && created > to)) {
            continue;
          }
          ObjectNode r = out.addObject();
          r.put("id", p.id);
          r.put("domain", p.domain);
          r.put("reference", p.reference());
          r.put("exit_state", e.path("exit_state").asText());
          r.put("created_at", created);
          r.put("exited_at", exited);
        }
      }
    }
    return out;
  }

  /** Query of {@code GET /api/v3/process}. */
  record ListQuery(
      Filter filter,
      String reference,
      List<String> ids,
      String idpattern,
      String refpattern,
      String ownerpattern,
      String domainpattern) {}

  /**
   * Streams the process list as a JSON array, in chunks generated on demand: real processes first
   * (by id), then seeded ones. Memory stays constant in the number of processes.
   */
  Flux<byte[]> list(ListQuery q) {
    Glob id = q.idpattern.isEmpty() ? null : Glob.compile(q.idpattern);
    Glob ref = q.refpattern.isEmpty() ? null : Glob.compile(q.refpattern);
    Glob owner = q.ownerpattern.isEmpty() ? null : Glob.compile(q.ownerpattern);
    Glob domain = q.domainpattern.isEmpty() ? null : Glob.compile(q.domainpattern);
    boolean useRef = !q.reference.isEmpty() && q.ids.isEmpty();
    Predicate<String[]> keep =
        x ->
            (id == null || id.matches(x[0]))
                && (ref == null || ref.matches(x[1]))
                && (owner == null || owner.matches(x[2]))
                && (domain == null || domain.matches(x[3]))
                && (q.ids.isEmpty() || q.ids.contains(x[0]))
                && (!useRef || q.reference.equals(x[1]));
    long seedCount = seeded;
    return Flux.defer(
        () -> {
          boolean[] first = {true};
          Flux<byte[]> real =
              Flux.fromIterable(new ArrayList<>(procs.values()))
                  .filter(
                      p -> {
                        synchronized (p) {
                          return keep.test(new String[] {p.id, p.reference(), p.owner, p.domain});
                        }
                      })
                  .buffer(CHUNK)
                  .map(
                      ps -> {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        for (Proc p : ps) {
                          out.write(first[0] ? '[' : ',');
                          first[0] = false;
                          out.writeBytes(Json.bytes(render(p, q.filter)));
                        }
                        return out.toByteArray();
                      });
          Flux<byte[]> seeds =
              seedCount <= 0 ? Flux.empty() : seededChunks(seedCount, q, keep, first);
          return Flux.concat(
              real,
              seeds,
              Flux.defer(
                  () -> Flux.just((first[0] ? "[]" : "]").getBytes(StandardCharsets.UTF_8))));
        });
  }

  private Flux<byte[]> seededChunks(
      long count, ListQuery q, Predicate<String[]> keep, boolean[] first) {
    String marker = "@@SEED-ID@@";
    String json = Json.string(render(seedProc(marker), q.filter));
    String[] parts = json.split(java.util.regex.Pattern.quote(marker), -1);
    String owner = s.user();
    return Flux.<byte[], long[]>generate(
            () -> new long[] {0},
            (st, sink) -> {
              if (st[0] >= count) {
                sink.complete();
                return st;
              }
              StringBuilder sb = new StringBuilder(CHUNK * 256);
              int n = 0;
              while (st[0] < count && n < CHUNK * 4) {
                String sid = seedId(st[0]++);
                if (seedShadow.contains(sid) || !keep.test(new String[] {sid, "seed", owner, ""})) {
                  continue;
                }
                sb.append(first[0] ? '[' : ',');
                first[0] = false;
                for (int i = 0; i < parts.length; i++) {
                  if (i > 0) {
                    sb.append(sid);
                  }
                  sb.append(parts[i]);
                }
                n++;
              }
              sink.next(sb.toString().getBytes(StandardCharsets.UTF_8));
              return st;
            })
        .filter(b -> b.length > 0);
  }

  // ---- metadata ------------------------------------------------------------------------------

  JsonNode getGlobalMetadata(String key) {
    if (key.isEmpty()) {
      return metadataNode(new LinkedHashMap<>(globalMetadata));
    }
    JsonNode v = globalMetadata.get(key);
    if (v == null) {
      throw ApiError.of(404, "Metadata not found", "unknown key");
    }
    return v;
  }

  void setGlobalMetadata(String key, JsonNode value) {
    if (value.isNull()) {
      globalMetadata.remove(key);
    } else {
      globalMetadata.put(key, value);
    }
  }

  Iterator<Proc> iterator() {
    return procs.values().iterator();
  }
}
