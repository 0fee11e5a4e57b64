package dev.corekit.samples;

import dev.corekit.core.CoreClient;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;

/** One Core simulator and a client per test class; loopback, free port. */
final class SimulatorExtension implements AutoCloseable {
  final CoreSimulator sim;
  final CoreClient core;

  SimulatorExtension() {
    this(CoreSimulator.builder().user("admin").password("sample-secret"));
  }

  SimulatorExtension(CoreSimulator.Builder builder) {
    this.sim = builder.build().start();
    this.core =
        CoreClient.builder()
            .baseUrl(sim.baseUrl())
            .credentials(sim.user(), sim.password())
            .timeout(Duration.ofSeconds(10))
            .build();
  }

  @Override
  public void close() {
    core.close();
    sim.close();
  }
}
