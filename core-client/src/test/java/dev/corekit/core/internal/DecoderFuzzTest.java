package dev.corekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.corekit.core.model.About;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.LogEvent;
import dev.corekit.core.model.ProcessState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;

/**
 * Feeds the answer decoders seeded random and mutated inputs, split into random chunks: every input
 * either decodes or fails with {@link JsonDecodingException} (which the transport reports as a
 * {@code CoreProtocolException}); nothing else is thrown, nothing hangs, memory stays bounded by
 * the element limit. The seed is printed; {@code -Dfuzz.cases} raises the number of cases.
 */
class DecoderFuzzTest {
  private static final int CASES = Integer.getInteger("fuzz.cases", 100_000);
  private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime() % 1_000_000);
  private static final int LIMIT = 64 * 1024;

  private final ObjectMapper mapper = Json.newMapper();

  private byte[] resource(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/shapes/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void jsonArraysDecodeOrFailWithADecodingError() throws IOException {
    ObjectReader reader = mapper.readerFor(CoreProcess.class);
    ObjectReader listReader =
        mapper
            .readerFor(new TypeReference<List<CoreProcess>>() {})
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    List<byte[]> seeds =
        List.of(
            resource("process-list-16.16.json"),
            resource("process-list-16.20.json"),
            "[]".getBytes(StandardCharsets.UTF_8),
            "null".getBytes(StandardCharsets.UTF_8));
    run(
        "JSON array (scanned and bound whole, compared)",
        seeds,
        input -> {
          List<ByteBuffer> chunks = split(input.bytes, input.random);
          Object scanned = outcome(() -> decode(chunks, reader, null));
          Object whole = outcome(() -> decode(chunks, reader, listReader));
          // The one-pass path for short answers must agree with the scanner, value for value and on
          // refusals.
          if (scanned instanceof JsonDecodingException) {
            assertThat(whole).isInstanceOf(JsonDecodingException.class);
            assertThat(((Throwable) whole).getMessage())
                .isEqualTo(((Throwable) scanned).getMessage());
            throw (JsonDecodingException) whole;
          }
          assertThat(whole).isEqualTo(scanned);
        });
  }

  private static List<CoreProcess> decode(
      List<ByteBuffer> chunks, ObjectReader reader, ObjectReader listReader) {
    List<ByteBuffer> fresh = new ArrayList<>();
    chunks.forEach(chunk -> fresh.add(chunk.duplicate()));
    return BodyReaders.<CoreProcess>decodeArray(
            Flux.fromIterable(fresh), reader, listReader, null, LIMIT, "fuzz")
        .collectList()
        .block(Duration.ofSeconds(10));
  }

  private static Object outcome(java.util.function.Supplier<Object> decode) {
    try {
      return decode.get();
    } catch (JsonDecodingException refused) {
      return refused;
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void jsonValuesDecodeOrFailWithADecodingError() throws IOException {
    List<ObjectReader> readers =
        List.of(
            mapper.readerFor(CoreProcess.class),
            mapper.readerFor(ProcessState.class),
            mapper.readerFor(About.class));
    byte[] list = resource("process-list-16.20.json");
    String text = new String(list, StandardCharsets.UTF_8).trim();
    byte[] process = text.substring(1, text.length() - 1).getBytes(StandardCharsets.UTF_8);
    List<byte[]> seeds =
        List.of(process, resource("about-full.json"), resource("about-minimal.json"));
    run(
        "JSON value",
        seeds,
        input -> {
          ObjectReader reader = readers.get(input.random.nextInt(readers.size()));
          BodyReaders.decodeValue(reader, input.bytes, "fuzz");
        });
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void eventStreamsDecodeOrFailWithADecodingError() {
    ObjectReader reader = mapper.readerFor(LogEvent.class);
    String ndjson =
        "{\"event\": \"keepalive\"}\n{\"ts\":1795447400,\"level\":\"INFO\",\"event\":\"process\","
            + "\"message\":\"Started\",\"caller\":\"x\",\"core_id\":\"c\",\"data\":{\"id\":\"cam1\"}}\r\n";
    String sse =
        ":keepalive\n\nevent: process\ndata: {\"event\":\"process\",\"data\":{\"id\":\"a\"}}\n\n";
    List<byte[]> seeds =
        List.of(ndjson.getBytes(StandardCharsets.UTF_8), sse.getBytes(StandardCharsets.UTF_8));
    run(
        "NDJSON/SSE stream",
        seeds,
        input -> {
          boolean serverSent = input.random.nextBoolean();
          BodyReaders.<LogEvent>decodeStream(
                  Flux.fromIterable(split(input.bytes, input.random)),
                  serverSent,
                  mapper,
                  reader,
                  LIMIT,
                  "fuzz")
              .collectList()
              .block(Duration.ofSeconds(10));
        });
  }

  /** One generated input and the random source that made it. */
  private static final class Input {
    final byte[] bytes;
    final Random random;

    Input(byte[] bytes, Random random) {
      this.bytes = bytes;
      this.random = random;
    }
  }

  private static void run(String parser, List<byte[]> seeds, Consumer<Input> decode) {
    Random random = new Random(SEED);
    int decoded = 0;
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] bytes =
          i % 10 == 0 ? garbage(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
      try {
        decode.accept(new Input(bytes, random));
        decoded++;
      } catch (JsonDecodingException expected) {
        rejected++;
      } catch (RuntimeException | Error unexpected) {
        throw new AssertionError(
            parser
                + " case "
                + i
                + " (seed "
                + SEED
                + ") threw "
                + unexpected
                + " for input "
                + Base64.getEncoder().encodeToString(bytes),
            unexpected);
      }
    }
    System.out.printf(
        "fuzz %s: %d cases (seed %d): %d decoded, %d rejected with a decoding error%n",
        parser, CASES, SEED, decoded, rejected);
    assertThat(decoded + rejected).isEqualTo(CASES);
  }

  private static byte[] garbage(Random random) {
    byte[] bytes = new byte[random.nextInt(300)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static final byte[] STRUCTURE = "{}[],:\"\\ \n\r0-.eE".getBytes(StandardCharsets.UTF_8);

  private static byte[] mutate(byte[] seed, Random random) {
    List<Byte> bytes = new ArrayList<>(seed.length + 16);
    for (byte b : seed) {
      bytes.add(b);
    }
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations && !bytes.isEmpty(); m++) {
      int at = random.nextInt(bytes.size());
      switch (random.nextInt(6)) {
        case 0 -> bytes.set(at, (byte) random.nextInt(256));
        case 1 -> bytes.add(at, STRUCTURE[random.nextInt(STRUCTURE.length)]);
        case 2 -> bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(20))).clear();
        case 3 -> bytes.subList(at, bytes.size()).clear();
        case 4 -> bytes.addAll(at, bytes.subList(0, Math.min(at, 40)));
        default -> bytes.set(at, STRUCTURE[random.nextInt(STRUCTURE.length)]);
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }

  private static List<ByteBuffer> split(byte[] bytes, Random random) {
    List<ByteBuffer> chunks = new ArrayList<>();
    int at = 0;
    while (at < bytes.length) {
      int length = Math.min(bytes.length - at, 1 + random.nextInt(Math.max(1, bytes.length / 2)));
      chunks.add(ByteBuffer.wrap(bytes, at, length));
      at += length;
    }
    return chunks;
  }
}
