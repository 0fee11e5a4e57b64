package dev.corekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Passwords inside URLs in any text are hidden; everything else stays as it was. */
class RedactionTest {

  @Test
  void hidesThePasswordOfAMemfsUrlAsCore1616WritesIt() {
    assertThat(
            Redaction.redactUrls(
                "Output #0, hls, to 'http://admin:8TvCtvvG0A7uNzgX7R@127.0.0.1:8080/memfs/a.m3u8':"))
        .isEqualTo("Output #0, hls, to 'http://admin:***@127.0.0.1:8080/memfs/a.m3u8':");
    assertThat(Redaction.redactUrls("http://admin:pw@127.0.0.1:8080/memfs/a.m3u8"))
        .isEqualTo("http://admin:***@127.0.0.1:8080/memfs/a.m3u8");
  }

  @Test
  void hidesEveryUrlOfATextAndKeepsTheRest() {
    String line =
        "[hls @ 0x55] Opening 'http://admin:one@h:1/memfs/a0.ts' for writing;"
            + " pushing to rtmp://user:two@example.org/live/x and \"srt://h:6000?mode=caller&passphrase=three&latency=20\"";
    assertThat(Redaction.redactUrls(line))
        .isEqualTo(
            "[hls @ 0x55] Opening 'http://admin:***@h:1/memfs/a0.ts' for writing;"
                + " pushing to rtmp://user:***@example.org/live/x and \"srt://h:6000?mode=caller&passphrase=***&latency=20\"");
  }

  @Test
  void hidesSecretQueryParametersOfUrlsOnly() {
    assertThat(Redaction.redactUrls("rtmp://127.0.0.1:1935/live/x?token=abc#frag"))
        .isEqualTo("rtmp://127.0.0.1:1935/live/x?token=***#frag");
    assertThat(Redaction.redactUrls("https://h/p?a=1&Password=x&b=2"))
        .isEqualTo("https://h/p?a=1&Password=***&b=2");
    // Not inside a URL: left alone (the text before the URL has no scheme).
    assertThat(Redaction.redactUrls("a?token=abc then http://h/"))
        .isEqualTo("a?token=abc then http://h/");
    // A parameter that only starts like a secret one is not one.
    assertThat(Redaction.redactUrls("http://h/?tokens=1&token_type=2"))
        .isEqualTo("http://h/?tokens=1&token_type=2");
  }

  @Test
  void hidesAUrlInsideAJsonDocument() {
    String json = "{\"command\":[\"-f\",\"hls\",\"http://admin:pw@127.0.0.1:8080/memfs/x.m3u8\"]}";
    assertThat(Redaction.redactUrls(json))
        .isEqualTo(
            "{\"command\":[\"-f\",\"hls\",\"http://admin:***@127.0.0.1:8080/memfs/x.m3u8\"]}");
  }

  @Test
  void hidesAPasswordHoldingAnAtSignOrAColon() {
    assertThat(Redaction.redactUrls("http://admin:p@ss:w@host:8080/x"))
        .isEqualTo("http://admin:***@host:8080/x");
  }

  @Test
  void leavesTextWithoutPasswordsAsItIs() {
    for (String text :
        new String[] {
          "",
          "frame=  25 fps= 25 q=28.0 size=  128kB time=00:00:01.00",
          "http://127.0.0.1:8080/memfs/a.m3u8",
          "rtmp://user@host/live",
          "http://user:@host/",
          "http://host/path/user:pw@not-userinfo",
          "mailto:someone@example.org",
          "://admin:pw@host",
          "http://admin:***@host/",
          "a://b://c://"
        }) {
      assertThat(Redaction.redactUrls(text)).as(text).isSameAs(text);
    }
  }

  @Test
  void isIdempotent() {
    String once = Redaction.redactUrls("http://a:b@h/?token=t x rtmp://c:d@h");
    assertThat(Redaction.redactUrls(once))
        .isEqualTo(once)
        .isEqualTo("http://a:***@h/?token=*** x rtmp://c:***@h");
  }

  @Test
  void handlesLongHostileTextInOnePass() {
    // Quadratic scanning would take minutes here; one pass takes milliseconds. The verdict is
    // the result, not the time: the test only needs to end.
    String hostile = "a://".repeat(250_000) + "x:y@h";
    assertThat(Redaction.redactUrls(hostile).endsWith("a://x:***@h"))
        .as("masked at the end")
        .isTrue();
    String noEnd = "http://" + "u:".repeat(200_000) + "@h";
    assertThat(Redaction.redactUrls(noEnd)).isEqualTo("http://u:***@h");
    String queries = "http://h?" + "token=1&".repeat(100_000);
    String redacted = Redaction.redactUrls(queries);
    assertThat(redacted.startsWith("http://h?token=***&token=***&")).as("masked").isTrue();
    assertThat(redacted.contains("=1")).as("a token left").isFalse();
  }

  @Test
  void findsAUrlRightAfterTheHostOfAnother() {
    assertThat(Redaction.redactUrls("a://a://x:y@h")).isEqualTo("a://a://x:***@h");
    assertThat(Redaction.redactUrls("http://h?next=http://u:p@g"))
        .isEqualTo("http://h?next=http://u:***@g");
  }
}
