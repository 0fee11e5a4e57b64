package dev.corekit.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a blocking proxy waits: the per-call deadline and the exceptions it throws.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()} or start from {@link
 * #defaults()}.
 *
 * <ul>
 *   <li>{@linkplain Builder#timeout(Duration) timeout}: the deadline of one blocking call. For
 *       calls that return a value or a list it is applied inside the reactive chain ({@code
 *       .timeout(...)}), so the subscription is cancelled when it passes; for lazy streams it
 *       bounds each wait for the next element.
 *   <li>{@linkplain Builder#timeoutException timeoutException}: makes the exception thrown when the
 *       deadline passes, from a description of the call ({@code "Type.method"}) and the deadline.
 *   <li>{@linkplain Builder#interruptedException interruptedException}: makes the exception thrown
 *       when the waiting thread is interrupted (the call is cancelled and the interrupt flag stays
 *       set).
 *   <li>{@linkplain Builder#exceptionTranslator exceptionTranslator}: maps an error of the reactive
 *       side to the exception thrown to the caller. {@link Error}s are never translated.
 * </ul>
 *
 * <pre>{@code
 * BlockingPolicy policy = BlockingPolicy.builder()
 *     .timeout(Duration.ofSeconds(30))
 *     .timeoutException((call, deadline) -> new MyTimeoutException(call + " took over " + deadline))
 *     .build();
 * }</pre>
 */
public final class BlockingPolicy {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final BlockingPolicy DEFAULTS = new Builder().build();

  private final Duration timeout;
  private final BiFunction<String, Duration, ? extends RuntimeException> timeoutException;
  private final Function<InterruptedException, ? extends RuntimeException> interruptedException;
  private final Function<Throwable, ? extends RuntimeException> exceptionTranslator;

  private BlockingPolicy(Builder builder) {
    this.timeout = builder.timeout;
    this.timeoutException = builder.timeoutException;
    this.interruptedException = builder.interruptedException;
    this.exceptionTranslator = builder.exceptionTranslator;
  }

  /**
   * Returns the default policy: a 60 second deadline, {@link CompletionException}s wrapping a
   * {@link TimeoutException} or the {@link InterruptedException}, and runtime exceptions passed
   * through (checked ones wrapped in a {@link CompletionException}).
   *
   * @return the default policy
   */
  public static BlockingPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder with the default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding this policy's settings, to derive a changed copy.
   *
   * @return a new builder initialised from this policy
   */
  public Builder mutate() {
    Builder b = new Builder();
    b.timeout = timeout;
    b.timeoutException = timeoutException;
    b.interruptedException = interruptedException;
    b.exceptionTranslator = exceptionTranslator;
    return b;
  }

  /**
   * Returns the deadline of one blocking call.
   *
   * @return a positive duration
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Creates the exception thrown when a call passes its deadline.
   *
   * @param call a description of the call, {@code "Type.method"}
   * @param deadline the deadline that passed
   * @return the exception to throw, never {@code null}
   */
  public RuntimeException timeoutException(String call, Duration deadline) {
    return Objects.requireNonNull(
        timeoutException.apply(call, deadline), "timeoutException result");
  }

  /**
   * Creates the exception thrown when the waiting thread is interrupted.
   *
   * @param cause the interruption
   * @return the exception to throw, never {@code null}
   */
  public RuntimeException interruptedException(InterruptedException cause) {
    return Objects.requireNonNull(interruptedException.apply(cause), "interruptedException result");
  }

  /**
   * Maps an error of the reactive side to the exception thrown to the blocking caller.
   *
   * @param error the error signalled by the reactive call (never an {@link Error})
   * @return the exception to throw, never {@code null}
   */
  public RuntimeException translate(Throwable error) {
    return Objects.requireNonNull(exceptionTranslator.apply(error), "exceptionTranslator result");
  }

  @Override
  public String toString() {
    return "BlockingPolicy{timeout=" + timeout + "}";
  }

  /** Builds a {@link BlockingPolicy}; not thread-safe, each setter returns this builder. */
  public static final class Builder {
    private Duration timeout = DEFAULT_TIMEOUT;
    private BiFunction<String, Duration, ? extends RuntimeException> timeoutException =
        (call, deadline) ->
            new CompletionException(
                new TimeoutException(call + " did not complete within " + deadline));
    private Function<InterruptedException, ? extends RuntimeException> interruptedException =
        CompletionException::new;
    private Function<Throwable, ? extends RuntimeException> exceptionTranslator =
        error ->
            error instanceof RuntimeException
                ? (RuntimeException) error
                : new CompletionException(error);

    private Builder() {}

    /**
     * Sets the deadline of one blocking call.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if the duration is zero or negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the factory of the exception thrown when a call passes its deadline.
     *
     * @param factory receives the call description ({@code "Type.method"}) and the deadline
     * @return this builder
     */
    public Builder timeoutException(
        BiFunction<String, Duration, ? extends RuntimeException> factory) {
      this.timeoutException = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /**
     * Sets the factory of the exception thrown when the waiting thread is interrupted.
     *
     * @param factory receives the {@link InterruptedException}
     * @return this builder
     */
    public Builder interruptedException(
        Function<InterruptedException, ? extends RuntimeException> factory) {
      this.interruptedException = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /**
     * Sets the translator of reactive errors into the exceptions thrown to the caller.
     *
     * @param translator receives the error signalled by the reactive call
     * @return this builder
     */
    public Builder exceptionTranslator(Function<Throwable, ? extends RuntimeException> translator) {
      this.exceptionTranslator = Objects.requireNonNull(translator, "translator");
      return this;
    }

    /**
     * Builds the immutable policy.
     *
     * @return a new policy
     */
    public BlockingPolicy build() {
      return new BlockingPolicy(this);
    }
  }
}
