package dev.corekit.core.sync;

import static dev.corekit.core.sync.TestSupport.awaitOrFail;
import static dev.corekit.core.sync.TestSupport.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.corekit.core.CoreNotFoundException;
import dev.corekit.core.ResourceInfo;
import dev.corekit.core.api.ProcessApi;
import dev.corekit.core.model.CoreProcess;
import dev.corekit.core.model.FileInfo;
import dev.corekit.core.model.LogEvent;
import dev.corekit.core.model.LogEventFilter;
import dev.corekit.core.model.LogEventFilters;
import dev.corekit.core.model.ProcessCommand;
import dev.corekit.core.model.ProcessCommandName;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessOrder;
import dev.corekit.core.model.ProcessState;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.Fault;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * Every call style of the blocking API against the simulator: value, void, Optional, List, Stream.
 */
@Timeout(30)
class CallStylesTest {
  private static CoreSimulator sim;
  private static CoreSyncClient core;

  @BeforeAll
  static void connect() {
    sim = TestSupport.simulator().processStartDelay(Duration.ofMillis(50)).build().start();
    core = CoreSync.connect(TestSupport.client(sim).watchInterval(Duration.ofMillis(50)));
  }

  @AfterAll
  static void close() {
    core.close();
    sim.close();
  }

  @AfterEach
  void clearFaults() {
    sim.faults().clear();
  }

  @Test
  void monoBecomesItsValue() {
    ProcessConfig created = core.processes().create(process("value-1"));
    assertThat(created.id()).contains("value-1");
    CoreProcess read = core.processes().get("value-1");
    assertThat(read.id()).isEqualTo("value-1");
    assertThat(core.about().ping()).isEqualTo("pong");
  }

  @Test
  void monoVoidBecomesVoidAndReturnsOnceTheServerHasDoneIt() {
    core.processes().create(process("void-1"));
    core.processes()
        .command("void-1", ProcessCommand.builder().command(ProcessCommandName.START).build());
    assertThat(core.processes().getState("void-1").order()).isEqualTo(ProcessOrder.START);
    core.processes().delete("void-1");
    assertThatThrownBy(() -> core.processes().get("void-1"))
        .isInstanceOf(CoreNotFoundException.class);
  }

  @Test
  void nullableAnswersBecomeOptional() {
    core.metadata().set("sync-key", TextNode.valueOf("v"));
    assertThat(core.metadata().get("sync-key")).contains(TextNode.valueOf("v"));
  }

  @Test
  void aMapThatCoreAnswersAsNullIsAnEmptyMapNeverNull() {
    core.processes().create(process("optional-1"));
    core.processes().setMetadataKey("optional-1", "k", TextNode.valueOf("x"));
    Map<String, JsonNode> all = core.processes().getMetadata("optional-1");
    assertThat(all).containsEntry("k", TextNode.valueOf("x"));

    // Core 16.16 answers null when a process has no metadata.
    sim.faults()
        .on("GET /api/v3/process/optional-1/metadata")
        .inject(Fault.respond(200, "application/json", "null"));
    assertThat(core.processes().getMetadata("optional-1")).isNotNull().isEmpty();
    sim.faults().on("GET /api/v3/metadata").inject(Fault.respond(200, "application/json", "null"));
    assertThat(core.metadata().getAll()).isNotNull().isEmpty();
  }

  @Test
  void fluxBecomesAList() {
    for (int i = 0; i < 3; i++) {
      core.processes().create(process("list-" + i));
    }
    List<CoreProcess> listed =
        core.processes().list(ProcessApi.ListQuery.builder().idpattern("list-*").build());
    assertThat(listed)
        .extracting(CoreProcess::id)
        .containsExactlyInAnyOrder("list-0", "list-1", "list-2");
  }

  @Test
  void streamIsLazyAndClosingItCancelsTheRequest() {
    try (CoreSimulator big = TestSupport.simulator().build().start();
        CoreSyncClient client = CoreSync.connect(TestSupport.client(big))) {
      big.seedProcesses(1_000_000);
      long listsBefore = big.stats().requests("GET /api/v3/process");
      long abortsBefore = big.stats().clientAborts();
      try (Stream<CoreProcess> stream = client.processes().listStream()) {
        assertThat(big.stats().requests("GET /api/v3/process"))
            .as("nothing sent before the first element")
            .isEqualTo(listsBefore);
        List<String> first = stream.limit(5).map(CoreProcess::id).collect(Collectors.toList());
        assertThat(first).hasSize(5);
        assertThat(big.stats().requests("GET /api/v3/process")).isEqualTo(listsBefore + 1);
      }
      awaitOrFail(
          Duration.ofSeconds(60),
          "the server sees the request cancelled",
          () -> big.stats().clientAborts() > abortsBefore);
    }
  }

  @Test
  void filesGoUpAndComeBackAsBytesListsStreamsAndFiles(@TempDir Path dir) throws Exception {
    byte[] content = "hello from the blocking client".getBytes(StandardCharsets.UTF_8);
    Path source = Files.write(dir.resolve("source.txt"), content);
    core.filesystems().upload("mem", "sync/a.txt", source);
    core.filesystems().upload("mem", "sync/b.txt", Flux.just(ByteBuffer.wrap(content)));

    ResourceInfo info = core.filesystems().stat("mem", "sync/a.txt");
    assertThat(info.size()).hasValue(content.length);
    assertThat(bytes(core.filesystems().download("mem", "sync/b.txt"))).isEqualTo(content);
    try (Stream<ByteBuffer> stream = core.filesystems().downloadStream("mem", "sync/a.txt")) {
      assertThat(bytes(stream.collect(Collectors.toList()))).isEqualTo(content);
    }
    long written = core.filesystems().download("mem", "sync/a.txt", dir.resolve("copy.txt"));
    assertThat(written).isEqualTo(content.length);
    assertThat(Files.readAllBytes(dir.resolve("copy.txt"))).isEqualTo(content);
    assertThat(core.filesystems().list("mem"))
        .extracting(FileInfo::name)
        .contains("/sync/a.txt", "/sync/b.txt");
  }

  @Test
  void watchStreamYieldsTheStateAndThenItsChanges() {
    core.processes().create(process("watch-1"));
    try (Stream<ProcessState> states = core.processes().watchStream("watch-1")) {
      Iterator<ProcessState> it = states.iterator();
      assertThat(it.next().order()).isEqualTo(ProcessOrder.STOP);
      core.processes()
          .command("watch-1", ProcessCommand.builder().command(ProcessCommandName.START).build());
      ProcessState changed = it.next();
      assertThat(changed.order()).isEqualTo(ProcessOrder.START);
    }
  }

  @Test
  void eventStreamYieldsEventsUntilClosed() throws Exception {
    LogEventFilters processEvents =
        LogEventFilters.builder()
            .addFilters(LogEventFilter.builder().event("process").build())
            .build();
    long abortsBefore = sim.stats().clientAborts();
    AtomicBoolean received = new AtomicBoolean();
    // Creates processes until the stream has seen an event: the server subscribes to its event bus
    // a
    // moment after the request arrives, so one early event could be missed.
    CompletableFuture<Void> creator =
        CompletableFuture.runAsync(
            () -> {
              awaitOrFail(
                  Duration.ofSeconds(5),
                  "the event stream is open",
                  () -> sim.stats().requests("POST /api/v3/events") > 0);
              for (int i = 0; !received.get() && i < 100; i++) {
                core.processes().create(process("events-" + i));
                TestSupport.await(Duration.ofMillis(100), received::get);
              }
            });
    try (Stream<LogEvent> events = core.events().logStream(processEvents)) {
      LogEvent first = events.iterator().next();
      received.set(true);
      assertThat(first.event()).isEqualTo("process");
      assertThat(first.message()).contains("Created");
    }
    creator.get(15, TimeUnit.SECONDS);
    awaitOrFail(
        Duration.ofSeconds(5),
        "the server sees the stream closed",
        () -> sim.stats().clientAborts() > abortsBefore);
  }

  @Test
  void withGivesABlockingViewWithTheOptionsApplied() {
    sim.faults().on("GET /api/v3/process/*").inject(Fault.latency(Duration.ofSeconds(3)));
    core.processes().create(process("with-1"));
    assertThatThrownBy(
            () ->
                core.processes()
                    .with(dev.corekit.core.RequestOptions.timeout(Duration.ofMillis(200)))
                    .get("with-1"))
        .isInstanceOf(dev.corekit.core.CoreTimeoutException.class);
  }

  private static byte[] bytes(List<ByteBuffer> buffers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuffer b : buffers) {
      byte[] chunk = new byte[b.remaining()];
      b.duplicate().get(chunk);
      out.write(chunk, 0, chunk.length);
    }
    return out.toByteArray();
  }
}
