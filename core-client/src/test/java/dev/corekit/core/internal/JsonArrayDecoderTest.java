package dev.corekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonArrayDecoderTest {
  private final ObjectMapper mapper = Json.newMapper();

  private JsonArrayDecoder<JsonNode> decoder(int limit) {
    return new JsonArrayDecoder<>(mapper.readerFor(JsonNode.class), limit, "GET /test");
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodesTheSameElementsWhereverTheBodyIsSplit() {
    String body =
        "[ {\"id\":\"a\",\"n\":[1,2,{\"x\":\"]\"}]}, \"text\", 3, null, {\"id\":\"é\\\"\"} ]";
    List<JsonNode> whole = new ArrayList<>(decoder(1024).feed(bytes(body)));
    assertThat(whole).hasSize(5);
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    for (int cut = 1; cut < raw.length; cut++) {
      JsonArrayDecoder<JsonNode> split = decoder(1024);
      List<JsonNode> out = new ArrayList<>(split.feed(ByteBuffer.wrap(raw, 0, cut)));
      out.addAll(split.feed(ByteBuffer.wrap(raw, cut, raw.length - cut)));
      out.addAll(split.end());
      assertThat(out).as("split at %d", cut).isEqualTo(whole);
    }
  }

  @Test
  void emitsAnElementAsSoonAsItsLastByteArrives() {
    JsonArrayDecoder<JsonNode> decoder = decoder(1024);
    assertThat(decoder.feed(bytes("[{\"id\":1},{\"id\"")))
        .extracting(n -> n.get("id").asInt())
        .containsExactly(1);
    assertThat(decoder.feed(bytes(":2}"))).extracting(n -> n.get("id").asInt()).containsExactly(2);
    assertThat(decoder.feed(bytes("]"))).isEmpty();
    assertThat(decoder.end()).isEmpty();
  }

  @Test
  void readsANullBodyAsAnEmptyArray() {
    JsonArrayDecoder<JsonNode> decoder = decoder(1024);
    assertThat(decoder.feed(bytes("null"))).isEmpty();
    assertThat(decoder.end()).isEmpty();
  }

  @Test
  void rejectsATruncatedArray() {
    JsonArrayDecoder<JsonNode> decoder = decoder(1024);
    decoder.feed(bytes("[{\"id\":1},{\"id\":"));
    assertThatThrownBy(decoder::end)
        .isInstanceOf(JsonDecodingException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void rejectsSomethingOtherThanAnArray() {
    assertThatThrownBy(() -> decoder(1024).feed(bytes("{\"id\":1}")))
        .isInstanceOf(JsonDecodingException.class)
        .hasMessageContaining("expected a JSON array");
  }

  @Test
  void rejectsMalformedJson() {
    assertThatThrownBy(() -> decoder(1024).feed(bytes("[{\"id\" 1}]")))
        .isInstanceOf(JsonDecodingException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void rejectsAnElementOverTheSizeLimit() {
    StringBuilder big = new StringBuilder("[{\"pad\":\"");
    big.append("x".repeat(5000)).append("\"}]");
    assertThatThrownBy(() -> decoder(1000).feed(bytes(big.toString())))
        .isInstanceOf(JsonDecodingException.class)
        .hasMessageContaining("larger than the limit of 1000 bytes");
  }

  @Test
  void rejectsDataAfterTheArray() {
    assertThatThrownBy(() -> decoder(100).feed(bytes("[1] [2]")))
        .isInstanceOf(JsonDecodingException.class)
        .hasMessageContaining("after the JSON array");
  }

  private JsonArrayDecoder<JsonNode> oneRule(int limit, long contentLength) {
    return new JsonArrayDecoder<>(
        mapper.readerFor(JsonNode.class),
        mapper
            .readerFor(new com.fasterxml.jackson.core.type.TypeReference<List<JsonNode>>() {})
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS),
        null,
        null,
        contentLength,
        limit,
        "GET /test");
  }

  private static String failure(Runnable decode) {
    try {
      decode.run();
    } catch (JsonDecodingException e) {
      return e.getMessage();
    }
    throw new AssertionError("no JsonDecodingException");
  }

  private static void decodeAll(JsonArrayDecoder<JsonNode> decoder, String body, int chunk) {
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    for (int at = 0; at < raw.length; at += chunk) {
      decoder.feed(ByteBuffer.wrap(raw, at, Math.min(chunk, raw.length - at)));
    }
    decoder.end();
  }

  @Test
  void aMalformedArrayGetsOneMessageWhetherBoundWholeOrStreamed() {
    String[] bodies = {
      "[{\"id\":1},{\"id\" 2}]", "[{\"id\":1} {\"id\":2}]", "{\"id\":1}", "[1,2,", "[1] x", "nul"
    };
    for (String body : bodies) {
      String scanned = failure(() -> decodeAll(decoder(1024), body, 3));
      String whole = failure(() -> decodeAll(oneRule(1024, -1), body, 3));
      String announced = failure(() -> decodeAll(oneRule(1024, body.length()), body, 1024));
      String overTheLimit = failure(() -> decodeAll(oneRule(12, -1), body, 2));
      assertThat(whole).as(body).isEqualTo(scanned);
      assertThat(announced).as(body).isEqualTo(scanned);
      assertThat(overTheLimit).as(body).isEqualTo(scanned);
      assertThat(scanned).as(body).startsWith("GET /test: malformed answer at byte ");
    }
  }

  @Test
  void aMalformedAnswerNamesWhatWasExpectedAndWhere() {
    assertThat(failure(() -> decodeAll(decoder(1024), "[1,2 x]", 1024)))
        .isEqualTo(
            "GET /test: malformed answer at byte 5: expected ',' or ']' after element 2,"
                + " found 'x'");
    assertThat(failure(() -> decodeAll(decoder(1024), "  {\"id\":1}", 1024)))
        .isEqualTo(
            "GET /test: malformed answer at byte 2: expected a JSON array of JsonNode,"
                + " found '{'");
    assertThat(failure(() -> decodeAll(decoder(1024), "[1,{\"id\" 2}]", 1024)))
        .startsWith(
            "GET /test: malformed answer at byte 9: expected element 2 to be a JsonNode,"
                + " but it cannot be read: Unexpected character");
    assertThat(failure(() -> decodeAll(decoder(1024), "[1,2", 1024)))
        .isEqualTo(
            "GET /test: malformed answer at byte 4: expected the rest of the JSON array,"
                + " found the end of the body after 1 elements (truncated answer)");
  }

  @Test
  void aMessageShowsOnlyAShortExcerptOfTheBody() {
    String secret = "s3cr3t-".repeat(20);
    String message = failure(() -> decodeAll(decoder(1024), "[1] \"" + secret + "\"", 1024));
    assertThat(message).endsWith("found '\"'").doesNotContain("s3cr3t");
    String inElement =
        failure(() -> decodeAll(decoder(1024), "[{\"token\":\"" + secret + "\" x}]", 1024));
    assertThat(inElement).doesNotContain(secret).hasSizeLessThan(300);
  }

  @Test
  void anAnswerThatEndsWithinTheLimitIsBoundAtTheEndAndALongerOneStreams() {
    String element = "{\"id\":1},";
    // "[" + elements + "{"id":1}]" padded with spaces to the exact size.
    for (int size : new int[] {100, 101}) {
      String body = "[" + element.repeat(8) + "{\"id\":1}]";
      body = body + " ".repeat(size - body.length());
      byte[] raw = body.getBytes(StandardCharsets.UTF_8);
      for (long contentLength : new long[] {-1, raw.length}) {
        JsonArrayDecoder<JsonNode> decoder = oneRule(100, contentLength);
        List<JsonNode> early = decoder.feed(ByteBuffer.wrap(raw, 0, raw.length - 1));
        List<JsonNode> fed = new ArrayList<>(early);
        fed.addAll(decoder.feed(ByteBuffer.wrap(raw, raw.length - 1, 1)));
        List<JsonNode> all = new ArrayList<>(fed);
        all.addAll(decoder.end());
        String label = size + " bytes, Content-Length " + contentLength;
        assertThat(all).as(label).hasSize(9).isEqualTo(scanAll(raw));
        if (size <= 100) {
          assertThat(fed).as(label + ": bound whole at the end").isEmpty();
        } else {
          assertThat(fed).as(label + ": streamed before the end").hasSize(9);
          if (contentLength > 0) {
            assertThat(early).as(label + ": streamed from the first chunk").hasSize(9);
          }
        }
      }
    }
  }

  private List<JsonNode> scanAll(byte[] raw) {
    JsonArrayDecoder<JsonNode> scanner = decoder(1024);
    List<JsonNode> out = new ArrayList<>(scanner.feed(ByteBuffer.wrap(raw)));
    out.addAll(scanner.end());
    return out;
  }

  @Test
  void anAnnouncedLengthOverTheLimitStreamsFromTheFirstChunk() {
    JsonArrayDecoder<JsonNode> decoder = oneRule(100, 1000);
    assertThat(decoder.feed(bytes("[{\"id\":1},"))).hasSize(1);
  }

  @Test
  void anOlderReleasesObjectIsBoundByTheLegacyBinder() {
    ObjectMapper json = mapper;
    JsonArrayDecoder.LegacyBinder<JsonNode> legacy =
        (data, offset, length) -> {
          JsonNode object = json.readTree(data, offset, length);
          List<JsonNode> out = new ArrayList<>();
          object.properties().forEach(field -> out.add(field.getValue()));
          return out;
        };
    for (long contentLength : new long[] {-1, 16}) {
      JsonArrayDecoder<JsonNode> decoder =
          new JsonArrayDecoder<>(
              mapper.readerFor(JsonNode.class),
              mapper.readerFor(
                  new com.fasterxml.jackson.core.type.TypeReference<List<JsonNode>>() {}),
              legacy,
              null,
              contentLength,
              1024,
              "GET /test");
      List<JsonNode> out = new ArrayList<>(decoder.feed(bytes("{\"a\":1,")));
      out.addAll(decoder.feed(bytes("\"b\":2}")));
      out.addAll(decoder.end());
      assertThat(out).extracting(JsonNode::asInt).containsExactly(1, 2);
    }
  }
}
