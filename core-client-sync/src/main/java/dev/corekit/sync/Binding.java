package dev.corekit.sync;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How one blocking method maps to its reactive twin; resolved once per (blocking method, reactive
 * type).
 */
final class Binding {

  /** The shapes of mapping between a blocking and a reactive method. */
  enum Kind {
    /** Same return type: call and return as is. */
    DIRECT,
    /** Both return interfaces: wrap the result in a blocking proxy of the blocking return type. */
    WRAP,
    /** {@code Mono<T>} to {@code T}. */
    MONO_VALUE,
    /** {@code Mono<T>} to {@code Optional<T>}. */
    MONO_OPTIONAL,
    /** {@code Mono<?>} or {@code Flux<?>} to {@code void}: wait for completion. */
    AWAIT_VOID,
    /** {@code Flux<T>} to {@code List<T>}. */
    FLUX_LIST,
    /** {@code Flux<T>} to a lazy {@code Stream<T>} ({@code <name>Stream} methods). */
    FLUX_STREAM,
    /**
     * {@code close()} with no reactive twin: close or dispose the target if it can, else nothing.
     */
    CLOSE_TARGET
  }

  static final String STREAM_SUFFIX = "Stream";

  final Method blocking;
  final @Nullable Method reactive;
  final Kind kind;
  final String call;

  private Binding(Method blocking, @Nullable Method reactive, Kind kind) {
    this.blocking = blocking;
    this.reactive = reactive;
    this.kind = kind;
    this.call = blocking.getDeclaringClass().getSimpleName() + "." + blocking.getName();
  }

  /**
   * Resolves the reactive twin of a blocking method.
   *
   * @throws IllegalArgumentException naming the method and the reason when there is no valid twin
   */
  static Binding resolve(Method blocking, Class<?> reactiveType) {
    boolean isClose = blocking.getName().equals("close") && blocking.getParameterCount() == 0;
    Method reactive = findTwin(blocking, reactiveType);
    if (reactive == null) {
      if (isClose) {
        Method closeAsync = findPublicMethod(reactiveType, "closeAsync");
        if (closeAsync != null && isPublisher(closeAsync.getReturnType())) {
          return new Binding(blocking, closeAsync, Kind.AWAIT_VOID);
        }
        return new Binding(blocking, null, Kind.CLOSE_TARGET);
      }
      throw new IllegalArgumentException(
          "No reactive twin "
              + reactiveName(blocking)
              + signature(blocking.getParameterTypes())
              + " in "
              + reactiveType.getName()
              + " for blocking "
              + describe(blocking));
    }
    Kind kind = kindOf(blocking, reactive);
    if (kind == null) {
      throw new IllegalArgumentException(
          "Blocking "
              + describe(blocking)
              + " returns "
              + blocking.getGenericReturnType().getTypeName()
              + ", which does not map from reactive "
              + describe(reactive)
              + " returning "
              + reactive.getGenericReturnType().getTypeName());
    }
    return new Binding(blocking, reactive, kind);
  }

  static String reactiveName(Method blocking) {
    String name = blocking.getName();
    if (Stream.class.equals(blocking.getReturnType())
        && name.endsWith(STREAM_SUFFIX)
        && name.length() > STREAM_SUFFIX.length()) {
      return name.substring(0, name.length() - STREAM_SUFFIX.length());
    }
    return name;
  }

  static @Nullable Method findTwin(Method blocking, Class<?> reactiveType) {
    return findPublicMethod(reactiveType, reactiveName(blocking), blocking.getParameterTypes());
  }

  /**
   * Finds a public instance method declared by a public type, so that it can be invoked
   * reflectively.
   */
  static @Nullable Method findPublicMethod(Class<?> type, String name, Class<?>... params) {
    try {
      Method m = type.getMethod(name, params);
      if (Modifier.isStatic(m.getModifiers())) {
        return null;
      }
      if (Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
        return m;
      }
      // Declared by a non-public class: look for the same method on a public supertype.
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Class<?> i : c.getInterfaces()) {
          Method found = findPublicMethod(i, name, params);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static @Nullable Kind kindOf(Method blocking, Method reactive) {
    Class<?> b = blocking.getReturnType();
    Class<?> r = reactive.getReturnType();
    Type rType = reactive.getGenericReturnType();
    Type bType = blocking.getGenericReturnType();
    if (Mono.class.equals(r)) {
      if (b == void.class) {
        return Kind.AWAIT_VOID;
      }
      if (Optional.class.equals(b)) {
        return sameArgument(rType, bType) ? Kind.MONO_OPTIONAL : null;
      }
      Type arg = argument(rType);
      if (arg == null || isTypeVariable(arg) || sameType(arg, bType) || boxes(b, arg)) {
        return Kind.MONO_VALUE;
      }
      return null;
    }
    if (Flux.class.equals(r)) {
      if (b == void.class) {
        return Kind.AWAIT_VOID;
      }
      if (List.class.equals(b) || Collection.class.equals(b) || Iterable.class.equals(b)) {
        return sameArgument(rType, bType) ? Kind.FLUX_LIST : null;
      }
      if (Stream.class.equals(b)) {
        return sameArgument(rType, bType) ? Kind.FLUX_STREAM : null;
      }
      return null;
    }
    if (isPublisher(r)) {
      return b == void.class ? Kind.AWAIT_VOID : null;
    }
    if (b.equals(r) || (b.isAssignableFrom(r) && !b.isInterface())) {
      return Kind.DIRECT;
    }
    if (b.isInterface() && r.isInterface()) {
      return b.isAssignableFrom(r) ? Kind.DIRECT : Kind.WRAP;
    }
    return null;
  }

  static boolean isPublisher(Class<?> type) {
    return org.reactivestreams.Publisher.class.isAssignableFrom(type);
  }

  private static boolean boxes(Class<?> primitive, Type boxed) {
    if (!primitive.isPrimitive()) {
      return false;
    }
    Class<?> box = java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    return box.equals(boxed);
  }

  private static @Nullable Type argument(Type type) {
    if (type instanceof ParameterizedType) {
      Type[] args = ((ParameterizedType) type).getActualTypeArguments();
      return args.length == 1 ? args[0] : null;
    }
    return null;
  }

  private static boolean isTypeVariable(Type type) {
    return !(type instanceof Class) && !(type instanceof ParameterizedType);
  }

  private static boolean sameArgument(Type reactive, Type blocking) {
    Type r = argument(reactive);
    Type b = argument(blocking);
    if (r == null || b == null || isTypeVariable(r) || isTypeVariable(b)) {
      return true;
    }
    return sameType(r, b);
  }

  private static boolean sameType(Type a, Type b) {
    return a.getTypeName().equals(b.getTypeName());
  }

  static String describe(Method m) {
    return m.getDeclaringClass().getSimpleName()
        + "."
        + m.getName()
        + signature(m.getParameterTypes());
  }

  static String signature(Class<?>[] params) {
    return Arrays.stream(params)
        .map(Class::getSimpleName)
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
