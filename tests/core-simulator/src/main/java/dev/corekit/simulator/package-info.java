/**
 * An embeddable stand-in for a datarhei Core server: {@link dev.corekit.simulator.CoreSimulator}
 * serves Core's whole HTTP API from memory, with JWT auth, fault injection and counters for tests.
 */
@NullMarked
package dev.corekit.simulator;

import org.jspecify.annotations.NullMarked;
