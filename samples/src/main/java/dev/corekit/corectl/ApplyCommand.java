package dev.corekit.corectl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreClient;
import dev.corekit.core.model.ProcessConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code corectl apply DIR}: makes Core's processes match a folder of process config files. See
 * {@link ApplyPlan} for ownership, the order and the comparison.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Make Core's processes match a folder of process config files.",
      "Reads *.json, *.yaml and *.yml files: each holds one config, a list of configs, or several"
          + " YAML documents; every config needs an id. A config's metadata are set as the"
          + " process's metadata keys.",
      "Creates missing processes and updates changed ones, producers before consumers (a process"
          + " whose input address is another's output address, or '#id:...', depends on it);"
          + " --prune also deletes the processes of the set that are in no file, consumers first."
          + " A second run changes nothing and says so.",
      "Ownership: every process apply creates or updates is marked with the metadata key"
          + " 'corectl.apply' naming its set (the folder's name, or --set). A process of the same"
          + " id that is not marked with the set is skipped (exit code 1) unless --adopt is given;"
          + " --prune deletes only processes of the set."
    })
final class ApplyCommand extends CoreCommand {

  @Parameters(paramLabel = "DIR", description = "The folder of process config files.")
  Path dir;

  @Option(
      names = "--set",
      paramLabel = "NAME",
      description = "The name of the apply set (default: the folder's name).")
  @Nullable String set;

  @Option(
      names = "--prune",
      description = "Also delete the processes of the set that are in no file.")
  boolean prune;

  @Option(
      names = "--adopt",
      description =
          "Take over processes of the same id that the set does not own (made by hand, by another"
              + " tool or by another set) and update them.")
  boolean adopt;

  @Option(
      names = "--allow-empty",
      description =
          "Accept a folder without process configs (with --prune: delete every process of the"
              + " set).")
  boolean allowEmpty;

  @Option(
      names = "--lenient",
      description = "Accept fields that no process config has (a warning each) instead of failing.")
  boolean lenient;

  @Option(names = "--dry-run", description = "Only print what would change.")
  boolean dryRun;

  @Option(
      names = "--cluster",
      description =
          "Apply through the cluster API (every --url a node of one Core cluster): the cluster"
              + " places the processes on its nodes. Each config needs limits.cpu_usage and"
              + " limits.memory_mbytes.")
  boolean cluster;

  @Override
  int run() {
    String setName = setName();
    List<ApplyPlan.Desired> desired = read(dir, unknownFields(lenient));
    if (desired.isEmpty() && !allowEmpty) {
      throw new UsageException(
          dir
              + " holds no process configs (*.json, *.yaml, *.yml)"
              + (prune ? "; --prune would delete every process of set " + setName : "")
              + ": check the folder, or pass --allow-empty");
    }
    Printer p = printer();
    try (CoreClient core = connect()) {
      ApplyTarget processes =
          cluster ? ApplyTarget.cluster(core.cluster()) : ApplyTarget.node(core.processes());
      List<ApplyPlan.Current> current = processes.list();
      ApplyPlan plan =
          ApplyPlan.plan(desired, current, new ApplyPlan.Options(setName, prune, adopt));
      List<Map<String, Object>> done = new ArrayList<>();
      for (ApplyPlan.Action a : plan.actions()) {
        if (!dryRun) {
          execute(processes, a);
        }
        if (p.json()) {
          done.add(json(a));
        } else {
          p.line((dryRun ? "would " + a.kind().verb : a.kind().done) + "  " + describe(a));
        }
      }
      if (!p.json()) {
        plan.skipped().forEach(a -> p.line("skip  " + describe(a)));
      }
      if (p.json()) {
        Map<String, Object> result = Printer.map();
        result.put("set", setName);
        result.put("dry_run", dryRun);
        result.put("changed", !dryRun && !plan.actions().isEmpty());
        result.put("actions", done);
        result.put("skipped", plan.skipped().stream().map(ApplyCommand::json).toList());
        result.put("unchanged", plan.unchanged());
        if (prune) {
          result.put("not_owned", plan.notOwned());
        }
        p.printJson(result);
      } else {
        p.line(summary(plan, setName));
      }
      if (!plan.skipped().isEmpty()) {
        int n = plan.skipped().size();
        root()
            .err
            .println(
                "corectl: "
                    + n
                    + (n == 1 ? " process was" : " processes were")
                    + " not applied: "
                    + String.join(", ", plan.skipped().stream().map(ApplyPlan.Action::id).toList())
                    + " exist"
                    + (n == 1 ? "s" : "")
                    + " but set "
                    + setName
                    + " does not own "
                    + (n == 1 ? "it" : "them")
                    + " (--adopt takes "
                    + (n == 1 ? "it" : "them")
                    + " over)");
        return 1;
      }
      return 0;
    }
  }

  /** The set's name: --set, else the folder's name. */
  private String setName() {
    if (set != null) {
      if (set.isBlank()) {
        throw new UsageException("--set needs a name");
      }
      return set.strip();
    }
    Path name = dir.toAbsolutePath().normalize().getFileName();
    if (name == null || name.toString().isBlank()) {
      throw new UsageException("cannot name the apply set after " + dir + ": pass --set NAME");
    }
    return name.toString();
  }

  /** Runs one step: the config first, then the metadata keys (the marker last). */
  private static void execute(ApplyTarget processes, ApplyPlan.Action a) {
    switch (a.kind()) {
      case CREATE:
        {
          // The metadata go along (Core 16.20 stores them with the process at once) and are set
          // again one by one below: Core 16.16 ignores them in the config.
          Map<String, JsonNode> initial = new TreeMap<>();
          a.metadata()
              .forEach(
                  (k, v) -> {
                    if (!v.isNull()) {
                      initial.put(k, v);
                    }
                  });
          processes.create(ProcessConfig.builder().from(a.config()).metadata(initial).build());
          break;
        }
      case UPDATE:
        if (a.config() != null) {
          processes.update(a.id(), a.config());
        }
        break;
      case ADOPT:
        break;
      case DELETE:
        processes.delete(a.id());
        return;
      default:
        throw new IllegalStateException(a.kind().toString());
    }
    Map<String, JsonNode> metadata = new LinkedHashMap<>(a.metadata());
    JsonNode marker = metadata.remove(ApplyPlan.MARKER_KEY);
    metadata.forEach((k, v) -> processes.setMetadataKey(a.id(), k, v));
    if (marker != null) {
      processes.setMetadataKey(a.id(), ApplyPlan.MARKER_KEY, marker);
    }
  }

  private String summary(ApplyPlan plan, String setName) {
    int upToDate = plan.unchanged().size();
    String others =
        plan.notOwned().isEmpty()
            ? ""
            : "; "
                + plan.notOwned().size()
                + (plan.notOwned().size() == 1 ? " other process" : " other processes")
                + " left alone (not of set "
                + setName
                + ")";
    if (plan.actions().isEmpty()) {
      return "no changes: "
          + upToDate
          + (upToDate == 1 ? " process" : " processes")
          + " up to date"
          + (plan.skipped().isEmpty() ? "" : ", " + plan.skipped().size() + " skipped")
          + others;
    }
    String counts =
        plan.count(ApplyPlan.Kind.CREATE)
            + (dryRun ? " to create, " : " created, ")
            + (plan.count(ApplyPlan.Kind.UPDATE) + plan.count(ApplyPlan.Kind.ADOPT))
            + (dryRun ? " to update, " : " updated, ")
            + plan.count(ApplyPlan.Kind.DELETE)
            + (dryRun ? " to delete, " : " deleted, ")
            + upToDate
            + " unchanged"
            + (plan.skipped().isEmpty() ? "" : ", " + plan.skipped().size() + " skipped")
            + others;
    return dryRun ? "dry run: " + counts + "; nothing was changed" : "applied: " + counts;
  }

  /** {@code ID (FILE): REASON}. */
  private static String describe(ApplyPlan.Action a) {
    return a.id() + (a.file() == null ? "" : "  (" + a.file() + ")") + ": " + a.reason();
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
    m.put("reason", a.reason());
    return m;
  }

  /** Reads every config of the folder; ids are required and unique. */
  static List<ApplyPlan.Desired> read(Path dir, ConfigFiles.UnknownFields unknown) {
    if (!Files.exists(dir)) {
      throw new UsageException(dir + ": no such folder");
    }
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
        ProcessConfig config = ConfigFiles.toConfig(tree, file.toString(), unknown);
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
