package dev.corekit.it.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreNotFoundException;
import dev.corekit.core.CoreValidationException;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.RecordedRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Path parameters reach the server as one encoded segment, whatever they contain. */
class PathParameterTest {
  @Test
  void anIdWithSlashesDotsPercentSpacesAndNonAsciiArrivesAsOneSegment() {
    String id = "../etc/passwd %2F ü 日本";
    try (CoreSimulator sim = Simulators.simulator().build().start();
        CoreClient client = Simulators.client(sim).build()) {
      StepVerifier.create(client.processes().getState(id))
          .expectError(CoreNotFoundException.class)
          .verify(Duration.ofSeconds(10));
      RecordedRequest request = sim.stats().lastRequest();
      assertThat(request.pathSegments()).containsExactly("api", "v3", "process", id, "state");
      assertThat(request.rawPath())
          .isEqualTo(
              "/api/v3/process/..%2Fetc%2Fpasswd%20%252F%20%C3%BC%20%E6%97%A5%E6%9C%AC/state");
    }
  }

  @Test
  void aFilePathKeepsItsFoldersButNeverClimbsOut() {
    try (CoreSimulator sim = Simulators.simulator().build().start();
        CoreClient client = Simulators.client(sim).build()) {
      StepVerifier.create(client.filesystems().download("mem", "a b/c%d.txt"))
          .expectError(CoreNotFoundException.class)
          .verify(Duration.ofSeconds(10));
      assertThat(sim.stats().lastRequest().pathSegments())
          .containsExactly("api", "v3", "fs", "mem", "a b", "c%d.txt");
      long before = sim.stats().totalRequests();
      StepVerifier.create(client.filesystems().download("mem", "a/../../secret"))
          .expectErrorSatisfies(
              error ->
                  assertThat(error)
                      .isInstanceOf(CoreValidationException.class)
                      .hasMessageContaining("'..'"))
          .verify(Duration.ofSeconds(10));
      assertThat(sim.stats().totalRequests()).isEqualTo(before);
    }
  }
}
