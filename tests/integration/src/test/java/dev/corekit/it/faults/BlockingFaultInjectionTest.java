package dev.corekit.it.faults;

import dev.corekit.core.CoreClient;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.sync.CoreSync;
import dev.corekit.core.sync.CoreSyncClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The fault-injection suite through the blocking proxy: 64 threads making plain blocking calls. */
class BlockingFaultInjectionTest extends FaultInjectionTest {
  private static final Scheduler CALLERS =
      Schedulers.newBoundedElastic(64, 100_000, "blocking-caller");

  @AfterAll
  static void stopCallers() {
    CALLERS.dispose();
  }

  @Override
  String style() {
    return "blocking";
  }

  @Override
  List<FaultRun.Call> calls(CoreClient client) {
    CoreSyncClient sync = CoreSync.wrap(client);
    return List.of(
        call("list", () -> sync.processes().list()),
        new FaultRun.Call(
            "get", random -> blocking(() -> sync.processes().get("p" + random.nextInt(50)))),
        new FaultRun.Call(
            "state", random -> blocking(() -> sync.processes().getState("p" + random.nextInt(50)))),
        new FaultRun.Call(
            "create",
            random -> {
              String callId = new UUID(random.nextLong(), random.nextLong()).toString();
              return blocking(
                  () ->
                      sync.processes()
                          .with(RequestOptions.builder().header("X-Call-Id", callId).build())
                          .create(config("p" + random.nextInt(50))));
            }),
        new FaultRun.Call(
            "delete",
            random ->
                blocking(
                    () -> {
                      sync.processes().delete("p" + random.nextInt(50));
                      return true;
                    })),
        call("download", () -> sync.filesystems().download("mem", "sample.txt")),
        new FaultRun.Call(
            "upload",
            random ->
                blocking(
                    () -> {
                      sync.filesystems()
                          .upload(
                              "mem",
                              "up/" + random.nextInt(20) + ".txt",
                              Flux.just(
                                  ByteBuffer.wrap("payload".getBytes(StandardCharsets.UTF_8))));
                      return true;
                    })));
  }

  private static FaultRun.Call call(String name, Callable<?> call) {
    return new FaultRun.Call(name, random -> blocking(call));
  }

  private static Mono<?> blocking(Callable<?> call) {
    return Mono.fromCallable(call).subscribeOn(CALLERS);
  }
}
