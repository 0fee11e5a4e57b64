package dev.corekit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.corekit.core.internal.Json;
import dev.corekit.core.internal.JsonArrayDecoder;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.simulator.CoreSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where list() spends its client CPU: decoding the same {@code GET /api/v3/process} body (taken
 * from the simulator) into {@code CoreProcess} objects, no network. core-client's incremental
 * {@link JsonArrayDecoder} fed in 8 KiB chunks (as Netty hands them over) against Jackson reading
 * the whole array at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonDecodeBenchmark {
  private static final int CHUNK = 8192;

  /** Processes in the list. */
  @Param({"10"})
  public int processes;

  private byte[] body;
  private List<ByteBuffer> chunks;
  private ObjectMapper mapper;
  private ObjectReader element;
  private ObjectReader list;
  private final java.util.concurrent.atomic.AtomicInteger sizeHint =
      new java.util.concurrent.atomic.AtomicInteger();

  @Setup
  public void setup() throws Exception {
    try (CoreSimulator sim =
        CoreSimulator.builder().user("admin").password("secret").build().start()) {
      sim.seedProcesses(processes);
      Target target = Target.of(sim.baseUrl(), "admin", "secret");
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v3/process"))
              .header("Authorization", "Bearer " + Mappers.login(target))
              .build();
      body =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
    }
    chunks = new ArrayList<>();
    for (int at = 0; at < body.length; at += CHUNK) {
      chunks.add(ByteBuffer.wrap(body, at, Math.min(CHUNK, body.length - at)).slice());
    }
    mapper = Json.newMapper();
    element = mapper.readerFor(CoreProcess.class);
    list =
        mapper
            .readerFor(new com.fasterxml.jackson.core.type.TypeReference<List<CoreProcess>>() {})
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    if (sdkIncremental() != processes || sdkList() != processes || wholeArray() != processes) {
      throw new IllegalStateException("the decoders disagree");
    }
  }

  /** core-client's decoder scanning element by element, as for a long list. */
  @Benchmark
  public int sdkIncremental() {
    JsonArrayDecoder<CoreProcess> decoder = new JsonArrayDecoder<>(element, 16 << 20, "bench");
    int n = 0;
    for (ByteBuffer chunk : chunks) {
      n += decoder.feed(chunk.duplicate()).size();
    }
    return n + decoder.end().size();
  }

  /**
   * core-client's decoder as {@code processes().list()} uses it: given the list reader, it binds an
   * answer this short in one pass.
   */
  @Benchmark
  public int sdkList() {
    JsonArrayDecoder<CoreProcess> decoder =
        new JsonArrayDecoder<>(element, list, sizeHint, 16 << 20, "bench");
    int n = 0;
    for (ByteBuffer chunk : chunks) {
      n += decoder.feed(chunk.duplicate()).size();
    }
    return n + decoder.end().size();
  }

  /** The whole body at once: what the hand-written ceiling does. */
  @Benchmark
  public int wholeArray() throws IOException {
    return Mappers.PROCESS_LIST.<List<CoreProcess>>readValue(body).size();
  }
}
