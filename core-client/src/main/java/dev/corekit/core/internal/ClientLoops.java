package dev.corekit.core.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * The event loops a client owns, so that its connections are spread evenly over them.
 *
 * <p>Two things in Reactor Netty 1.3 on Netty 4.2 put every connection of a client on one loop of
 * two:
 *
 * <ul>
 *   <li>Colocation: a connection opened from an event-loop thread goes to that thread's loop. Every
 *       call that waited for a login or a token renewal resumes on the loop that got the token, so
 *       a burst after a login opened all its connections there. These loops are not colocated.
 *   <li>Each new channel takes two turns of the group's round robin: one to pick its loop, one in
 *       {@code LoopResources.onChannel}, which asks a loop of the group whether it is compatible
 *       with the channel type. With an even number of loops, every connection lands on a loop of
 *       the same parity. This class asks that once per channel type and then creates channels of
 *       the type found, so the round robin moves one loop per connection.
 * </ul>
 *
 * Measured on 2 cores at 256 calls in flight: all connections on one loop before, half on each
 * after (tests/benchmarks, section 1).
 */
public final class ClientLoops implements LoopResources {
  private final LoopResources loops;
  private final Map<Class<?>, Constructor<? extends Channel>> channelTypes =
      new ConcurrentHashMap<>();

  private ClientLoops(LoopResources loops) {
    this.loops = loops;
  }

  /**
   * Creates daemon event loops for a client.
   *
   * @param prefix the prefix of the loop threads' names
   * @param workers the number of loops
   * @return the loops; disposing them stops their threads
   */
  public static ClientLoops create(String prefix, int workers) {
    return new ClientLoops(LoopResources.create(prefix, 1, workers, true, false));
  }

  @Override
  public EventLoopGroup onServer(boolean useNative) {
    return loops.onServer(useNative);
  }

  @Override
  public EventLoopGroup onClient(boolean useNative) {
    return loops.onClient(useNative);
  }

  @Override
  public EventLoopGroup onServerSelect(boolean useNative) {
    return loops.onServerSelect(useNative);
  }

  @Override
  public boolean daemon() {
    return loops.daemon();
  }

  @Override
  public <C extends Channel> C onChannel(Class<C> channelType, EventLoopGroup group) {
    Constructor<? extends Channel> create =
        channelTypes.computeIfAbsent(channelType, type -> constructor(channelType, group));
    try {
      return channelType.cast(create.newInstance());
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException
          ? (RuntimeException) cause
          : new IllegalStateException("cannot create a " + create.getDeclaringClass(), cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create a " + create.getDeclaringClass(), e);
    }
  }

  private <C extends Channel> Constructor<? extends Channel> constructor(
      Class<C> channelType, EventLoopGroup group) {
    Class<? extends C> type = loops.onChannelClass(channelType, group);
    try {
      return type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no public constructor without arguments", e);
    }
  }

  @Override
  public void dispose() {
    loops.dispose();
  }

  @Override
  public boolean isDisposed() {
    return loops.isDisposed();
  }

  @Override
  public Mono<Void> disposeLater() {
    return loops.disposeLater();
  }

  @Override
  public Mono<Void> disposeLater(Duration quietPeriod, Duration timeout) {
    return loops.disposeLater(quietPeriod, timeout);
  }
}
