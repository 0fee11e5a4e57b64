package dev.corekit.rac;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One block of {@code key : value} lines printed by {@code rac}: every field, in output order, as
 * raw text.
 *
 * <p>Nothing is dropped: fields unknown to this library (from newer {@code rac} builds) stay
 * readable by name. Raw values keep their quotes ({@code "My cluster"}); the typed getters unquote
 * and parse:
 *
 * <ul>
 *   <li>{@link #text}: a value printed in double quotes loses them and {@code ""} becomes {@code
 *       "}; {@code ''} (how {@code data-separation} prints "empty") becomes empty;
 *   <li>{@link #uuid}: the zero UUID and the empty value mean "none";
 *   <li>{@link #longValue}/{@link #doubleValue}: plain decimal, possibly negative, with decimals or
 *       an exponent for {@code double};
 *   <li>{@link #flag}: {@code yes/no}, {@code on/off}, {@code allow/deny}, {@code
 *       analyze/not-analyze}, {@code 1/0}, {@code true/false};
 *   <li>{@link #dateTime}: {@code YYYY-MM-DDTHH:MM:SS}, the server's local time; empty means unset.
 * </ul>
 *
 * A value that does not parse raises a {@link RacParseException} naming the field and the record.
 * Required getters also raise it when the field is missing; the {@code optional...} getters return
 * empty for a missing or empty field. Immutable and thread-safe.
 *
 * <pre>{@code
 * RacRecord r = RacRecord.of(Map.of("cluster", "6d6a...", "port", "1541"));
 * int port = r.intValue("port");
 * }</pre>
 */
public final class RacRecord {

  private static final UUID ZERO = new UUID(0, 0);

  private final String[] keys;
  private final String[] values;

  RacRecord(String[] keys, String[] values) {
    this.keys = keys;
    this.values = values;
  }

  /**
   * Creates a record from fields in order.
   *
   * @param fields field names to raw values, iterated in output order
   * @return the record
   */
  public static RacRecord of(Map<String, String> fields) {
    Objects.requireNonNull(fields, "fields");
    String[] k = new String[fields.size()];
    String[] v = new String[fields.size()];
    int i = 0;
    for (Map.Entry<String, String> e : fields.entrySet()) {
      k[i] = Objects.requireNonNull(e.getKey(), "key");
      v[i++] = Objects.requireNonNull(e.getValue(), "value");
    }
    return new RacRecord(k, v);
  }

  /**
   * Returns the field names in output order.
   *
   * @return an unmodifiable list
   */
  public List<String> keys() {
    return Collections.unmodifiableList(Arrays.asList(keys));
  }

  /**
   * Returns the fields in output order, as raw text (the first one wins for a repeated name).
   *
   * @return an unmodifiable, ordered map
   */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      map.putIfAbsent(keys[i], values[i]);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * Returns the number of fields.
   *
   * @return the field count
   */
  public int size() {
    return keys.length;
  }

  /**
   * Tells whether the record has a field.
   *
   * @param key the field name, e.g. {@code "infobase"}
   * @return true when present (even with an empty value)
   */
  public boolean has(String key) {
    return index(key) >= 0;
  }

  /**
   * Returns the raw value of a field, exactly as printed (quotes kept, trailing spaces removed).
   *
   * @param key the field name
   * @return the raw value, or empty when the field is missing
   */
  public Optional<String> raw(String key) {
    int i = index(key);
    return i < 0 ? Optional.empty() : Optional.of(values[i]);
  }

  /**
   * Returns a field as text: unquoted, {@code ""} collapsed to {@code "}, {@code ''} as empty.
   *
   * @param key the field name
   * @return the text, possibly empty
   * @throws RacParseException if the field is missing
   */
  public String text(String key) {
    return unquote(required(key));
  }

  /**
   * Returns a field as text, or empty when it is missing or its value is empty.
   *
   * @param key the field name
   * @return the unquoted text, or empty
   */
  public Optional<String> optionalText(String key) {
    int i = index(key);
    if (i < 0) {
      return Optional.empty();
    }
    String t = unquote(values[i]);
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }

  /**
   * Returns a comma-separated field as a list of trimmed items ({@code pwd,os}).
   *
   * @param key the field name
   * @return the items; empty when the value is empty or the field is missing
   */
  public List<String> list(String key) {
    String t = optionalText(key).orElse("");
    List<String> items = new ArrayList<>();
    for (String s : t.split(",")) {
      if (!s.isBlank()) {
        items.add(s.strip());
      }
    }
    return List.copyOf(items);
  }

  /**
   * Returns a UUID field; the zero UUID and an empty value mean "none".
   *
   * @param key the field name
   * @return the UUID, or empty for none or a missing field
   * @throws RacParseException if the value is not a UUID
   */
  public Optional<UUID> uuid(String key) {
    int i = index(key);
    if (i < 0 || values[i].isEmpty()) {
      return Optional.empty();
    }
    UUID u = parseUuid(key, values[i]);
    return u.equals(ZERO) ? Optional.empty() : Optional.of(u);
  }

  /**
   * Returns a UUID field that must be set, such as an object's own id.
   *
   * @param key the field name
   * @return the UUID
   * @throws RacParseException if the field is missing, empty, zero or not a UUID
   */
  public UUID id(String key) {
    return uuid(key).orElseThrow(() -> error(key, required(key), "is not a set UUID"));
  }

  /**
   * Returns an integer field.
   *
   * @param key the field name
   * @return the value
   * @throws RacParseException if the field is missing, empty or not an integer
   */
  public long longValue(String key) {
    String v = required(key);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw error(key, v, "is not an integer");
    }
  }

  /**
   * Returns an integer field that fits an {@code int}.
   *
   * @param key the field name
   * @return the value
   * @throws RacParseException if the field is missing or not an {@code int}
   */
  public int intValue(String key) {
    long v = longValue(key);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw error(key, values[index(key)], "is out of int range");
    }
    return (int) v;
  }

  /**
   * Returns an integer field, or empty when it is missing or empty.
   *
   * @param key the field name
   * @return the value, or empty
   * @throws RacParseException if the value is not an integer
   */
  public Optional<Long> optionalLong(String key) {
    return isAbsent(key) ? Optional.empty() : Optional.of(longValue(key));
  }

  /**
   * Returns a decimal field ({@code -0.265}, {@code 9.99E-05}).
   *
   * @param key the field name
   * @return the value
   * @throws RacParseException if the field is missing, empty or not a number
   */
  public double doubleValue(String key) {
    String v = required(key);
    try {
      if (v.isEmpty() || !(Character.isDigit(v.charAt(v.length() - 1)))) {
        throw new NumberFormatException(v);
      }
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw error(key, v, "is not a number");
    }
  }

  /**
   * Returns a decimal field, or empty when it is missing or empty.
   *
   * @param key the field name
   * @return the value, or empty
   * @throws RacParseException if the value is not a number
   */
  public Optional<Double> optionalDouble(String key) {
    return isAbsent(key) ? Optional.empty() : Optional.of(doubleValue(key));
  }

  /**
   * Returns a boolean field in any of rac's vocabularies: {@code yes/no}, {@code on/off}, {@code
   * allow/deny}, {@code analyze/not-analyze}, {@code 1/0}, {@code true/false}.
   *
   * @param key the field name
   * @return the value
   * @throws RacParseException if the field is missing or not a known boolean word
   */
  public boolean flag(String key) {
    String v = required(key);
    switch (v.toLowerCase(Locale.ROOT)) {
      case "yes":
      case "on":
      case "allow":
      case "analyze":
      case "1":
      case "true":
        return true;
      case "no":
      case "off":
      case "deny":
      case "not-analyze":
      case "0":
      case "false":
        return false;
      default:
        throw error(
            key, v, "is not a boolean (yes/no, on/off, allow/deny, analyze/not-analyze, 1/0)");
    }
  }

  /**
   * Returns a boolean field, or empty when it is missing or empty.
   *
   * @param key the field name
   * @return the value, or empty
   * @throws RacParseException if the value is not a known boolean word
   */
  public Optional<Boolean> optionalFlag(String key) {
    return isAbsent(key) ? Optional.empty() : Optional.of(flag(key));
  }

  /**
   * Returns a date-time field ({@code 2024-03-01T09:15:00}, server local time).
   *
   * @param key the field name
   * @return the value, or empty when unset (empty) or missing
   * @throws RacParseException if the value is not a date-time
   */
  public Optional<LocalDateTime> dateTime(String key) {
    if (isAbsent(key)) {
      return Optional.empty();
    }
    String v = values[index(key)];
    try {
      return Optional.of(LocalDateTime.parse(v));
    } catch (DateTimeParseException e) {
      throw error(key, v, "is not a date-time (YYYY-MM-DDTHH:MM:SS)");
    }
  }

  /**
   * Describes the record by its first field, e.g. {@code "cluster=6d6a... (18 fields)"}; used in
   * errors.
   *
   * @return a short description
   */
  public String describe() {
    if (keys.length == 0) {
      return "empty record";
    }
    return keys[0]
        + "="
        + values[0]
        + " ("
        + keys.length
        + (keys.length == 1 ? " field)" : " fields)");
  }

  private boolean isAbsent(String key) {
    int i = index(key);
    return i < 0 || values[i].isEmpty();
  }

  private String required(String key) {
    int i = index(key);
    if (i < 0) {
      throw new RacParseException(
          "Field '" + key + "' is missing from record " + describe(), key, this);
    }
    return values[i];
  }

  private RacParseException error(String key, String value, String problem) {
    return new RacParseException(
        "Field '" + key + "' of record " + describe() + ": '" + value + "' " + problem, key, this);
  }

  private UUID parseUuid(String key, String v) {
    if (v.length() != 36) {
      throw error(key, v, "is not a UUID");
    }
    try {
      return UUID.fromString(v);
    } catch (IllegalArgumentException e) {
      throw error(key, v, "is not a UUID");
    }
  }

  private int index(String key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  static String unquote(String v) {
    int n = v.length();
    if (n >= 2 && v.charAt(0) == '"' && v.charAt(n - 1) == '"') {
      return v.substring(1, n - 1).replace("\"\"", "\"");
    }
    if (v.equals("''")) {
      return "";
    }
    return v;
  }

  /**
   * Compares the fields, names and raw values in order.
   *
   * @param o another object
   * @return true for a record with the same fields in the same order
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RacRecord
        && Arrays.equals(keys, ((RacRecord) o).keys)
        && Arrays.equals(values, ((RacRecord) o).values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
  }

  /**
   * Lists the fields, {@code RacRecord{cluster=..., host=...}}.
   *
   * @return the fields as text
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("RacRecord{");
    for (int i = 0; i < keys.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i]);
    }
    return sb.append('}').toString();
  }
}
