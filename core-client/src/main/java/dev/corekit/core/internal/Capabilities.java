package dev.corekit.core.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreCapabilityException;
import dev.corekit.core.RequestOptions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Knows a node's version (from {@code GET /api}, asked once, with a token) and refuses, before
 * sending, an operation the server is too old for.
 */
public final class Capabilities {
  /** Operations that every supported Core has need no check. */
  public static final Version BASELINE = Version.parse("16.7.2");

  private static final Operation ABOUT =
      Operation.of("aboutWithToken", "GET", "/api", "16.7.2", Operation.Auth.ACCESS);
  private static final TypeReference<JsonNode> NODE = new TypeReference<>() {};

  private final CoreTransport transport;
  private final Node node;
  private final AtomicReference<@Nullable Mono<Optional<Version>>> version =
      new AtomicReference<>();

  Capabilities(CoreTransport transport, Node node) {
    this.transport = transport;
    this.node = node;
  }

  /**
   * Whether the operation is newer than every Core version this client supports, so the server's
   * version must be known before sending it.
   *
   * @param operation the operation
   * @return true when {@link #check(Operation)} may fail
   */
  public boolean needsCheck(Operation operation) {
    return BASELINE.isOlderThan(operation.since());
  }

  /**
   * Completes when the server can serve the operation; fails with {@link CoreCapabilityException}
   * when its version is older than the operation's.
   *
   * @param operation the operation
   * @return completes, or fails before anything is sent
   */
  public Mono<Void> check(Operation operation) {
    if (!needsCheck(operation)) {
      return Mono.empty();
    }
    return serverVersion()
        .flatMap(
            known -> {
              if (known.isPresent() && known.get().isOlderThan(operation.since())) {
                return Mono.error(
                    new CoreCapabilityException(
                        operation.toString(),
                        operation.since().toString(),
                        known.get().toString()));
              }
              return Mono.<Void>empty();
            });
  }

  /**
   * Records a version learnt elsewhere (from a full {@code GET /api} answer).
   *
   * @param number the version number
   */
  public void learn(String number) {
    try {
      version.set(Mono.just(Optional.of(Version.parse(number))));
    } catch (IllegalArgumentException ignored) {
      // keep asking the server
    }
  }

  /**
   * The server's version, asked once and remembered; empty when the server does not tell it (an
   * answer without token shows only the major version).
   *
   * @return the version, if known
   */
  public Mono<Optional<Version>> serverVersion() {
    while (true) {
      Mono<Optional<Version>> known = version.get();
      if (known != null) {
        return known;
      }
      Mono<Optional<Version>> asking =
          transport
              .call(ABOUT, RequestOptions.DEFAULTS)
              .on(node)
              .mono(NODE)
              .map(Capabilities::versionOf)
              .doOnError(error -> version.set(null))
              .cache();
      if (version.compareAndSet(null, asking)) {
        return asking;
      }
    }
  }

  static Optional<Version> versionOf(JsonNode about) {
    // Without a valid token Core answers {"app","auths","version":{"number":"16.0.0"}}: no id.
    String number = about.path("version").path("number").asText("");
    if (number.isEmpty() || !about.hasNonNull("id")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Version.parse(number));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
