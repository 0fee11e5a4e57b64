package dev.corekit.simulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/** JSON helpers over one shared mapper. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final String JSON = "application/json; charset=UTF-8";
  static final String TEXT = "text/plain; charset=UTF-8";

  private Json() {}

  static ObjectNode obj() {
    return F.objectNode();
  }

  static ArrayNode arr() {
    return F.arrayNode();
  }

  static ArrayNode strings(Iterable<String> values) {
    ArrayNode a = arr();
    values.forEach(a::add);
    return a;
  }

  /** A number rendered with three decimals, as Core renders floats ({@code 0.000}). */
  static DecimalNode num3(double v) {
    return DecimalNode.valueOf(BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP));
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String string(JsonNode node) {
    return new String(bytes(node), StandardCharsets.UTF_8);
  }

  /** Core's error body. */
  static ObjectNode error(int code, String message, String... details) {
    ObjectNode o = obj();
    o.put("code", code);
    o.put("message", message);
    ArrayNode d = o.putArray("details");
    for (String s : details) {
      d.add(s);
    }
    return o;
  }

  /** Parses a body; a syntax error becomes Core's 400 "Invalid JSON". */
  static JsonNode parse(byte[] body) {
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null || n.isMissingNode()) {
        throw ApiError.of(400, "Invalid JSON", "request doesn't contain any content");
      }
      return n;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null
              ? ""
              : "at line " + loc.getLineNr() + ", character " + loc.getColumnNr() + ": ";
      throw ApiError.of(400, "Invalid JSON", "syntax error " + where + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw ApiError.of(400, "Invalid JSON", e.getMessage());
    }
  }
}
