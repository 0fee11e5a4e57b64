package dev.corekit.sync;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates blocking views of reactive objects: a {@link Proxy} of a blocking interface whose methods
 * call the reactive method with the same name and parameter types, then wait for its result.
 *
 * <p>Mappings, from the reactive return type to the blocking one:
 *
 * <ul>
 *   <li>{@code Mono<T>} to {@code T}, or to {@code Optional<T>} when the blocking method declares
 *       it (empty {@code Mono} gives {@code Optional.empty()}, or {@code null} for a plain {@code
 *       T});
 *   <li>{@code Mono<Void>} (or any publisher) to {@code void}: waits for completion;
 *   <li>{@code Flux<T>} to {@code List<T>};
 *   <li>{@code Flux<T> name(..)} to {@code Stream<T> nameStream(..)}: a lazy stream that subscribes
 *       on its terminal operation, requests in small batches and cancels the subscription when
 *       closed (use it in try-with-resources); each wait for the next element is bounded by the
 *       policy's deadline;
 *   <li>an interface to another interface (accessors such as {@code clusters()}, fluent {@code
 *       with(..)}): the result is wrapped in a blocking proxy of the blocking return type,
 *       recursively;
 *   <li>identical types: returned as is.
 * </ul>
 *
 * {@code close()} calls the reactive {@code close()}, else waits for {@code closeAsync()}, else
 * closes or disposes the target when it is {@link AutoCloseable} or a {@link
 * reactor.core.Disposable}. {@code equals}/{@code hashCode} are identity-based; {@code toString}
 * names the view and the target. Default methods of the blocking interface that have no reactive
 * twin run their own body.
 *
 * <p>A blocking call made on a Reactor non-blocking thread ({@code
 * Schedulers.isInNonBlockingThread()}) fails at once with an {@link IllegalStateException}. An
 * error of the reactive call is thrown as the policy's {@linkplain BlockingPolicy#translate
 * translation} of it (by default the same exception) with the blocking caller's frames appended to
 * its stack trace.
 *
 * <pre>{@code
 * interface Greeter { Mono<String> greet(String name); Flux<String> names(); }
 * interface BlockingGreeter { String greet(String name); List<String> names(); }
 *
 * BlockingGreeter blocking = BlockingProxy.create(BlockingGreeter.class, Greeter.class, greeter,
 *     BlockingPolicy.defaults());
 * String hello = blocking.greet("world");
 * }</pre>
 */
public final class BlockingProxy {

  private static final Map<Class<?>, Map<Class<?>, Map<Method, Binding>>> BINDINGS =
      new ConcurrentHashMap<>();

  private BlockingProxy() {}

  /**
   * Creates a blocking view of {@code target}, resolving reactive methods on {@code reactiveType}.
   *
   * @param blockingType the blocking interface to implement
   * @param reactiveType the public type whose methods are called (a class or interface of {@code
   *     target})
   * @param target the reactive object
   * @param policy deadline and exception factories
   * @param <B> the blocking interface
   * @param <R> the reactive type
   * @return a proxy implementing {@code blockingType}
   * @throws IllegalArgumentException if {@code blockingType} is not an interface or one of its
   *     methods has no valid reactive twin (the message names the method)
   */
  public static <B, R> B create(
      Class<B> blockingType, Class<R> reactiveType, R target, BlockingPolicy policy) {
    Objects.requireNonNull(blockingType, "blockingType");
    Objects.requireNonNull(reactiveType, "reactiveType");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(policy, "policy");
    if (!reactiveType.isInstance(target)) {
      throw new IllegalArgumentException(
          target.getClass().getName() + " is not a " + reactiveType.getName());
    }
    return createUnchecked(blockingType, reactiveType, target, policy);
  }

  /**
   * Creates a blocking view of {@code target} with the default policy, resolving reactive methods
   * on {@code reactiveType}.
   *
   * @param blockingType the blocking interface to implement
   * @param reactiveType the public type whose methods are called
   * @param target the reactive object
   * @param <B> the blocking interface
   * @param <R> the reactive type
   * @return a proxy implementing {@code blockingType}
   * @throws IllegalArgumentException if a method of {@code blockingType} has no valid reactive twin
   */
  public static <B, R> B create(Class<B> blockingType, Class<R> reactiveType, R target) {
    return create(blockingType, reactiveType, target, BlockingPolicy.defaults());
  }

  static <B> B createUnchecked(
      Class<B> blockingType, Class<?> reactiveType, Object target, BlockingPolicy policy) {
    if (!blockingType.isInterface()) {
      throw new IllegalArgumentException(blockingType.getName() + " is not an interface");
    }
    Map<Method, Binding> bindings = bindings(blockingType, reactiveType);
    Object proxy =
        Proxy.newProxyInstance(
            blockingType.getClassLoader(),
            new Class<?>[] {blockingType},
            new SyncInvocationHandler(blockingType, target, bindings, policy));
    return blockingType.cast(proxy);
  }

  static Map<Method, Binding> bindings(Class<?> blockingType, Class<?> reactiveType) {
    return BINDINGS
        .computeIfAbsent(blockingType, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(reactiveType, r -> resolveAll(blockingType, r));
  }

  private static Map<Method, Binding> resolveAll(Class<?> blockingType, Class<?> reactiveType) {
    Map<Method, Binding> result = new ConcurrentHashMap<>();
    for (Method m : blockingType.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
        continue;
      }
      try {
        result.put(m, Binding.resolve(m, reactiveType));
      } catch (IllegalArgumentException e) {
        if (!m.isDefault()) {
          throw e;
        }
      }
    }
    return Map.copyOf(result);
  }
}
