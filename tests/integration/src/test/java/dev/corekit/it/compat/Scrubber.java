package dev.corekit.it.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Removes secrets from what a real server answered before it becomes a fixture: values of fields
 * named like secrets, the password in a URL's user info, and every secret value the sweep knows
 * (the login password, the JWT secret, the memory filesystem password, stream tokens) wherever it
 * appears.
 */
final class Scrubber {
  static final String MASK = "***";
  private static final List<String> SECRET_KEYS =
      List.of(
          "password",
          "secret",
          "token",
          "passphrase",
          "access_key_id",
          "secret_access_key",
          "client_secret",
          "userpass");

  private final List<String> secrets = new ArrayList<>();

  /** Adds a value to remove wherever it appears (blank values are ignored). */
  void secret(String value) {
    if (value != null && value.length() >= 4 && !secrets.contains(value)) {
      secrets.add(value);
      secrets.sort((a, b) -> Integer.compare(b.length(), a.length()));
    }
  }

  /** Learns the secrets of Core's configuration answer ({@code GET /api/v3/config}). */
  void learnFromConfig(JsonNode config) {
    walkSecrets(config);
  }

  private void walkSecrets(JsonNode node) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getValue().isTextual() && isSecretKey(field.getKey())) {
          secret(field.getValue().asText());
        } else {
          walkSecrets(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(this::walkSecrets);
    }
  }

  static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    for (String secret : SECRET_KEYS) {
      if (k.equals(secret) || k.endsWith("_" + secret) || k.endsWith(secret)) {
        return true;
      }
    }
    return false;
  }

  /** Scrubs a text (a log line, a command line, a whole non-JSON body). */
  String text(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return dev.corekit.core.Redaction.redactUrls(out);
  }

  /** Scrubs a JSON value in place (and returns it): secret-named fields and every string. */
  JsonNode json(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isTextual() && !value.asText().isEmpty() && isSecretKey(name)) {
          object.set(name, TextNode.valueOf(MASK));
        } else if (value.isTextual()) {
          object.set(name, TextNode.valueOf(text(value.asText())));
        } else {
          json(value);
        }
      }
      // Object keys can hold secrets too (a URL as a map key).
      for (String name : names) {
        String clean = text(name);
        if (!clean.equals(name)) {
          object.set(clean, object.remove(name));
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        if (value.isTextual()) {
          array.set(i, TextNode.valueOf(text(value.asText())));
        } else {
          json(value);
        }
      }
    }
    return node;
  }
}
