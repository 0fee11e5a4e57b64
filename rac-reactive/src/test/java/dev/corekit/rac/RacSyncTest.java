package dev.corekit.rac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corekit.sync.BlockingParity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

@Timeout(60)
class RacSyncTest {

  private static final UUID U = UUID.fromString(Samples.CLUSTER_ID);
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private FakeRacFixture fake;
  private RacSync rac;

  @BeforeEach
  void setUp() {
    fake = new FakeRacFixture(dir);
    rac = RacSync.of(fake.client());
  }

  @AfterEach
  void tearDown() {
    rac.close();
  }

  @Test
  void everyReactiveMethodHasABlockingTwinAndTheReverse() {
    assertThat(BlockingParity.missing(RacClient.class, RacSync.class)).isEmpty();
    assertThat(BlockingParity.missing(RacSession.class, RacSync.Session.class)).isEmpty();
  }

  @Test
  void returnsValuesListsAndVoid() {
    fake.output("cluster_list", Samples.CLUSTER)
        .output("agent_version", "8.3.24.1548\n")
        .output("cluster_insert", "cluster : " + U + "\n\n")
        .scenario("default");
    RacSync.Session ras = rac.session("h");
    List<RacCluster> clusters = ras.clusters().list();
    assertThat(clusters).extracting(RacCluster::name).containsExactly("Локальный кластер");
    assertThat(ras.agent().version()).isEqualTo("8.3.24.1548");
    assertThat(ras.clusters().insert(RacClusterSpec.builder().host("x").port(1541).build()))
        .isEqualTo(U);
    ras.cluster(U)
        .infobases()
        .drop(UUID.fromString(Samples.INFOBASE_ID), RacDropMode.CLEAR_DATABASE);
    assertThat(ras.cluster(U).id()).isEqualTo(U);
    assertThat(ras.host()).isEqualTo("h");
    assertThat(ras.port()).isEqualTo(1545);
    assertThat(fake.argvs().get(fake.argvs().size() - 1))
        .endsWith("drop", "--infobase=" + Samples.INFOBASE_ID, "--clear-database");
  }

  @Test
  void streamsAreLazyAndClosingThemKillsRac() {
    fake.scenario("default", "@generate 1000000");
    RacSync.Infobases infobases = rac.session("h").cluster(U).infobases();
    List<String> names;
    try (Stream<RacInfobaseSummary> stream = infobases.summariesStream()) {
      assertThat(fake.argvs()).isEmpty();
      names = stream.limit(3).map(RacInfobaseSummary::name).collect(Collectors.toList());
    }
    assertThat(names).containsExactly("base1", "base2", "base3");
    long pid = fake.awaitEvent(e -> e.type.equals("argv"), WAIT).pid;
    assertThat(FakeRacFixture.awaitGone(pid, WAIT)).isTrue();
  }

  @Test
  void throwsTheTypedExceptionWithTheCallersFrames() {
    fake.scenario(
        "default",
        "! Ошибка операции администрирования",
        "! Администратор кластера не аутентифицирован",
        "@exit 255");
    RacSync.Session ras = rac.session("h");
    assertThatThrownBy(() -> ras.cluster(U, RacCredentials.of("a", "b")).sessions().list())
        .isInstanceOf(RacAuthenticationException.class)
        .satisfies(
            e ->
                assertThat(Arrays.stream(e.getStackTrace()).map(StackTraceElement::getMethodName))
                    .contains("throwsTheTypedExceptionWithTheCallersFrames"));
  }

  @Test
  void theDeadlineKillsRacAndThrowsARacTimeout() {
    fake.scenario("default", "@hang");
    RacClient client = fake.client();
    try (RacSync shortDeadline = RacSync.of(client, Duration.ofMillis(1500))) {
      assertThatThrownBy(() -> shortDeadline.session("h").clusters().list())
          .isInstanceOf(RacTimeoutException.class)
          .hasMessageContaining("Clusters.list");
    }
    long pid = fake.awaitEvent(e -> e.type.equals("argv"), WAIT).pid;
    assertThat(FakeRacFixture.awaitGone(pid, WAIT)).isTrue();
  }

  @Test
  void interruptingTheCallerKillsRacAndKeepsTheInterruptFlag() throws Exception {
    fake.scenario("default", "@hang");
    RacSync.Session ras = rac.session("h");
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flag = new AtomicBoolean();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                ras.cluster(U).locks().list();
              } catch (Throwable t) {
                thrown.set(t);
              }
              flag.set(Thread.currentThread().isInterrupted());
              done.complete(null);
            });
    caller.start();
    long pid = fake.awaitEvent(e -> e.type.equals("argv"), WAIT).pid;
    caller.interrupt();
    done.get(30, TimeUnit.SECONDS);
    assertThat(thrown.get())
        .isInstanceOf(RacException.class)
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(flag).isTrue();
    assertThat(FakeRacFixture.awaitGone(pid, WAIT)).isTrue();
  }

  @Test
  void aBlockingCallOnANonBlockingThreadFailsAtOnce() {
    RacSync.Session ras = rac.session("h");
    StepVerifier.create(
            Mono.fromCallable(() -> ras.clusters().list()).subscribeOn(Schedulers.parallel()))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("use the reactive API"))
        .verify(WAIT);
    assertThat(fake.argvs()).isEmpty();
  }

  @Test
  void blockHoundIsActiveInTheseTests() {
    StepVerifier.create(
            Mono.fromCallable(
                    () -> {
                      Thread.sleep(1);
                      return 1;
                    })
                .subscribeOn(Schedulers.parallel()))
        .expectError(BlockingOperationError.class)
        .verify(WAIT);
  }
}
