package dev.corekit.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code /api/v3/cluster} routes of one node of a simulated multi-node cluster: every node
 * answers with the same cluster-wide view from the shared {@link ClusterState}; routes about one
 * node reach that node's API directly, as Core's proxy does.
 */
final class ClusterRoutes {
  private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

  private final Api api;
  private final ClusterState.Member self;
  private final ClusterState cluster;

  ClusterRoutes(Api api, ClusterState.Member self) {
    this.api = api;
    this.self = self;
    this.cluster = self.cluster();
  }

  void register() {
    api.clusterSync("GET", "/api/v3/cluster", ex -> Reply.ok(cluster.about(self)));
    api.clusterSync(
        "GET",
        "/api/v3/cluster/healthy",
        ex ->
            Reply.bytes(
                200,
                Json.JSON,
                Boolean.toString(cluster.healthy()).getBytes(StandardCharsets.UTF_8)));
    api.clusterSync(
        "GET",
        "/api/v3/cluster/snapshot",
        ex -> Reply.bytes(200, "application/octet-stream", Json.bytes(cluster.snapshot())));
    api.clusterSync("GET", "/api/v3/cluster/deployments", ex -> Reply.ok(cluster.deployments()));
    api.clusterSync(
        "PUT",
        "/api/v3/cluster/transfer/{id}",
        ex -> {
          cluster.transferLeadership(ex.param("id"));
          return Reply.okString();
        });
    api.clusterSync(
        "PUT",
        "/api/v3/cluster/leave",
        ex -> {
          JsonNode body = Api.jsonBody(ex);
          String id = body.path("id").asText("");
          cluster.leave(id.isEmpty() ? self.id() : id);
          return Reply.okString();
        });
    api.clusterSync(
        "PUT",
        "/api/v3/cluster/reallocation",
        ex -> {
          cluster.reallocate(Api.jsonBody(ex));
          return Reply.okString();
        });
    dbRoutes();
    iamRoutes();
    processRoutes();
    nodeRoutes();
    api.clusterSync(
        "GET",
        "/api/v3/cluster/fs/{storage}",
        ex -> {
          ArrayNode out = Json.arr();
          for (ClusterState.Member m : cluster.members()) {
            if (!cluster.isAlive(m)) {
              continue;
            }
            FileStore f = m.api().fs.get(ex.param("storage"));
            if (f == null) {
              continue;
            }
            for (JsonNode e : m.api().listFiles(ex, f, false)) {
              out.add(((ObjectNode) e).put("core_id", m.id()));
            }
          }
          return Reply.ok(out);
        });
    api.clusterAsync("POST", "/api/v3/cluster/events", this::logEvents);
    api.clusterAsync("POST", "/api/v3/cluster/events/log", this::logEvents);
    api.clusterAsync(
        "POST",
        "/api/v3/cluster/events/process",
        ex -> {
          List<Flux<ObjectNode>> sources = new ArrayList<>();
          for (ClusterState.Member m : cluster.members()) {
            sources.add(m.api().events.processEvents());
          }
          return api.processEvents(ex, Flux.merge(sources));
        });
  }

  private Mono<Reply> logEvents(Exchange ex) {
    List<Flux<ObjectNode>> sources = new ArrayList<>();
    for (ClusterState.Member m : cluster.members()) {
      EventBus bus = m.api().events;
      sources.add(bus.logEvents().map(bus::toEvent));
    }
    return api.logEvents(ex, Flux.merge(sources));
  }

  // ---- database --------------------------------------------------------------------------------

  private void dbRoutes() {
    ProcessStore.Filter all = new ProcessStore.Filter(true, false, false, true);
    api.clusterSync(
        "GET", "/api/v3/cluster/db/process", ex -> Reply.ok(cluster.processes(all, p -> true)));
    api.clusterSync(
        "GET",
        "/api/v3/cluster/db/process/{id}",
        ex -> Reply.ok(cluster.process(ex.param("id"), ex.q("domain", ""), all)));
    api.clusterSync("GET", "/api/v3/cluster/db/user", ex -> Reply.ok(users()));
    api.clusterSync(
        "GET", "/api/v3/cluster/db/user/{name}", ex -> Reply.ok(api.identity(ex.param("name"))));
    api.clusterSync("GET", "/api/v3/cluster/db/policies", ex -> Reply.ok(policies()));
    api.clusterSync("GET", "/api/v3/cluster/db/locks", ex -> Reply.ok(Json.arr()));
    api.clusterSync("GET", "/api/v3/cluster/db/kv", ex -> Reply.ok(Json.obj()));
    api.clusterSync(
        "GET", "/api/v3/cluster/db/map/process", ex -> Reply.ok(cluster.processNodeMap()));
    api.clusterSync(
        "GET", "/api/v3/cluster/db/map/reallocate", ex -> Reply.ok(cluster.relocationMap()));
    api.clusterSync("GET", "/api/v3/cluster/db/node", ex -> Reply.ok(cluster.storeNodes()));
  }

  // ---- IAM -------------------------------------------------------------------------------------

  private ArrayNode users() {
    ArrayNode a = Json.arr();
    a.add(api.identity(api.s.user()));
    for (JsonNode u : api.listUsers()) {
      if (!u.path("name").asText().equals("$anon")) {
        a.add(u);
      }
    }
    return a;
  }

  private ArrayNode policies() {
    ArrayNode out = Json.arr();
    for (JsonNode u : users()) {
      for (JsonNode p : u.path("policies")) {
        ObjectNode c = Json.obj();
        c.put("name", u.path("name").asText());
        c.setAll((ObjectNode) p.deepCopy());
        out.add(c);
      }
    }
    return out;
  }

  private void iamRoutes() {
    api.clusterSync("GET", "/api/v3/cluster/iam/user", ex -> Reply.ok(users()));
    api.clusterSync(
        "POST",
        "/api/v3/cluster/iam/user",
        ex -> {
          Reply r = api.addUser(ex);
          cluster.iamChanged();
          return r;
        });
    api.clusterSync(
        "GET", "/api/v3/cluster/iam/user/{name}", ex -> Reply.ok(api.identity(ex.param("name"))));
    api.clusterSync(
        "PUT",
        "/api/v3/cluster/iam/user/{name}",
        ex -> {
          Reply r = api.updateUser(ex);
          cluster.iamChanged();
          return r;
        });
    api.clusterSync(
        "DELETE",
        "/api/v3/cluster/iam/user/{name}",
        ex -> {
          Reply r = api.deleteUser(ex);
          cluster.iamChanged();
          return r;
        });
    api.clusterSync(
        "PUT",
        "/api/v3/cluster/iam/user/{name}/policy",
        ex -> {
          Reply r = api.setPolicies(ex);
          cluster.iamChanged();
          return r;
        });
    api.clusterSync("GET", "/api/v3/cluster/iam/policies", ex -> Reply.ok(policies()));
    api.clusterSync("PUT", "/api/v3/cluster/iam/reload", ex -> Reply.okString());
  }

  // ---- processes -------------------------------------------------------------------------------

  private static Predicate<ObjectNode> query(Exchange ex) {
    List<String> ids = Arrays.stream(ex.q("id", "").split(",")).filter(x -> !x.isEmpty()).toList();
    String reference = ex.q("reference", "");
    Glob id = glob(ex.q("idpattern", ""));
    Glob ref = glob(ex.q("refpattern", ""));
    Glob owner = glob(ex.q("ownerpattern", ""));
    Glob domain = glob(ex.q("domainpattern", ""));
    boolean useRef = !reference.isEmpty() && ids.isEmpty();
    return p -> {
      String pid = p.path("id").asText();
      String pref = p.path("reference").asText();
      return (id == null || id.matches(pid))
          && (ref == null || ref.matches(pref))
          && (owner == null || owner.matches(p.path("owner").asText()))
          && (domain == null || domain.matches(p.path("domain").asText()))
          && (ids.isEmpty() || ids.contains(pid))
          && (!useRef || reference.equals(pref));
    };
  }

  private static Glob glob(String pattern) {
    return pattern.isEmpty() ? null : Glob.compile(pattern);
  }

  private static String domain(Exchange ex) {
    return ex.q("domain", "");
  }

  private void processRoutes() {
    api.clusterSync(
        "GET",
        "/api/v3/cluster/process",
        ex -> Reply.ok(cluster.processes(api.filter(ex), query(ex))));
    api.clusterSync(
        "POST",
        "/api/v3/cluster/process",
        ex -> {
          ObjectNode body = Api.jsonObject(ex);
          ObjectNode cfg = api.processes.normalize(body, api.user(ex), null);
          ProcessStore.validate(cfg);
          cluster.addProcess(cfg, metadataOf(body));
          return Reply.ok(api.processes.renderConfig(shadow(cfg)));
        });
    api.clusterSync(
        "POST",
        "/api/v3/cluster/process/probe",
        ex -> {
          String node = ex.q("coreid", "");
          Api on = node.isEmpty() ? api : cluster.reachableOr404(node).api();
          ObjectNode cfg = on.processes.normalize(Api.jsonObject(ex), api.user(ex), null);
          if (cfg.path("input").isEmpty()) {
            throw ApiError.of(400, "Bad Request", "At least one input must be defined");
          }
          return Reply.ok(Api.probeOf(cfg));
        });
    api.clusterSync(
        "GET",
        "/api/v3/cluster/process/{id}",
        ex -> Reply.ok(cluster.process(ex.param("id"), domain(ex), api.filter(ex))));
    api.clusterSync(
        "PUT",
        "/api/v3/cluster/process/{id}",
        ex -> {
          String id = ex.param("id");
          ObjectNode current = cluster.config(id, domain(ex));
          ObjectNode body = Api.jsonObject(ex);
          ObjectNode cfg = api.processes.normalize(body, api.user(ex), current);
          ProcessStore.validate(cfg);
          cluster.updateProcess(id, domain(ex), cfg);
          Map<String, JsonNode> md = metadataOf(body);
          md.forEach(
              (k, v) ->
                  cluster.setMetadata(cfg.path("id").asText(), cfg.path("domain").asText(), k, v));
          if (ex.q("force", "").equals("restart")) {
            cluster.command(cfg.path("id").asText(), cfg.path("domain").asText(), "restart");
          }
          return Reply.ok(api.processes.renderConfig(shadow(cfg)));
        });
    api.clusterSync(
        "DELETE",
        "/api/v3/cluster/process/{id}",
        ex -> {
          cluster.deleteProcess(ex.param("id"), domain(ex));
          return Reply.okString();
        });
    api.clusterSync(
        "PUT",
        "/api/v3/cluster/process/{id}/command",
        ex -> {
          JsonNode body = Api.jsonBody(ex);
          String cmd = body.path("command").asText("");
          if (!List.of("start", "stop", "restart", "reload").contains(cmd)) {
            throw ApiError.of(
                400,
                "Bad Request",
                "unknown command provided. known commands are: start, stop, reload, restart");
          }
          cluster.command(ex.param("id"), domain(ex), cmd);
          return Reply.okString();
        });
    api.clusterSync(
        "GET",
        "/api/v3/cluster/process/{id}/config",
        ex -> Reply.ok(cluster.config(ex.param("id"), domain(ex))));
    api.clusterSync(
        "GET",
        "/api/v3/cluster/process/{id}/state",
        ex ->
            Reply.ok(
                cluster.withProcess(
                    ex.param("id"),
                    domain(ex),
                    (m, p) -> m.api().processes.renderState(p, api.s.clock().millis()),
                    stored -> stored.get("state"))));
    api.clusterSync(
        "GET",
        "/api/v3/cluster/process/{id}/report",
        ex ->
            cluster.withProcess(
                ex.param("id"),
                domain(ex),
                (m, p) -> m.api().report(ex),
                stored -> {
                  if (!ex.q("created_at", "").isEmpty() || !ex.q("exited_at", "").isEmpty()) {
                    Api.parseLong(ex.q("created_at", ""), "invalid created_at unix timestamp");
                    Api.parseLong(ex.q("exited_at", ""), "invalid exited_at unix timestamp");
                    throw ApiError.of(404, "Not Found", "No matching reports found");
                  }
                  return Reply.ok(stored.get("report"));
                }));
    api.clusterSync(
        "GET",
        "/api/v3/cluster/process/{id}/probe",
        ex -> {
          ObjectNode cfg;
          try {
            cfg = cluster.config(ex.param("id"), domain(ex));
          } catch (ApiError e) {
            ObjectNode o = Json.obj();
            o.putArray("streams");
            o.putArray("log").add("Unknown process ID (" + ex.param("id") + ")");
            return Reply.ok(o);
          }
          return Reply.ok(Api.probeOf(cfg));
        });
    api.clusterSync(
        "GET",
        "/api/v3/cluster/process/{id}/metadata",
        ex -> Reply.ok(cluster.metadata(ex.param("id"), domain(ex), "")));
    api.clusterSync(
        "GET",
        "/api/v3/cluster/process/{id}/metadata/{key}",
        ex -> Reply.ok(cluster.metadata(ex.param("id"), domain(ex), ex.param("key"))));
    api.clusterSync(
        "PUT",
        "/api/v3/cluster/process/{id}/metadata/{key}",
        ex -> {
          if (ex.param("key").isEmpty()) {
            throw ApiError.of(400, "Bad Request", "invalid key: the key must not be of length 0");
          }
          return Reply.ok(
              cluster.setMetadata(ex.param("id"), domain(ex), ex.param("key"), Api.jsonBody(ex)));
        });
  }

  private static Map<String, JsonNode> metadataOf(ObjectNode body) {
    Map<String, JsonNode> md = new LinkedHashMap<>();
    JsonNode m = body.get("metadata");
    if (m != null && m.isObject()) {
      m.properties().forEach(e -> md.put(e.getKey(), e.getValue()));
    }
    return md;
  }

  private static Proc shadow(ObjectNode cfg) {
    return new Proc(cfg.path("id").asText(), cfg.path("domain").asText(), "", cfg, 0, 0);
  }

  // ---- nodes -----------------------------------------------------------------------------------

  private void nodeRoutes() {
    api.clusterSync("GET", "/api/v3/cluster/node", ex -> Reply.ok(cluster.nodes()));
    api.clusterSync(
        "GET", "/api/v3/cluster/node/{id}", ex -> Reply.ok(cluster.node(ex.param("id"))));
    api.clusterSync(
        "GET",
        "/api/v3/cluster/node/{id}/version",
        ex -> Reply.ok(cluster.reachableOr404(ex.param("id")).api().version(true)));
    api.clusterSync(
        "GET",
        "/api/v3/cluster/node/{id}/state",
        ex -> Reply.ok(Json.obj().put("state", cluster.nodeState(ex.param("id")))));
    api.clusterSync(
        "PUT",
        "/api/v3/cluster/node/{id}/state",
        ex -> {
          JsonNode body = Api.jsonBody(ex);
          String state = body.path("state").asText("");
          cluster.setNodeState(ex.param("id"), state);
          return Reply.okString();
        });
    api.clusterSync(
        "GET",
        "/api/v3/cluster/node/{id}/files",
        ex -> {
          Api node = cluster.reachableOr404(ex.param("id")).api();
          ObjectNode o = Json.obj();
          o.put("last_update", api.s.clock().millis() / 1000);
          ObjectNode files = o.putObject("files");
          node.fs.forEach(
              (name, f) -> {
                ArrayNode a = files.putArray(name);
                f.list().forEach(e -> a.add(e.getKey()));
              });
          files.putArray("rtmp");
          files.putArray("srt");
          return Reply.ok(o);
        });
    api.clusterSync(
        "GET",
        "/api/v3/cluster/node/{id}/process",
        ex -> cluster.reachableOr404(ex.param("id")).api().listProcesses(ex));
    api.clusterSync(
        "PUT",
        "/api/v3/cluster/node/{id}/fs",
        ex -> {
          cluster.reachableOr404(ex.param("id")).api().fileOperation(ex);
          return Reply.bytes(200, Json.JSON, NULL);
        });
    api.clusterSync(
        "GET",
        "/api/v3/cluster/node/{id}/fs/{storage}",
        ex -> {
          Api node = cluster.reachableOr404(ex.param("id")).api();
          return Reply.ok(node.listFiles(ex, storage(node, ex), false));
        });
    for (String method : List.of("GET", "HEAD")) {
      api.clusterSync(
          method,
          "/api/v3/cluster/node/{id}/fs/{storage}/{path...}",
          ex -> {
            Api node = cluster.reachableOr404(ex.param("id")).api();
            Reply r = node.getFile(ex, storage(node, ex), "/" + ex.param("path"));
            if (ex.method.equals("HEAD")) {
              Reply head = Reply.bytes(200, null, new byte[0]);
              head.headLength = 0;
              return head;
            }
            return r;
          });
    }
    api.clusterSync(
        "PUT",
        "/api/v3/cluster/node/{id}/fs/{storage}/{path...}",
        ex -> {
          Api node = cluster.reachableOr404(ex.param("id")).api();
          node.putFile(ex, storage(node, ex), "/" + ex.param("path"));
          return Reply.bytes(201, Json.JSON, NULL);
        });
    api.clusterSync(
        "DELETE",
        "/api/v3/cluster/node/{id}/fs/{storage}/{path...}",
        ex -> {
          Api node = cluster.reachableOr404(ex.param("id")).api();
          node.deleteFile(storage(node, ex), "/" + ex.param("path"));
          return Reply.bytes(200, Json.JSON, NULL);
        });
  }

  private static FileStore storage(Api node, Exchange ex) {
    FileStore f = node.fs.get(ex.param("storage"));
    if (f == null) {
      throw ApiError.of(404, "Not Found", "unknown filesystem: " + ex.param("storage"));
    }
    return f;
  }
}
