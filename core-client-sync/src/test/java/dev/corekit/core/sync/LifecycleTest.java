package dev.corekit.core.sync;

import static dev.corekit.core.sync.TestSupport.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreClient;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a blocking client owns and releases. */
@Timeout(30)
class LifecycleTest {
  private static CoreSimulator sim;

  @BeforeAll
  static void start() {
    sim = TestSupport.simulator().build().start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void tryWithResourcesLeavesNoClientThreadsAndNoConnections() {
    Set<String> before = TestSupport.clientThreads();
    Set<String> during;
    try (CoreSyncClient core =
        CoreSync.connect(sim.baseUrl(), TestSupport.USER, TestSupport.PASSWORD)) {
      core.processes().create(process("lifecycle-1"));
      assertThat(core.processes().list()).isNotEmpty();
      during = TestSupport.clientThreads();
    }
    Set<String> after = TestSupport.clientThreads();
    System.out.printf(
        "client threads: before %s, while open %s, right after close() %s%n",
        before, during, after);
    assertThat(during).as("the client ran on its own event loops").isNotEqualTo(before);
    // close() waited for them: checked at once, not after a grace period
    assertThat(after).isSubsetOf(before);
    TestSupport.awaitOrFail(
        Duration.ofSeconds(5),
        "the server sees the connections closed",
        () -> sim.stats().openConnections() == 0);
  }

  @Test
  void closingAWrappedClientLeavesTheReactiveClientOpen() {
    try (CoreClient client = TestSupport.client(sim).build()) {
      CoreSyncClient core = CoreSync.wrap(client);
      assertThat(core.reactive()).isSameAs(client);
      assertThat(core.id()).as("asked on first use").isEqualTo(TestSupport.SERVER_ID);
      assertThat(core.version()).isEqualTo("16.20.0");
      core.close();
      core.close();
      assertThat(client.about().ping().block(Duration.ofSeconds(5))).isEqualTo("pong");
      assertThat(core.about().ping()).as("the view works as long as the client").isEqualTo("pong");
    }
  }

  @Test
  void closeIsIdempotentAndCallsAfterItFail() {
    CoreSyncClient core = CoreSync.connect(TestSupport.client(sim));
    core.close();
    core.close();
    assertThat(core.toString()).contains("closed");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> core.processes().list()))
        .isInstanceOf(dev.corekit.core.CoreException.class);
  }

  @Test
  void theSameReactiveCallCanBeMadeThroughTheProxyAndWithBlock() {
    try (CoreSyncClient core = CoreSync.connect(TestSupport.client(sim))) {
      core.processes().create(process("bench-1"));
      List<CoreProcess> viaProxy = core.processes().list();
      List<CoreProcess> viaBlock =
          core.reactive().processes().list().collectList().block(Duration.ofSeconds(5));
      assertThat(viaProxy).isEqualTo(viaBlock);
    }
  }
}
