package dev.corekit.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreClient;
import dev.corekit.core.RetryPolicy;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.simulator.CoreSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Helpers shared by the tests against the Core simulator. */
final class TestSupport {
  static final String USER = "admin";
  static final String PASSWORD = "canary-pw-5e1b";
  static final String SERVER_ID = "sync-test-core";

  private TestSupport() {}

  static CoreSimulator.Builder simulator() {
    return CoreSimulator.builder()
        .user(USER)
        .password(PASSWORD)
        .id(SERVER_ID)
        .loginFailureDelay(Duration.ofMillis(20));
  }

  /** A client of the simulator with quick retries, so that failure tests stay short. */
  static CoreClient.Builder client(CoreSimulator sim) {
    return CoreClient.builder()
        .baseUrl(sim.baseUrl())
        .credentials(USER, PASSWORD)
        .retry(
            RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(50))
                .build());
  }

  static ProcessConfig process(String id) {
    return ProcessConfig.builder()
        .id(id)
        .autostart(false)
        .addInput(
            ProcessConfigIo.builder().id("in").address("testsrc2=rate=25:size=640x360").build())
        .addOutput(
            ProcessConfigIo.builder().id("out").address("-").addOptions("-f", "null").build())
        .build();
  }

  /** Names of the live event-loop threads of Core clients. */
  static Set<String> clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("corekit-http"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Waits, at most {@code within}, until the condition holds; parks briefly between checks. */
  static boolean await(Duration within, BooleanSupplier condition) {
    long end = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end >= 0) {
        return false;
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    return true;
  }

  static void awaitOrFail(Duration within, String what, BooleanSupplier condition) {
    assertThat(await(within, condition)).as(what + " within " + within).isTrue();
  }

  /** A loopback port on which nothing listens (bound once, then released). */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
