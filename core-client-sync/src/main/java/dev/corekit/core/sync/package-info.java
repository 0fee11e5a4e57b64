/**
 * The blocking client of datarhei Core: {@link dev.corekit.core.sync.CoreSync#connect(String,
 * String, String)} returns a {@link dev.corekit.core.sync.CoreSyncClient}, a proxy over the
 * reactive {@link dev.corekit.core.CoreClient} whose methods wait for their results.
 *
 * <p>The blocking API interfaces ({@code dev.corekit.core.sync.api.*SyncApi}) are generated from
 * the same API description as the reactive ones; every call goes through the generic blocking proxy
 * of {@code dev.corekit.sync}.
 */
@NullMarked
package dev.corekit.core.sync;

import org.jspecify.annotations.NullMarked;
