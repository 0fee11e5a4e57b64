package dev.corekit.corectl;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Ctrl-C (SIGINT) as a signal that ends a stream ({@code logs --follow}, {@code events}) normally,
 * so the command exits 0 instead of being killed. A second Ctrl-C ends the JVM at once (exit 130).
 *
 * <p>Uses {@code sun.misc.Signal} (module {@code jdk.unsupported}) through reflection; where it is
 * missing the JVM's default handling stays (shutdown, exit code 130).
 */
final class Interrupts {
  private Interrupts() {}

  /**
   * Installs the handler and returns a Mono completing on the first Ctrl-C.
   *
   * @return completes when the user presses Ctrl-C
   */
  static Mono<Void> ctrlC() {
    Sinks.Empty<Void> pressed = Sinks.empty();
    AtomicBoolean once = new AtomicBoolean();
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Object sigint = signalType.getConstructor(String.class).newInstance("INT");
      Object handler =
          Proxy.newProxyInstance(
              handlerType.getClassLoader(),
              new Class<?>[] {handlerType},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "handle":
                    if (once.compareAndSet(false, true)) {
                      pressed.tryEmitEmpty();
                    } else {
                      Runtime.getRuntime().halt(130);
                    }
                    return null;
                  case "hashCode":
                    return System.identityHashCode(proxy);
                  case "equals":
                    return proxy == args[0];
                  case "toString":
                    return "corectl Ctrl-C handler";
                  default:
                    return null;
                }
              });
      signalType.getMethod("handle", signalType, handlerType).invoke(null, sigint, handler);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LoggerFactory.getLogger(Interrupts.class)
          .debug("Ctrl-C handler not installed: {}", e.toString());
    }
    return pressed.asMono();
  }
}
