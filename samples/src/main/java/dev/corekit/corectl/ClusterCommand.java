package dev.corekit.corectl;

import dev.corekit.core.CoreBadRequestException;
import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreNode;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.api.ClusterApi;
import dev.corekit.core.model.ClusterAbout;
import dev.corekit.core.model.ClusterNode;
import dev.corekit.core.model.ClusterNodeResources;
import dev.corekit.core.model.ClusterNodeState;
import dev.corekit.core.model.ClusterNodeStateInfo;
import dev.corekit.core.model.ClusterProcessReallocation;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessExecState;
import dev.corekit.core.model.ProcessId;
import dev.corekit.core.model.ProcessState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code corectl cluster ...}: a Core cluster (16.20 line) through its cluster API; every {@code
 * --url} is a node of the one cluster, and a call moves to another node when one fails.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Drive a Core cluster through its cluster API: give its nodes with --url (repeated or"
          + " comma-separated); a call moves to the next node when one fails.",
      "The cluster places processes on its nodes (each needs limits), moves them off a dead or"
          + " drained node, and moves them on request."
    },
    subcommands = {
      ClusterCommand.StatusCmd.class,
      ClusterCommand.ProcessGroup.class,
      ClusterCommand.NodeGroup.class
    })
final class ClusterCommand extends CoreCommand {
  /** How often drain --wait looks at the processes of the node. */
  private static final Duration POLL = Duration.ofMillis(500);

  @Override
  int run() {
    throw missingCommand();
  }

  /**
   * Core's 400 for a process config, in the user's words when it is the missing limits; else the
   * exception as it is.
   */
  static RuntimeException explained(CoreBadRequestException e, String id) {
    if (String.valueOf(e.getMessage()).contains("must have limits defined")) {
      return new CommandFailure(
          "the cluster refused process "
              + id
              + ": a process of a cluster must have limits defined, so that the cluster can choose"
              + " a node with room for it; add limits.cpu_usage and limits.memory_mbytes to the"
              + " config (e.g. limits: {cpu_usage: 10, memory_mbytes: 256})",
          e);
    }
    return e;
  }

  /** The node a process runs on, or "-" when it is not placed. */
  static String node(CoreProcess proc) {
    String node = proc.coreId().orElse("");
    return node.isBlank() ? "-" : node;
  }

  /** The ids of the cluster's nodes; fails naming them when {@code node} is not one. */
  static List<String> checkNode(ClusterApi cluster, String node) {
    List<String> ids =
        Objects.requireNonNull(
            cluster.listNodes().map(ClusterNode::id).sort().collectList().block());
    if (!ids.contains(node)) {
      throw new CommandFailure(
          "unknown node '"
              + node
              + "': the cluster's nodes are "
              + String.join(", ", ids)
              + " (see 'corectl cluster status')");
    }
    return ids;
  }

  /** The ids of the processes placed on a node, sorted. */
  static Mono<List<String>> processesOn(ClusterApi cluster, String node) {
    return cluster
        .listProcesses(ClusterApi.ListProcessesQuery.builder().filter("state").build())
        .filter(p -> node.equals(p.coreId().orElse("")))
        .map(CoreProcess::id)
        .sort()
        .collectList();
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** {@code cluster status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = {
        "Show the cluster: its id, leader and health, each node (status, Core version, CPU and"
            + " memory used of the limit, uptime), and this client's view of each --url"
            + " (available, or out after failures)."
      })
  static final class StatusCmd extends CoreCommand {
    @Override
    int run() {
      try (CoreClient core = connect()) {
        ClusterApi cluster = core.cluster();
        ClusterAbout about = Objects.requireNonNull(cluster.about().block());
        boolean healthy = Boolean.TRUE.equals(cluster.healthy().block());
        List<ClusterNode> nodes =
            about.nodes().stream().sorted(Comparator.comparing(ClusterNode::id)).toList();
        List<CoreNode> urls = core.nodes();
        Printer p = printer();
        if (p.json()) {
          Map<String, Object> m = Printer.map();
          m.put("cluster_id", about.id());
          m.put("leader", about.leader().id());
          m.put("healthy", healthy);
          m.put("degraded", about.degraded());
          if (!about.degradedError().isBlank()) {
            m.put("degraded_error", about.degradedError());
          }
          List<Map<String, Object>> list = new ArrayList<>();
          for (ClusterNode n : nodes) {
            // Not the addresses: Core writes the admin password into core.address.
            ClusterNodeResources r = n.resources();
            Map<String, Object> e = Printer.map();
            e.put("id", n.id());
            e.put("status", n.status().value());
            e.put("leader", n.leader());
            e.put("core_version", n.core().version());
            e.put("cpu_used", r.cpuUsed());
            e.put("cpu_limit", r.cpuLimit());
            e.put("memory_used_bytes", r.memoryUsedBytes());
            e.put("memory_limit_bytes", r.memoryLimitBytes());
            e.put("uptime_seconds", n.uptimeSeconds());
            list.add(e);
          }
          m.put("nodes", list);
          List<Map<String, Object>> client = new ArrayList<>();
          for (CoreNode u : urls) {
            Map<String, Object> e = Printer.map();
            e.put("url", u.baseUrl().toString());
            e.put("available", u.available());
            u.lastFailure().ifPresent(f -> e.put("last_failure", f));
            client.add(e);
          }
          m.put("urls", client);
          p.printJson(m);
          return 0;
        }
        Map<String, Object> f = Printer.map();
        f.put("cluster", about.id());
        f.put("leader", about.leader().id().isBlank() ? "(none)" : about.leader().id());
        f.put("healthy", healthy ? "yes" : "no");
        if (about.degraded()) {
          f.put(
              "degraded",
              "yes" + (about.degradedError().isBlank() ? "" : ": " + about.degradedError()));
        }
        p.fields(f);
        p.line("");
        List<List<String>> rows = new ArrayList<>();
        for (ClusterNode n : nodes) {
          ClusterNodeResources r = n.resources();
          boolean up = !ClusterNodeState.OFFLINE.equals(n.status());
          rows.add(
              List.of(
                  n.id() + (n.leader() ? " *" : ""),
                  n.status().value(),
                  n.core().version(),
                  percent(r.cpuUsed()) + "/" + percent(r.cpuLimit()) + "%",
                  Format.bytes(r.memoryUsedBytes()) + "/" + Format.bytes(r.memoryLimitBytes()),
                  up ? Format.seconds(n.uptimeSeconds()) : "-"));
        }
        p.table(List.of("node", "status", "core", "cpu", "memory", "uptime"), rows);
        p.line("(* the leader)");
        p.line("");
        List<List<String>> own = new ArrayList<>();
        for (CoreNode u : urls) {
          own.add(
              List.of(
                  u.baseUrl().toString(),
                  u.available() ? "available" : "out",
                  u.lastFailure().orElse("")));
        }
        p.table(List.of("url", "client", "last failure"), own);
        return 0;
      }
    }
  }

  /** {@code cluster process ...}. */
  @Command(
      name = "process",
      mixinStandardHelpOptions = true,
      description = "The processes of the cluster and the node each runs on.",
      subcommands = {
        ClusterCommand.ProcessListCmd.class,
        ClusterCommand.ProcessCreateCmd.class,
        ClusterCommand.ProcessDeleteCmd.class,
        ClusterCommand.ProcessMoveCmd.class
      })
  static final class ProcessGroup extends CoreCommand {
    @Override
    int run() {
      throw missingCommand();
    }
  }

  /** {@code cluster process list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List the cluster's processes: ID, the node it runs on ('-': not placed), order, state,"
              + " CPU, memory, last log line.")
  static final class ProcessListCmd extends CoreCommand {
    @Option(
        names = "--idpattern",
        paramLabel = "GLOB",
        description = "Only ids matching this glob, e.g. 'cam*'.")
    @Nullable String idpattern;

    @Override
    int run() {
      Printer p = printer();
      ClusterApi.ListProcessesQuery query =
          ClusterApi.ListProcessesQuery.builder()
              // A table needs config and state only; the report (the logs) can be large.
              .filter(p.json() ? null : "config,state")
              .idpattern(idpattern)
              .build();
      try (CoreClient core = connect()) {
        List<CoreProcess> sorted =
            core.cluster()
                .listProcesses(query)
                .sort(Comparator.comparing(CoreProcess::id))
                .collectList()
                .block();
        if (p.json()) {
          p.printJson(sorted);
          return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (CoreProcess proc : Objects.requireNonNull(sorted)) {
          ProcessState s = proc.state().orElse(null);
          rows.add(
              List.of(
                  proc.id(),
                  node(proc),
                  s == null ? "-" : s.order().toString(),
                  s == null ? "-" : s.exec().toString(),
                  s == null ? "-" : percent(s.cpuUsage()) + "%",
                  s == null ? "-" : Format.bytes(s.memoryBytes()),
                  // Hidden before it is cut, so that no half of a password is left.
                  s == null ? "" : ProcessCommand.abbreviate(p.shown(s.lastLogline()), 60)));
        }
        p.table(List.of("id", "node", "order", "state", "cpu", "memory", "last log line"), rows);
        return 0;
      }
    }
  }

  /** {@code cluster process create -f FILE}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a process in the cluster from a JSON or YAML config file; the cluster places it on"
            + " a node with room for its limits (limits.cpu_usage and limits.memory_mbytes are"
            + " required)."
      })
  static final class ProcessCreateCmd extends CoreCommand {
    @Option(
        names = {"-f", "--file"},
        required = true,
        paramLabel = "FILE",
        description = "The process config, JSON or YAML ('-' reads standard input).")
    Path file;

    @Option(
        names = "--lenient",
        description = "Accept fields that no process config has (a warning each).")
    boolean lenient;

    @Option(
        names = "--wait",
        paramLabel = "DURATION",
        defaultValue = "0",
        converter = Durations.OrZero.class,
        description =
            "Wait this long until the process runs, and print its node (default: do not wait).")
    Duration wait;

    @Override
    int run() {
      ProcessConfig config = ConfigFiles.readOne(file, unknownFields(lenient));
      String id = config.id().orElse("?");
      try (CoreClient core = connect()) {
        ClusterApi cluster = core.cluster();
        try {
          cluster.createProcess(config).block();
        } catch (CoreBadRequestException e) {
          throw explained(e, id);
        }
        CoreProcess running = null;
        if (!wait.isZero()) {
          try {
            running = cluster.awaitRunning(id, wait).block();
          } catch (CoreTimeoutException e) {
            throw new CommandFailure(
                "created process "
                    + id
                    + ", but it does not run after "
                    + Durations.text(wait)
                    + " (no node with room for its limits?): "
                    + e.getMessage(),
                e);
          }
        }
        Printer p = printer();
        if (p.json()) {
          Map<String, Object> m = Printer.map();
          m.put("id", id);
          m.put("created", true);
          if (running != null) {
            m.put("node", node(running));
            running.state().ifPresent(s -> m.put("state", s.exec().value()));
          }
          p.printJson(m);
        } else {
          p.line(
              "created process "
                  + id
                  + (running == null
                      ? " (the cluster places it on a node; see 'corectl cluster process list')"
                      : "; it runs on " + node(running)));
        }
        return 0;
      }
    }
  }

  /** {@code cluster process delete ID}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Stop and delete a process of the cluster; says first which node runs it.")
  static final class ProcessDeleteCmd extends CoreCommand {
    @Parameters(paramLabel = "ID", description = "The process id.")
    String id;

    @Override
    int run() {
      try (CoreClient core = connect()) {
        ClusterApi cluster = core.cluster();
        CoreProcess proc =
            cluster
                .getProcess(id, ClusterApi.GetProcessQuery.builder().filter("state").build())
                .block();
        String node = node(Objects.requireNonNull(proc));
        Printer p = printer();
        if (!p.json()) {
          p.line(
              "deleting process "
                  + id
                  + (node.equals("-") ? " (not placed on a node)" : " (runs on " + node + ")"));
        }
        cluster.deleteProcess(id).block();
        if (p.json()) {
          Map<String, Object> m = Printer.map();
          m.put("id", id);
          m.put("node", node);
          m.put("deleted", true);
          p.printJson(m);
        } else {
          p.line("deleted process " + id);
        }
        return 0;
      }
    }
  }

  /** {@code cluster process move ID NODE}. */
  @Command(
      name = "move",
      mixinStandardHelpOptions = true,
      description = "Move a process to another node of the cluster and wait until it runs there.")
  static final class ProcessMoveCmd extends CoreCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The process id.")
    String id;

    @Parameters(index = "1", paramLabel = "NODE", description = "The id of the node to move to.")
    String node;

    @Option(
        names = "--wait",
        paramLabel = "DURATION",
        defaultValue = "60s",
        converter = Durations.OrZero.class,
        description =
            "How long to wait until it runs on NODE (default: ${DEFAULT-VALUE}; 0: do not wait).")
    Duration wait;

    @Override
    int run() {
      try (CoreClient core = connect()) {
        ClusterApi cluster = core.cluster();
        checkNode(cluster, node);
        CoreProcess proc =
            Objects.requireNonNull(
                cluster
                    .getProcess(id, ClusterApi.GetProcessQuery.builder().filter("state").build())
                    .block());
        String from = node(proc);
        Printer p = printer();
        boolean already = from.equals(node);
        if (!already) {
          if (!p.json()) {
            p.line("moving process " + id + " from " + from + " to " + node);
          }
          cluster
              .reallocate(
                  List.of(
                      ClusterProcessReallocation.builder()
                          .targetNodeId(node)
                          .addProcessIds(
                              ProcessId.builder().id(id).domain(proc.domain().orElse("")).build())
                          .build()))
              .block();
        }
        CoreProcess now = wait.isZero() ? null : awaitOn(cluster, proc);
        if (p.json()) {
          Map<String, Object> m = Printer.map();
          m.put("id", id);
          m.put("from", from);
          m.put("to", node);
          m.put("moved", !already);
          if (now != null) {
            m.put("node", node(now));
            now.state().ifPresent(s -> m.put("state", s.exec().value()));
          }
          p.printJson(m);
        } else if (already) {
          p.line("process " + id + " already runs on " + node);
        } else {
          p.line(
              now == null
                  ? "asked the cluster to move process " + id + " to " + node
                  : "process " + id + " runs on " + node);
        }
        return 0;
      }
    }

    /** Waits until the process runs on the node; fails naming what it last saw. */
    private CoreProcess awaitOn(ClusterApi cluster, CoreProcess before) {
      AtomicReference<CoreProcess> last = new AtomicReference<>(before);
      try {
        return cluster
            .watchProcess(id)
            .doOnNext(last::set)
            .filter(
                p ->
                    node.equals(p.coreId().orElse(""))
                        && p.state()
                            .map(s -> ProcessExecState.RUNNING.equals(s.exec()))
                            .orElse(false))
            .next()
            .timeout(wait)
            .block();
      } catch (RuntimeException e) {
        if (!(reactor.core.Exceptions.unwrap(e) instanceof TimeoutException)) {
          throw e;
        }
        CoreProcess seen = last.get();
        throw new CommandFailure(
            "process "
                + id
                + " does not run on "
                + node
                + " after "
                + Durations.text(wait)
                + " (last seen on "
                + node(seen)
                + ", "
                + seen.state().map(s -> s.exec().value()).orElse("no state")
                + "): the node may lack room for its limits or be in maintenance",
            e);
      }
    }
  }

  /** {@code cluster node ...}. */
  @Command(
      name = "node",
      mixinStandardHelpOptions = true,
      description = "Take a node out of service (drain) and back (undrain).",
      subcommands = {ClusterCommand.DrainCmd.class, ClusterCommand.UndrainCmd.class})
  static final class NodeGroup extends CoreCommand {
    @Override
    int run() {
      throw missingCommand();
    }
  }

  /** {@code cluster node drain NODE}. */
  @Command(
      name = "drain",
      mixinStandardHelpOptions = true,
      description = {
        "Put a node in maintenance: its processes move to other nodes and no new process goes to"
            + " it. Says first which processes will move."
      })
  static final class DrainCmd extends CoreCommand {
    @Parameters(paramLabel = "NODE", description = "The id of the node.")
    String node;

    @Option(
        names = "--wait",
        paramLabel = "DURATION",
        defaultValue = "0",
        converter = Durations.OrZero.class,
        description = "Wait this long until no process runs on the node (default: do not wait).")
    Duration wait;

    @Override
    int run() {
      try (CoreClient core = connect()) {
        ClusterApi cluster = core.cluster();
        checkNode(cluster, node);
        List<String> moving = Objects.requireNonNull(processesOn(cluster, node).block());
        Printer p = printer();
        if (!p.json()) {
          p.line(
              node
                  + (moving.isEmpty()
                      ? " runs no processes"
                      : " runs "
                          + moving.size()
                          + (moving.size() == 1 ? " process (" : " processes (")
                          + String.join(", ", moving)
                          + "): "
                          + (moving.size() == 1 ? "it" : "they")
                          + " will move to other nodes")
                  + "; no new processes go to it");
        }
        cluster
            .setNodeState(
                node, ClusterNodeStateInfo.builder().state(ClusterNodeState.MAINTENANCE).build())
            .block();
        List<String> left = null;
        if (!wait.isZero()) {
          AtomicReference<List<String>> last = new AtomicReference<>(moving);
          try {
            left =
                Flux.interval(Duration.ZERO, POLL)
                    .concatMap(t -> processesOn(cluster, node))
                    .doOnNext(last::set)
                    .filter(List::isEmpty)
                    .next()
                    .timeout(wait)
                    .block();
          } catch (RuntimeException e) {
            if (!(reactor.core.Exceptions.unwrap(e) instanceof TimeoutException)) {
              throw e;
            }
            throw new CommandFailure(
                node
                    + " is in maintenance, but still runs "
                    + String.join(", ", last.get())
                    + " after "
                    + Durations.text(wait)
                    + ": the other nodes may lack room for their limits (see 'corectl cluster"
                    + " status')",
                e);
          }
        }
        if (p.json()) {
          Map<String, Object> m = Printer.map();
          m.put("node", node);
          m.put("state", ClusterNodeState.MAINTENANCE.value());
          m.put("moving", moving);
          if (left != null) {
            m.put("drained", left.isEmpty());
          }
          p.printJson(m);
        } else {
          p.line(
              left != null
                  ? node + " is drained: no process runs on it"
                  : node
                      + " is in maintenance"
                      + (moving.isEmpty() ? "" : " (--wait DURATION waits until it is empty)"));
        }
        return 0;
      }
    }
  }

  /** {@code cluster node undrain NODE}. */
  @Command(
      name = "undrain",
      mixinStandardHelpOptions = true,
      description = "Put a node back online: the cluster may place processes on it again.")
  static final class UndrainCmd extends CoreCommand {
    @Parameters(paramLabel = "NODE", description = "The id of the node.")
    String node;

    @Override
    int run() {
      try (CoreClient core = connect()) {
        ClusterApi cluster = core.cluster();
        checkNode(cluster, node);
        cluster
            .setNodeState(
                node, ClusterNodeStateInfo.builder().state(ClusterNodeState.ONLINE).build())
            .block();
        Printer p = printer();
        if (p.json()) {
          Map<String, Object> m = Printer.map();
          m.put("node", node);
          m.put("state", ClusterNodeState.ONLINE.value());
          p.printJson(m);
        } else {
          p.line(node + " is online: the cluster may place processes on it again");
        }
        return 0;
      }
    }
  }
}
