package dev.corekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * The fan-out rules of {@link CoreFleet}, with calls the test controls (the clients are never asked
 * to send anything): bounded concurrency, per-node deadline, isolation, fail-fast, order,
 * ownership.
 */
class CoreFleetTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<CoreClient> clients = new ArrayList<>();

  @BeforeEach
  void createClients() {
    for (int i = 0; i < 5; i++) {
      // Never contacted: the calls below do not use the client.
      clients.add(CoreClient.builder().baseUrl("http://127.0.0.1:" + (19001 + i)).build());
    }
  }

  @AfterEach
  void closeClients() {
    clients.forEach(CoreClient::close);
  }

  private CoreFleet.Builder fleet(int nodes) {
    CoreFleet.Builder builder = CoreFleet.builder();
    for (int i = 0; i < nodes; i++) {
      builder.node("n" + i, clients.get(i));
    }
    return builder;
  }

  private int index(CoreClient client) {
    return clients.indexOf(client);
  }

  @Test
  void neverHasMoreNodeCallsInFlightThanTheConcurrency() {
    CoreFleet fleet = fleet(5).concurrency(2).build();
    List<Sinks.One<String>> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(Sinks.one());
    }
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    List<Integer> started = new CopyOnWriteArrayList<>();
    Flux<NodeResult<String>> results =
        fleet.fanOut(
            client ->
                answers
                    .get(index(client))
                    .asMono()
                    .doOnSubscribe(
                        s -> {
                          started.add(index(client));
                          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        })
                    .doOnTerminate(inFlight::decrementAndGet)
                    .doOnCancel(inFlight::decrementAndGet));

    StepVerifier.create(results)
        .then(() -> assertThat(started).as("two slots").containsExactly(0, 1))
        .then(() -> answers.get(1).tryEmitValue("b"))
        .assertNext(r -> assertThat(r.node()).isEqualTo("n1"))
        .then(() -> assertThat(started).as("a slot freed, one more node").hasSize(3))
        .then(() -> answers.get(0).tryEmitValue("a"))
        .assertNext(r -> assertThat(r.value()).isEqualTo("a"))
        .then(() -> assertThat(started).hasSize(4))
        .then(() -> answers.forEach(sink -> sink.tryEmitValue("x")))
        .expectNextCount(3)
        .expectComplete()
        .verify(WAIT);
    assertThat(maxInFlight.get()).isEqualTo(2);
    assertThat(inFlight.get()).isZero();
  }

  @Test
  void aNodePastItsDeadlineYieldsATimeoutNamingItAndTheOthersGoOn() {
    AtomicBoolean cancelled = new AtomicBoolean();
    StepVerifier.withVirtualTime(
            () ->
                fleet(3)
                    .nodeTimeout(Duration.ofSeconds(5))
                    .build()
                    .fanOut(
                        client ->
                            index(client) == 1
                                ? Mono.<String>never().doOnCancel(() -> cancelled.set(true))
                                : Mono.delay(Duration.ofSeconds(1)).map(t -> "ok")))
        .thenAwait(Duration.ofSeconds(1))
        .expectNextCount(2)
        .expectNoEvent(Duration.ofMillis(3900))
        .thenAwait(Duration.ofMillis(100))
        .assertNext(
            r -> {
              assertThat(r.node()).isEqualTo("n1");
              assertThat(r.isSuccess()).isFalse();
              assertThat(r.failure())
                  .isInstanceOf(CoreTimeoutException.class)
                  .hasMessageContaining("node 'n1'")
                  .hasMessageContaining("127.0.0.1:19002")
                  .hasMessageContaining("5000 ms");
            })
        .expectComplete()
        .verify(WAIT);
    assertThat(cancelled).as("the stalled call was cancelled").isTrue();
  }

  @Test
  void theDeadlineBoundsANodesWholeStreamNotEachElement() {
    StepVerifier.withVirtualTime(
            () ->
                fleet(1)
                    .nodeTimeout(Duration.ofSeconds(5))
                    .build()
                    .fanOut(client -> Flux.interval(Duration.ofSeconds(2))))
        .thenAwait(Duration.ofSeconds(5))
        .expectNextCount(2)
        .assertNext(r -> assertThat(r.failure()).isInstanceOf(CoreTimeoutException.class))
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void aFailingNodeYieldsItsOwnFailureAfterItsElementsAndTheStreamGoesOn() {
    CoreException refused = new CoreConnectException("connection refused: 127.0.0.1", false, null);
    List<NodeResult<String>> results =
        fleet(3)
            .ordered(true)
            .build()
            .fanOut(
                client ->
                    index(client) == 1
                        ? Flux.just("p1").concatWith(Flux.error(refused))
                        : Flux.just("p" + index(client)))
            .collectList()
            .block(WAIT);
    assertThat(results).hasSize(4);
    assertThat(results.get(1).value()).isEqualTo("p1");
    assertThat(results.get(2).node()).isEqualTo("n1");
    assertThat(results.get(2).failure()).isSameAs(refused);
    assertThat(results.get(3).value()).isEqualTo("p2");
    assertThatThrownBy(() -> results.get(2).value())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("n1")
        .hasCause(refused);
  }

  @Test
  void aCallThatThrowsIsThatNodesFailureNamingIt() {
    List<NodeResult<String>> results =
        fleet(2)
            .build()
            .<String>fanOut(
                client -> {
                  if (index(client) == 0) {
                    throw new IllegalStateException("boom");
                  }
                  return Mono.just("fine");
                })
            .collectList()
            .block(WAIT);
    NodeResult<String> failed =
        results.stream().filter(r -> !r.isSuccess()).findFirst().orElseThrow();
    assertThat(failed.node()).isEqualTo("n0");
    assertThat(failed.failure())
        .isInstanceOf(CoreFleetException.class)
        .hasMessageContaining("node 'n0'")
        .hasMessageContaining("boom");
    assertThat(((CoreFleetException) failed.failure()).node()).isEqualTo("n0");
    assertThat(results).filteredOn(NodeResult::isSuccess).hasSize(1);
  }

  @Test
  void failFastEndsTheStreamWithTheFirstFailureNamingTheNodeAndCancelsTheOthers() {
    AtomicBoolean otherCancelled = new AtomicBoolean();
    Sinks.One<String> failing = Sinks.one();
    Flux<NodeResult<String>> results =
        fleet(2)
            .failFast(true)
            .build()
            .fanOut(
                client ->
                    index(client) == 0
                        ? Mono.<String>never().doOnCancel(() -> otherCancelled.set(true))
                        : failing.asMono());
    CoreException notFound =
        new CoreNotFoundException(404, 404, "Not Found", List.of(), "GET", "/api", null);
    StepVerifier.create(results)
        .then(() -> failing.tryEmitError(notFound))
        .expectErrorSatisfies(
            error -> {
              assertThat(error)
                  .isInstanceOf(CoreFleetException.class)
                  .hasMessageContaining("node 'n1'")
                  .hasCause(notFound);
              assertThat(((CoreFleetException) error).node()).isEqualTo("n1");
            })
        .verify(WAIT);
    assertThat(otherCancelled).isTrue();
  }

  @Test
  void resultsComeAsTheyArriveByDefault() {
    assertThat(nodeOrder(false)).containsExactly("n2", "n1", "n0");
  }

  @Test
  void resultsComeInNodeOrderWhenOrdered() {
    assertThat(nodeOrder(true)).containsExactly("n0", "n1", "n2");
  }

  /** The nodes of the results when n0 answers last and n2 first. */
  private List<String> nodeOrder(boolean ordered) {
    List<String> nodes = new ArrayList<>();
    StepVerifier.withVirtualTime(
            () ->
                fleet(3)
                    .ordered(ordered)
                    .build()
                    .fanOut(
                        client -> Mono.delay(Duration.ofSeconds(3 - index(client))).map(t -> "v"))
                    .map(NodeResult::node)
                    .collectList())
        .thenAwait(Duration.ofSeconds(3))
        .consumeNextWith(nodes::addAll)
        .expectComplete()
        .verify(WAIT);
    return nodes;
  }

  @Test
  void closeReleasesOnlyTheClientsTheFleetCreated() {
    CoreFleet given = CoreFleet.of(List.of(clients.get(0), clients.get(1)));
    assertThat(given.nodes()).containsExactly("127.0.0.1:19001", "127.0.0.1:19002");
    given.close();
    assertThat(clients.get(0).toString()).doesNotContain("closed");
    StepVerifier.create(given.about())
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("fleet is closed"))
        .verify(WAIT);

    CoreFleet own =
        CoreFleet.connect(
            List.of("http://127.0.0.1:19011", "http://127.0.0.1:19012"), "admin", "canary-pw-91");
    CoreClient created = own.client("127.0.0.1:19012");
    assertThat(own.toString())
        .contains("127.0.0.1:19011=http://127.0.0.1:19011")
        .doesNotContain("canary-pw-91");
    own.close();
    own.close();
    assertThat(created.toString()).contains("closed");
  }

  @Test
  void aBadUrlClosesTheClientsAlreadyCreatedAndNamesTheProblem() {
    assertThatThrownBy(
            () ->
                CoreFleet.connect(
                    List.of("http://127.0.0.1:19011", "ftp://admin:pw@h"), "admin", "pw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://")
        .hasMessageNotContaining(":pw@");
  }

  @Test
  void refusesAnEmptyFleetDuplicateNamesAndUnknownNodes() {
    assertThatThrownBy(() -> CoreFleet.builder().build()).hasMessageContaining("at least one node");
    assertThatThrownBy(() -> CoreFleet.of(List.of(clients.get(0), clients.get(0))))
        .hasMessageContaining("two nodes are named '127.0.0.1:19001'");
    Map<String, CoreClient> named = new LinkedHashMap<>();
    named.put("b", clients.get(1));
    named.put("a", clients.get(0));
    CoreFleet fleet = CoreFleet.of(named);
    assertThat(fleet.nodes()).containsExactly("b", "a");
    assertThat(fleet.client("a")).isSameAs(clients.get(0));
    assertThatThrownBy(() -> fleet.client("c")).hasMessageContaining("no node 'c'");
    assertThatThrownBy(() -> CoreFleet.builder().concurrency(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CoreFleet.builder().nodeTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aResultShowsItsNodeButNeverItsValue() {
    NodeResult<String> ok = NodeResult.success("a", "secret-value");
    assertThat(ok.toString()).contains("a").contains("String").doesNotContain("secret-value");
    assertThatThrownBy(ok::failure).isInstanceOf(IllegalStateException.class);
    assertThat(NodeResult.failure("b", new CoreException("down")).toString()).contains("b", "down");
  }
}
