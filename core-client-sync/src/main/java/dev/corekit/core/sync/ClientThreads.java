package dev.corekit.core.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Finds the event-loop threads a {@link dev.corekit.core.CoreClient} starts ({@code
 * corekit-http-*}, started lazily by its first request) and waits for them to end after the client
 * was closed.
 *
 * <p>The client does not tell which threads are its own, so a client's threads are those that did
 * not exist before it was built. After {@code closeAsync()} completes, Netty has ended the event
 * loops and their threads are on the way out; threads that do not end within {@link #STALL} belong
 * to another client (built meanwhile) and are not waited for.
 */
final class ClientThreads {
  static final String PREFIX = "corekit-http";

  /** How long the wait goes on without any of the threads ending. */
  static final Duration STALL = Duration.ofMillis(100);

  private ClientThreads() {}

  /** The live event-loop threads of all clients, by identity. */
  static Set<Thread> snapshot() {
    Set<Thread> threads = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(PREFIX)) {
        threads.add(t);
      }
    }
    return threads;
  }

  /**
   * Waits until the event-loop threads started since {@code before} have ended, at most {@code
   * bound}, and stops early once none has ended for {@link #STALL}.
   *
   * @return whether every such thread ended
   * @throws InterruptedException if interrupted while waiting
   */
  static boolean awaitExit(Set<Thread> before, Duration bound) throws InterruptedException {
    List<Thread> alive = new ArrayList<>();
    for (Thread t : snapshot()) {
      if (!before.contains(t)) {
        alive.add(t);
      }
    }
    long end = System.nanoTime() + bound.toNanos();
    long lastEnded = System.nanoTime();
    while (true) {
      int count = alive.size();
      alive.removeIf(t -> !t.isAlive());
      long now = System.nanoTime();
      if (alive.size() < count) {
        lastEnded = now;
      }
      if (alive.isEmpty()) {
        return true;
      }
      if (now - end >= 0 || now - lastEnded >= STALL.toNanos()) {
        return false;
      }
      alive.get(0).join(1);
    }
  }
}
