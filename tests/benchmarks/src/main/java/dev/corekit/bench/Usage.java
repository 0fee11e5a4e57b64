package dev.corekit.bench;

import java.lang.management.ManagementFactory;

/**
 * What this JVM has used so far: wall time, CPU time of the whole process (all threads, GC and JIT
 * included) and bytes allocated by the live threads. The simulator runs in another JVM, so the CPU
 * and allocation measured here are the client's alone.
 */
record Usage(long wallNanos, long cpuNanos, long allocatedBytes, long timerCpuNanos) {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static Usage now() {
    return new Usage(System.nanoTime(), OS.getProcessCpuTime(), allocated(), timerCpu());
  }

  /** The usage between {@code start} and this snapshot. */
  Usage since(Usage start) {
    return new Usage(
        wallNanos - start.wallNanos,
        cpuNanos - start.cpuNanos,
        Math.max(0, allocatedBytes - start.allocatedBytes),
        timerCpuNanos - start.timerCpuNanos);
  }

  /**
   * CPU time of the timer threads: Reactor's {@code parallel-*} (the default time scheduler, where
   * {@code timeout(..)} and {@code Mono.delay(..)} run their timers when given no scheduler) and
   * core-client's {@code corekit-deadlines} (the timer wheel its call deadlines run on).
   */
  private static long timerCpu() {
    long sum = 0;
    for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null
          && (info.getThreadName().startsWith("parallel-")
              || info.getThreadName().startsWith("corekit-deadlines"))) {
        long cpu = THREADS.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          sum += cpu;
        }
      }
    }
    return sum;
  }

  double seconds() {
    return wallNanos / 1e9;
  }

  /**
   * Bytes allocated by the threads alive now. Threads that ended in between are missed, so this is
   * a lower bound; the client's event loops and the benchmark's own threads live through a
   * measurement.
   */
  private static long allocated() {
    if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
      return 0;
    }
    long sum = 0;
    for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
      if (bytes > 0) {
        sum += bytes;
      }
    }
    return sum;
  }
}
