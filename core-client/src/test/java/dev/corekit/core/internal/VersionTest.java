package dev.corekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionTest {
  @Test
  void comparesNumerically() {
    assertThat(Version.parse("16.9.1").isOlderThan(Version.parse("16.16.0"))).isTrue();
    assertThat(Version.parse("v16.20.0").isOlderThan(Version.parse("16.16.0"))).isFalse();
    assertThat(Version.parse("16.16.0-rc1")).isEqualTo(Version.parse("16.16"));
  }

  @Test
  void rejectsTextWithoutNumbers() {
    assertThatThrownBy(() -> Version.parse("latest")).hasMessageContaining("'latest'");
  }
}
