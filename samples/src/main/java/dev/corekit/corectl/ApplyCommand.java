package dev.corekit.corectl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreClient;
import dev.corekit.core.api.ProcessApi;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.ProcessConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code corectl apply DIR}: makes Core's processes match a folder of process config files. See
 * {@link ApplyPlan} for the order and the comparison.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Make Core's processes match a folder of process config files.",
      "Reads *.json, *.yaml and *.yml files: each holds one config, a list of configs, or several YAML",
      "documents; every config needs an id.",
      "Creates missing processes and updates changed ones, producers before consumers (a process whose",
      "input address is another's output address, or '#id:...', depends on it); --prune also deletes",
      "processes that are in no file, consumers first. A second run changes nothing and says so."
    })
final class ApplyCommand extends CoreCommand {

  @Parameters(paramLabel = "DIR", description = "The folder of process config files.")
  Path dir;

  @Option(
      names = "--prune",
      description = "Also delete the processes of the server that are in no file.")
  boolean prune;

  @Option(names = "--dry-run", description = "Only print what would change.")
  boolean dryRun;

  @Override
  int run() {
    List<ApplyPlan.Desired> desired = read(dir);
    Printer p = printer();
    try (CoreClient core = connect()) {
      ProcessApi processes = core.processes();
      Map<String, ProcessConfig> current = new LinkedHashMap<>();
      for (CoreProcess proc :
          processes.list(ProcessApi.ListQuery.builder().filter("config").build()).toIterable()) {
        proc.config().ifPresent(c -> current.put(proc.id(), c));
      }
      ApplyPlan plan = ApplyPlan.plan(desired, current, prune);
      List<Map<String, Object>> done = new ArrayList<>();
      for (ApplyPlan.Action a : plan.actions()) {
        if (!dryRun) {
          switch (a.kind()) {
            case CREATE:
              processes.create(a.config()).block();
              break;
            case UPDATE:
              processes.update(a.id(), a.config()).block();
              break;
            case DELETE:
              processes.delete(a.id()).block();
              break;
            default:
              throw new IllegalStateException(a.kind().toString());
          }
        }
        if (p.json()) {
          done.add(json(a));
        } else {
          p.line((dryRun ? "would " + a.kind().verb : a.kind().done) + "  " + a.id() + describe(a));
        }
      }
      if (p.json()) {
        Map<String, Object> result = Printer.map();
        result.put("dry_run", dryRun);
        result.put("changed", !dryRun && !plan.actions().isEmpty());
        result.put("actions", done);
        result.put("unchanged", plan.unchanged());
        p.printJson(result);
      } else {
        p.line(summary(plan));
      }
      return 0;
    }
  }

  private String summary(ApplyPlan plan) {
    int upToDate = plan.unchanged().size();
    if (plan.actions().isEmpty()) {
      return "no changes: "
          + upToDate
          + (upToDate == 1 ? " process" : " processes")
          + " up to date";
    }
    String counts =
        plan.count(ApplyPlan.Kind.CREATE)
            + (dryRun ? " to create, " : " created, ")
            + plan.count(ApplyPlan.Kind.UPDATE)
            + (dryRun ? " to update, " : " updated, ")
            + plan.count(ApplyPlan.Kind.DELETE)
            + (dryRun ? " to delete, " : " deleted, ")
            + upToDate
            + " unchanged";
    return dryRun ? "dry run: " + counts + "; nothing was changed" : "applied: " + counts;
  }

  private static String describe(ApplyPlan.Action a) {
    if (a.file() == null) {
      return "";
    }
    return "  ("
        + a.file()
        + (a.fields().isEmpty() ? "" : ": " + String.join(", ", a.fields()))
        + ")";
  }

  private static Map<String, Object> json(ApplyPlan.Action a) {
    Map<String, Object> m = Printer.map();
    m.put("action", a.kind().verb);
    m.put("id", a.id());
    if (a.file() != null) {
      m.put("file", a.file());
    }
    if (!a.fields().isEmpty()) {
      m.put("fields", a.fields());
    }
    return m;
  }

  /** Reads every config of the folder; ids are required and unique. */
  static List<ApplyPlan.Desired> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UsageException(dir + ": not a directory");
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(Files::isRegularFile).filter(ConfigFiles::isConfigFile).sorted().toList();
    } catch (IOException e) {
      throw new UsageException(dir + ": cannot list: " + e.getMessage(), e);
    }
    List<ApplyPlan.Desired> desired = new ArrayList<>();
    Map<String, String> fileOf = new HashMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      for (JsonNode tree : ConfigFiles.readTrees(file)) {
        ProcessConfig config = ConfigFiles.toConfig(tree, file.toString());
        String id = config.id().orElse("");
        if (id.isBlank()) {
          throw new UsageException(file + ": every config needs an \"id\" for apply");
        }
        String other = fileOf.putIfAbsent(id, name);
        if (other != null) {
          throw new UsageException(
              "process id " + id + " is in two configs: " + other + " and " + name);
        }
        desired.add(new ApplyPlan.Desired(id, name, config));
      }
    }
    return desired;
  }
}
