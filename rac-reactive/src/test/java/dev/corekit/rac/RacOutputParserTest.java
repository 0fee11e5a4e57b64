package dev.corekit.rac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RacOutputParserTest {

  private static List<RacRecord> parse(byte[] bytes, Charset charset) throws IOException {
    List<RacRecord> records = new ArrayList<>();
    try (RacOutputParser parser = RacOutputParser.of(new ByteArrayInputStream(bytes), charset)) {
      for (RacRecord r; (r = parser.next()) != null; ) {
        records.add(r);
      }
    }
    return records;
  }

  private static List<RacRecord> parse(String text) throws IOException {
    return parse(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  private static final String CLUSTERS =
      """
      cluster                                   : 6d6a4c6e-35a0-4f2c-9a3c-2f0b8e1f0a11
      host                                      : srv-1c
      port                                      : 1541
      name                                      : \"Главный \"\"кластер\"\"\"
      expiration-timeout                        : 0
      lifetime-limit                            : 0
      max-memory-size                           : 0
      max-memory-time-limit                     : 0
      security-level                            : 0
      session-fault-tolerance-level             : 0
      load-balancing-mode                       : performance
      errors-count-threshold                    : 0
      kill-problem-processes                    : 1
      kill-by-memory-with-dump                  : 0
      allow-access-right-audit-events-recording : 0
      ping-period                               : 0
      ping-timeout                              : 0
      restart-schedule                          :\s

      cluster                                   : 0c1e6b3a-77d2-4c1b-8f0e-5a2d9c3b4e22
      host                                      : srv-2
      port                                      : 1641
      name                                      : \"\"
      expiration-timeout                        : 60
      lifetime-limit                            : 86400
      max-memory-size                           : -1
      max-memory-time-limit                     : 300
      security-level                            : 1
      session-fault-tolerance-level             : 0
      load-balancing-mode                       : memory
      errors-count-threshold                    : 5
      kill-problem-processes                    : 0
      kill-by-memory-with-dump                  : 1
      allow-access-right-audit-events-recording : 1
      ping-period                               : 1000
      ping-timeout                              : 5000
      restart-schedule                          :

      """;

  @Test
  void parsesRecordsKeepingEveryFieldInOrderAsRawText() throws IOException {
    List<RacRecord> records = parse(CLUSTERS);
    assertThat(records).hasSize(2);
    RacRecord first = records.get(0);
    assertThat(first.size()).isEqualTo(18);
    assertThat(first.keys())
        .startsWith("cluster", "host", "port", "name")
        .endsWith("restart-schedule");
    assertThat(first.raw("name")).contains("\"Главный \"\"кластер\"\"\"");
    assertThat(first.text("name")).isEqualTo("Главный \"кластер\"");
    assertThat(first.raw("restart-schedule")).contains("");
    assertThat(records.get(1).raw("restart-schedule")).contains("");
  }

  @Test
  void typedClusterViewParsesNumbersBooleansAndQuotedNames() throws IOException {
    List<RacRecord> records = parse(CLUSTERS);
    RacCluster c = RacCluster.from(records.get(1));
    assertThat(c.id()).hasToString("0c1e6b3a-77d2-4c1b-8f0e-5a2d9c3b4e22");
    assertThat(c.host()).isEqualTo("srv-2");
    assertThat(c.port()).isEqualTo(1641);
    assertThat(c.name()).isEmpty();
    assertThat(c.maxMemorySize()).contains(-1L);
    assertThat(c.killProblemProcesses()).contains(false);
    assertThat(c.killByMemoryWithDump()).contains(true);
    assertThat(c.loadBalancingMode()).contains("memory");
    assertThat(c.restartSchedule()).isEmpty();
    assertThat(c.record()).isSameAs(records.get(1));
  }

  @Test
  void acceptsCrlfAndCrLineEnds() throws IOException {
    String crlf =
        "infobase : 11111111-2222-3333-4444-555555555555\r\nname     : Бухгалтерия\r\n"
            + "descr    : \"Main\"\r\n\r\ninfobase : 11111111-2222-3333-4444-666666666666\r\n"
            + "name     : B\r\ndescr    :\r\n\r\n";
    List<RacRecord> records = parse(crlf);
    assertThat(records).hasSize(2);
    assertThat(records.get(0).text("name")).isEqualTo("Бухгалтерия");
    assertThat(records.get(0).text("descr")).isEqualTo("Main");
    assertThat(records.get(1).text("descr")).isEmpty();
    assertThat(parse("a : 1\rb : 2\r\rc : 3\r")).hasSize(2);
  }

  @Test
  void decodesCp866() throws IOException {
    byte[] bytes = "name : Пользователь И.Б.\n\n".getBytes(Charset.forName("cp866"));
    assertThat(parse(bytes, RacOutputParser.CP866).get(0).text("name"))
        .isEqualTo("Пользователь И.Б.");
  }

  @Test
  void autoDetectionReadsUtf8AndFallsBackToCp866() throws IOException {
    String text = "name : Администратор\n\nname : Пользователь\n\n";
    try (RacOutputParser p =
        RacOutputParser.autoDetect(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      assertThat(p.next().text("name")).isEqualTo("Администратор");
      assertThat(p.next().text("name")).isEqualTo("Пользователь");
      assertThat(p.charset()).isEqualTo(StandardCharsets.UTF_8);
    }
    byte[] cp866 = ("host : srv\n\n" + text).getBytes(Charset.forName("cp866"));
    try (RacOutputParser p = RacOutputParser.autoDetect(new ByteArrayInputStream(cp866))) {
      assertThat(p.next().text("host")).isEqualTo("srv");
      assertThat(p.next().text("name")).isEqualTo("Администратор");
      assertThat(p.next().text("name")).isEqualTo("Пользователь");
      assertThat(p.charset()).isEqualTo(RacOutputParser.CP866);
    }
  }

  @Test
  void replacesInvalidBytesInAFixedCharset() throws IOException {
    byte[] bytes = {'n', ' ', ':', ' ', (byte) 0xff, 'x', '\n', '\n'};
    assertThat(parse(bytes, StandardCharsets.UTF_8).get(0).text("n")).isEqualTo("\ufffdx");
  }

  @Test
  void acceptsAMissingFinalBlankLineAndReportsIt() throws IOException {
    try (RacOutputParser p =
        RacOutputParser.of(
            new ByteArrayInputStream("a : 1\n\nb : 2\nc : 3".getBytes()), StandardCharsets.UTF_8)) {
      assertThat(p.next().raw("a")).contains("1");
      assertThat(p.lastRecordUnterminated()).isFalse();
      RacRecord last = p.next();
      assertThat(last.keys()).containsExactly("b", "c");
      assertThat(p.lastRecordUnterminated()).isTrue();
      assertThat(p.next()).isNull();
    }
  }

  @Test
  void emptyOutputHasNoRecords() throws IOException {
    assertThat(parse("")).isEmpty();
    assertThat(parse("\n\n")).isEmpty();
  }

  @Test
  void keepsColonsInValuesAndUnknownFields() throws IOException {
    RacRecord r =
        parse("port-range : 1560:1591\nconn : host=x;db=y\nnew-field-8-5 : 12:30:00\n\n").get(0);
    assertThat(r.text("port-range")).isEqualTo("1560:1591");
    assertThat(r.text("conn")).isEqualTo("host=x;db=y");
    assertThat(r.asMap()).containsEntry("new-field-8-5", "12:30:00");
  }

  @Test
  void joinsContinuationLinesToThePreviousValue() throws IOException {
    RacRecord r = parse("descr : \"first\n  second\"\nname : x\n\n").get(0);
    assertThat(r.text("descr")).isEqualTo("first\nsecond");
    assertThat(r.text("name")).isEqualTo("x");
  }

  @Test
  void failsOnALineThatCannotStartARecord() {
    assertThatThrownBy(() -> parse("garbage without colon\n\n"))
        .isInstanceOf(RacParseException.class)
        .hasMessageContaining("Line 1")
        .hasMessageContaining("garbage without colon");
  }

  @Test
  void readsLinesLongerThanItsBuffer() throws IOException {
    String big = "x".repeat(200_000);
    RacRecord r = parse("descr : \"" + big + "\"\nname : y\n\n").get(0);
    assertThat(r.text("descr")).hasSize(200_000);
    assertThat(r.text("name")).isEqualTo("y");
  }

  @Test
  void readsOnlyWhatTheNextRecordNeeds() throws IOException {
    byte[] head = "a : 1\n\n".getBytes(StandardCharsets.US_ASCII);
    InputStream failsAfterHead =
        new InputStream() {
          int pos;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= head.length) {
              throw new IOException("read past the first record");
            }
            int n = Math.min(len, head.length - pos);
            System.arraycopy(head, pos, b, off, n);
            pos += n;
            return n;
          }
        };
    RacOutputParser p = RacOutputParser.of(failsAfterHead, StandardCharsets.UTF_8);
    assertThat(p.next().raw("a")).contains("1");
    assertThatThrownBy(p::next).isInstanceOf(IOException.class);
  }

  @Test
  void parsesFromAReader() throws IOException {
    RacOutputParser p = RacOutputParser.of(new StringReader("a : 1\nb :\n\n"));
    RacRecord r = p.next();
    assertThat(r.asMap())
        .containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", ""));
    assertThat(p.next()).isNull();
  }

  @Test
  void readsABareLine() throws IOException {
    RacOutputParser p = RacOutputParser.of(new StringReader("\n8.3.24.1548\r\n"));
    assertThat(p.nextLine()).isEqualTo("8.3.24.1548");
    assertThat(p.nextLine()).isNull();
  }
}
