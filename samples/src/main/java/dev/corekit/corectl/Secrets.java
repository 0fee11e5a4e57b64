package dev.corekit.corectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Masks secrets in Core's configuration before it is printed: the API password and JWT secret, the
 * memory filesystem password, the S3 keys and passwords, the RTMP and SRT tokens and SRT
 * passphrase, the service token, the TLS secret, and any other field with such a name. Non-empty
 * values become {@code ***}.
 */
final class Secrets {
  static final String MASK = "***";
  private static final Set<String> NAMES =
      Set.of(
          "password",
          "secret",
          "token",
          "passphrase",
          "access_key_id",
          "secret_access_key",
          "client_secret");

  private Secrets() {}

  /** Returns a copy of the tree with every secret masked. */
  static JsonNode mask(JsonNode tree) {
    JsonNode copy = tree.deepCopy();
    maskInPlace(copy);
    return copy;
  }

  private static void maskInPlace(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (isSecret(e.getKey())
            && e.getValue().isValueNode()
            && !e.getValue().asText().isEmpty()) {
          e.setValue(o.textNode(MASK));
        } else {
          maskInPlace(e.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(Secrets::maskInPlace);
    }
  }

  static boolean isSecret(String field) {
    return NAMES.contains(field.toLowerCase(Locale.ROOT));
  }
}
