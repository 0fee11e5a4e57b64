package dev.corekit.bench;

import dev.corekit.core.CoreClient;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * One way of calling Core: each call sends the request and decodes the answer into the SDK's model
 * classes ({@code CoreProcess}, {@code About}). Every contender pools connections (up to 256) and
 * sends the same headers with a Bearer token.
 */
interface HttpContender extends AutoCloseable {

  /**
   * @return the name in result tables
   */
  String name();

  /** {@code GET /api/v3/process}, decoded; completes with the number of processes. */
  Mono<?> list();

  /** {@code GET /api} with a token, decoded into {@code About}. */
  Mono<?> about();

  @Override
  void close();

  /**
   * The SDK: {@code CoreClient} with its defaults (its own pool and event loops, login by
   * credentials).
   */
  static HttpContender coreClient(Target target) {
    CoreClient client =
        CoreClient.builder().baseUrl(target.url).credentials(target.user, target.password).build();
    return new HttpContender() {
      @Override
      public String name() {
        return "core-client";
      }

      @Override
      public Mono<?> list() {
        return client.processes().list().count();
      }

      @Override
      public Mono<?> about() {
        return client.about().about();
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  /**
   * The ceiling of this stack: Reactor Netty's {@code HttpClient} over a pool, a token obtained
   * once, the whole body aggregated and decoded by a prepared Jackson reader. No retries, no
   * deadline, no token renewal, no error mapping: what a careful user writes for one happy path.
   */
  static HttpContender reactorNettyByHand(Target target) {
    return reactorNettyByHand(target, null);
  }

  private static HttpContender reactorNettyByHand(
      Target target, @Nullable Duration responseTimeout) {
    ConnectionProvider pool =
        ConnectionProvider.builder("by-hand")
            .maxConnections(256)
            .pendingAcquireMaxCount(-1)
            .build();
    String bearer = "Bearer " + Mappers.login(target);
    HttpClient created =
        HttpClient.create(pool)
            .baseUrl(target.url)
            .headers(
                h ->
                    h.set(HttpHeaderNames.AUTHORIZATION, bearer)
                        .set(HttpHeaderNames.ACCEPT, "application/json"));
    HttpClient http = responseTimeout == null ? created : created.responseTimeout(responseTimeout);
    return new HttpContender() {
      @Override
      public String name() {
        return "Reactor Netty + Jackson by hand";
      }

      @Override
      public Mono<?> list() {
        return http.get()
            .uri("/api/v3/process")
            .responseSingle(
                (response, body) ->
                    response.status().code() == 200
                        ? body.asByteArray().map(bytes -> Mappers.processes(bytes).size())
                        : Mono.error(new IllegalStateException("status " + response.status())));
      }

      @Override
      public Mono<?> about() {
        return http.get()
            .uri("/api")
            .responseSingle(
                (response, body) ->
                    response.status().code() == 200
                        ? body.asByteArray().map(Mappers::about)
                        : Mono.error(new IllegalStateException("status " + response.status())));
      }

      @Override
      public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
      }
    };
  }

  /**
   * For attribution: the hand-written ceiling plus the per-call timers core-client sets up,
   * Reactor's {@code timeout(10 s)} (a timer on the {@code parallel} scheduler, another thread)
   * and, with {@code responseTimeout}, Reactor Netty's per-request read timeout (a handler added to
   * the pipeline).
   */
  static HttpContender reactorNettyByHandWithTimers(Target target, boolean responseTimeout) {
    HttpContender plain =
        reactorNettyByHand(target, responseTimeout ? Duration.ofSeconds(30) : null);
    String name = responseTimeout ? "by hand + responseTimeout + timeout()" : "by hand + timeout()";
    return new HttpContender() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Mono<?> list() {
        return plain.list().timeout(Duration.ofSeconds(10));
      }

      @Override
      public Mono<?> about() {
        return plain.about().timeout(Duration.ofSeconds(10));
      }

      @Override
      public void close() {
        plain.close();
      }
    };
  }

  /**
   * The JDK's {@code java.net.http.HttpClient} (HTTP/1.1, {@code sendAsync}), prepared requests, a
   * token obtained once, the body read as bytes and decoded by the same Jackson reader.
   */
  static HttpContender jdkHttpClient(Target target) {
    java.net.http.HttpClient jdk =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String bearer = "Bearer " + Mappers.login(target);
    HttpRequest list =
        HttpRequest.newBuilder(URI.create(target.url + "/api/v3/process"))
            .header("Authorization", bearer)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpRequest about =
        HttpRequest.newBuilder(URI.create(target.url + "/api"))
            .header("Authorization", bearer)
            .header("Accept", "application/json")
            .GET()
            .build();
    return new HttpContender() {
      @Override
      public String name() {
        return "JDK HttpClient + Jackson";
      }

      @Override
      public Mono<?> list() {
        return Mono.fromFuture(
            () ->
                jdk.sendAsync(list, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(response -> Mappers.processes(ok(response)).size()));
      }

      @Override
      public Mono<?> about() {
        return Mono.fromFuture(
            () ->
                jdk.sendAsync(about, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(response -> Mappers.about(ok(response))));
      }

      private byte[] ok(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
          throw new IllegalStateException("status " + response.statusCode());
        }
        return response.body();
      }

      @Override
      public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads are daemons.
      }
    };
  }
}
