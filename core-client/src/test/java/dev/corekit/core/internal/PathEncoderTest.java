package dev.corekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corekit.core.CoreValidationException;
import org.junit.jupiter.api.Test;

class PathEncoderTest {
  @Test
  void encodesEverySpecialCharacterOfASegment() {
    assertThat(PathEncoder.segment("id", "../a/b c%d?e#f&g=h+ü\u0000\r\n"))
        .isEqualTo("..%2Fa%2Fb%20c%25d%3Fe%23f%26g%3Dh%2B%C3%BC%00%0D%0A");
  }

  @Test
  void keepsUnreservedCharacters() {
    assertThat(PathEncoder.segment("id", "Cam-1_a.b~c")).isEqualTo("Cam-1_a.b~c");
  }

  @Test
  void refusesEmptyAndDotSegments() {
    assertThatThrownBy(() -> PathEncoder.segment("id", ""))
        .isInstanceOf(CoreValidationException.class)
        .hasMessageContaining("'id' must not be empty");
    assertThatThrownBy(() -> PathEncoder.segment("id", ".."))
        .isInstanceOf(CoreValidationException.class)
        .hasMessageContaining("'..'");
    assertThatThrownBy(() -> PathEncoder.segment("id", "."))
        .isInstanceOf(CoreValidationException.class);
  }

  @Test
  void encodesEachSegmentOfAFilePath() {
    assertThat(PathEncoder.segments("filepath", "/sub dir/ü.txt"))
        .isEqualTo("sub%20dir/%C3%BC.txt");
    assertThat(PathEncoder.segments("filepath", "a/b%2Fc")).isEqualTo("a/b%252Fc");
  }

  @Test
  void refusesTraversalInAFilePath() {
    assertThatThrownBy(() -> PathEncoder.segments("filepath", "a/../../etc/passwd"))
        .isInstanceOf(CoreValidationException.class)
        .hasMessageContaining("'filepath'")
        .hasMessageContaining("'..'");
    assertThatThrownBy(() -> PathEncoder.segments("filepath", "a//b"))
        .isInstanceOf(CoreValidationException.class);
    assertThatThrownBy(() -> PathEncoder.segments("filepath", "/"))
        .isInstanceOf(CoreValidationException.class);
  }
}
