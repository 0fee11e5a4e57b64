package dev.corekit.sync;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that a blocking interface mirrors its reactive twin method by method, in both directions.
 *
 * <p>Use it in each module's tests so that the views cannot drift apart:
 *
 * <pre>{@code
 * assertThat(BlockingParity.missing(RacSession.class, RacSync.Session.class)).isEmpty();
 * }</pre>
 *
 * Pairs of interfaces reached through accessor methods (both return types interfaces) are checked
 * too, recursively. Static methods, {@link Object} methods (also when overridden) and {@code
 * close()} / {@code closeAsync()} are ignored; a blocking {@code <name>Stream} method counts as an
 * extra view of the reactive {@code <name>}, and a blocking default method without a reactive twin
 * is allowed.
 */
public final class BlockingParity {

  private BlockingParity() {}

  /**
   * Lists the methods that have no valid twin, in both directions.
   *
   * @param reactive the reactive type
   * @param blocking the blocking interface that should mirror it
   * @return one line per problem, sorted: {@code "blocking lacks ..."} for reactive methods without
   *     a blocking twin, {@code "reactive lacks ..."} for blocking methods without a reactive twin,
   *     and {@code "incompatible ..."} for twins whose return types do not map; empty when in step
   */
  public static List<String> missing(Class<?> reactive, Class<?> blocking) {
    Objects.requireNonNull(reactive, "reactive");
    Objects.requireNonNull(blocking, "blocking");
    Set<String> problems = new TreeSet<>();
    Set<List<Class<?>>> seen = new HashSet<>();
    Deque<Class<?>[]> pending = new ArrayDeque<>();
    pending.add(new Class<?>[] {reactive, blocking});
    while (!pending.isEmpty()) {
      Class<?>[] pair = pending.poll();
      if (seen.add(List.of(pair[0], pair[1]))) {
        check(pair[0], pair[1], problems, pending);
      }
    }
    return List.copyOf(problems);
  }

  private static void check(
      Class<?> reactive, Class<?> blocking, Set<String> problems, Deque<Class<?>[]> pending) {
    for (Method b : relevant(blocking)) {
      Method twin = Binding.findTwin(b, reactive);
      if (twin == null) {
        if (!b.isDefault()) {
          problems.add(
              "reactive lacks "
                  + reactive.getSimpleName()
                  + "."
                  + Binding.reactiveName(b)
                  + Binding.signature(b.getParameterTypes())
                  + " (twin of blocking "
                  + Binding.describe(b)
                  + ")");
        }
        continue;
      }
      try {
        Binding binding = Binding.resolve(b, reactive);
        if (binding.kind == Binding.Kind.WRAP) {
          pending.add(new Class<?>[] {twin.getReturnType(), b.getReturnType()});
        }
      } catch (IllegalArgumentException e) {
        problems.add("incompatible " + e.getMessage());
      }
    }
    for (Method r : relevant(reactive)) {
      Method twin = Binding.findPublicMethod(blocking, r.getName(), r.getParameterTypes());
      if (twin == null) {
        problems.add(
            "blocking lacks "
                + blocking.getSimpleName()
                + "."
                + r.getName()
                + Binding.signature(r.getParameterTypes())
                + " (twin of reactive "
                + Binding.describe(r)
                + ")");
      }
    }
  }

  private static boolean overridesObjectMethod(Method m) {
    try {
      Object.class.getMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static List<Method> relevant(Class<?> type) {
    List<Method> result = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          || m.getDeclaringClass() == Object.class
          || m.isSynthetic()
          || m.isBridge()
          || overridesObjectMethod(m)) {
        continue;
      }
      if (m.getParameterCount() == 0
          && (m.getName().equals("close") || m.getName().equals("closeAsync"))) {
        continue;
      }
      result.add(m);
    }
    return result;
  }
}
