package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void masksEveryKnownSecretAndKeepsTheRest() throws Exception {
    JsonNode config =
        Json.JSON.readTree(
            "{\"config\":{"
                + "\"api\":{\"auth\":{\"username\":\"admin\",\"password\":\"p1\",\"jwt\":{\"secret\":\"s1\"}}},"
                + "\"storage\":{\"memory\":{\"auth\":{\"password\":\"p2\"}},"
                + "\"s3\":[{\"name\":\"b\",\"access_key_id\":\"k\",\"secret_access_key\":\"sk\",\"auth\":{\"password\":\"p3\"}}]},"
                + "\"rtmp\":{\"token\":\"t1\"},\"srt\":{\"token\":\"t2\",\"passphrase\":\"pp\"},"
                + "\"service\":{\"token\":\"t3\"},\"tls\":{\"secret\":\"\"}}}");

    String masked = Json.compact(Secrets.mask(config));

    assertThat(masked)
        .doesNotContain(
            "\"p1\"", "\"p2\"", "\"p3\"", "\"s1\"", "\"k\"", "\"sk\"", "\"t1\"", "\"t2\"", "\"t3\"",
            "\"pp\"");
    assertThat(masked).contains("\"username\":\"admin\"", "\"name\":\"b\"", "\"secret\":\"\"");
    assertThat(Json.compact(config)).contains("\"p1\""); // the original is left alone
  }
}
