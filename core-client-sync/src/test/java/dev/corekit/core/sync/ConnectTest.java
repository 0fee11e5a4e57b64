package dev.corekit.core.sync;

import static dev.corekit.core.sync.TestSupport.awaitOrFail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.corekit.core.CoreAuthenticationException;
import dev.corekit.core.CoreCapabilityException;
import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreConnectException;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.CoreVersion;
import dev.corekit.simulator.Fault;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code connect}: the server's identity, and a distinct exception for each reason it fails. */
@Timeout(30)
class ConnectTest {
  private static CoreSimulator sim;
  private Set<String> threadsBefore;

  @BeforeAll
  static void start() {
    sim = TestSupport.simulator().build().start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void rememberThreads() {
    threadsBefore = TestSupport.clientThreads();
  }

  @AfterEach
  void clearFaultsAndCheckThatNothingIsLeftOpen() {
    sim.faults().clear();
    // connect closes the client again when it fails; close() waits for the threads
    assertThat(TestSupport.clientThreads()).isSubsetOf(threadsBefore);
  }

  @Test
  void connectLogsInOnceAndKnowsTheServersIdAndVersion() {
    long loginsBefore = sim.stats().logins();
    try (CoreSyncClient core =
        CoreSync.connect(sim.baseUrl(), TestSupport.USER, TestSupport.PASSWORD)) {
      assertThat(core.id()).isEqualTo(TestSupport.SERVER_ID);
      assertThat(core.version()).isEqualTo("16.20.0");
      assertThat(core.baseUrl().toString()).isEqualTo(sim.baseUrl());
      assertThat(core.toString())
          .contains(TestSupport.SERVER_ID)
          .doesNotContain(TestSupport.PASSWORD);
      assertThat(sim.stats().logins() - loginsBefore).isEqualTo(1);
    }
  }

  @Test
  void connectToSeveralNodesSucceedsWhileOneAnswersAndUsesItForCalls() {
    try (CoreSimulator down = TestSupport.simulator().build().start()) {
      down.stop();
      try (CoreSyncClient core =
          CoreSync.connect(
              java.util.List.of(down.baseUrl(), sim.baseUrl()),
              TestSupport.USER,
              TestSupport.PASSWORD)) {
        assertThat(core.id()).isEqualTo(TestSupport.SERVER_ID);
        core.processes().list();
        assertThat(core.reactive().baseUrls()).hasSize(2);
        assertThat(sim.stats().requests("GET /api/v3/process")).isPositive();
      }
    }
  }

  @Test
  void connectWithInjectedTokensNeedsNoLogin() {
    CoreSimulator.Tokens tokens = sim.issueTokens();
    long loginsBefore = sim.stats().logins();
    CoreClient.Builder builder =
        CoreClient.builder()
            .baseUrl(sim.baseUrl())
            .tokens(tokens.accessToken(), tokens.refreshToken());
    try (CoreSyncClient core = CoreSync.connect(builder)) {
      assertThat(core.id()).isEqualTo(TestSupport.SERVER_ID);
      assertThat(core.processes().list()).isNotNull();
    }
    assertThat(sim.stats().logins()).isEqualTo(loginsBefore);
  }

  @Test
  void connectFailsWithCoreTimeoutExceptionWhenTheServerDoesNotAnswerInTime() {
    sim.faults().on("POST /api/login").inject(Fault.latency(Duration.ofSeconds(10)));
    SyncOptions options = SyncOptions.builder().connectTimeout(Duration.ofMillis(300)).build();
    long abortsBefore = sim.stats().clientAborts();
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> CoreSync.connect(TestSupport.client(sim), options));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(thrown).isInstanceOf(CoreTimeoutException.class);
    // Long before the login's 10 s answer: the connect deadline ended it (a backstop, not a speed
    // test).
    assertThat(took).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
    awaitOrFail(
        Duration.ofSeconds(5),
        "the server sees the login cancelled",
        () -> sim.stats().clientAborts() > abortsBefore);
  }

  @Test
  void connectFailsWithCoreConnectExceptionWhenTheConnectionIsRefused() throws Exception {
    int port = TestSupport.closedPort();
    String url = "http://127.0.0.1:" + port;
    CoreClient.Builder builder =
        CoreClient.builder()
            .baseUrl(url)
            .credentials(TestSupport.USER, TestSupport.PASSWORD)
            .retry(
                dev.corekit.core.RetryPolicy.builder()
                    .initialBackoff(Duration.ofMillis(10))
                    .build());
    assertThatThrownBy(() -> CoreSync.connect(builder))
        .isInstanceOf(CoreConnectException.class)
        .hasMessageContaining("connection refused by 127.0.0.1:" + port)
        .hasMessageNotContaining("Exception")
        .satisfies(e -> assertThat(((CoreConnectException) e).requestSent()).isFalse());
  }

  @Test
  void aTcpConnectThatTimesOutIsAConnectTimeoutToo() throws Exception {
    // A listening socket that never accepts, with its backlog full: further connects hang (SYN
    // dropped).
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> queued = new ArrayList<>();
      try {
        InetSocketAddress address =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort());
        for (int i = 0; i < 10; i++) {
          Socket socket = new Socket();
          try {
            socket.connect(address, 200);
            queued.add(socket);
          } catch (SocketTimeoutException full) {
            socket.close();
            break;
          }
        }
        CoreClient.Builder builder =
            CoreClient.builder()
                .baseUrl("http://127.0.0.1:" + silent.getLocalPort())
                .credentials(TestSupport.USER, TestSupport.PASSWORD)
                .connectTimeout(Duration.ofMillis(200))
                .retry(dev.corekit.core.RetryPolicy.builder().maxRetries(0).build());
        assertThatThrownBy(() -> CoreSync.connect(builder))
            .isInstanceOf(CoreTimeoutException.class)
            .hasMessageContaining("TCP connect timed out")
            .hasCauseInstanceOf(CoreConnectException.class);
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }

  @Test
  void connectFailsWithCoreAuthenticationExceptionForAWrongPassword() {
    assertThatThrownBy(() -> CoreSync.connect(sim.baseUrl(), TestSupport.USER, "wrong-password"))
        .isInstanceOf(CoreAuthenticationException.class)
        .hasMessageNotContaining("wrong-password")
        .satisfies(e -> assertThat(((CoreAuthenticationException) e).status()).isEqualTo(403));
  }

  @Test
  void connectTreatsAnAboutAnswerWithoutIdAsAnAuthenticationFailure() {
    sim.faults()
        .on("GET /api")
        .inject(
            Fault.respond(
                200,
                "application/json",
                "{\"app\":\"datarhei-core\",\"auths\":[\"localjwt\"],\"version\":{\"number\":\"16.0.0\"}}"));
    assertThatThrownBy(() -> CoreSync.connect(TestSupport.client(sim)))
        .isInstanceOf(CoreAuthenticationException.class)
        .hasMessageContaining("without its id");
  }

  @Test
  void connectFailsWithCoreCapabilityExceptionForAServerOlderThanTheMinimum() {
    try (CoreSimulator old =
        TestSupport.simulator().coreVersion(CoreVersion.V16_16).build().start()) {
      SyncOptions options = SyncOptions.builder().minimumVersion("16.20.0").build();
      Throwable thrown = catchThrowable(() -> CoreSync.connect(TestSupport.client(old), options));
      assertThat(thrown).isInstanceOf(CoreCapabilityException.class);
      assertThat(((CoreCapabilityException) thrown).requiredVersion()).isEqualTo("16.20.0");
      assertThat(((CoreCapabilityException) thrown).serverVersion()).isEqualTo("16.16.0");

      // the default minimum accepts it
      try (CoreSyncClient core = CoreSync.connect(TestSupport.client(old))) {
        assertThat(core.version()).isEqualTo("16.16.0");
      }
    }
  }

  @Test
  void optionsRejectBadValues() {
    assertThatThrownBy(() -> SyncOptions.builder().minimumVersion("sixteen"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncOptions.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncOptions.builder().connectTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SyncOptions.DEFAULTS.minimumVersion()).isEqualTo(CoreSync.MIN_CORE_VERSION);
    assertThat(SyncOptions.DEFAULTS.mutate().build()).isEqualTo(SyncOptions.DEFAULTS);
  }
}
