package dev.corekit.core.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreAuthenticationException;
import dev.corekit.core.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Holds the JWT pair and renews the access token: ahead of its expiry (read from the token's {@code
 * exp} and {@code iat}, renewed a margin before), and when the server rejects it. Renewal refreshes
 * with the refresh token, or logs in again with the credentials when refreshing fails or the
 * refresh token expired. One renewal is in flight at a time: every request that needs a token while
 * it runs waits on the same renewal, without blocking a thread.
 */
public final class TokenManager {
  private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
  private static final TypeReference<JsonNode> NODE = new TypeReference<>() {};
  private static final com.fasterxml.jackson.databind.ObjectMapper CLAIMS = Json.newMapper();
  private static final Operation LOGIN =
      Operation.of("authLogin", "POST", "/api/login", "16.7.2", Operation.Auth.NONE);
  private static final Operation REFRESH =
      Operation.of("authRefresh", "GET", "/api/login/refresh", "16.7.2", Operation.Auth.REFRESH);

  /**
   * Renewals have their own deadline (shared by all requests waiting on them); the deadline of each
   * waiting request still bounds how long that request waits.
   */
  private static final RequestOptions RENEWAL_OPTIONS =
      RequestOptions.builder().retryNonIdempotent(true).timeout(Duration.ofSeconds(15)).build();

  /** A user name and password; {@link #toString()} hides the password. */
  public static final class Credentials {
    final String user;
    final String password;

    /**
     * Creates credentials.
     *
     * @param user the user name
     * @param password the password
     */
    public Credentials(String user, String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Credentials{user=" + user + ", password=***}";
    }
  }

  /** A token pair with the local times (nanoTime) at which each should no longer be used. */
  static final class Tokens {
    final String access;
    final long renewAccessAt;
    final @Nullable String refresh;
    final long refreshExpiresAt;

    Tokens(String access, long renewAccessAt, @Nullable String refresh, long refreshExpiresAt) {
      this.access = access;
      this.renewAccessAt = renewAccessAt;
      this.refresh = refresh;
      this.refreshExpiresAt = refreshExpiresAt;
    }

    boolean accessUsable(long now) {
      return now - renewAccessAt < 0;
    }

    boolean refreshUsable(long now) {
      return refresh != null && now - refreshExpiresAt < 0;
    }

    @Override
    public String toString() {
      return "Tokens{access=***, refresh=" + (refresh == null ? "none" : "***") + "}";
    }
  }

  private final CoreTransport transport;
  private final Node node;
  private final @Nullable Credentials credentials;
  private final Duration margin;
  private final AtomicReference<@Nullable Tokens> current = new AtomicReference<>();
  private final AtomicReference<@Nullable Mono<Tokens>> inflight = new AtomicReference<>();
  private final AtomicLong logins = new AtomicLong();
  private final AtomicLong refreshes = new AtomicLong();

  TokenManager(
      CoreTransport transport,
      Node node,
      @Nullable Credentials credentials,
      @Nullable String accessToken,
      @Nullable String refreshToken,
      Duration margin) {
    this.transport = transport;
    this.node = node;
    this.credentials = credentials;
    this.margin = margin;
    if (accessToken != null) {
      long now = System.nanoTime();
      current.set(
          new Tokens(
              accessToken, renewAt(accessToken, now), refreshToken, expiresAt(refreshToken, now)));
    }
  }

  /**
   * Returns a newer usable access token than {@code token} if one was obtained meanwhile (a request
   * that waited for a pooled connection while another renewed the token), else {@code token}.
   *
   * @param token the token chosen when the request was subscribed
   * @return the token to send
   */
  String freshest(String token) {
    Tokens held = current.get();
    return held != null && !held.access.equals(token) && held.accessUsable(System.nanoTime())
        ? held.access
        : token;
  }

  /**
   * Adds the secrets this manager holds (tokens, password) to a list, for scrubbing.
   *
   * @param into the list to add to
   */
  void secrets(java.util.List<String> into) {
    Tokens held = current.get();
    if (held != null) {
      into.add(held.access);
      if (held.refresh != null) {
        into.add(held.refresh);
      }
    }
    if (credentials != null) {
      into.add(credentials.password);
    }
  }

  /**
   * @return how many times this client logged in
   */
  public long logins() {
    return logins.get();
  }

  /**
   * @return how many times this client refreshed its access token
   */
  public long refreshes() {
    return refreshes.get();
  }

  /**
   * @return whether credentials are known, so the client can log in again
   */
  public boolean hasCredentials() {
    return credentials != null;
  }

  /** The access token held, when it is not due for renewal yet; else null (no allocation). */
  @Nullable String usableAccessToken() {
    Tokens tokens = current.get();
    return tokens != null && tokens.accessUsable(System.nanoTime()) ? tokens.access : null;
  }

  /**
   * Returns a usable access token, renewing it first when it is about to expire.
   *
   * @param request the request that needs it, for error messages
   * @return the token
   */
  Mono<String> accessToken(CoreRequest request) {
    return Mono.defer(
        () -> {
          Tokens tokens = current.get();
          if (tokens != null && tokens.accessUsable(System.nanoTime())) {
            return Mono.just(tokens.access);
          }
          return renew(tokens, request).map(renewed -> renewed.access);
        });
  }

  /**
   * Logs in now if no token is held yet (used when connecting, to report bad credentials early).
   *
   * @return completes when a token is held
   */
  public Mono<Void> ensureToken() {
    CoreRequest request =
        new CoreRequest(
            LOGIN,
            LOGIN.pathTemplate(),
            "",
            java.util.Map.of(),
            null,
            Duration.ofSeconds(10),
            0,
            false,
            null,
            "application/json",
            false);
    return accessToken(request).then();
  }

  /**
   * Returns a token to replay a request the server rejected: a newer token if another request
   * already renewed it, else the result of a new renewal.
   *
   * @param rejected the token the server rejected
   * @param request the rejected request
   * @return the token to try once more
   */
  Mono<String> renewRejected(String rejected, CoreRequest request) {
    return Mono.defer(
        () -> {
          Tokens tokens = current.get();
          if (tokens != null
              && !tokens.access.equals(rejected)
              && tokens.accessUsable(System.nanoTime())) {
            return Mono.just(tokens.access);
          }
          if (tokens != null && tokens.access.equals(rejected)) {
            // Forget the rejected token so the renewal does not hand it out again.
            current.compareAndSet(
                tokens,
                new Tokens(
                    tokens.access, System.nanoTime(), tokens.refresh, tokens.refreshExpiresAt));
          }
          return renew(current.get(), request).map(renewed -> renewed.access);
        });
  }

  /**
   * Returns the refresh token, for the refresh operation itself.
   *
   * @param request the request that needs it
   * @return the token
   */
  Mono<String> refreshToken(CoreRequest request) {
    return Mono.defer(
        () -> {
          Tokens tokens = current.get();
          if (tokens == null || tokens.refresh == null) {
            return Mono.error(
                CoreAuthenticationException.of(
                    "no refresh token is held", request.operation.method(), request.path));
          }
          return Mono.just(tokens.refresh);
        });
  }

  private Mono<Tokens> renew(@Nullable Tokens seen, CoreRequest request) {
    while (true) {
      Mono<Tokens> running = inflight.get();
      if (running != null) {
        return running;
      }
      Tokens now = current.get();
      if (now != null && now != seen && now.accessUsable(System.nanoTime())) {
        return Mono.just(now);
      }
      Mono<Tokens> renewal =
          Mono.defer(() -> renewOnce(now, request))
              .doOnNext(current::set)
              .doFinally(signal -> inflight.set(null))
              .cache();
      if (inflight.compareAndSet(null, renewal)) {
        return renewal;
      }
    }
  }

  private Mono<Tokens> renewOnce(@Nullable Tokens tokens, CoreRequest request) {
    long now = System.nanoTime();
    if (tokens != null && tokens.refreshUsable(now)) {
      Mono<Tokens> refreshed = refresh(tokens);
      // Whatever made the refresh fail (a rejected token, a 5xx, a reset), log in again when the
      // credentials are known.
      return credentials == null ? refreshed : refreshed.onErrorResume(failed -> login());
    }
    if (credentials != null) {
      return login();
    }
    String reason =
        tokens == null
            ? "no token is held and no credentials are known"
            : tokens.refresh == null
                ? "the access token expired and no refresh token or credentials are known"
                : "the refresh token expired and no credentials are known to log in again";
    return Mono.error(
        CoreAuthenticationException.of(reason, request.operation.method(), request.path));
  }

  private Mono<Tokens> login() {
    Credentials creds = Objects.requireNonNull(credentials);
    java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
    body.put("username", creds.user);
    body.put("password", creds.password);
    return transport
        .call(LOGIN, RENEWAL_OPTIONS)
        .on(node)
        .json(body)
        .mono(NODE)
        .doOnError(error -> transport.observer().renewal("login", false))
        .doOnNext(answer -> transport.observer().renewal("login", true))
        .map(
            answer -> {
              String access = text(answer, "access_token");
              String refresh = answer.path("refresh_token").asText(null);
              long now = System.nanoTime();
              logins.incrementAndGet();
              LOG.debug("logged in as {}", creds.user);
              return new Tokens(access, renewAt(access, now), refresh, expiresAt(refresh, now));
            });
  }

  private Mono<Tokens> refresh(Tokens tokens) {
    return transport
        .call(REFRESH, RENEWAL_OPTIONS)
        .on(node)
        .mono(NODE)
        .doOnError(error -> transport.observer().renewal("refresh", false))
        .doOnNext(answer -> transport.observer().renewal("refresh", true))
        .map(
            answer -> {
              String access = text(answer, "access_token");
              String refresh = answer.path("refresh_token").asText(null);
              long now = System.nanoTime();
              refreshes.incrementAndGet();
              LOG.debug("refreshed the access token");
              return refresh == null
                  ? new Tokens(
                      access, renewAt(access, now), tokens.refresh, tokens.refreshExpiresAt)
                  : new Tokens(access, renewAt(access, now), refresh, expiresAt(refresh, now));
            });
  }

  private static String text(JsonNode answer, String field) {
    String value = answer.path(field).asText(null);
    if (value == null || value.isEmpty()) {
      throw new dev.corekit.core.CoreProtocolException("the login answer has no " + field, null);
    }
    return value;
  }

  private long renewAt(String token, long now) {
    long lifetime = lifetimeNanos(token);
    if (lifetime < 0) {
      return now + Duration.ofDays(3650).toNanos();
    }
    long early = Math.min(margin.toNanos(), lifetime / 5);
    return now + lifetime - early;
  }

  private static long expiresAt(@Nullable String token, long now) {
    if (token == null) {
      return now;
    }
    long lifetime = lifetimeNanos(token);
    return lifetime < 0 ? now + Duration.ofDays(3650).toNanos() : now + lifetime - lifetime / 20;
  }

  /**
   * Estimates how long a JWT stays valid from its {@code exp} and {@code iat} claims, without
   * trusting the local clock to agree with the server's: {@code iat} is truncated to whole seconds,
   * so the token may have been issued up to a second later than it says; the estimate takes that
   * second off (but keeps at least half the nominal lifetime). -1 when the token does not say.
   */
  static long lifetimeNanos(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0) {
      return -1;
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
      JsonNode claims = CLAIMS.readTree(new String(payload, StandardCharsets.UTF_8));
      if (!claims.path("exp").isNumber()) {
        return -1;
      }
      long exp = claims.path("exp").asLong();
      long iat =
          claims.path("iat").isNumber()
              ? claims.path("iat").asLong()
              : System.currentTimeMillis() / 1000;
      long nominal = Duration.ofSeconds(Math.max(0, exp - iat)).toNanos();
      long oneSecond = Duration.ofSeconds(1).toNanos();
      return Math.max(nominal - oneSecond, nominal / 2);
    } catch (IllegalArgumentException | java.io.IOException e) {
      return -1;
    }
  }

  @Override
  public String toString() {
    return "TokenManager{credentials=" + credentials + ", tokens=" + current.get() + "}";
  }
}
