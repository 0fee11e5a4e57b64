package dev.corekit.simulator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Proves BlockHound guards this module's tests, so the simulator's event-loop code is checked. */
class BlockHoundTest {
  @Test
  void blockingOnANonBlockingThreadFails() {
    assertThatThrownBy(
            () ->
                Mono.delay(Duration.ofMillis(1), Schedulers.parallel())
                    .doOnNext(
                        x -> {
                          try {
                            Thread.sleep(1);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                        })
                    .block(Duration.ofSeconds(5)))
        .hasMessageContaining("Blocking call");
  }
}
