package dev.corekit.bench;

import org.jspecify.annotations.Nullable;

/**
 * One measurement window of one contender: completed and failed calls, the client's usage, latency
 * percentiles.
 *
 * @param ok calls that completed
 * @param failed calls that failed
 * @param seconds wall time of the window
 * @param cpuNanos CPU time of the client process in the window (NaN-like -1 when not measured)
 * @param allocatedBytes bytes allocated by the client in the window (-1 when not measured)
 * @param timerCpuNanos CPU time of Reactor's parallel (timer) threads in the window (-1 when not
 *     measured)
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 * @param firstError the first failure, if any
 */
record Sample(
    long ok,
    long failed,
    double seconds,
    long cpuNanos,
    long allocatedBytes,
    long timerCpuNanos,
    double p50Millis,
    double p99Millis,
    @Nullable String firstError) {

  double perSecond() {
    return ok / seconds;
  }

  /** CPU microseconds per completed call; NaN when not measured. */
  double cpuMicrosPerCall() {
    return cpuNanos < 0 || ok == 0 ? Double.NaN : cpuNanos / 1e3 / ok;
  }

  /** CPU microseconds per completed call on Reactor's timer threads; NaN when not measured. */
  double timerMicrosPerCall() {
    return timerCpuNanos < 0 || ok == 0 ? Double.NaN : timerCpuNanos / 1e3 / ok;
  }

  /** Kilobytes allocated per completed call; NaN when not measured. */
  double allocatedKbPerCall() {
    return allocatedBytes < 0 || ok == 0 ? Double.NaN : allocatedBytes / 1024.0 / ok;
  }

  /**
   * Mean wall time per call for one caller, in microseconds, with {@code callers} callers in
   * parallel.
   */
  double microsPerCall(int callers) {
    return ok == 0 ? Double.NaN : seconds * 1e6 * callers / ok;
  }

  static Sample of(
      long ok, long failed, Usage used, Latencies latencies, @Nullable String firstError) {
    long[] sorted = latencies.sorted();
    return new Sample(
        ok,
        failed,
        used.seconds(),
        used.cpuNanos(),
        used.allocatedBytes(),
        used.timerCpuNanos(),
        Latencies.percentileMillis(sorted, 50),
        Latencies.percentileMillis(sorted, 99),
        firstError);
  }
}
