package dev.corekit.rac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RacRecordTest {

  private static RacRecord record(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return RacRecord.of(m);
  }

  @Test
  void zeroUuidAndEmptyMeanNone() {
    RacRecord r =
        record(
            "session", "7c1d5f0e-1234-4abc-9def-0123456789ab",
            "connection", "00000000-0000-0000-0000-000000000000",
            "process", "");
    assertThat(r.uuid("session")).contains(UUID.fromString("7c1d5f0e-1234-4abc-9def-0123456789ab"));
    assertThat(r.uuid("connection")).isEmpty();
    assertThat(r.uuid("process")).isEmpty();
    assertThat(r.uuid("missing")).isEmpty();
    assertThatThrownBy(() -> r.id("connection"))
        .isInstanceOf(RacParseException.class)
        .hasMessageContaining("'connection'");
  }

  @Test
  void parsesNegativeNumbersDecimalsAndExponents() {
    RacRecord r =
        record(
            "memory-current",
            "-1138560",
            "avg-server-call-time",
            "-0.265",
            "avg",
            "0.483",
            "tiny",
            "9.99E-05",
            "empty",
            "");
    assertThat(r.longValue("memory-current")).isEqualTo(-1_138_560L);
    assertThat(r.doubleValue("avg-server-call-time")).isEqualTo(-0.265);
    assertThat(r.doubleValue("avg")).isEqualTo(0.483);
    assertThat(r.doubleValue("tiny")).isEqualTo(9.99e-5);
    assertThat(r.optionalLong("empty")).isEmpty();
    assertThat(r.optionalDouble("missing")).isEmpty();
  }

  @Test
  void parsesEveryBooleanVocabulary() {
    RacRecord r =
        record(
            "a",
            "yes",
            "b",
            "no",
            "c",
            "on",
            "d",
            "off",
            "e",
            "allow",
            "f",
            "deny",
            "g",
            "analyze",
            "h",
            "not-analyze",
            "i",
            "1",
            "j",
            "0");
    assertThat(new boolean[] {r.flag("a"), r.flag("c"), r.flag("e"), r.flag("g"), r.flag("i")})
        .containsOnly(true);
    assertThat(new boolean[] {r.flag("b"), r.flag("d"), r.flag("f"), r.flag("h"), r.flag("j")})
        .containsOnly(false);
  }

  @Test
  void parsesDatesAndEmptyDates() {
    RacRecord r = record("started-at", "2024-03-01T09:15:00", "db-proc-took-at", "");
    assertThat(r.dateTime("started-at")).contains(LocalDateTime.of(2024, 3, 1, 9, 15, 0));
    assertThat(r.dateTime("db-proc-took-at")).isEmpty();
  }

  @Test
  void unquotesDoubledQuotesAndTreatsTwoSingleQuotesAsEmpty() {
    RacRecord r =
        record("descr", "\"say \"\"hi\"\"\"", "data-separation", "''", "name", "raw \"x\" y");
    assertThat(r.text("descr")).isEqualTo("say \"hi\"");
    assertThat(r.text("data-separation")).isEmpty();
    assertThat(r.optionalText("data-separation")).isEmpty();
    assertThat(r.text("name")).isEqualTo("raw \"x\" y");
  }

  @Test
  void aBadValueIsAnErrorNamingTheFieldAndTheRecord() {
    RacRecord r =
        record(
            "cluster",
            "6d6a4c6e-35a0-4f2c-9a3c-2f0b8e1f0a11",
            "host",
            "h",
            "port",
            "15x41",
            "name",
            "n");
    assertThatThrownBy(() -> RacCluster.from(r))
        .isInstanceOf(RacParseException.class)
        .hasMessageContaining("'port'")
        .hasMessageContaining("15x41")
        .hasMessageContaining("cluster=6d6a4c6e-35a0-4f2c-9a3c-2f0b8e1f0a11")
        .satisfies(
            e -> {
              RacParseException p = (RacParseException) e;
              assertThat(p.field()).isEqualTo("port");
              assertThat(p.record()).contains(r);
            });
    assertThatThrownBy(() -> record("hibernate", "maybe").flag("hibernate"))
        .isInstanceOf(RacParseException.class)
        .hasMessageContaining("'hibernate'");
    assertThatThrownBy(() -> record("at", "01.03.2024").dateTime("at"))
        .isInstanceOf(RacParseException.class)
        .hasMessageContaining("'at'");
    assertThatThrownBy(() -> record("x", "1").text("y"))
        .isInstanceOf(RacParseException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void listsSplitAtCommas() {
    assertThat(record("auth", "pwd,os").list("auth")).containsExactly("pwd", "os");
    assertThat(record("client-ip", "10.0.0.1, 10.0.0.2").list("client-ip"))
        .containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(record("auth", "").list("auth")).isEmpty();
  }

  @Test
  void credentialsNeverShowThePassword() {
    RacCredentials c = RacCredentials.of("admin", "s3cr3t");
    assertThat(c.toString()).contains("admin").doesNotContain("s3cr3t");
    RacAdminSpec spec = RacAdminSpec.builder().name("a").password("s3cr3t").build();
    assertThat(spec.toString()).doesNotContain("s3cr3t");
  }
}
