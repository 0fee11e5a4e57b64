package dev.corekit.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.corekit.core.CoreClient;
import dev.corekit.core.api.ProcessApi;
import dev.corekit.core.sync.api.ProcessSyncApi;
import dev.corekit.sync.BlockingParity;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the blocking API in step with the reactive one, both ways, by reflection.
 *
 * <p>Documented exceptions: {@code id()}, {@code version()} and {@code reactive()} exist only on
 * the blocking client; an endless stream of the API description ({@code x-stream} events and {@code
 * x-watch} watches) exists on the blocking side only as {@code <name>Stream}, since a list of an
 * endless stream would never be complete.
 */
class SyncParityTest {

  private static final Set<String> SYNC_ONLY = Set.of("id", "version", "reactive");

  /**
   * Reactive interface simple name to the names of its endless methods, read from the API
   * description.
   */
  private static Map<String, Set<String>> endless;

  @BeforeAll
  static void readEndlessStreamsFromTheSpec() throws IOException {
    JsonNode spec =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("..", "api-spec", "core-api.yaml").toFile());
    endless = new TreeMap<>();
    for (JsonNode item : spec.path("paths")) {
      for (Map.Entry<String, JsonNode> entry : item.properties()) {
        JsonNode op = entry.getValue();
        if (!op.isObject() || !op.has("x-method")) {
          continue;
        }
        String tag = op.path("tags").path(0).asText();
        String api = Character.toUpperCase(tag.charAt(0)) + tag.substring(1) + "Api";
        if (op.has("x-stream")) {
          endless.computeIfAbsent(api, k -> new TreeSet<>()).add(op.get("x-method").asText());
        }
        if (op.has("x-watch")) {
          endless.computeIfAbsent(api, k -> new TreeSet<>()).add(op.get("x-watch").asText());
        }
      }
    }
    assertThat(endless).as("endless streams in the spec").isNotEmpty();
  }

  @Test
  void everyReactiveMethodHasABlockingTwinAndTheReverse() {
    List<String> problems = BlockingParity.missing(CoreClient.class, CoreSyncClient.class);
    assertThat(problems.stream().filter(p -> !isDocumentedException(p))).isEmpty();
    assertThat(problems.stream().filter(p -> p.startsWith("reactive lacks")))
        .as("the sync-only members, and nothing else")
        .hasSize(SYNC_ONLY.size());
  }

  @Test
  void everyApiAreaOfTheReactiveClientHasAGeneratedBlockingTwin() {
    List<Class<?>> reactiveApis = reactiveApis();
    assertThat(reactiveApis).hasSize(19);
    for (Class<?> reactive : reactiveApis) {
      Class<?> blocking = syncTwin(reactive);
      List<String> problems = BlockingParity.missing(reactive, blocking);
      assertThat(problems.stream().filter(p -> !isDocumentedException(p)))
          .as(reactive.getSimpleName() + " vs " + blocking.getSimpleName())
          .isEmpty();
    }
  }

  @Test
  void endlessStreamsHaveOnlyTheLazyStreamForm() throws Exception {
    int checked = 0;
    for (Map.Entry<String, Set<String>> entry : endless.entrySet()) {
      Class<?> reactive = Class.forName("dev.corekit.core.api." + entry.getKey());
      Class<?> blocking = syncTwin(reactive);
      for (String name : entry.getValue()) {
        List<Method> overloads =
            Arrays.stream(reactive.getMethods())
                .filter(m -> m.getName().equals(name))
                .collect(Collectors.toList());
        assertThat(overloads).as(reactive.getSimpleName() + "." + name).isNotEmpty();
        for (Method m : overloads) {
          Method twin = blocking.getMethod(name + "Stream", m.getParameterTypes());
          assertThat(twin.getReturnType()).isEqualTo(Stream.class);
          assertThatThrownBy(() -> blocking.getMethod(name, m.getParameterTypes()))
              .isInstanceOf(NoSuchMethodException.class);
          checked++;
        }
      }
    }
    // 7 event streams (media has two overloads), the process watch and the cluster process watch
    assertThat(checked).isEqualTo(10);
  }

  @Test
  void blockingMethodsTakeTheReactiveParameterTypesIncludingTheQueryClasses() throws Exception {
    Method list = ProcessSyncApi.class.getMethod("list", ProcessApi.ListQuery.class);
    assertThat(list.getReturnType()).isEqualTo(List.class);
    assertThat(list.getGenericReturnType().getTypeName())
        .isEqualTo("java.util.List<dev.corekit.core.model.CoreProcess>");
    Method upload =
        dev.corekit.core.sync.api.FilesystemSyncApi.class.getMethod(
            "upload", String.class, String.class, org.reactivestreams.Publisher.class);
    assertThat(upload.getReturnType()).isEqualTo(void.class);
    Method download =
        dev.corekit.core.sync.api.FilesystemSyncApi.class.getMethod(
            "download", String.class, String.class, Path.class);
    assertThat(download.getReturnType()).isEqualTo(long.class);
    Method stat =
        dev.corekit.core.sync.api.FilesystemSyncApi.class.getMethod(
            "stat", String.class, String.class);
    assertThat(stat.getReturnType()).isEqualTo(dev.corekit.core.ResourceInfo.class);
    Method metadata = ProcessSyncApi.class.getMethod("getMetadata", String.class);
    assertThat(metadata.getGenericReturnType().getTypeName())
        .as("a map result is never optional: Core's null is an empty map")
        .isEqualTo("java.util.Map<java.lang.String, com.fasterxml.jackson.databind.JsonNode>");
  }

  @Test
  void everyAccessorAndApiTypeGivesAValidBlockingView() throws Exception {
    CoreClient client = CoreClient.builder().baseUrl("http://127.0.0.1:9").build();
    try (CoreSyncClient core = CoreSync.wrap(client)) {
      List<String> accessors = new ArrayList<>();
      for (Method m : CoreSyncClient.class.getMethods()) {
        if (m.getParameterCount() == 0
            && m.getReturnType().getPackageName().equals("dev.corekit.core.sync.api")) {
          Object view = m.invoke(core);
          assertThat(view).isInstanceOf(m.getReturnType());
          assertThat(core.api(m.getReturnType())).isSameAs(view);
          accessors.add(m.getName());
        }
      }
      assertThat(accessors).hasSize(19);
      assertThat(core.processes().with(dev.corekit.core.RequestOptions.retries(0)))
          .isInstanceOf(ProcessSyncApi.class);
      assertThat(core.reactive()).isSameAs(client);
      assertThat(core.baseUrl()).isEqualTo(client.baseUrl());
      assertThatThrownBy(() -> core.api(String.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a blocking API interface");
    } finally {
      client.close();
    }
  }

  private boolean isDocumentedException(String problem) {
    for (String member : SYNC_ONLY) {
      if (problem.startsWith("reactive lacks CoreClient." + member + "()")) {
        return true;
      }
    }
    if (problem.startsWith("blocking lacks ")) {
      // "blocking lacks ProcessSyncApi.watch(String) (twin of reactive ProcessApi.watch(String))"
      String reactive =
          problem.substring(problem.indexOf("twin of reactive ") + "twin of reactive ".length());
      String type = reactive.substring(0, reactive.indexOf('.'));
      String method = reactive.substring(reactive.indexOf('.') + 1, reactive.indexOf('('));
      return endless.getOrDefault(type, Set.of()).contains(method);
    }
    return false;
  }

  private static List<Class<?>> reactiveApis() {
    Set<Class<?>> types = new java.util.LinkedHashSet<>();
    for (Method m : CoreClient.class.getMethods()) {
      Class<?> type = m.getReturnType();
      if (m.getParameterCount() == 0
          && type.isInterface()
          && type.getPackageName().equals("dev.corekit.core.api")) {
        types.add(type);
      }
    }
    return new ArrayList<>(types);
  }

  private static Class<?> syncTwin(Class<?> reactive) {
    String simple = reactive.getSimpleName();
    try {
      return Class.forName(
          "dev.corekit.core.sync.api." + simple.substring(0, simple.length() - 3) + "SyncApi");
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no blocking twin of " + reactive.getName(), e);
    }
  }
}
