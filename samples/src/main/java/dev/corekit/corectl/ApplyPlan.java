package dev.corekit.corectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What {@code corectl apply} does to make Core's processes match a folder of configs: which to
 * create, update and (with prune) delete, in dependency order.
 *
 * <p>A process depends on another when one of its input addresses is one of the other's output
 * addresses (after expanding {@code {processid}} and {@code {reference}}), or names it as {@code
 * #id:...}. Creates and updates run producers first; deletes run consumers first.
 *
 * <p>Desired and current configs are compared after normalizing both: fields Core fills in (owner,
 * generated input/output ids, type and binary {@code ffmpeg}), Core's defaults (empty strings and
 * lists, zero, false, {@code autostart: true}) and the process metadata (stored apart from the
 * config) are dropped; numbers compare by value.
 */
final class ApplyPlan {

  /** The kind of a change. */
  enum Kind {
    CREATE("create", "created"),
    UPDATE("update", "updated"),
    DELETE("delete", "deleted");

    final String verb;
    final String done;

    Kind(String verb, String done) {
      this.verb = verb;
      this.done = done;
    }
  }

  /** One change, with the file it comes from and (for updates) the top-level fields that differ. */
  record Action(
      Kind kind,
      String id,
      @Nullable String file,
      List<String> fields,
      @Nullable ProcessConfig config) {}

  /** A config read from a file. */
  record Desired(String id, String file, ProcessConfig config) {}

  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
      };

  private final List<Action> actions;
  private final List<String> unchanged;

  private ApplyPlan(List<Action> actions, List<String> unchanged) {
    this.actions = List.copyOf(actions);
    this.unchanged = List.copyOf(unchanged);
  }

  List<Action> actions() {
    return actions;
  }

  List<String> unchanged() {
    return unchanged;
  }

  long count(Kind kind) {
    return actions.stream().filter(a -> a.kind() == kind).count();
  }

  /**
   * Plans the changes.
   *
   * @param desired the configs of the folder, ids unique
   * @param current Core's processes, id to config
   * @param prune whether processes missing from the folder are deleted
   * @return the plan
   * @throws UsageException if the desired configs depend on each other in a cycle
   */
  static ApplyPlan plan(List<Desired> desired, Map<String, ProcessConfig> current, boolean prune) {
    Map<String, Desired> byId = new LinkedHashMap<>();
    Map<String, ProcessConfig> desiredConfigs = new LinkedHashMap<>();
    for (Desired d : desired) {
      byId.put(d.id(), d);
      desiredConfigs.put(d.id(), d.config());
    }
    List<Action> actions = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (String id : order(desiredConfigs)) {
      Desired d = byId.get(id);
      ProcessConfig now = current.get(id);
      if (now == null) {
        actions.add(new Action(Kind.CREATE, id, d.file(), List.of(), d.config()));
        continue;
      }
      List<String> fields = differences(d.config(), now);
      if (fields.isEmpty()) {
        unchanged.add(id);
      } else {
        actions.add(new Action(Kind.UPDATE, id, d.file(), fields, d.config()));
      }
    }
    if (prune) {
      Map<String, ProcessConfig> extra = new LinkedHashMap<>();
      current.forEach(
          (id, config) -> {
            if (!byId.containsKey(id)) {
              extra.put(id, config);
            }
          });
      List<String> deleteOrder = new ArrayList<>(order(extra));
      java.util.Collections.reverse(deleteOrder);
      for (String id : deleteOrder) {
        actions.add(new Action(Kind.DELETE, id, null, List.of(), null));
      }
    }
    return new ApplyPlan(actions, unchanged);
  }

  /** The top-level fields whose normalized values differ; empty when the configs match. */
  static List<String> differences(ProcessConfig desired, ProcessConfig current) {
    ObjectNode want = normalize(Json.tree(desired), null);
    ObjectNode have = normalize(Json.tree(current), want);
    Set<String> names = new TreeSet<>();
    want.fieldNames().forEachRemaining(names::add);
    have.fieldNames().forEachRemaining(names::add);
    List<String> differing = new ArrayList<>();
    for (String name : names) {
      JsonNode a = want.get(name);
      JsonNode b = have.get(name);
      if (a == null || b == null || !a.equals(NUMBERS_BY_VALUE, b)) {
        differing.add(name);
      }
    }
    return differing;
  }

  /**
   * Normalizes a config tree for comparison. With {@code shape} (the normalized desired config),
   * fields Core generates where the desired config has none (owner, input/output ids) are dropped
   * too.
   */
  static ObjectNode normalize(JsonNode config, @Nullable ObjectNode shape) {
    ObjectNode c = config.deepCopy();
    c.remove("metadata");
    if (shape == null || !shape.has("owner")) {
      c.remove("owner");
    }
    if ("ffmpeg".equals(c.path("type").asText())) {
      c.remove("type");
    }
    if ("ffmpeg".equals(c.path("binary").asText())) {
      c.remove("binary");
    }
    // autostart defaults to true: absent and true are the same, false is the difference to keep.
    boolean noAutostart = c.path("autostart").isBoolean() && !c.path("autostart").asBoolean();
    c.remove("autostart");
    for (String kind : List.of("input", "output")) {
      JsonNode ios = c.get(kind);
      if (ios == null || !ios.isArray()) {
        continue;
      }
      for (int i = 0; i < ios.size(); i++) {
        JsonNode wanted = shape == null ? null : shape.path(kind).path(i);
        boolean idWanted = shape == null || (wanted != null && wanted.hasNonNull("id"));
        if (!idWanted && ios.get(i).isObject()) {
          ((ObjectNode) ios.get(i)).remove("id");
        }
      }
    }
    dropDefaults(c);
    if (noAutostart) {
      c.put("autostart", false);
    }
    return c;
  }

  /**
   * Removes object fields holding null, "", 0, false, [] or {} (after cleaning them), recursively.
   */
  private static boolean dropDefaults(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      while (fields.hasNext()) {
        if (dropDefaults(fields.next().getValue())) {
          fields.remove();
        }
      }
      return node.isEmpty();
    }
    if (node.isArray()) {
      for (JsonNode element : (ArrayNode) node) {
        if (element.isContainerNode()) {
          dropDefaults(element);
        }
      }
      return node.isEmpty();
    }
    return node.isNull()
        || (node.isTextual() && node.asText().isEmpty())
        || (node.isNumber() && new BigDecimal(node.asText()).signum() == 0)
        || (node.isBoolean() && !node.asBoolean());
  }

  /**
   * Orders process ids so that every producer comes before its consumers; ties by id.
   *
   * @throws UsageException on a dependency cycle
   */
  static List<String> order(Map<String, ProcessConfig> configs) {
    Map<String, Set<String>> needs = dependencies(configs);
    Map<String, Integer> missing = new HashMap<>();
    Map<String, List<String>> consumers = new HashMap<>();
    for (String id : configs.keySet()) {
      missing.put(id, needs.get(id).size());
      for (String producer : needs.get(id)) {
        consumers.computeIfAbsent(producer, k -> new ArrayList<>()).add(id);
      }
    }
    TreeSet<String> ready = new TreeSet<>();
    missing.forEach(
        (id, n) -> {
          if (n == 0) {
            ready.add(id);
          }
        });
    List<String> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.pollFirst();
      order.add(id);
      for (String consumer : consumers.getOrDefault(id, List.of())) {
        if (missing.merge(consumer, -1, Integer::sum) == 0) {
          ready.add(consumer);
        }
      }
    }
    if (order.size() < configs.size()) {
      Set<String> cycle = new TreeSet<>(configs.keySet());
      order.forEach(cycle::remove);
      throw new UsageException(
          "the configs depend on each other in a cycle: " + String.join(", ", cycle));
    }
    return order;
  }

  /** For each process, the processes (of the same map) whose output it reads. */
  static Map<String, Set<String>> dependencies(Map<String, ProcessConfig> configs) {
    Map<String, String> producerOf = new HashMap<>();
    configs.forEach(
        (id, config) -> {
          for (ProcessConfigIo out : config.output()) {
            producerOf.putIfAbsent(address(out.address(), id, config), id);
          }
        });
    Map<String, Set<String>> needs = new TreeMap<>();
    configs.forEach(
        (id, config) -> {
          Set<String> producers = new TreeSet<>();
          for (ProcessConfigIo in : config.input()) {
            String address = address(in.address(), id, config);
            String producer = producerOf.get(address);
            if (producer == null && address.startsWith("#")) {
              int end = address.indexOf(':');
              producer = address.substring(1, end < 0 ? address.length() : end);
            }
            if (producer != null && !producer.equals(id) && configs.containsKey(producer)) {
              producers.add(producer);
            }
          }
          needs.put(id, producers);
        });
    return needs;
  }

  /** An address with Core's placeholders expanded and storage aliases unified, for matching. */
  private static String address(String raw, String id, ProcessConfig config) {
    return raw.strip()
        .replace("{processid}", id)
        .replace("{reference}", config.reference().orElse(""))
        .replace("{fs:mem}", "{memfs}")
        .replace("{fs:disk}", "{diskfs}");
  }
}
