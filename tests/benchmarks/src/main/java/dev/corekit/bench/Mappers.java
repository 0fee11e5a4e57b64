package dev.corekit.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.corekit.core.model.About;
import dev.corekit.core.model.CoreProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a careful user writes by hand to decode Core's answers into the SDK's model classes: one
 * configured {@link ObjectMapper} (Optional and java.time support, unknown fields ignored, JSON
 * nulls in collections read as empty, as Core 16.16 sends them) and readers made once.
 */
final class Mappers {
  static final ObjectMapper MAPPER = newMapper();
  static final ObjectReader PROCESS_LIST =
      MAPPER.readerFor(new TypeReference<List<CoreProcess>>() {});
  static final ObjectReader ABOUT = MAPPER.readerFor(About.class);

  private Mappers() {}

  private static ObjectMapper newMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    mapper.setDefaultPropertyInclusion(
        JsonInclude.Value.construct(
            JsonInclude.Include.NON_ABSENT, JsonInclude.Include.USE_DEFAULTS));
    JsonSetter.Value nullsAsEmpty = JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);
    for (Class<?> type : List.of(List.class, Map.class, Set.class, Collection.class)) {
      mapper.configOverride(type).setSetterInfo(nullsAsEmpty);
    }
    return mapper;
  }

  static List<CoreProcess> processes(byte[] json) {
    try {
      return PROCESS_LIST.readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static About about(byte[] json) {
    try {
      return ABOUT.readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Logs in once ({@code POST /api/login}) and returns the access token, as a hand-written client
   * does.
   */
  static String login(Target target) {
    try {
      String body =
          MAPPER.writeValueAsString(Map.of("username", target.user, "password", target.password));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(target.url + "/api/login"))
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("login answered " + response.statusCode());
      }
      return tree(response.body()).path("access_token").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
