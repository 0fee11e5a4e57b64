package dev.corekit.rac;

import dev.corekit.rac.internal.RacRunner;
import dev.corekit.rac.internal.RacSessionImpl;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Runs the 1C:Enterprise remote administration CLI {@code rac} and streams its output as typed
 * records.
 *
 * <p>One client holds the settings (executable, encoding, timeout, concurrency) and the processes
 * it runs; it is thread-safe, meant to be shared, and {@link AutoCloseable}: closing kills the
 * running {@code rac} processes and fails later calls. Each subscription to a publisher of the API
 * runs one {@code rac} process, with its arguments passed as an argv list (never through a shell):
 *
 * <ul>
 *   <li>output is parsed while {@code rac} writes it, and read only as fast as the subscriber
 *       requests;
 *   <li>at most {@link Builder#maxConcurrency(int) maxConcurrency} processes run at once; further
 *       calls wait for a free slot without blocking a thread;
 *   <li>a process running longer than {@link Builder#timeout(Duration) timeout}, or whose
 *       subscription is cancelled, is killed with its child processes ({@link RacTimeoutException}
 *       for the timeout);
 *   <li>a non-zero exit becomes a {@link RacCommandException} subtype chosen from stderr;
 *   <li>passwords are masked as {@code ***} in logs, messages and {@link RacException#command()}.
 * </ul>
 *
 * <pre>{@code
 * try (RacClient rac = RacClient.builder()
 *     .executable(Path.of("/opt/1cv8/x86_64/8.3.24.1548/rac"))
 *     .timeout(Duration.ofSeconds(30))
 *     .build()) {
 *   RacSession ras = rac.session("srv1c");
 *   List<RacCluster> clusters = ras.clusters().list().collectList().block();
 * }
 * }</pre>
 *
 * {@link RacSync#of(RacClient)} gives the same API as blocking calls.
 */
public final class RacClient implements AutoCloseable {

  /** The default port of {@code ras}. */
  public static final int DEFAULT_PORT = 1545;

  private final Path executable;
  private final @Nullable Charset charset;
  private final Duration timeout;
  private final int maxConcurrency;
  private final RacRunner runner;

  private RacClient(Builder b) {
    this.executable = b.executable;
    this.charset = b.charset;
    this.timeout = b.timeout;
    this.maxConcurrency = b.maxConcurrency;
    this.runner =
        new RacRunner(
            executable,
            charset,
            timeout,
            maxConcurrency,
            b.meterRegistry == null
                ? dev.corekit.rac.internal.RacObserver.NONE
                : dev.corekit.rac.internal.MicrometerRacObserver.create(b.meterRegistry));
  }

  /**
   * Starts a builder; {@link Builder#executable(Path)} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a session with the {@code ras} server on {@code host}, port 1545.
   *
   * @param host the host of {@code ras} (IPv6 literals are not supported by {@code rac})
   * @return the session
   */
  public RacSession session(String host) {
    return session(host, DEFAULT_PORT);
  }

  /**
   * Returns a session with the {@code ras} server on {@code host:port}.
   *
   * @param host the host of {@code ras}
   * @param port its port
   * @return the session
   * @throws IllegalArgumentException if the host is blank or contains {@code :}, or the port is
   *     invalid
   */
  public RacSession session(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank() || host.contains(":") || host.startsWith("-")) {
      throw new IllegalArgumentException("Invalid ras host: '" + host + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Invalid ras port: " + port);
    }
    return new RacSessionImpl(runner, host, port);
  }

  /** Kills the running {@code rac} processes and fails later calls; returns without waiting. */
  @Override
  public void close() {
    runner.close();
  }

  /**
   * Closes like {@link #close()}, completing once the killed processes have exited.
   *
   * @return a Mono completing after shutdown
   */
  public Mono<Void> closeAsync() {
    return runner.closeAsync();
  }

  Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "RacClient{executable="
        + executable
        + ", charset="
        + (charset == null ? "auto" : charset)
        + ", timeout="
        + timeout
        + ", maxConcurrency="
        + maxConcurrency
        + "}";
  }

  /** Builds a {@link RacClient}; not thread-safe. */
  public static final class Builder {
    private @Nullable Path executable;
    private @Nullable Charset charset = StandardCharsets.UTF_8;
    private Duration timeout = Duration.ofSeconds(60);
    private int maxConcurrency = 4;
    private @Nullable Object meterRegistry;

    private Builder() {}

    /**
     * Records a Micrometer timer {@code corekit.rac.commands} per rac run, tagged {@code command}
     * (the mode and command words, such as {@code session list}) and {@code outcome} (SUCCESS,
     * FAILED, TIMEOUT, CANCELLED). Micrometer is an optional dependency: add {@code
     * io.micrometer:micrometer-core}.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Sets the {@code rac} executable.
     *
     * @param executable e.g. {@code /opt/1cv8/x86_64/8.3.24.1548/rac} or {@code C:\...\bin\rac.exe}
     * @return this builder
     */
    public Builder executable(Path executable) {
      this.executable = Objects.requireNonNull(executable, "executable");
      return this;
    }

    /**
     * Sets the encoding of {@code rac}'s output: UTF-8 by default (Linux); cp866 ({@link
     * RacOutputParser#CP866}) for {@code rac.exe} on Russian Windows.
     *
     * @param charset an ASCII-compatible charset
     * @return this builder
     */
    public Builder charset(Charset charset) {
      this.charset = Objects.requireNonNull(charset, "charset");
      return this;
    }

    /**
     * Detects the encoding of each output: UTF-8 while the bytes are valid UTF-8, cp866 otherwise.
     *
     * @return this builder
     */
    public Builder autoCharset() {
      this.charset = null;
      return this;
    }

    /**
     * Sets how long one {@code rac} process may run before it is killed (60 seconds by default).
     * Time spent waiting for a free concurrency slot does not count.
     *
     * @param timeout a positive duration
     * @return this builder
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
     * Sets how many {@code rac} processes may run at once (4 by default).
     *
     * @param maxConcurrency at least 1
     * @return this builder
     */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1) {
        throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return a new client
     * @throws IllegalStateException if no executable was set
     */
    public RacClient build() {
      if (executable == null) {
        throw new IllegalStateException("executable is required");
      }
      return new RacClient(this);
    }
  }
}
