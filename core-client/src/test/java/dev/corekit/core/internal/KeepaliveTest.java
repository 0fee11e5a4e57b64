package dev.corekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class KeepaliveTest {
  private final ObjectMapper mapper = Json.newMapper();

  @Test
  void recognisesTheKeepalivesOfLogProcessAndMediaEvents() throws Exception {
    assertThat(BodyReaders.isKeepalive(mapper.readTree("{\"event\": \"keepalive\"}"))).isTrue();
    assertThat(BodyReaders.isKeepalive(mapper.readTree("{\"type\":\"keepalive\"}"))).isTrue();
    assertThat(BodyReaders.isKeepalive(mapper.readTree("{\"action\":\"keepalive\"}"))).isTrue();
    assertThat(BodyReaders.isKeepalive(mapper.readTree("{\"action\":\"list\",\"ts\":1}")))
        .isFalse();
    assertThat(
            BodyReaders.isKeepalive(
                mapper.readTree("{\"event\":\"process\",\"message\":\"keepalive\"}")))
        .isFalse();
  }
}
