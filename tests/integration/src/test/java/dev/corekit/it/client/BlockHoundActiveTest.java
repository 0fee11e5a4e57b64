package dev.corekit.it.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The end-to-end suites run with BlockHound: a blocking call on a non-blocking thread fails. */
class BlockHoundActiveTest {
  @Test
  void blockingOnAParallelThreadIsReported() {
    StepVerifier.create(
            Mono.fromCallable(
                    () -> {
                      Thread.sleep(1);
                      return 1;
                    })
                .subscribeOn(Schedulers.parallel()))
        .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("Blocking call"))
        .verify(Duration.ofSeconds(5));
  }
}
