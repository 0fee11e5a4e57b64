/**
 * The blocking twins of the reactive API interfaces of {@code dev.corekit.core.api}, one per area
 * of the Core API ({@code ProcessApi} to {@code ProcessSyncApi}, ...), generated at build time from
 * the API description. Get them from a {@link dev.corekit.core.sync.CoreSyncClient}; their
 * parameter types (models, the reactive interfaces' {@code *Query} classes) are the reactive
 * client's.
 *
 * <p>Generated code; do not edit.
 */
@NullMarked
package dev.corekit.core.sync.api;

import org.jspecify.annotations.NullMarked;
