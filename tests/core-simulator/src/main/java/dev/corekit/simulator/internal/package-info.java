/**
 * Implementation of the Core simulator: routing, handlers, in-memory state. Internal: may change
 * without notice; use {@link dev.corekit.simulator.CoreSimulator} instead.
 */
@NullMarked
package dev.corekit.simulator.internal;

import org.jspecify.annotations.NullMarked;
