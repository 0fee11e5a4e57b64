package dev.corekit.it.cluster;

import dev.corekit.core.CoreClient;
import dev.corekit.core.FailoverPolicy;
import dev.corekit.core.RetryPolicy;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Independent simulators standing in for the nodes of one cluster, each with its own JWT secret.
 */
final class Nodes implements AutoCloseable {
  static final String USER = "admin";
  static final String PASSWORD = "canary-pw-5e1b77";

  final List<CoreSimulator> sims = new ArrayList<>();

  Nodes(int count) {
    for (int i = 1; i <= count; i++) {
      sims.add(
          CoreSimulator.builder()
              .user(USER)
              .password(PASSWORD)
              .id("node" + i)
              .jwtSecret("secret-of-node-" + i + "-0123456789abcdef")
              .loginFailureDelay(Duration.ofMillis(20))
              .build()
              .start());
    }
  }

  CoreSimulator node(int number) {
    return sims.get(number - 1);
  }

  List<String> urls() {
    return sims.stream().map(CoreSimulator::baseUrl).toList();
  }

  CoreClient.Builder client(FailoverPolicy policy) {
    return CoreClient.builder()
        .baseUrls(urls())
        .credentials(USER, PASSWORD)
        .failover(policy)
        .retry(
            RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(200))
                .build());
  }

  static String server(CoreSimulator sim) {
    return "127.0.0.1:" + sim.port();
  }

  static ProcessConfig config(String id) {
    return ProcessConfig.builder()
        .id(id)
        .addInput(
            ProcessConfigIo.builder()
                .id("in")
                .address("testsrc2=rate=25:size=640x360")
                .addOptions("-f", "lavfi")
                .build())
        .addOutput(
            ProcessConfigIo.builder().id("out").address("-").addOptions("-f", "null").build())
        .autostart(false)
        .build();
  }

  @Override
  public void close() {
    sims.forEach(CoreSimulator::close);
  }
}
