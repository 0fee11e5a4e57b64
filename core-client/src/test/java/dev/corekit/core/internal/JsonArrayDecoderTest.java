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
}
