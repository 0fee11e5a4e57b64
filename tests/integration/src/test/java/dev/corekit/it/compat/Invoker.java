package dev.corekit.it.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corekit.core.CoreApiException;
import dev.corekit.core.CoreCapabilityException;
import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreException;
import dev.corekit.core.CoreProtocolException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Calls one read-only operation through its generated client method and says what came of it, in
 * the words the fixtures record: {@code decoded}, {@code api-error NNN}, {@code capability}, or a
 * failure.
 */
final class Invoker {
  /** How long an event stream is read. */
  static final Duration STREAM_WINDOW = Duration.ofSeconds(3);

  /** At most this many events are read from a stream. */
  static final int STREAM_EVENTS = 8;

  /** What a call came to. */
  record Outcome(String kind, int count, String detail) {
    boolean decodeFailure() {
      return kind.equals("decode-failure") || kind.equals("failure");
    }

    @Override
    public String toString() {
      return kind
          + (kind.equals("decoded") ? " (" + count + ")" : "")
          + (detail.isEmpty() ? "" : ": " + detail);
    }
  }

  private Invoker() {}

  static Outcome call(
      CoreClient client,
      ReadOnlyOperations.Op op,
      List<String> args,
      JsonNode body,
      ObjectMapper mapper,
      Duration deadline) {
    Method target = op.target();
    Class<?>[] types = target.getParameterTypes();
    Object[] values = new Object[types.length];
    int at = 0;
    for (String arg : args) {
      values[at] = types[at] == String.class ? arg : mapper.convertValue(arg, types[at]);
      at++;
    }
    if (op.hasBody()) {
      values[at] = mapper.convertValue(body, types[at]);
    }
    try {
      Publisher<?> publisher = (Publisher<?>) target.invoke(client.api(op.apiType()), values);
      Flux<?> flux = Flux.from(publisher);
      if (op.stream()) {
        flux = flux.take(STREAM_WINDOW).take(STREAM_EVENTS);
      }
      List<?> decoded = flux.collectList().block(deadline);
      return new Outcome("decoded", decoded == null ? 0 : decoded.size(), "");
    } catch (InvocationTargetException e) {
      return classify(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      return classify(e);
    }
  }

  private static Outcome classify(Throwable error) {
    Throwable e = error;
    if (e instanceof CoreCapabilityException) {
      return new Outcome("capability", 0, firstLine(e.getMessage()));
    }
    if (e instanceof CoreApiException api) {
      return new Outcome("api-error " + api.status(), 0, "");
    }
    if (e instanceof CoreProtocolException) {
      return new Outcome("decode-failure", 0, firstLine(e.getMessage()));
    }
    if (e instanceof CoreException) {
      return new Outcome(
          "failure", 0, e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
    }
    return new Outcome("failure", 0, e.getClass().getName() + ": " + firstLine(e.getMessage()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
