package dev.corekit.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies recorded from any thread into a preallocated array (beyond its capacity, dropped). */
final class Latencies {
  private final long[] nanos;
  private final AtomicInteger next = new AtomicInteger();

  Latencies(int capacity) {
    this.nanos = new long[capacity];
  }

  void record(long latencyNanos) {
    int at = next.getAndIncrement();
    if (at < nanos.length) {
      nanos[at] = latencyNanos;
    }
  }

  int count() {
    return Math.min(next.get(), nanos.length);
  }

  /** Sorted copy of the recorded values. */
  long[] sorted() {
    long[] copy = Arrays.copyOf(nanos, count());
    Arrays.sort(copy);
    return copy;
  }

  /** The {@code p}-th percentile (0..100) of sorted values, in milliseconds; NaN when empty. */
  static double percentileMillis(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
