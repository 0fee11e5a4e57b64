/**
 * The client's runtime: transport, codecs, authentication, retries. Internal: these types may
 * change in any release and are not part of the SDK's API.
 */
@NullMarked
package dev.corekit.core.internal;

import org.jspecify.annotations.NullMarked;
