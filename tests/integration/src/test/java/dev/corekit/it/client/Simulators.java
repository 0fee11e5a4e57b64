package dev.corekit.it.client;

import dev.corekit.core.CoreClient;
import dev.corekit.core.RetryPolicy;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** Helpers shared by the client's end-to-end tests. */
final class Simulators {
  static final String USER = "admin";
  static final String PASSWORD = "canary-pw-7f3a9c";

  private Simulators() {}

  static CoreSimulator.Builder simulator() {
    return CoreSimulator.builder()
        .user(USER)
        .password(PASSWORD)
        .loginFailureDelay(Duration.ofMillis(20));
  }

  static CoreClient.Builder client(CoreSimulator simulator) {
    return CoreClient.builder()
        .baseUrl(simulator.baseUrl())
        .credentials(USER, PASSWORD)
        .retry(
            RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(200))
                .build());
  }

  static Set<String> threadNames(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith(prefix))
        .collect(Collectors.toSet());
  }
}
