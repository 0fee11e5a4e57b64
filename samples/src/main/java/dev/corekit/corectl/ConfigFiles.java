package dev.corekit.corectl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.corekit.core.model.ProcessConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads process configs from JSON or YAML files: one config, an array (sequence) of configs, or
 * several YAML documents. The format comes from the extension ({@code .json}, {@code .yaml}, {@code
 * .yml}) or, for other names, from the first character. Problems are {@link UsageException}s naming
 * the file; so are fields that no process config has, unless the caller accepts them ({@link
 * UnknownFields}).
 */
final class ConfigFiles {
  private static final Map<JavaType, Map<String, JavaType>> KNOWN = new ConcurrentHashMap<>();

  private ConfigFiles() {}

  /**
   * Tells whether a file name looks like a config file ({@code .json}, {@code .yaml}, {@code
   * .yml}).
   */
  static boolean isConfigFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".")
        && (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml"));
  }

  /**
   * Reads the only config of a file ({@code -} reads standard input).
   *
   * @param file the file
   * @param unknown what to do with fields that no process config has
   */
  static ProcessConfig readOne(Path file, UnknownFields unknown) {
    List<JsonNode> trees = readTrees(file);
    if (trees.size() != 1) {
      throw new UsageException(file + ": expected one process config, found " + trees.size());
    }
    return toConfig(trees.get(0), file.toString(), unknown);
  }

  /** Reads every config of a file as JSON trees. */
  static List<JsonNode> readTrees(Path file) {
    String text;
    try {
      text =
          file.toString().equals("-")
              ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException(file + ": no such file");
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read: " + e.getMessage(), e);
    }
    ObjectMapper mapper = isJson(file, text) ? Json.JSON : Json.YAML;
    List<JsonNode> trees = new ArrayList<>();
    try (JsonParser parser = mapper.createParser(text);
        MappingIterator<JsonNode> docs = mapper.readValues(parser, JsonNode.class)) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        if (doc.isArray()) {
          doc.forEach(trees::add);
        } else {
          trees.add(doc);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The iterator wraps a parse error into a RuntimeException; its message then carries
      // Jackson's location text ("Source: REDACTED ..."), so the parts are taken one by one.
      Throwable cause = e.getCause() instanceof JsonProcessingException ? e.getCause() : e;
      if (cause instanceof JsonProcessingException) {
        JsonProcessingException parse = (JsonProcessingException) cause;
        if (mapper == Json.JSON) {
          throw new UsageException(
              file + at(parse) + ": not valid JSON: " + what(parse.getOriginalMessage()), e);
        }
        throw new UsageException(
            file + ": not valid YAML: " + parse.getOriginalMessage() + location(parse), e);
      }
      throw new UsageException(file + ": cannot parse: " + cause.getMessage(), e);
    }
    for (JsonNode t : trees) {
      if (!t.isObject()) {
        throw new UsageException(
            file + ": a process config must be an object, found " + t.getNodeType());
      }
    }
    return trees;
  }

  /**
   * Converts a tree into the SDK's config, naming the file on a missing input/output or a bad
   * field.
   *
   * @param tree the config as read
   * @param where the file, for messages
   * @param unknown what to do with fields that no process config has ({@link #unknownFields})
   */
  static ProcessConfig toConfig(JsonNode tree, String where, UnknownFields unknown) {
    List<String> problems = new ArrayList<>();
    String id = tree.path("id").isTextual() ? tree.path("id").asText() : "";
    String at = where + (id.isBlank() ? "" : " (process " + id + ")");
    for (String field : unknownFields(tree)) {
      String suggestion = suggestion(tree, field);
      problems.add(
          "unknown field '"
              + field
              + "' in "
              + at
              + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
    }
    if (!problems.isEmpty()) {
      unknown.found(problems);
    }
    try {
      return Json.JSON.treeToValue(tree, ProcessConfig.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new UsageException(where + ": invalid process config: " + cause.getMessage(), e);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String message =
          e instanceof JsonProcessingException
              ? ((JsonProcessingException) e).getOriginalMessage()
              : e.getMessage();
      throw new UsageException(where + ": invalid process config: " + message, e);
    }
  }

  /**
   * What to do with fields of a config file that no process config has (a typo such as {@code
   * autostrat} would otherwise be dropped without a word).
   */
  @FunctionalInterface
  interface UnknownFields {
    /** Refuses the file: a {@link UsageException} (exit code 2) naming each field. */
    UnknownFields REFUSE =
        problems -> {
          throw new UsageException(
              String.join("; ", problems) + " (--lenient ignores unknown fields)");
        };

    /**
     * Accepts the file and prints a warning line per field.
     *
     * @param err where the warnings go
     * @return the policy
     */
    static UnknownFields warnOn(PrintStream err) {
      return problems ->
          problems.forEach(p -> err.println("corectl: warning: " + p + " (ignored)"));
    }

    /**
     * Called with one message per unknown field.
     *
     * @param problems the messages, e.g. {@code unknown field 'autostrat' in cams.json (process
     *     cam1); did you mean 'autostart'?}
     */
    void found(List<String> problems);
  }

  /**
   * The paths of the fields of a config tree that {@link ProcessConfig} and its nested types do not
   * declare, e.g. {@code autostrat} or {@code input[0].adress}. The known names are the
   * {@code @JsonProperty} names of the generated model, found by Jackson's introspection; free-form
   * maps ({@code metadata}) are not looked into.
   */
  static List<String> unknownFields(JsonNode tree) {
    List<String> found = new ArrayList<>();
    collectUnknown(tree, Json.JSON.constructType(ProcessConfig.class), "", found);
    return found;
  }

  private static void collectUnknown(JsonNode node, JavaType type, String path, List<String> out) {
    JavaType t = type;
    while (t.isReferenceType()) {
      t = t.getContentType(); // Optional<X>
    }
    if (t.isCollectionLikeType() || t.isArrayType()) {
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          collectUnknown(node.get(i), t.getContentType(), path + "[" + i + "]", out);
        }
      }
      return;
    }
    if (!node.isObject() || !isModel(t)) {
      return;
    }
    Map<String, JavaType> known = knownFields(t);
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      String fieldPath = path.isEmpty() ? name : path + "." + name;
      JavaType fieldType = known.get(name);
      if (fieldType == null) {
        out.add(fieldPath);
      } else {
        collectUnknown(field.getValue(), fieldType, fieldPath, out);
      }
    }
  }

  private static boolean isModel(JavaType type) {
    return !type.isMapLikeType()
        && type.getRawClass().getPackageName().equals(ProcessConfig.class.getPackageName());
  }

  /** The property names the model type declares with {@code @JsonProperty}, to their types. */
  private static Map<String, JavaType> knownFields(JavaType type) {
    return KNOWN.computeIfAbsent(
        type,
        t -> {
          Map<String, JavaType> names = new TreeMap<>();
          for (BeanPropertyDefinition p :
              Json.JSON.getSerializationConfig().introspect(t).findProperties()) {
            if (p.isExplicitlyNamed()) {
              names.put(p.getName(), p.getPrimaryType());
            }
          }
          return names;
        });
  }

  /** The known field closest to an unknown one at the same place, or null when none is close. */
  private static @Nullable String suggestion(JsonNode tree, String fieldPath) {
    int dot = fieldPath.lastIndexOf('.');
    String parent = dot < 0 ? "" : fieldPath.substring(0, dot);
    String name = dot < 0 ? fieldPath : fieldPath.substring(dot + 1);
    JavaType type = typeAt(parent);
    if (type == null) {
      return null;
    }
    String best = Suggestions.closest(name, knownFields(type).keySet());
    return best == null ? null : (parent.isEmpty() ? "" : parent + ".") + best;
  }

  /** The model type at a path such as {@code input[0]}, or null. */
  private static @Nullable JavaType typeAt(String path) {
    JavaType type = Json.JSON.constructType(ProcessConfig.class);
    if (path.isEmpty()) {
      return type;
    }
    for (String part : path.split("\\.")) {
      String name = part.replaceAll("\\[\\d+]", "");
      JavaType next = knownFields(type).get(name);
      if (next == null) {
        return null;
      }
      while (next.isReferenceType() || next.isCollectionLikeType() || next.isArrayType()) {
        next = next.getContentType();
      }
      if (!isModel(next)) {
        return null;
      }
      type = next;
    }
    return type;
  }

  private static boolean isJson(Path file, String text) {
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return true;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return false;
    }
    String t = text.stripLeading();
    return t.startsWith("{") || t.startsWith("[");
  }

  /** {@code " line L column C"} of a parse error, or nothing when the parser did not tell. */
  private static String at(JsonProcessingException e) {
    com.fasterxml.jackson.core.JsonLocation where = e.getLocation();
    if (where == null || where.getLineNr() < 1) {
      return "";
    }
    return " line "
        + where.getLineNr()
        + (where.getColumnNr() > 0 ? " column " + where.getColumnNr() : "");
  }

  /**
   * A parser's message in plain words: {@code Unexpected character ('}' (code 125)): expected a
   * value} becomes {@code unexpected character '}': expected a value}.
   */
  static String what(String message) {
    String text = message == null ? "" : message.strip();
    int code = text.indexOf(" (code ");
    while (code > 0) {
      int close = text.indexOf("))", code);
      int open = text.lastIndexOf("('", code);
      if (close < 0 || open < 0) {
        break;
      }
      text = text.substring(0, open) + text.substring(open + 1, code) + text.substring(close + 2);
      code = text.indexOf(" (code ");
    }
    int source = text.indexOf("[Source: ");
    while (source >= 0) {
      int end = text.indexOf(']', source);
      if (end < 0) {
        break;
      }
      String inside = text.substring(source, end);
      int line = inside.lastIndexOf("line: ");
      String where = line < 0 ? "" : inside.substring(line).replace(": ", " ").replace(",", "");
      text = text.substring(0, source) + where + text.substring(end + 1);
      source = text.indexOf("[Source: ");
    }
    int newline = text.indexOf('\n');
    if (newline > 0) {
      text = text.substring(0, newline);
    }
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }
}
