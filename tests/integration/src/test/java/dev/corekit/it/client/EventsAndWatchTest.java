package dev.corekit.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.corekit.core.CoreCapabilityException;
import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.model.LogEvent;
import dev.corekit.core.model.LogEventFilter;
import dev.corekit.core.model.LogEventFilters;
import dev.corekit.core.model.ProcessCommand;
import dev.corekit.core.model.ProcessCommandName;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.core.model.ProcessExecState;
import dev.corekit.core.model.ProcessState;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.CoreVersion;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Event streams, watching a process, and refusing operations an old server lacks. */
class EventsAndWatchTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final LogEventFilters PROCESS_EVENTS =
      LogEventFilters.builder()
          .addFilters(LogEventFilter.builder().event("process").build())
          .build();

  private static ProcessConfig config(String id) {
    return ProcessConfig.builder()
        .id(id)
        .addInput(
            ProcessConfigIo.builder()
                .id("in")
                .address("testsrc2")
                .addOptions("-f", "lavfi")
                .build())
        .addOutput(
            ProcessConfigIo.builder().id("out").address("-").addOptions("-f", "null").build())
        .autostart(false)
        .build();
  }

  private static ProcessCommand command(ProcessCommandName name) {
    return ProcessCommand.builder().command(name).build();
  }

  @Test
  void logEventsArriveAsTypedValuesWithoutKeepalives() {
    try (CoreSimulator sim =
            Simulators.simulator().eventKeepalive(Duration.ofMillis(100)).build().start();
        CoreClient client = Simulators.client(sim).build()) {
      client.processes().create(config("cam1")).block(WAIT);
      StepVerifier.create(
              client
                  .events()
                  .log(PROCESS_EVENTS)
                  .filter(event -> event.data().getOrDefault("id", "").equals("cam1"))
                  .take(1))
          .then(
              () ->
                  client.processes().command("cam1", command(ProcessCommandName.START)).subscribe())
          .assertNext(
              (LogEvent event) -> {
                assertThat(event.event()).isEqualTo("process");
                assertThat(event.event()).isNotEqualTo("keepalive");
              })
          .expectComplete()
          .verify(WAIT);
    }
  }

  @Test
  void aSilentStreamEndsWithATimeoutAfterTheIdleLimit() {
    try (CoreSimulator sim =
            Simulators.simulator().eventKeepalive(Duration.ofSeconds(30)).build().start();
        CoreClient client =
            Simulators.client(sim).streamIdleTimeout(Duration.ofMillis(700)).build()) {
      StepVerifier.create(client.events().log(PROCESS_EVENTS))
          .expectError(CoreTimeoutException.class)
          .verify(WAIT);
    }
  }

  @Test
  void aResubscribingStreamSurvivesAServerRestart() {
    try (CoreSimulator sim =
            Simulators.simulator().eventKeepalive(Duration.ofMillis(200)).build().start();
        CoreClient client =
            Simulators.client(sim).streamIdleTimeout(Duration.ofSeconds(2)).build()) {
      client.processes().create(config("cam2")).block(WAIT);
      AtomicBoolean received = new AtomicBoolean();
      AtomicInteger commands = new AtomicInteger();
      StepVerifier.create(
              client
                  .events()
                  .with(RequestOptions.builder().resubscribe(true).build())
                  .log(PROCESS_EVENTS)
                  .filter(event -> event.data().getOrDefault("id", "").equals("cam2"))
                  .take(1)
                  .doOnNext(event -> received.set(true)))
          .then(
              () -> {
                long subscriptions = sim.stats().requests("POST /api/v3/events");
                sim.restart(Duration.ofMillis(300));
                // Events, not a pause: once the stream has subscribed again, stop and start cam2
                // until it sees an event (the server joins its event bus a moment after the
                // request, so the first command's event may come too early).
                await()
                    .atMost(WAIT)
                    .until(() -> sim.stats().requests("POST /api/v3/events") > subscriptions);
                await()
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                        () -> {
                          if (!received.get()) {
                            ProcessCommandName next =
                                commands.getAndIncrement() % 2 == 0
                                    ? ProcessCommandName.START
                                    : ProcessCommandName.STOP;
                            client.processes().command("cam2", command(next)).block(WAIT);
                          }
                          return received.get();
                        });
              })
          .expectNextCount(1)
          .expectComplete()
          .verify(WAIT.multipliedBy(3));
    }
  }

  @Test
  void watchEmitsEachStateChangeOfAProcessOnce() {
    try (CoreSimulator sim =
            Simulators.simulator().processStartDelay(Duration.ofMillis(300)).build().start();
        CoreClient client = Simulators.client(sim).watchInterval(Duration.ofMillis(100)).build()) {
      client.processes().create(config("cam3")).block(WAIT);
      StepVerifier.create(client.processes().watch("cam3").map(ProcessState::exec).take(3))
          .expectNext(ProcessExecState.FINISHED)
          .then(
              () ->
                  client.processes().command("cam3", command(ProcessCommandName.START)).subscribe())
          .expectNext(ProcessExecState.STARTING)
          .expectNext(ProcessExecState.RUNNING)
          .expectComplete()
          .verify(WAIT);
    }
  }

  @Test
  void anOlderServerGetsACapabilityErrorBeforeAnythingIsSent() {
    try (CoreSimulator sim =
            Simulators.simulator().coreVersion(CoreVersion.V16_16).build().start();
        CoreClient client = Simulators.client(sim).build()) {
      StepVerifier.create(client.events().log(PROCESS_EVENTS))
          .expectErrorSatisfies(
              error ->
                  assertThat(error)
                      .isInstanceOf(CoreCapabilityException.class)
                      .hasMessageContaining("needs Core 16.20.0")
                      .hasMessageContaining("16.16.0"))
          .verify(WAIT);
      assertThat(sim.stats().requests("POST /api/v3/events")).isZero();
      // A watch on such a server falls back to polling.
      client.processes().create(config("old")).block(WAIT);
      StepVerifier.create(client.processes().watch("old").take(1))
          .expectNextCount(1)
          .expectComplete()
          .verify(WAIT);
    }
  }
}
