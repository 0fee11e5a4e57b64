package dev.corekit.rac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** How rac processes run: streaming, errors, kills, concurrency, backpressure and memory. */
class RacProcessTest {

  private static final UUID U = UUID.fromString(Samples.CLUSTER_ID);
  private static final String PWD = "top \"secret\" pwd";
  private static final RacCredentials ADMIN = RacCredentials.of("admin", PWD);
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private FakeRacFixture fake;
  private RacClient client;

  @BeforeEach
  void setUp() {
    fake = new FakeRacFixture(dir);
  }

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
  }

  private RacClient client() {
    client = fake.client();
    return client;
  }

  private long onlyPid() {
    return fake.awaitEvent(e -> e.type.equals("argv"), WAIT).pid;
  }

  @Test
  void emitsRecordsWhileRacIsStillWriting() throws IOException {
    Path gate = dir.resolve("gate");
    fake.scenario(
        "infobase_summary_list",
        "| infobase : " + Samples.INFOBASE_ID,
        "| name     : first",
        "|",
        "@wait-file " + gate,
        "| infobase : " + Samples.SESSION_ID,
        "| name     : second",
        "|");
    StepVerifier.create(client().session("h").cluster(U).infobases().summaries())
        .assertNext(ib -> assertThat(ib.name()).isEqualTo("first"))
        .then(() -> createFile(gate))
        .assertNext(ib -> assertThat(ib.name()).isEqualTo("second"))
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void emptyOutputIsAnEmptyFlux() {
    fake.scenario("default");
    StepVerifier.create(client().session("h").cluster(U).sessions().list())
        .expectComplete()
        .verify(WAIT);
  }

  static Stream<Arguments> stderrTexts() {
    return Stream.of(
        Arguments.of(
            "Ошибка соединения с сервером администрирования\\nserver_addr=tcp://h:1545"
                + " descr=10.0.0.1:1545:111(0x0000006F): Connection refused; line=1040"
                + " file=src/rtrsrvc/src/DataExchangeTcpClientImpl.cpp",
            RacConnectionException.class),
        Arguments.of(
            "Ошибка соединения с сервером администрирования\\nHost not found (authoritative)",
            RacConnectionException.class),
        Arguments.of(
            "Ошибка операции администрирования\\nАдминистратор кластера не аутентифицирован",
            RacAuthenticationException.class),
        Arguments.of(
            "Ошибка операции администрирования\\nАдминистратор центрального сервера не аутентифицирован",
            RacAuthenticationException.class),
        Arguments.of(
            "Ошибка операции администрирования\\nНедостаточно прав пользователя на информационную базу",
            RacAuthenticationException.class),
        Arguments.of(
            "Ошибка операции администрирования\\nКластер с указанным идентификатором не найден",
            RacNotFoundException.class),
        Arguments.of(
            "Ошибка операции администрирования\\nИнформационная база с указанным идентификатором не найдена",
            RacNotFoundException.class),
        Arguments.of(
            "Ошибка операции администрирования\\nСеанс с указанным идентификатором не найден",
            RacNotFoundException.class),
        Arguments.of(
            "Ошибка операции администрирования\\nИнформационная база trade уже зарегистрирована в"
                + " кластере серверов 1С:Предприятия",
            RacCommandException.class),
        Arguments.of("Ошибка разбора параметра: --agent-user=root1c", RacCommandException.class),
        Arguments.of(
            "Administration operation error\\nCluster administrator is not authenticated",
            RacAuthenticationException.class));
  }

  @ParameterizedTest
  @MethodSource("stderrTexts")
  void mapsStderrAndExitCodeToTheExceptionSubtype(String stderr, Class<?> type) {
    fake.scenario("default", "! " + stderr, "@exit 255");
    String expectedStderr = stderr.replace("\\n", "\n") + "\n";
    StepVerifier.create(client().session("h").cluster(U, ADMIN).sessions().list())
        .expectErrorSatisfies(
            e -> {
              assertThat(e).isExactlyInstanceOf(type);
              RacCommandException ce = (RacCommandException) e;
              assertThat(ce.exitCode()).isEqualTo(255);
              assertThat(ce.stderr()).isEqualTo(expectedStderr);
              assertThat(ce.command())
                  .contains("--cluster-pwd=***", "--cluster-user=admin", "session", "list");
              assertThat(String.join(" ", ce.command())).doesNotContain(PWD);
              assertThat(ce.getMessage())
                  .contains("255")
                  .contains("--cluster-pwd=***")
                  .doesNotContain(PWD);
              assertThat(ce.toString()).doesNotContain(PWD);
            })
        .verify(WAIT);
  }

  @Test
  void masksPasswordsEchoedOnStderr() {
    fake.scenario("default", "! Ошибка разбора параметра: --cluster-pwd=" + PWD, "@exit 255");
    StepVerifier.create(client().session("h").cluster(U, ADMIN).locks().list())
        .expectErrorSatisfies(
            e -> {
              RacCommandException ce = (RacCommandException) e;
              assertThat(ce.stderr()).contains("--cluster-pwd=***").doesNotContain(PWD);
              assertThat(ce.getMessage()).contains("Ошибка разбора параметра").doesNotContain(PWD);
            })
        .verify(WAIT);
  }

  @Test
  void readsCp866WhenConfiguredAndWhenAutoDetecting() {
    fake.scenario(
        "default",
        "@charset cp866",
        "| user-name : Пользователь И.Б.",
        "| descr     : \"Главный\"",
        "|");
    client = fake.client(b -> b.charset(RacOutputParser.CP866));
    StepVerifier.create(client.session("h").records(List.of("session", "list")))
        .assertNext(r -> assertThat(r.text("user-name")).isEqualTo("Пользователь И.Б."))
        .expectComplete()
        .verify(WAIT);
    client.close();
    client = fake.client(RacClient.Builder::autoCharset);
    StepVerifier.create(client.session("h").records(List.of("session", "list")))
        .assertNext(r -> assertThat(r.text("descr")).isEqualTo("Главный"))
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void autoDetectionDecodesCp866Stderr() {
    fake.scenario(
        "default",
        "@charset cp866",
        "! Ошибка операции администрирования",
        "! Кластер с указанным идентификатором не найден",
        "@exit 255");
    client = fake.client(RacClient.Builder::autoCharset);
    StepVerifier.create(client.session("h").cluster(U).infobases().summaries())
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(RacNotFoundException.class)
                    .hasMessageContaining("Кластер с указанным идентификатором не найден"))
        .verify(WAIT);
  }

  @Test
  void decodesCrlfOutputAndInvalidBytes() {
    fake.scenario(
        "default",
        "@eol crlf",
        "| name  : ok",
        "> descr : bad\\xff\\xfebytes\r",
        "|",
        "|",
        "| name  : last");
    StepVerifier.create(client().session("h").records(List.of("profile", "list")))
        .assertNext(
            r -> {
              assertThat(r.text("name")).isEqualTo("ok");
              assertThat(r.text("descr")).isEqualTo("bad\ufffd\ufffdbytes");
            })
        .assertNext(r -> assertThat(r.text("name")).isEqualTo("last"))
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void dyingMidOutputFailsAndDropsTheCutRecord() {
    fake.scenario("default", "| name : complete", "|", "> name : cu", "@die 9");
    StepVerifier.create(client().session("h").records(List.of("counter", "list")))
        .assertNext(r -> assertThat(r.text("name")).isEqualTo("complete"))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(RacCommandException.class)
                    .satisfies(c -> assertThat(((RacCommandException) c).exitCode()).isEqualTo(9)))
        .verify(WAIT);
  }

  @Test
  void timeoutKillsTheProcessAndItsChildren() {
    fake.scenario("default", "@spawn-child", "| session : " + Samples.SESSION_ID, "|", "@hang");
    // The fake is a JVM that must start, spawn its child and write the record before the deadline:
    // seconds on a busy machine, so the deadline leaves it plenty.
    client = fake.client(b -> b.timeout(Duration.ofSeconds(8)));
    StepVerifier.create(client.session("h").cluster(U, ADMIN).sessions().list())
        .assertNext(s -> assertThat(s.id()).isEqualTo(UUID.fromString(Samples.SESSION_ID)))
        .expectErrorSatisfies(
            e -> {
              assertThat(e).isInstanceOf(RacTimeoutException.class);
              assertThat(((RacTimeoutException) e).timeout()).isEqualTo(Duration.ofSeconds(8));
              assertThat(((RacTimeoutException) e).command()).contains("--cluster-pwd=***");
              assertThat(e.getMessage()).doesNotContain(PWD);
            })
        .verify(WAIT);
    assertProcessTreeGone();
  }

  @Test
  void cancellingMidStreamKillsTheProcessAndItsChildren() {
    fake.scenario("default", "@spawn-child", "@generate 1000000");
    StepVerifier.create(client().session("h").cluster(U).infobases().summaries().take(5))
        .expectNextCount(5)
        .expectComplete()
        .verify(WAIT);
    assertProcessTreeGone();
  }

  private void assertProcessTreeGone() {
    long pid = onlyPid();
    long child = Long.parseLong(fake.awaitEvent(e -> e.type.equals("child"), WAIT).data.get(0));
    assertThat(FakeRacFixture.awaitGone(pid, WAIT)).as("rac process %d gone", pid).isTrue();
    assertThat(FakeRacFixture.awaitGone(child, WAIT)).as("child process %d gone", child).isTrue();
    assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid))
        .doesNotContain(pid, child);
  }

  @Test
  void runsAtMostMaxConcurrencyProcessesAtOnce() {
    Path gate = dir.resolve("gate");
    fake.scenario("default", "@wait-file " + gate, "| name : done", "|");
    client = fake.client(b -> b.maxConcurrency(3));
    RacSession ras = client.session("h");
    Flux<RacRecord> eight =
        Flux.range(0, 8).flatMap(i -> ras.records(List.of("counter", "list", "--n=" + i)), 8);
    StepVerifier.create(eight)
        .then(
            () -> {
              // Three start at once; the others wait for a slot (no thread is blocked for them).
              fake.awaitEvent(e -> fake.argvs().size() == 3, WAIT);
              createFile(gate);
            })
        .expectNextCount(8)
        .expectComplete()
        .verify(WAIT);
    int running = 0;
    int max = 0;
    for (FakeRacFixture.Event e : fake.events()) {
      if (e.type.equals("argv")) {
        max = Math.max(max, ++running);
      } else if (e.type.equals("exit")) {
        running--;
      }
    }
    assertThat(fake.argvs()).hasSize(8);
    assertThat(max).isEqualTo(3);
  }

  @Test
  void aSlowSubscriberLeavesRacBlockedOnAFullPipe() {
    fake.scenario("default", "@generate 1000000");
    StepVerifier.create(client().session("h").cluster(U).infobases().summaries(), 10)
        .expectNextCount(10)
        .then(
            () -> {
              FakeRacFixture.Event blocked = fake.awaitEvent(e -> e.type.equals("blocked"), WAIT);
              long written = Long.parseLong(blocked.data.get(0));
              // Only what fits in the pipe and the reader's buffer: far from the million records.
              assertThat(written).isLessThan(20_000);
              assertThat(ProcessHandle.of(blocked.pid).map(ProcessHandle::isAlive)).contains(true);
            })
        .thenCancel()
        .verify(WAIT);
    assertThat(FakeRacFixture.awaitGone(onlyPid(), WAIT)).isTrue();
  }

  @Test
  void streamsAMillionRecordsWithFlatMemory() {
    fake.scenario("default", "@generate 1000000");
    Runtime rt = Runtime.getRuntime();
    long before = usedAfterGc(rt);
    AtomicLong maxGrowth = new AtomicLong();
    long start = System.nanoTime();
    StepVerifier.create(
            client()
                .session("h")
                .cluster(U)
                .infobases()
                .summaries()
                .doOnNext(
                    ib -> {
                      if (ib.name().equals("base250000")
                          || ib.name().equals("base500000")
                          || ib.name().equals("base750000")
                          || ib.name().equals("base999999")) {
                        maxGrowth.accumulateAndGet(usedAfterGc(rt) - before, Math::max);
                      }
                    })
                .count())
        .expectNext(1_000_000L)
        .expectComplete()
        .verify(Duration.ofSeconds(60));
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "1M records: %d ms, max heap growth %.1f MB%n", millis, maxGrowth.get() / 1024.0 / 1024.0);
    assertThat(maxGrowth.get()).isLessThan(32L * 1024 * 1024);
  }

  private static long usedAfterGc(Runtime rt) {
    System.gc();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  @Test
  void closingTheClientKillsRunningProcessesAndRefusesNewCalls() {
    fake.scenario("default", "@hang");
    RacClient c = client();
    StepVerifier.create(c.session("h").records(List.of("cluster", "list")))
        .then(
            () -> {
              onlyPid();
              c.close();
            })
        .expectError(RacException.class)
        .verify(WAIT);
    assertThat(FakeRacFixture.awaitGone(onlyPid(), WAIT)).isTrue();
    StepVerifier.create(c.session("h").clusters().list())
        .expectErrorSatisfies(
            e -> assertThat(e).isInstanceOf(RacException.class).hasMessageContaining("closed"))
        .verify(WAIT);
  }

  @Test
  void aMissingExecutableIsARacException() {
    client = RacClient.builder().executable(dir.resolve("no-such-rac")).build();
    StepVerifier.create(client.session("h").clusters().list())
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(RacException.class)
                    .hasMessageContaining("Cannot start rac"))
        .verify(WAIT);
  }

  @Test
  void aDescriptionOfTheClientShowsItsSettings() {
    assertThat(client().toString()).contains("timeout=PT30S", "maxConcurrency=4", "UTF-8");
    assertThat(client.session("h", 2545).toString()).contains("h:2545");
  }

  private static void createFile(Path p) {
    try {
      Files.createFile(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
