package dev.corekit.core.internal;

import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Observes whole calls (every attempt of one operation, with its logins and waits), for tracing and
 * call metrics. The default observes nothing.
 */
public interface CallObserver {
  /** Observes nothing. */
  CallObserver NONE = (operation, context) -> null;

  /**
   * Starts observing a call.
   *
   * @param operation the operation
   * @param context the subscriber's Reactor context, which may hold the caller's observation
   * @return the started observation, or null when the call is not observed
   */
  @Nullable Observed start(Operation operation, ContextView context);

  /** One observed call, from subscription to its end. */
  interface Observed {
    /**
     * Adds the headers the tracer propagates (such as W3C {@code traceparent}) to a request.
     *
     * @param header receives each header name and value
     */
    void headers(BiConsumer<String, String> header);

    /**
     * Notes the status of an answer; the last one is the call's.
     *
     * @param status the HTTP status
     */
    void status(int status);

    /**
     * Runs an action (a log statement) with the call's observation in scope, so the tracer can put
     * its trace and span ids into the logging MDC.
     *
     * @param action the action
     */
    void inScope(Runnable action);

    /**
     * Ends the observation.
     *
     * @param error the failure, or null
     * @param cancelled whether the subscriber cancelled the call
     */
    void stop(@Nullable Throwable error, boolean cancelled);

    /**
     * Puts the observation into the context of the call's own publishers, so the transport finds it
     * and nested calls (logins) become its children.
     *
     * @param context the context
     * @return the context with the observation
     */
    Context into(Context context);
  }
}
