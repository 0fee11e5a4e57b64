package dev.corekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

class ClientLoopsTest {

  /**
   * What every call that waited for a login does: it opens its connection from the event loop that
   * got the token. Each of two loops must get half of those connections (Reactor Netty's own loops
   * put them all on one: colocation, and two turns of the round robin per new channel).
   */
  @Test
  void connectionsOpenedFromAnEventLoopAreSpreadOverAllLoops() {
    DisposableServer server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(
                routes ->
                    routes.get("/**", (request, response) -> response.sendString(Mono.just("ok"))))
            .bindNow();
    ClientLoops loops = ClientLoops.create("spread-test", 2);
    ConnectionProvider pool = ConnectionProvider.builder("spread-test").maxConnections(16).build();
    try {
      HttpClient http =
          HttpClient.create(pool).runOn(loops).baseUrl("http://127.0.0.1:" + server.port());
      Function<String, Mono<String>> loopOf =
          path ->
              http.get()
                  .uri(path)
                  .responseSingle((response, body) -> body.asString())
                  .map(ignored -> Thread.currentThread().getName());
      List<String> threads =
          loopOf
              .apply("/login")
              .flatMapMany(first -> Flux.range(0, 8).flatMap(i -> loopOf.apply("/call/" + i)))
              .collectList()
              .block(Duration.ofSeconds(30));
      Map<String, Long> perLoop =
          threads.stream().collect(Collectors.groupingBy(name -> name, Collectors.counting()));
      assertThat(perLoop).as("calls per event loop").hasSize(2);
      assertThat(perLoop.values()).allMatch(calls -> calls == 4);
    } finally {
      pool.disposeLater().block(Duration.ofSeconds(10));
      loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(10));
      server.disposeNow(Duration.ofSeconds(10));
    }
  }
}
