package dev.corekit.core.internal;

import org.reactivestreams.Publisher;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Turns a successful answer into values. Called on the connection's event loop; must consume or
 * release the body, and must not block.
 *
 * @param <T> the values
 */
@FunctionalInterface
interface BodyReader<T> {
  Publisher<T> read(HttpClientResponse response, ByteBufFlux body, CoreRequest request);
}
