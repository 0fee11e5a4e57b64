/**
 * A generic blocking view over reactive APIs: a {@link java.lang.reflect.Proxy} of a blocking
 * interface whose methods call the same-named methods of a reactive object and wait for their
 * result.
 *
 * <p>The mechanism knows nothing about the clients that use it; each client supplies its blocking
 * interfaces and a {@link dev.corekit.sync.BlockingPolicy} (deadline and exception types). {@link
 * dev.corekit.sync.BlockingProxy} creates the views and {@link dev.corekit.sync.BlockingParity}
 * lets a test prove that a blocking interface mirrors its reactive twin.
 */
@NullMarked
package dev.corekit.sync;

import org.jspecify.annotations.NullMarked;
