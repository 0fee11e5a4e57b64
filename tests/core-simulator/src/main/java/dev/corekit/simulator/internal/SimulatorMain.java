package dev.corekit.simulator.internal;

import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.CoreVersion;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone: {@code java -jar core-simulator.jar --port 8080 --user admin --password
 * secret [--access-ttl 2s] [--refresh-ttl 30s] [--core-version 16.12.0] [--admin] [--cluster]
 * [--no-auth] [--host 127.0.0.1] [--seed N] [--keepalive 5s] [--login-delay 50ms]}, where {@code
 * --core-version} names any release of {@link CoreVersion} (16.10.0 to 16.16.0, or 16.20.0, the
 * default). Prints the URL and runs until SIGINT or SIGTERM.
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty(
          "slf4j.internal.verbosity", "ERROR"); // no provider in the jar: no logging, no warning
    }
    CoreSimulator.Builder b = CoreSimulator.builder();
    long seed = 0;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--host" -> b.host(value(args, ++i, a));
          case "--port" -> b.port(Integer.parseInt(value(args, ++i, a)));
          case "--user" -> b.user(value(args, ++i, a));
          case "--password" -> b.password(value(args, ++i, a));
          case "--access-ttl" -> b.accessTtl(duration(value(args, ++i, a)));
          case "--refresh-ttl" -> b.refreshTtl(duration(value(args, ++i, a)));
          case "--core-version" -> b.coreVersion(CoreVersion.parse(value(args, ++i, a)));
          case "--keepalive" -> b.eventKeepalive(duration(value(args, ++i, a)));
          case "--login-delay" -> b.loginFailureDelay(duration(value(args, ++i, a)));
          case "--jwt-secret" -> b.jwtSecret(value(args, ++i, a));
          case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
          case "--admin" -> b.admin(true);
          case "--cluster" -> b.cluster(true);
          case "--no-auth" -> b.auth(false);
          case "-h", "--help" -> {
            System.out.println(usage());
            return;
          }
          default -> throw new IllegalArgumentException("unknown option: " + a);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("core-simulator: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    CoreSimulator sim = b.build();
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sim.close();
                  done.countDown();
                },
                "core-sim-shutdown"));
    sim.start();
    if (seed > 0) {
      sim.seedProcesses(seed);
    }
    System.out.println(
        "Core simulator " + sim.version().number() + " listening on " + sim.baseUrl());
    System.out.flush();
    done.await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** Parses {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}, or ISO-8601 such as {@code PT2S}. */
  static Duration duration(String v) {
    String t = v.trim();
    try {
      if (t.startsWith("P") || t.startsWith("p")) {
        return Duration.parse(t);
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new IllegalArgumentException("bad duration: " + v);
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("bad duration: " + v + " (use 500ms, 2s, 5m, 1h)");
    }
  }

  private static String usage() {
    return "usage: java -jar core-simulator.jar [--host 127.0.0.1] [--port 8080] [--user admin] [--password datarhei]\n"
        + "  [--access-ttl 10m] [--refresh-ttl 24h] [--core-version VERSION] [--admin] [--cluster]\n"
        + "  [--no-auth] [--seed N] [--keepalive 5s] [--login-delay 50ms] [--jwt-secret S]\n"
        + "  VERSION: the Core release to imitate, one of "
        + CoreVersion.numbers()
        + " (default 16.20.0)";
  }
}
