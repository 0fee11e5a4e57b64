package dev.corekit.corectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
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
 * create, update and (with prune) delete, in dependency order, and why.
 *
 * <p><b>Ownership.</b> Every process apply creates or updates carries the process metadata key
 * {@value #MARKER_KEY}: {@code {"set": NAME, "hash": "sha256:HEX", "metadata_keys": [KEY...]}}.
 * {@code set} names the apply set (the folder's name or {@code --set}); {@code hash} is the SHA-256
 * of the normalized config and metadata last applied (see {@link #hash}); {@code metadata_keys} are
 * the metadata keys the files set, so that a key removed from a file is removed from the process
 * too. A process of the same id without the marker, or with another set's, is never updated (it is
 * skipped) unless adopting; prune deletes only processes of the same set.
 *
 * <p><b>Order.</b> A process depends on another when one of its input addresses is one of the
 * other's output addresses (after expanding {@code {processid}} and {@code {reference}}), or names
 * it as {@code #id:...}. Creates and updates run producers first; deletes run consumers first; ties
 * go by id.
 *
 * <p><b>Comparison.</b> Desired and current configs are compared after normalizing both: fields
 * Core fills in (owner, generated input/output ids, type and binary {@code ffmpeg}) and Core's
 * defaults (empty strings and lists, zero, false, {@code autostart: true}) are dropped; numbers
 * compare by value. The metadata keys of the file are compared with the process's (the marker and
 * keys the files never set are not). The marker's hash only tells whether the file or the server
 * changed since the last apply; the real config is always compared.
 */
final class ApplyPlan {

  /** The process metadata key of the ownership marker. */
  static final String MARKER_KEY = "corectl.apply";

  /** The kind of a step. */
  enum Kind {
    CREATE("create", "created"),
    UPDATE("update", "updated"),
    ADOPT("adopt", "adopted"),
    DELETE("delete", "deleted"),
    SKIP("skip", "skipped");

    final String verb;
    final String done;

    Kind(String verb, String done) {
      this.verb = verb;
      this.done = done;
    }
  }

  /**
   * One step.
   *
   * @param kind what is done
   * @param id the process id
   * @param file the file of the desired config (null for deletes)
   * @param fields the top-level config fields that differ, plus {@code metadata} when metadata keys
   *     differ
   * @param reason why, e.g. {@code config differs in input, options}
   * @param config the config to create or to update to (without metadata), null when the config is
   *     not written
   * @param metadata the metadata keys to write after the config (a {@link NullNode} removes the
   *     key), the marker included
   */
  record Action(
      Kind kind,
      String id,
      @Nullable String file,
      List<String> fields,
      String reason,
      @Nullable ProcessConfig config,
      Map<String, JsonNode> metadata) {}

  /** A config read from a file; its {@code metadata} are the process metadata keys to set. */
  record Desired(String id, String file, ProcessConfig config) {}

  /** A process on the server: its config and its metadata keys. */
  record Current(String id, ProcessConfig config, Map<String, JsonNode> metadata) {
    Current {
      metadata = Map.copyOf(metadata);
    }

    /** The ownership marker, or null when there is none (or it is not one of ours). */
    @Nullable Marker marker() {
      return Marker.of(metadata.get(MARKER_KEY));
    }
  }

  /**
   * The ownership marker.
   *
   * @param set the apply set's name
   * @param hash {@code sha256:HEX} of the normalized config and metadata last applied
   * @param metadataKeys the metadata keys the files set, sorted
   */
  record Marker(String set, String hash, List<String> metadataKeys) {
    Marker {
      metadataKeys = List.copyOf(new TreeSet<>(metadataKeys));
    }

    static @Nullable Marker of(@Nullable JsonNode value) {
      if (value == null || !value.isObject() || !value.path("set").isTextual()) {
        return null;
      }
      List<String> keys = new ArrayList<>();
      value.path("metadata_keys").forEach(k -> keys.add(k.asText()));
      return new Marker(value.path("set").asText(), value.path("hash").asText(""), keys);
    }

    JsonNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("set", set);
      o.put("hash", hash);
      ArrayNode keys = o.putArray("metadata_keys");
      metadataKeys.forEach(keys::add);
      return o;
    }
  }

  /**
   * How to plan.
   *
   * @param set the apply set's name
   * @param prune whether the set's processes that are in no file are deleted
   * @param adopt whether processes not owned by the set are taken over
   */
  record Options(String set, boolean prune, boolean adopt) {}

  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
      };

  private final List<Action> actions;
  private final List<Action> skipped;
  private final List<String> unchanged;
  private final List<String> notOwned;

  private ApplyPlan(
      List<Action> actions, List<Action> skipped, List<String> unchanged, List<String> notOwned) {
    this.actions = List.copyOf(actions);
    this.skipped = List.copyOf(skipped);
    this.unchanged = List.copyOf(new TreeSet<>(unchanged));
    this.notOwned = List.copyOf(new TreeSet<>(notOwned));
  }

  /** The changes, in the order they run. */
  List<Action> actions() {
    return actions;
  }

  /** The desired processes left alone because the set does not own them, by id. */
  List<Action> skipped() {
    return skipped;
  }

  /** The ids of the desired processes that already match, sorted. */
  List<String> unchanged() {
    return unchanged;
  }

  /**
   * With prune: the ids of the processes in no file that prune leaves alone (not owned), sorted.
   */
  List<String> notOwned() {
    return notOwned;
  }

  long count(Kind kind) {
    return actions.stream().filter(a -> a.kind() == kind).count();
  }

  /**
   * Plans the changes.
   *
   * @param desired the configs of the folder, ids unique
   * @param current Core's processes
   * @param options the set's name, prune and adopt
   * @return the plan
   * @throws UsageException if the desired configs depend on each other in a cycle
   */
  static ApplyPlan plan(List<Desired> desired, List<Current> current, Options options) {
    Map<String, Desired> byId = new LinkedHashMap<>();
    Map<String, ProcessConfig> desiredConfigs = new LinkedHashMap<>();
    for (Desired d : desired) {
      byId.put(d.id(), d);
      desiredConfigs.put(d.id(), d.config());
    }
    Map<String, Current> now = new LinkedHashMap<>();
    current.forEach(c -> now.put(c.id(), c));
    List<Action> actions = new ArrayList<>();
    List<Action> skipped = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (String id : order(desiredConfigs, false)) {
      Desired d = byId.get(id);
      Current c = now.get(id);
      Marker want = marker(options.set(), d.config());
      if (c == null) {
        actions.add(
            new Action(
                Kind.CREATE,
                id,
                d.file(),
                List.of(),
                "not on server",
                withoutMetadata(d.config()),
                writes(d.config(), setKeys(d.config()), want, null)));
        continue;
      }
      Marker have = c.marker();
      boolean owned = have != null && have.set().equals(options.set());
      if (!owned && !options.adopt()) {
        skipped.add(
            new Action(
                Kind.SKIP,
                id,
                d.file(),
                List.of(),
                "exists, " + ownerText(have, options.set()) + " (use --adopt)",
                null,
                Map.of()));
        continue;
      }
      List<String> configFields = differences(d.config(), c.config());
      List<String> metadataKeys = metadataDifferences(d.config(), c, owned ? have : null);
      List<String> fields = new ArrayList<>(configFields);
      if (!metadataKeys.isEmpty()) {
        fields.add("metadata");
      }
      if (!owned) {
        String whose = ownerText(have, options.set());
        if (fields.isEmpty()) {
          actions.add(
              new Action(
                  Kind.ADOPT,
                  id,
                  d.file(),
                  List.of(),
                  "exists with the same config, " + whose + "; --adopt takes it over",
                  null,
                  writes(d.config(), metadataKeys, want, have)));
        } else {
          actions.add(
              new Action(
                  Kind.UPDATE,
                  id,
                  d.file(),
                  fields,
                  differenceText(configFields, metadataKeys) + " (" + whose + "; --adopt)",
                  configFields.isEmpty() ? null : withoutMetadata(d.config()),
                  writes(d.config(), metadataKeys, want, have)));
        }
        continue;
      }
      if (fields.isEmpty() && want.equals(have)) {
        unchanged.add(id);
        continue;
      }
      String reason;
      if (fields.isEmpty()) {
        reason = "ownership record out of date";
      } else if (want.hash().equals(have.hash())) {
        // The file is as last applied: the process was changed on the server.
        reason =
            "changed on the server since the last apply: "
                + differenceText(configFields, metadataKeys);
      } else {
        reason = differenceText(configFields, metadataKeys);
      }
      actions.add(
          new Action(
              Kind.UPDATE,
              id,
              d.file(),
              fields,
              reason,
              configFields.isEmpty() ? null : withoutMetadata(d.config()),
              writes(d.config(), metadataKeys, want, have)));
    }
    List<String> notOwned = new ArrayList<>();
    if (options.prune()) {
      Map<String, ProcessConfig> extra = new LinkedHashMap<>();
      for (Current c : current) {
        if (byId.containsKey(c.id())) {
          continue;
        }
        Marker m = c.marker();
        if (m != null && m.set().equals(options.set())) {
          extra.put(c.id(), c.config());
        } else {
          notOwned.add(c.id());
        }
      }
      for (String id : order(extra, true)) {
        actions.add(
            new Action(
                Kind.DELETE,
                id,
                null,
                List.of(),
                "owned by set " + options.set() + ", in no file",
                null,
                Map.of()));
      }
    }
    skipped.sort(Comparator.comparing(Action::id));
    return new ApplyPlan(actions, skipped, unchanged, notOwned);
  }

  private static String ownerText(@Nullable Marker have, String set) {
    return have == null
        ? "not owned by set " + set
        : "owned by set " + have.set() + ", not by set " + set;
  }

  private static String differenceText(List<String> configFields, List<String> metadataKeys) {
    List<String> parts = new ArrayList<>();
    if (!configFields.isEmpty()) {
      parts.add("config differs in " + String.join(", ", configFields));
    }
    if (!metadataKeys.isEmpty()) {
      parts.add("metadata differs in " + String.join(", ", metadataKeys));
    }
    return String.join("; ", parts);
  }

  /** The marker a desired config gets: the set, the hash, the metadata keys the file sets. */
  static Marker marker(String set, ProcessConfig desired) {
    return new Marker(set, hash(desired), setKeys(desired));
  }

  /** The metadata keys a desired config sets (a null value in the file removes a key instead). */
  private static List<String> setKeys(ProcessConfig desired) {
    List<String> keys = new ArrayList<>();
    desired
        .metadata()
        .forEach(
            (k, v) -> {
              if (!k.equals(MARKER_KEY) && v != null && !v.isNull()) {
                keys.add(k);
              }
            });
    return keys;
  }

  /**
   * The metadata writes of a step: the given keys with the file's value (a {@link NullNode} removes
   * the key: null in the file, or no longer in the file), and the marker when it changes.
   */
  private static Map<String, JsonNode> writes(
      ProcessConfig desired, List<String> keys, Marker want, @Nullable Marker had) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (String k : keys) {
      JsonNode v = desired.metadata().get(k);
      out.put(k, v == null ? NullNode.getInstance() : v);
    }
    if (!want.equals(had)) {
      out.put(MARKER_KEY, want.toJson());
    }
    return out;
  }

  /**
   * The metadata keys whose values differ between the file and the process: the file's keys (a null
   * value means absent), and the keys the owning set set before and the file no longer has.
   */
  static List<String> metadataDifferences(
      ProcessConfig desired, Current current, @Nullable Marker owned) {
    Map<String, JsonNode> want = new TreeMap<>();
    if (owned != null) {
      owned.metadataKeys().forEach(k -> want.put(k, NullNode.getInstance()));
    }
    desired.metadata().forEach((k, v) -> want.put(k, v == null ? NullNode.getInstance() : v));
    want.remove(MARKER_KEY);
    List<String> differing = new ArrayList<>();
    want.forEach(
        (k, v) -> {
          JsonNode have = current.metadata().get(k);
          boolean absent = have == null || have.isNull();
          boolean same = v.isNull() ? absent : !absent && v.equals(NUMBERS_BY_VALUE, have);
          if (!same) {
            differing.add(k);
          }
        });
    return differing;
  }

  /**
   * The hash of a desired config in the marker: {@code sha256:} and the hex SHA-256 of the compact
   * JSON of {@code {"config": NORMALIZED, "metadata": KEYS}}, object keys sorted, where NORMALIZED
   * is the config as {@link #normalize} leaves it (metadata dropped) and KEYS the file's metadata
   * keys without the marker.
   */
  static String hash(ProcessConfig desired) {
    ObjectNode whole = JsonNodeFactory.instance.objectNode();
    whole.set("config", normalize(Json.tree(desired), null));
    ObjectNode metadata = whole.putObject("metadata");
    desired
        .metadata()
        .forEach(
            (k, v) -> {
              if (!k.equals(MARKER_KEY)) {
                metadata.set(k, v == null ? NullNode.getInstance() : v);
              }
            });
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Json.compact(sorted(whole)).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A copy with the object keys sorted, recursively. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Set<String> names = new TreeSet<>();
      node.fieldNames().forEachRemaining(names::add);
      names.forEach(n -> out.set(n, sorted(node.get(n))));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }

  private static ProcessConfig withoutMetadata(ProcessConfig config) {
    return config.metadata().isEmpty()
        ? config
        : ProcessConfig.builder().from(config).metadata(Map.of()).build();
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
   * too. The metadata (compared apart) is dropped.
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
    return order(configs, false);
  }

  /**
   * Orders process ids producers first, or with {@code consumersFirst} consumers first (for
   * deletes); ties by id either way.
   *
   * @throws UsageException on a dependency cycle
   */
  static List<String> order(Map<String, ProcessConfig> configs, boolean consumersFirst) {
    Map<String, Set<String>> needs = dependencies(configs);
    if (consumersFirst) {
      Map<String, Set<String>> inverted = new TreeMap<>();
      configs.keySet().forEach(id -> inverted.put(id, new TreeSet<>()));
      needs.forEach((consumer, producers) -> producers.forEach(p -> inverted.get(p).add(consumer)));
      needs = inverted;
    }
    Map<String, Integer> missing = new HashMap<>();
    Map<String, List<String>> waiting = new HashMap<>();
    for (String id : configs.keySet()) {
      missing.put(id, needs.get(id).size());
      for (String first : needs.get(id)) {
        waiting.computeIfAbsent(first, k -> new ArrayList<>()).add(id);
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
      for (String next : waiting.getOrDefault(id, List.of())) {
        if (missing.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
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
