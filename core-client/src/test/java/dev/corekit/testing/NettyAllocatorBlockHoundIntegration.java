package dev.corekit.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Allows two short locks that BlockHound would report: the one Netty's adaptive buffer allocator
 * takes when it grows its magazines (a {@code StampedLock}; Netty's own BlockHound integration does
 * not list it yet), and the one Jackson takes while it builds the deserializer of a type for the
 * first time (the client caches one reader per type, so this happens once per type). Tests only.
 */
public final class NettyAllocatorBlockHoundIntegration implements BlockHoundIntegration {
  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside(
        "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    builder.allowBlockingCallsInside(
        "com.fasterxml.jackson.databind.deser.DeserializerCache",
        "_createAndCacheValueDeserializer");
  }
}
