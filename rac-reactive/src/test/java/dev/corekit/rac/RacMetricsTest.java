package dev.corekit.rac;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** With a MeterRegistry, every rac run is timed with its command and outcome. */
class RacMetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void timesEachRunWithItsCommandAndOutcome() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    FakeRacFixture fake = new FakeRacFixture(dir);
    fake.output("default", Samples.CLUSTER);
    try (RacClient client = fake.client(b -> b.meterRegistry(registry))) {
      StepVerifier.create(client.session("h").clusters().list())
          .expectNextCount(1)
          .expectComplete()
          .verify(WAIT);
      fake.scenario(
          "default", "@stderr Ошибка соединения с сервером администрирования", "@exit 255");
      StepVerifier.create(
              client.session("h").cluster(UUID.fromString(Samples.CLUSTER_ID)).sessions().list())
          .expectError(RacConnectionException.class)
          .verify(WAIT);
    }
    assertThat(
            registry
                .get("corekit.rac.commands")
                .tag("command", "cluster list")
                .tag("outcome", "SUCCESS")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("corekit.rac.commands")
                .tag("command", "session list")
                .tag("outcome", "FAILED")
                .timer()
                .count())
        .isEqualTo(1);
  }
}
