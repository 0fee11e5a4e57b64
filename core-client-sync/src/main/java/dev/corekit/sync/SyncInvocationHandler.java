package dev.corekit.sync;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;

/** The one generic invocation handler behind every blocking proxy. */
final class SyncInvocationHandler implements InvocationHandler {

  /** Extra wait beyond the deadline, in case the timer that cancels the reactive call is late. */
  private static final String MARKER_CLASS = BlockingProxy.class.getName();

  private static final String MARKER_METHOD = "blockingCall";

  private final Class<?> blockingType;
  private final Object target;
  private final Map<Method, Binding> bindings;
  private final BlockingPolicy policy;

  SyncInvocationHandler(
      Class<?> blockingType, Object target, Map<Method, Binding> bindings, BlockingPolicy policy) {
    this.blockingType = blockingType;
    this.target = target;
    this.bindings = bindings;
    this.policy = policy;
  }

  @Override
  public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
      throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return objectMethod(proxy, method, args);
    }
    Binding binding = bindings.get(method);
    if (binding == null) {
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      throw new UnsupportedOperationException("No reactive twin for " + Binding.describe(method));
    }
    switch (binding.kind) {
      case DIRECT:
        return invokeTarget(binding, args);
      case WRAP:
        {
          Object result = invokeTarget(binding, args);
          return result == null
              ? null
              : BlockingProxy.createUnchecked(
                  method.getReturnType(), binding.reactive.getReturnType(), result, policy);
        }
      case CLOSE_TARGET:
        closeTarget();
        return null;
      case FLUX_STREAM:
        checkThread(binding);
        return stream(binding, (Flux<?>) requirePublisher(binding, invokeTarget(binding, args)));
      default:
        return await(binding, args);
    }
  }

  private @Nullable Object await(Binding binding, @Nullable Object[] args) {
    checkThread(binding);
    Object publisher = requirePublisher(binding, invokeTarget(binding, args));
    Mono<?> mono;
    switch (binding.kind) {
      case FLUX_LIST:
        mono = ((Flux<?>) publisher).collectList();
        break;
      case AWAIT_VOID:
        mono =
            publisher instanceof Mono
                ? ((Mono<?>) publisher).then()
                : Flux.from((Publisher<?>) publisher).then();
        break;
      default:
        mono = (Mono<?>) publisher;
    }
    // The wait is bounded by the deadline; when it passes, the subscription is cancelled (the
    // request
    // with it) and the timeout exception thrown. No timer operator: the waiting thread is the
    // timer.
    Duration deadline = policy.timeout();
    Object value = block(binding, mono, deadline);
    switch (binding.kind) {
      case MONO_OPTIONAL:
        return Optional.ofNullable(value);
      case AWAIT_VOID:
        return null;
      case MONO_VALUE:
        if (value == null && binding.blocking.getReturnType().isPrimitive()) {
          throw withCallerFrames(
              new NoSuchElementException(binding.call + " completed without a value"));
        }
        return value;
      default:
        return value;
    }
  }

  private @Nullable Object block(Binding binding, Mono<?> mono, Duration deadline) {
    BlockingMonoSubscriber<Object> subscriber = new BlockingMonoSubscriber<>();
    mono.subscribe(subscriber);
    boolean done;
    try {
      done = subscriber.latch.await(saturatedNanos(deadline), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      subscriber.cancel();
      Thread.currentThread().interrupt();
      throw policy.interruptedException(e);
    }
    if (!done) {
      subscriber.cancel();
      throw policy.timeoutException(binding.call, deadline);
    }
    Throwable error = subscriber.error;
    if (error != null) {
      throw failure(error);
    }
    return subscriber.value;
  }

  private Stream<?> stream(Binding binding, Flux<?> flux) {
    BlockingIterator<Object> iterator = new BlockingIterator<>(flux, binding.call, policy, this);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(iterator::cancel);
  }

  private void checkThread(Binding binding) {
    if (Schedulers.isInNonBlockingThread()) {
      throw new IllegalStateException(
          "Blocking call "
              + binding.call
              + " on non-blocking thread "
              + Thread.currentThread().getName()
              + "; use the reactive API on Reactor's non-blocking threads");
    }
  }

  private @Nullable Object invokeTarget(Binding binding, @Nullable Object[] args) {
    try {
      return binding.reactive.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw failure(e.getCause() == null ? e : e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot call " + Binding.describe(binding.reactive), e);
    }
  }

  private static Object requirePublisher(Binding binding, @Nullable Object result) {
    if (result == null) {
      throw new NullPointerException(Binding.describe(binding.reactive) + " returned null");
    }
    return result;
  }

  private void closeTarget() throws Exception {
    if (target instanceof AutoCloseable) {
      ((AutoCloseable) target).close();
    } else if (target instanceof Disposable) {
      ((Disposable) target).dispose();
    }
  }

  private @Nullable Object objectMethod(Object proxy, Method method, @Nullable Object[] args) {
    switch (method.getName()) {
      case "equals":
        return args != null && proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "Blocking" + blockingType.getSimpleName() + "[" + target + "]";
      default:
        throw new UnsupportedOperationException(method.toString());
    }
  }

  /**
   * Translates an error of the reactive side and appends the caller's frames to its stack trace.
   */
  RuntimeException failure(Throwable error) {
    if (error instanceof Error) {
      throw withCallerFrames((Error) error);
    }
    return withCallerFrames(policy.translate(error));
  }

  static <T extends Throwable> T withCallerFrames(T error) {
    StackTraceElement[] own = error.getStackTrace();
    for (StackTraceElement e : own) {
      if (MARKER_CLASS.equals(e.getClassName()) && MARKER_METHOD.equals(e.getMethodName())) {
        return error;
      }
    }
    StackTraceElement[] here = new Throwable().getStackTrace();
    int start = 0;
    while (start < here.length && isProxyFrame(here[start])) {
      start++;
    }
    List<StackTraceElement> merged = new ArrayList<>(own.length + here.length - start + 1);
    merged.addAll(Arrays.asList(own));
    merged.add(
        new StackTraceElement(
            MARKER_CLASS, MARKER_METHOD, "on thread " + Thread.currentThread().getName(), -1));
    merged.addAll(Arrays.asList(here).subList(start, here.length));
    error.setStackTrace(merged.toArray(new StackTraceElement[0]));
    return error;
  }

  private static boolean isProxyFrame(StackTraceElement e) {
    String c = e.getClassName();
    return c.equals(SyncInvocationHandler.class.getName())
        || c.equals(BlockingIterator.class.getName())
        || c.startsWith("jdk.proxy")
        || c.startsWith("com.sun.proxy")
        || c.startsWith("java.lang.reflect.")
        || c.contains("$Proxy");
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Subscribes to a Mono and lets the caller wait for its signal. */
  static final class BlockingMonoSubscriber<T> implements CoreSubscriber<T> {
    final CountDownLatch latch = new CountDownLatch(1);
    volatile @Nullable T value;
    volatile @Nullable Throwable error;
    private volatile @Nullable Subscription subscription;
    private volatile boolean cancelled;

    @Override
    public void onSubscribe(Subscription s) {
      if (Operators.validate(subscription, s)) {
        subscription = s;
        if (cancelled) {
          s.cancel();
        } else {
          s.request(Long.MAX_VALUE);
        }
      }
    }

    @Override
    public void onNext(T t) {
      if (value == null) {
        value = t;
      }
    }

    @Override
    public void onError(Throwable t) {
      error = t;
      latch.countDown();
    }

    @Override
    public void onComplete() {
      latch.countDown();
    }

    void cancel() {
      cancelled = true;
      Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
