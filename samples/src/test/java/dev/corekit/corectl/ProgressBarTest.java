package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void drawsShareAndSizesOnOneLineAndEndsIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar =
        new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "upload a.bin", 4096);

    bar.accept(1024);
    assertThat(bar.render())
        .isEqualTo("upload a.bin [########                      ]  25% 1.0 KiB / 4.0 KiB");
    bar.accept(3072);
    bar.finish();

    String drawn = bytes.toString(StandardCharsets.UTF_8);
    assertThat(drawn)
        .startsWith("\r")
        .endsWith("] 100% 4.0 KiB / 4.0 KiB\n")
        .doesNotContain("\n\r");
    assertThat(
            new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "download", -1)
                .render())
        .isEqualTo("download 0 B");
  }
}
