package dev.corekit.corectl;

import dev.corekit.core.CoreException;
import dev.corekit.core.CoreFleet;
import dev.corekit.core.NodeResult;
import dev.corekit.core.api.ProcessApi;
import dev.corekit.core.model.About;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.ProcessState;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code corectl fleet ...}: one command asked of several independent Cores (every {@code --url}),
 * with one row (or JSON object) per node and each node's failure in its own row.
 *
 * <p>Exit code: 0 when at least one Core answered (the rows of the others show their errors), 1
 * when none did (then one line on stderr names each failed Core).
 */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description = {
      "Ask several independent Cores at once: give each with --url (repeated or comma-separated).",
      "A Core that fails shows its error in its row; the exit code is 1 only when every Core failed."
    },
    subcommands = {FleetCommand.AboutCmd.class, FleetCommand.ProcessGroup.class})
final class FleetCommand extends CoreCommand {

  @Override
  int run() {
    throw missingCommand();
  }

  /** {@code fleet about}. */
  @Command(
      name = "about",
      mixinStandardHelpOptions = true,
      description = "Show each Core's version, uptime and name, or why it did not answer.")
  static final class AboutCmd extends CoreCommand {
    @Override
    int run() {
      try (CoreFleet fleet = connectFleet()) {
        Map<String, List<NodeResult<About>>> byNode = byNode(fleet, fleet.about().collectList());
        Printer p = printer();
        if (p.json()) {
          List<Map<String, Object>> nodes = new ArrayList<>();
          byNode.forEach(
              (node, results) -> {
                Map<String, Object> entry = entry(fleet, node, results);
                if (results.get(0).isSuccess()) {
                  entry.put("about", results.get(0).value());
                }
                nodes.add(entry);
              });
          p.printJson(nodes);
        } else {
          List<List<String>> rows = new ArrayList<>();
          byNode.forEach(
              (node, results) -> {
                NodeResult<About> r = results.get(0);
                if (r.isSuccess()) {
                  About a = r.value();
                  rows.add(
                      List.of(
                          node,
                          "up",
                          a.version().number(),
                          a.uptimeSeconds().map(Format::seconds).orElse("-"),
                          a.name().orElse(""),
                          ""));
                } else {
                  rows.add(List.of(node, "failed", "-", "-", "", error(r.failure())));
                }
              });
          p.table(List.of("node", "state", "version", "uptime", "name", "error"), rows);
        }
        return exitCode(byNode, root().err);
      }
    }
  }

  /** {@code fleet process ...}. */
  @Command(
      name = "process",
      mixinStandardHelpOptions = true,
      description = "The processes of several Cores.",
      subcommands = {FleetCommand.ProcessListCmd.class})
  static final class ProcessGroup extends CoreCommand {
    @Override
    int run() {
      throw missingCommand();
    }
  }

  /** {@code fleet process list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the processes of every Core (node, ID, reference, order, state, uptime).")
  static final class ProcessListCmd extends CoreCommand {
    @Option(
        names = "--idpattern",
        paramLabel = "GLOB",
        description = "Only ids matching this glob, e.g. 'cam*'.")
    @Nullable String idpattern;

    @Option(
        names = "--refpattern",
        paramLabel = "GLOB",
        description = "Only references matching this glob.")
    @Nullable String refpattern;

    @Override
    int run() {
      Printer p = printer();
      ProcessApi.ListQuery query =
          ProcessApi.ListQuery.builder()
              // A table needs config and state only; the report (the logs) can be large.
              .filter(p.json() ? null : "config,state")
              .idpattern(idpattern)
              .refpattern(refpattern)
              .build();
      try (CoreFleet fleet = connectFleet()) {
        Map<String, List<NodeResult<CoreProcess>>> byNode =
            byNode(fleet, fleet.processes(query).collectList());
        if (p.json()) {
          List<Map<String, Object>> nodes = new ArrayList<>();
          byNode.forEach(
              (node, results) -> {
                Map<String, Object> entry = entry(fleet, node, results);
                if (failure(results) == null) {
                  entry.put("processes", processes(results));
                }
                nodes.add(entry);
              });
          p.printJson(nodes);
        } else {
          List<List<String>> rows = new ArrayList<>();
          byNode.forEach(
              (node, results) -> {
                for (CoreProcess proc : processes(results)) {
                  rows.add(row(node, proc, p));
                }
                CoreException failure = failure(results);
                if (failure != null) {
                  rows.add(List.of(node, "-", "", "", "failed", "", error(failure)));
                }
              });
          p.table(
              List.of("node", "id", "reference", "order", "state", "uptime", "last log line"),
              rows);
        }
        return exitCode(byNode, root().err);
      }
    }

    private static List<String> row(String node, CoreProcess proc, Printer p) {
      ProcessState s = proc.state().orElse(null);
      return List.of(
          node,
          proc.id(),
          proc.reference(),
          s == null ? "-" : s.order().toString(),
          s == null ? "-" : s.exec().toString(),
          s == null ? "-" : ProcessCommand.uptime(s),
          // Hidden before it is cut, so that no half of a password is left.
          s == null ? "" : ProcessCommand.abbreviate(p.shown(s.lastLogline()), 60));
    }

    /** A node's processes, by id, so that runs compare (Core lists in no particular order). */
    private static List<CoreProcess> processes(List<NodeResult<CoreProcess>> results) {
      return results.stream()
          .filter(NodeResult::isSuccess)
          .map(NodeResult::value)
          .sorted(Comparator.comparing(CoreProcess::id))
          .toList();
    }
  }

  /**
   * Every node's results, in the order the nodes were given; a node that answered nothing (an empty
   * list) has an empty list.
   */
  static <T> Map<String, List<NodeResult<T>>> byNode(
      CoreFleet fleet, reactor.core.publisher.Mono<List<NodeResult<T>>> results) {
    Map<String, List<NodeResult<T>>> byNode = new LinkedHashMap<>();
    for (String node : fleet.nodes()) {
      byNode.put(node, new ArrayList<>());
    }
    for (NodeResult<T> r : Objects.requireNonNull(results.block())) {
      byNode.get(r.node()).add(r);
    }
    return byNode;
  }

  /** The start of a node's JSON object: its name, URL, whether it answered, and its error. */
  static Map<String, Object> entry(CoreFleet fleet, String node, List<? extends NodeResult<?>> rs) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("node", node);
    entry.put("url", fleet.client(node).baseUrl().toString());
    CoreException failure = failure(rs);
    entry.put("ok", failure == null);
    if (failure != null) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("type", failure.getClass().getSimpleName());
      error.put("message", error(failure));
      entry.put("error", error);
    }
    return entry;
  }

  /** The node's failure, if its results hold one. */
  static @Nullable CoreException failure(List<? extends NodeResult<?>> results) {
    for (NodeResult<?> r : results) {
      if (!r.isSuccess()) {
        return r.failure();
      }
    }
    return null;
  }

  /** A failure in the user's words, on one line. */
  static String error(CoreException failure) {
    return Failures.describe(failure).replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /**
   * 0 when at least one node answered; otherwise 1, with one line on stderr naming every node and
   * why it failed.
   */
  static <T> int exitCode(Map<String, List<NodeResult<T>>> byNode, PrintStream err) {
    List<String> failed = new ArrayList<>();
    byNode.forEach(
        (node, results) -> {
          CoreException failure = failure(results);
          if (failure != null) {
            failed.add(node + " (" + error(failure) + ")");
          }
        });
    if (failed.size() < byNode.size()) {
      return 0;
    }
    err.println(
        "corectl: "
            + (failed.size() == 1 ? "the Core failed: " : "every Core failed: ")
            + String.join("; ", failed));
    return 1;
  }
}
