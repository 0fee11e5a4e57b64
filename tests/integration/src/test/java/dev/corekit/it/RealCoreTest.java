package dev.corekit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.corekit.core.CoreApiException;
import dev.corekit.core.CoreCapabilityException;
import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreNotFoundException;
import dev.corekit.core.ResourceInfo;
import dev.corekit.core.api.FilesystemApi;
import dev.corekit.core.api.LogApi;
import dev.corekit.core.api.ProcessApi;
import dev.corekit.core.api.ReportApi;
import dev.corekit.core.api.SessionApi;
import dev.corekit.core.model.About;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.FileInfo;
import dev.corekit.core.model.LogEvent;
import dev.corekit.core.model.LogEventFilters;
import dev.corekit.core.model.MetricsQuery;
import dev.corekit.core.model.MetricsQueryMetric;
import dev.corekit.core.model.ProcessCommand;
import dev.corekit.core.model.ProcessCommandName;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.core.model.ProcessExecState;
import dev.corekit.core.model.ProcessOrder;
import dev.corekit.core.model.ProcessState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Tests of the SDK against a real datarhei Core server. They run only when the environment names
 * one: {@code CORE_URL} (such as {@code http://127.0.0.1:8080}) with {@code CORE_USER} and {@code
 * CORE_PASSWORD} when the server has authentication on. Without {@code CORE_URL} every test is
 * skipped and says why.
 *
 * <p>The tests create processes and files with unique names and remove them again; they never touch
 * what was on the server before. Every wait is bounded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealCoreTest {
  private static final String SKIP_REASON =
      "CORE_URL is not set: skipping the tests against a real Core";
  private static final Duration CALL = Duration.ofSeconds(30);
  private static final Duration STATE_CHANGE = Duration.ofSeconds(30);
  private static final Duration EVENT_WINDOW = Duration.ofSeconds(5);
  private static final String MEM = "mem";

  private final String url = System.getenv("CORE_URL");
  private final String user = System.getenv("CORE_USER");
  private final String password = System.getenv("CORE_PASSWORD");

  /** Method and path of every request the client sent, recorded on the wire. */
  private final Queue<String> sent = new ConcurrentLinkedQueue<>();

  private final Set<String> processesToRemove = ConcurrentHashMap.newKeySet();
  private final Set<String> filesToRemove = ConcurrentHashMap.newKeySet();

  private CoreClient client;
  private String serverVersion = "";

  @BeforeAll
  void connect() {
    if (!configured()) {
      System.out.println("[RealCoreTest] " + SKIP_REASON);
      return;
    }
    CoreClient.Builder builder =
        CoreClient.builder()
            .baseUrl(url)
            .timeout(CALL)
            .httpClient(
                http ->
                    http.doOnRequest(
                        (request, connection) ->
                            sent.add(request.method().name() + " " + request.fullPath())));
    if (user != null && password != null) {
      builder.credentials(user, password);
    }
    client = builder.build();
    About about = client.about().about().block(CALL);
    assertThat(about).isNotNull();
    serverVersion = about.version().number();
    System.out.println(
        "[RealCoreTest] testing against Core " + serverVersion + " at " + client.baseUrl());
  }

  @BeforeEach
  void requireServer() {
    assumeTrue(configured(), SKIP_REASON);
  }

  @AfterAll
  void cleanUp() {
    if (client == null) {
      return;
    }
    try {
      for (String id : processesToRemove) {
        client.processes().delete(id).onErrorResume(error -> Mono.empty()).block(CALL);
      }
      for (String path : filesToRemove) {
        client.filesystems().delete(MEM, path).onErrorResume(error -> Mono.empty()).block(CALL);
      }
    } finally {
      client.close();
    }
  }

  @Test
  void aboutReportsTheServerVersion() {
    StepVerifier.create(client.about().about())
        .assertNext(
            about -> {
              assertThat(about.app()).isEqualTo("datarhei-core");
              assertThat(about.id())
                  .as("id (only in the answer to an authenticated request)")
                  .isPresent();
              assertThat(about.version().number()).matches("\\d+\\.\\d+\\.\\d+");
              assertThat(about.version().number()).isNotEqualTo("16.0.0");
            })
        .expectComplete()
        .verify(CALL);
    StepVerifier.create(client.about().ping()).expectNext("pong").expectComplete().verify(CALL);
  }

  @Test
  void processCreateListStartStopDelete() {
    ProcessApi processes = client.processes();
    String id = uniqueId("proc");

    ProcessConfig created = create(id);
    assertThat(created.id()).contains(id);
    assertThat(created.autostart()).contains(false);
    assertThat(created.input())
        .extracting(ProcessConfigIo::address)
        .containsExactly("testsrc2=rate=25:size=640x360");

    List<CoreProcess> listed =
        processes.list(ProcessApi.ListQuery.builder().id(id).build()).collectList().block(CALL);
    assertThat(listed).extracting(CoreProcess::id).containsExactly(id);

    CoreProcess process = processes.get(id).block(CALL);
    assertThat(process).isNotNull();
    assertThat(process.id()).isEqualTo(id);
    assertThat(process.config()).isPresent();
    assertThat(process.state()).isPresent();
    assertThat(process.state().get().order()).isEqualTo(ProcessOrder.STOP);

    ProcessState stopped = processes.getState(id).block(CALL);
    assertThat(stopped).isNotNull();
    assertThat(stopped.order()).isEqualTo(ProcessOrder.STOP);
    assertThat(stopped.exec()).isNotEqualTo(ProcessExecState.RUNNING);

    command(id, ProcessCommandName.START);
    ProcessState running =
        awaitState(
            id,
            state ->
                ProcessOrder.START.equals(state.order())
                    && ProcessExecState.RUNNING.equals(state.exec()));
    assertThat(running.command()).contains("testsrc2=rate=25:size=640x360", "libx264");

    command(id, ProcessCommandName.STOP);
    ProcessState finished =
        awaitState(
            id,
            state ->
                ProcessOrder.STOP.equals(state.order())
                    && !ProcessExecState.RUNNING.equals(state.exec()));
    assertThat(finished.order()).isEqualTo(ProcessOrder.STOP);

    StepVerifier.create(processes.delete(id)).expectComplete().verify(CALL);
    processesToRemove.remove(id);
    StepVerifier.create(processes.get(id)).expectError(CoreNotFoundException.class).verify(CALL);
    assertThat(
            processes.list(ProcessApi.ListQuery.builder().id(id).build()).collectList().block(CALL))
        .isEmpty();
  }

  @Test
  void filesOnMemUploadDownloadStatDelete(@TempDir Path temp) throws IOException {
    FilesystemApi fs = client.filesystems();
    String dir = "/" + uniqueId("fs");
    String fromPath = dir + "/from-path.bin";
    String fromPublisher = dir + "/from-publisher.txt";
    byte[] first = randomBytes(300_000, 1);
    byte[] second = randomBytes(150_001, 2);

    Path source = Files.write(temp.resolve("source.bin"), first);
    filesToRemove.add(fromPath);
    StepVerifier.create(fs.upload(MEM, fromPath, source)).expectComplete().verify(CALL);

    filesToRemove.add(fromPublisher);
    StepVerifier.create(fs.upload(MEM, fromPublisher, chunks(second, 16 * 1024)))
        .expectComplete()
        .verify(CALL);

    boolean statOnMem = atLeast(16, 12);
    if (!statOnMem) {
      // Before 16.12 Core routes HEAD only for the disk storage: mem answers 405.
      StepVerifier.create(fs.stat(MEM, fromPath))
          .expectErrorSatisfies(
              error ->
                  assertThat(error)
                      .isInstanceOf(CoreApiException.class)
                      .satisfies(e -> assertThat(((CoreApiException) e).status()).isEqualTo(405)))
          .verify(CALL);
      System.out.println("[RealCoreTest] stat on mem before 16.12: 405, as Core routes it");
    } else {
      ResourceInfo info = fs.stat(MEM, fromPath).block(CALL);
      ResourceInfo info2 = fs.stat(MEM, fromPublisher).block(CALL);
      System.out.println(
          "[RealCoreTest] stat " + fromPath + ": " + info + "; " + fromPublisher + ": " + info2);
      assertThat(info).isNotNull();
      assertThat(info2).isNotNull();
      assertThat(info.lastModified()).isPresent();
      assertThat(info2.contentType())
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      if (atLeast(16, 20)) {
        assertThat(info.size()).hasValue(first.length);
        assertThat(info2.size()).hasValue(second.length);
      } else {
        // Core 16.16 answers HEAD /api/v3/fs/{storage}/{path} without Content-Length: the size is
        // unknown.
        info.size().ifPresent(size -> assertThat(size).isEqualTo(first.length));
        info2.size().ifPresent(size -> assertThat(size).isEqualTo(second.length));
      }
    }

    List<FileInfo> listed =
        fs.list(MEM, FilesystemApi.ListQuery.builder().glob(dir + "/*").build())
            .collectList()
            .block(CALL);
    assertThat(listed)
        .extracting(FileInfo::name)
        .containsExactlyInAnyOrder(fromPath, fromPublisher);

    Path target = temp.resolve("download.bin");
    Long written = fs.download(MEM, fromPath, target).block(CALL);
    assertThat(written).isEqualTo(first.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(first);

    byte[] downloaded = join(fs.download(MEM, fromPublisher)).block(CALL);
    assertThat(downloaded).isEqualTo(second);

    StepVerifier.create(fs.delete(MEM, fromPath)).expectComplete().verify(CALL);
    filesToRemove.remove(fromPath);
    StepVerifier.create(fs.delete(MEM, fromPublisher)).expectComplete().verify(CALL);
    filesToRemove.remove(fromPublisher);

    if (statOnMem) {
      StepVerifier.create(fs.stat(MEM, fromPath))
          .expectError(CoreNotFoundException.class)
          .verify(CALL);
    }
    StepVerifier.create(fs.download(MEM, fromPath))
        .expectError(CoreNotFoundException.class)
        .verify(CALL);
    assertThat(
            fs.list(MEM, FilesystemApi.ListQuery.builder().glob(dir + "/*").build())
                .collectList()
                .block(CALL))
        .isEmpty();
  }

  @Test
  void eventsWhereTheServerHasThem() throws Exception {
    Flux<LogEvent> events = client.events().log(LogEventFilters.builder().build());
    if (!atLeast(16, 20)) {
      StepVerifier.create(events).expectError(CoreCapabilityException.class).verify(CALL);
      assertThat(sent).as("requests sent").noneMatch(request -> request.contains("/api/v3/events"));
      System.out.println(
          "[RealCoreTest] Core "
              + serverVersion
              + " has no events: CoreCapabilityException as expected");
      return;
    }

    String id = uniqueId("events");
    CompletableFuture<List<LogEvent>> collected =
        events.take(EVENT_WINDOW).collectList().toFuture();
    create(id);
    command(id, ProcessCommandName.START);
    List<LogEvent> received =
        collected.get(EVENT_WINDOW.plus(CALL).toMillis(), TimeUnit.MILLISECONDS);
    command(id, ProcessCommandName.STOP);
    awaitState(id, state -> ProcessOrder.STOP.equals(state.order()));
    StepVerifier.create(client.processes().delete(id)).expectComplete().verify(CALL);
    processesToRemove.remove(id);

    System.out.println(
        "[RealCoreTest] " + received.size() + " events in " + EVENT_WINDOW.toSeconds() + " s");
    assertThat(received).isNotEmpty();
    assertThat(received).noneMatch(event -> "keepalive".equals(event.event()));
    assertThat(received)
        .as("an event of component 'process' about " + id)
        .anyMatch(event -> "process".equals(event.event()) && id.equals(event.data().get("id")));
  }

  /**
   * Read operations across the API, each a test of its own: the answer of the real server must
   * decode into the SDK's types. Operations newer than the server must fail with {@link
   * CoreCapabilityException}.
   */
  @TestFactory
  Stream<DynamicTest> readOperationsDecode() {
    assumeTrue(configured(), SKIP_REASON);
    String id = uniqueId("reads");
    create(id);
    // Run it twice, so that state, report and report history have something in them.
    for (int run = 0; run < 2; run++) {
      command(id, ProcessCommandName.START);
      awaitState(id, state -> ProcessExecState.RUNNING.equals(state.exec()));
      command(id, ProcessCommandName.STOP);
      awaitState(
          id,
          state ->
              ProcessOrder.STOP.equals(state.order())
                  && !ProcessExecState.RUNNING.equals(state.exec()));
    }
    StepVerifier.create(client.metadata().set("it-" + id, TextNode.valueOf("value")).then())
        .expectComplete()
        .verify(CALL);

    List<DynamicTest> tests = new ArrayList<>();
    tests.add(read("config get", () -> client.config().get()));
    tests.add(read("skills get", () -> client.skills().get()));
    tests.add(read("metrics describe", () -> client.metrics().describe()));
    tests.add(
        read(
            "metrics query",
            () ->
                client
                    .metrics()
                    .query(
                        MetricsQuery.builder()
                            .timerangeSec(30L)
                            .intervalSec(5L)
                            .addMetrics(MetricsQueryMetric.builder().name("cpu_idle").build())
                            .addMetrics(
                                MetricsQueryMetric.builder()
                                    .name("ffmpeg_process")
                                    .putLabels("state", "running")
                                    .build())
                            .build())));
    tests.add(read("sessions summary", () -> client.sessions().summary()));
    tests.add(
        read(
            "sessions summary (collectors)",
            () ->
                client
                    .sessions()
                    .summary(
                        SessionApi.SummaryQuery.builder()
                            .collectors("hls,rtmp,srt,ffmpeg")
                            .build())));
    tests.add(
        read(
            "sessions active",
            () ->
                client
                    .sessions()
                    .active(
                        SessionApi.ActiveQuery.builder()
                            .collectors("hls,rtmp,srt,ffmpeg")
                            .build())));
    tests.add(read("log list", () -> client.log().list()));
    tests.add(
        read(
            "log list (raw)",
            () -> client.log().list(LogApi.ListQuery.builder().format("raw").build())));
    tests.add(since(16, 12, "fs listStorages", () -> client.filesystems().listStorages()));
    tests.add(read("fs list disk", () -> client.filesystems().list("disk")));
    tests.add(read("fs list mem", () -> client.filesystems().list(MEM)));
    tests.add(read("metadata getAll", () -> client.metadata().getAll()));
    tests.add(read("metadata get", () -> client.metadata().get("it-" + id)));
    tests.add(read("process list (all fields)", () -> client.processes().list()));
    tests.add(read("process get", () -> client.processes().get(id)));
    tests.add(read("process getConfig", () -> client.processes().getConfig(id)));
    tests.add(read("process getState", () -> client.processes().getState(id)));
    tests.add(read("process getReport", () -> client.processes().getReport(id)));
    tests.add(read("process getMetadata", () -> client.processes().getMetadata(id)));
    tests.add(read("process probe", () -> client.processes().probe(id)));
    // A public operation, sent with the client's token: a fresh 16.20 grants the anonymous user
    // nothing, so without the token it would answer 403.
    tests.add(read("widget getProcess", () -> client.widgets().getProcess(id)));
    tests.add(since(16, 20, "report search", () -> client.reports().search()));
    tests.add(
        since(
            16,
            20,
            "report search (idpattern)",
            () -> client.reports().search(ReportApi.SearchQuery.builder().idpattern(id).build())));
    tests.add(since(16, 20, "iam listUsers", () -> client.iam().listUsers()));
    tests.add(
        DynamicTest.dynamicTest(
            "clean up the process",
            () -> {
              StepVerifier.create(client.metadata().set("it-" + id, NullNode.getInstance()).then())
                  .expectComplete()
                  .verify(CALL);
              StepVerifier.create(client.processes().delete(id)).expectComplete().verify(CALL);
              processesToRemove.remove(id);
            }));
    return tests.stream();
  }

  // ---------------------------------------------------------------------------------------------

  private boolean configured() {
    return url != null && !url.isBlank();
  }

  private DynamicTest read(String name, Supplier<? extends Publisher<?>> call) {
    return DynamicTest.dynamicTest(
        name,
        () -> {
          List<Object> values = Flux.from(call.get()).cast(Object.class).collectList().block(CALL);
          assertThat(values).as(name).isNotNull();
          System.out.println("[RealCoreTest] " + name + ": decoded " + values.size() + " value(s)");
        });
  }

  /**
   * An operation that came with a release: decodes from there on, and fails before sending on older
   * servers.
   */
  private DynamicTest since(
      int major, int minor, String name, Supplier<? extends Publisher<?>> call) {
    if (atLeast(major, minor)) {
      return read(name, call);
    }
    return DynamicTest.dynamicTest(
        name + " (needs " + major + "." + minor + ")",
        () ->
            StepVerifier.create(Flux.from(call.get()))
                .expectError(CoreCapabilityException.class)
                .verify(CALL));
  }

  private ProcessConfig create(String id) {
    ProcessConfig config =
        ProcessConfig.builder()
            .id(id)
            .reference("corekit-it")
            .addInput(
                ProcessConfigIo.builder()
                    .id("in")
                    .address("testsrc2=rate=25:size=640x360")
                    .addOptions("-re", "-f", "lavfi")
                    .build())
            .addOutput(
                ProcessConfigIo.builder()
                    .id("out")
                    .address("-")
                    .addOptions("-codec:v", "libx264", "-f", "null")
                    .build())
            .addOptions("-loglevel", "info")
            .autostart(false)
            .reconnect(false)
            .staleTimeoutSeconds(30L)
            .build();
    processesToRemove.add(id);
    ProcessConfig created = client.processes().create(config).block(CALL);
    assertThat(created).isNotNull();
    return created;
  }

  private void command(String id, ProcessCommandName name) {
    StepVerifier.create(
            client.processes().command(id, ProcessCommand.builder().command(name).build()))
        .expectComplete()
        .verify(CALL);
  }

  private ProcessState awaitState(String id, Predicate<ProcessState> wanted) {
    ProcessState state = client.processes().watch(id).filter(wanted).next().block(STATE_CHANGE);
    assertThat(state).as("state of " + id).isNotNull();
    return state;
  }

  private boolean atLeast(int major, int minor) {
    String[] parts = serverVersion.split("\\.");
    if (parts.length < 2) {
      return false;
    }
    int serverMajor = Integer.parseInt(parts[0]);
    int serverMinor = Integer.parseInt(parts[1]);
    return serverMajor > major || (serverMajor == major && serverMinor >= minor);
  }

  private static String uniqueId(String what) {
    return "corekit-it-"
        + what
        + "-"
        + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static Flux<ByteBuffer> chunks(byte[] data, int chunkSize) {
    int count = (data.length + chunkSize - 1) / chunkSize;
    return Flux.range(0, count)
        .map(
            index -> {
              int offset = index * chunkSize;
              return ByteBuffer.wrap(data, offset, Math.min(chunkSize, data.length - offset))
                  .slice();
            });
  }

  private static Mono<byte[]> join(Flux<ByteBuffer> body) {
    return body.collect(
            ByteArrayOutputStream::new,
            (out, buffer) -> {
              byte[] bytes = new byte[buffer.remaining()];
              buffer.get(bytes);
              out.write(bytes, 0, bytes.length);
            })
        .map(ByteArrayOutputStream::toByteArray);
  }
}
