package dev.corekit.simulator.internal;

import static dev.corekit.simulator.CoreVersion.V16_10_1;
import static dev.corekit.simulator.CoreVersion.V16_12;
import static dev.corekit.simulator.CoreVersion.V16_20;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Core's configuration (version 3): a realistic tree including its plaintext secrets, with the
 * fields of the imitated release ({@code tls.email} from 16.10.1 on, {@code storage.s3} and {@code
 * debug.memory_limit_mbytes} from 16.12 on, {@code compress}, {@code resources}, {@code cluster}
 * and a few more in 16.20). A PUT merges onto the stored config; it becomes active with {@code
 * /config/reload}.
 */
final class ConfigStore {
  private final Settings s;
  private ObjectNode active;
  private ObjectNode stored;
  private final String createdAt;
  private String loadedAt;
  private String updatedAt;

  ConfigStore(Settings s, String memfsPassword, String address) {
    this.s = s;
    this.active = defaults(memfsPassword, address);
    this.stored = active.deepCopy();
    String now = Instant.ofEpochMilli(s.clock().millis()).toString();
    this.createdAt = now;
    this.loadedAt = now;
    this.updatedAt = now;
  }

  synchronized ObjectNode get() {
    ObjectNode o = Json.obj();
    o.put("created_at", createdAt);
    o.put("loaded_at", loadedAt);
    o.put("updated_at", updatedAt);
    o.set("config", stored.deepCopy());
    o.set(
        "overrides",
        Json.strings(
            List.of(
                "address",
                "api.auth.enable",
                "api.auth.username",
                "api.auth.password",
                "api.auth.jwt.secret",
                "storage.disk.dir",
                "db.dir")));
    return o;
  }

  synchronized ObjectNode active() {
    return active.deepCopy();
  }

  /** Merges a partial config; throws Core's 400 or 409 errors. */
  synchronized void set(JsonNode body) {
    if (!body.isObject()) {
      throw ApiError.of(
          400,
          "Invalid JSON",
          "json: cannot unmarshal " + body.getNodeType() + " into Go value of type api.SetConfig");
    }
    long version = body.path("version").asLong(0);
    if (version != 3) {
      throw ApiError.of(400, "Invalid config version", "version " + version);
    }
    ObjectNode merged = stored.deepCopy();
    merge(merged, (ObjectNode) body);
    ObjectNode problems = Json.obj();
    for (JsonNode ip : merged.path("sessions").path("ip_ignorelist")) {
      if (!isCidr(ip.asText())) {
        problems.withArray("sessions.ip_ignorelist").add("invalid CIDR address: " + ip.asText());
      }
    }
    String level = merged.path("log").path("level").asText();
    if (!List.of("debug", "info", "warn", "error", "silent").contains(level)) {
      problems.withArray("log.level").add("invalid value: " + level);
    }
    if (!problems.isEmpty()) {
      throw ApiError.withBody(409, problems);
    }
    stored = merged;
    updatedAt = Instant.ofEpochMilli(s.clock().millis()).toString();
  }

  synchronized void reload() {
    active = stored.deepCopy();
    loadedAt = Instant.ofEpochMilli(s.clock().millis()).toString();
  }

  private static void merge(ObjectNode into, ObjectNode from) {
    from.properties()
        .forEach(
            e -> {
              JsonNode cur = into.get(e.getKey());
              if (cur != null && cur.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) cur, (ObjectNode) e.getValue());
              } else {
                into.set(e.getKey(), e.getValue());
              }
            });
  }

  private static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    try {
      int bits = Integer.parseInt(s.substring(slash + 1));
      String ip = s.substring(0, slash);
      boolean v4 = ip.matches("\\d{1,3}(\\.\\d{1,3}){3}");
      boolean v6 = ip.contains(":") && ip.matches("[0-9a-fA-F:.]+");
      return (v4 && bits >= 0 && bits <= 32) || (v6 && bits >= 0 && bits <= 128);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private ObjectNode defaults(String memfsPassword, String address) {
    ObjectNode c = Json.obj();
    c.put("version", 3);
    c.put("id", s.id());
    c.put("name", s.name());
    c.put("address", address);
    c.put("update_check", false);
    ObjectNode log = c.putObject("log");
    log.put("level", "info");
    log.putArray("topics");
    log.put("max_lines", 1000);
    c.putObject("db").put("dir", "/core/config");
    ObjectNode host = c.putObject("host");
    host.putArray("name").add("localhost");
    host.put("auto", false);
    if (s.since(V16_20)) {
      ObjectNode compress = c.putObject("compress");
      compress.set("encoding", Json.strings(List.of("gzip")));
      compress.set(
          "mimetypes",
          Json.strings(
              List.of(
                  "text/plain",
                  "text/html",
                  "text/css",
                  "text/javascript",
                  "application/json",
                  "application/x-mpegurl",
                  "application/vnd.apple.mpegurl",
                  "image/svg+xml")));
      compress.put("min_length", 1000);
    }
    ObjectNode api = c.putObject("api");
    api.put("read_only", false);
    ObjectNode access = api.putObject("access");
    for (String k : List.of("http", "https")) {
      ObjectNode a = access.putObject(k);
      a.putArray("allow");
      a.putArray("block");
    }
    ObjectNode auth = api.putObject("auth");
    auth.put("enable", s.auth());
    auth.put("disable_localhost", false);
    auth.put("username", s.user());
    auth.put("password", s.password());
    auth.putObject("jwt").put("secret", s.jwtSecret());
    ObjectNode auth0 = auth.putObject("auth0");
    auth0.put("enable", false);
    auth0.putArray("tenants");
    ObjectNode tls = c.putObject("tls");
    tls.put("address", ":8181");
    tls.put("enable", false);
    tls.put("auto", false);
    if (s.since(V16_10_1)) {
      tls.put("email", "cert@datarhei.com");
    }
    if (s.since(V16_20)) {
      tls.put("staging", false);
      tls.put("secret", "");
    }
    tls.put("cert_file", "");
    tls.put("key_file", "");
    ObjectNode storage = c.putObject("storage");
    ObjectNode disk = storage.putObject("disk");
    disk.put("dir", "/core/data");
    disk.put("max_size_mbytes", 0);
    ObjectNode cache = disk.putObject("cache");
    cache.put("enable", true);
    cache.put("max_size_mbytes", 0);
    cache.put("ttl_seconds", 300);
    cache.put("max_file_size_mbytes", 1);
    ObjectNode types = cache.putObject("types");
    types.set("allow", Json.strings(List.of()));
    types.set("block", Json.strings(List.of(".m3u8", ".mpd")));
    ObjectNode memory = storage.putObject("memory");
    ObjectNode memAuth = memory.putObject("auth");
    memAuth.put("enable", true);
    memAuth.put("username", "admin");
    memAuth.put("password", memfsPassword);
    memory.put("max_size_mbytes", 0);
    memory.put("purge", false);
    if (s.since(V16_20)) {
      ObjectNode backup = memory.putObject("backup");
      backup.put("dir", "");
      backup.putArray("patterns");
    }
    if (s.since(V16_12)) {
      storage.putArray("s3");
    }
    storage.putObject("cors").set("origins", Json.strings(List.of("*")));
    storage.put("mimetypes_file", "./mime.types");
    if (s.since(V16_20)) {
      storage.putObject("mimetypes");
    }
    ObjectNode rtmp = c.putObject("rtmp");
    rtmp.put("enable", true);
    rtmp.put("enable_tls", false);
    rtmp.put("address", ":1935");
    rtmp.put("address_tls", ":1936");
    rtmp.put("app", "/");
    rtmp.put("token", "");
    if (s.since(V16_20)) {
      ObjectNode flv = rtmp.putObject("httpflv");
      flv.put("enable", false);
      flv.put("mount", "/rtmp");
    }
    ObjectNode srt = c.putObject("srt");
    srt.put("enable", true);
    srt.put("address", ":6000");
    srt.put("passphrase", "");
    srt.put("token", "");
    ObjectNode srtLog = srt.putObject("log");
    srtLog.put("enable", false);
    srtLog.putArray("topics");
    ObjectNode ffmpeg = c.putObject("ffmpeg");
    ffmpeg.put("binary", "ffmpeg");
    ffmpeg.put("max_processes", 0);
    if (s.since(V16_20)) {
      ffmpeg.put("disable_throttling", false);
    }
    ObjectNode fa = ffmpeg.putObject("access");
    for (String k : List.of("input", "output")) {
      ObjectNode a = fa.putObject(k);
      a.putArray("allow");
      a.putArray("block");
    }
    ObjectNode flog = ffmpeg.putObject("log");
    flog.put("max_lines", 50);
    flog.put("max_history", 3);
    if (s.since(V16_20)) {
      flog.put("max_minimal_history", 0);
    }
    ObjectNode playout = c.putObject("playout");
    playout.put("enable", false);
    playout.put("min_port", 0);
    playout.put("max_port", 0);
    ObjectNode debug = c.putObject("debug");
    debug.put("profiling", false);
    debug.put("force_gc", 0);
    if (s.since(V16_12)) {
      debug.put("memory_limit_mbytes", 0);
    }
    if (s.since(V16_20)) {
      debug.put("auto_max_procs", false);
      debug.put("agent_address", "");
    }
    ObjectNode metrics = c.putObject("metrics");
    metrics.put("enable", true);
    metrics.put("enable_prometheus", false);
    metrics.put("range_sec", 300);
    metrics.put("interval_sec", 2);
    ObjectNode sessions = c.putObject("sessions");
    sessions.put("enable", true);
    sessions.set("ip_ignorelist", Json.strings(List.of("127.0.0.1/32", "::1/128")));
    sessions.put("persist", false);
    sessions.put("persist_interval_sec", 300);
    sessions.put("session_timeout_sec", 30);
    if (s.since(V16_20)) {
      sessions.put("session_log_path_pattern", "");
      sessions.put("session_log_buffer_sec", 15);
    }
    sessions.put("max_bitrate_mbit", 0);
    sessions.put("max_sessions", 0);
    ObjectNode service = c.putObject("service");
    service.put("enable", false);
    service.put("token", "");
    service.put("url", "https://service.datarhei.com");
    ObjectNode router = c.putObject("router");
    router.set("blocked_prefixes", Json.strings(List.of("/api")));
    router.putObject("routes");
    router.put("ui_path", "");
    if (s.since(V16_20)) {
      ObjectNode res = c.putObject("resources");
      res.put("max_cpu_usage", 0);
      res.put("max_memory_usage", 0);
      res.put("max_gpu_usage", 0);
      res.put("max_gpu_memory_usage", 0);
      res.put("limit_wait_for_sec", 5);
      ObjectNode cluster = c.putObject("cluster");
      cluster.put("enable", s.cluster());
      cluster.put("id", s.cluster() ? "sim-cluster" : "");
      cluster.put("address", s.cluster() ? "127.0.0.1:8000" : "");
      ArrayNode peers = cluster.putArray("peers");
      peers.size();
      cluster.put("startup_timeout_sec", 300);
      cluster.put("sync_interval_sec", 5);
      cluster.put("node_recover_timeout_sec", 120);
      cluster.put("emergency_leader_timeout_sec", 10);
      cluster.put("recover_timeout_sec", 120);
      cluster.putObject("debug").put("disable_ffmpeg_check", false);
    }
    return c;
  }

  /** Keys of this config that hold secrets (never log them). */
  static final Map<String, String> SECRETS =
      Map.of(
          "api.auth.password", "", "api.auth.jwt.secret", "", "storage.memory.auth.password", "");
}
