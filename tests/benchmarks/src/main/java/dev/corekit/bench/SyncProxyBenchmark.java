package dev.corekit.bench;

import dev.corekit.core.CoreClient;
import dev.corekit.core.sync.CoreSync;
import dev.corekit.core.sync.CoreSyncClient;
import dev.corekit.sync.BlockingProxy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The blocking proxy's own cost per call, without a network: the generic proxy ({@link
 * BlockingProxy}, as behind {@code CoreSync}) against {@code .block()} on the same {@code Mono},
 * once completing at once and once completing on another thread (as an answer from an event loop
 * does); and the cost of {@code CoreSync}'s accessor ({@code sync.processes()}), which users call
 * before every call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SyncProxyBenchmark {

  /** A reactive source. */
  public interface Source {
    /**
     * @return a value
     */
    Mono<String> value();
  }

  /** Its blocking twin. */
  public interface BlockingSource {
    /**
     * @return a value
     */
    String value();
  }

  private Scheduler loop;
  private Source immediate;
  private Source hop;
  private BlockingSource immediateProxy;
  private BlockingSource hopProxy;
  private CoreClient client;
  private CoreSyncClient sync;

  @Setup
  public void setup() {
    loop = Schedulers.newSingle("fake-event-loop", true);
    immediate = () -> Mono.just("x").hide(); // hide(): no scalar shortcut in block()
    hop = () -> Mono.just("x").publishOn(loop);
    immediateProxy = BlockingProxy.create(BlockingSource.class, Source.class, immediate);
    hopProxy = BlockingProxy.create(BlockingSource.class, Source.class, hop);
    client = CoreClient.builder().baseUrl("http://127.0.0.1:9").build();
    sync = CoreSync.wrap(client);
  }

  @TearDown
  public void tearDown() {
    client.close();
    loop.dispose();
  }

  @Benchmark
  public String blockImmediate() {
    return immediate.value().block();
  }

  @Benchmark
  public String proxyImmediate() {
    return immediateProxy.value();
  }

  @Benchmark
  public String blockOtherThread() {
    return hop.value().block();
  }

  @Benchmark
  public String proxyOtherThread() {
    return hopProxy.value();
  }

  /** {@code sync.processes()}: a new blocking view per call. */
  @Benchmark
  public Object syncAccessor() {
    return sync.processes();
  }
}
