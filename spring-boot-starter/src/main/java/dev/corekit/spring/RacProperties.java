package dev.corekit.spring;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code corekit.rac.*} properties: the 1C {@code rac} command line. A {@link
 * dev.corekit.rac.RacClient} is configured only when {@code executable} is set.
 *
 * <pre>{@code
 * corekit.rac.executable=/opt/1cv8/x86_64/8.3.24.1548/rac
 * corekit.rac.charset=auto
 * }</pre>
 */
@ConfigurationProperties("corekit.rac")
public class RacProperties {
  /** The {@code rac} executable. */
  private @Nullable Path executable;

  /**
   * The encoding of {@code rac}'s output: a charset name ({@code UTF-8}, {@code cp866} for {@code
   * rac.exe} on Russian Windows) or {@code auto} (UTF-8 while valid, cp866 otherwise).
   */
  private String charset = "UTF-8";

  /** How long one {@code rac} process may run before it is killed. */
  private Duration timeout = Duration.ofSeconds(60);

  /** How many {@code rac} processes may run at once. */
  private int concurrency = 4;

  /** The timer of runs. */
  private final Metrics metrics = new Metrics();

  /** Creates the properties with their defaults. */
  public RacProperties() {}

  /**
   * The {@code rac} executable.
   *
   * @return the path, or null
   */
  public @Nullable Path getExecutable() {
    return executable;
  }

  /**
   * Sets the {@code rac} executable.
   *
   * @param executable such as {@code /opt/1cv8/x86_64/8.3.24.1548/rac}
   */
  public void setExecutable(@Nullable Path executable) {
    this.executable = executable;
  }

  /**
   * The encoding of {@code rac}'s output: a charset name ({@code UTF-8}, {@code cp866} for {@code
   * rac.exe} on Russian Windows) or {@code auto} (UTF-8 while valid, cp866 otherwise).
   *
   * @return {@code UTF-8} by default
   */
  public String getCharset() {
    return charset;
  }

  /**
   * Sets the encoding of {@code rac}'s output.
   *
   * @param charset a charset name or {@code auto}
   */
  public void setCharset(String charset) {
    this.charset = charset;
  }

  /**
   * How long one {@code rac} process may run before it is killed.
   *
   * @return 60 s by default
   */
  public Duration getTimeout() {
    return timeout;
  }

  /**
   * Sets how long one {@code rac} process may run.
   *
   * @param timeout a positive duration
   */
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * How many {@code rac} processes may run at once.
   *
   * @return 4 by default
   */
  public int getConcurrency() {
    return concurrency;
  }

  /**
   * Sets how many {@code rac} processes may run at once.
   *
   * @param concurrency at least 1
   */
  public void setConcurrency(int concurrency) {
    this.concurrency = concurrency;
  }

  /**
   * The timer of runs.
   *
   * @return the metrics settings
   */
  public Metrics getMetrics() {
    return metrics;
  }

  @Override
  public String toString() {
    return "RacProperties{executable=" + executable + ", charset=" + charset + "}";
  }

  /** The timer of {@code rac} runs, in the application's {@code MeterRegistry}. */
  public static class Metrics {
    /**
     * Whether each run is timed in the application's {@code MeterRegistry} ({@code
     * corekit.rac.commands}).
     */
    private boolean enabled = true;

    /** Creates the settings with their defaults. */
    public Metrics() {}

    /**
     * Whether each run is timed in the application's {@code MeterRegistry} ({@code
     * corekit.rac.commands}).
     *
     * @return true by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Turns the timer of runs on or off.
     *
     * @param enabled whether to time runs
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
