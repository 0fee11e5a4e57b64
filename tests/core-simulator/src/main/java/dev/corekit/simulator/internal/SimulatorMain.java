package dev.corekit.simulator.internal;

import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.CoreVersion;
import dev.corekit.simulator.SimulatedCluster;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone: {@code java -jar core-simulator.jar --port 8080 --user admin --password
 * secret [--access-ttl 2s] [--refresh-ttl 30s] [--core-version 16.12.0] [--admin] [--cluster [N]]
 * [--no-auth] [--host 127.0.0.1] [--seed N] [--keepalive 5s] [--login-delay 50ms]}, where {@code
 * --core-version} names any release of {@link CoreVersion} (16.10.0 to 16.16.0, or 16.20.0, the
 * default). {@code --cluster} alone serves a single-node cluster; {@code --cluster 3} runs a
 * simulated 3-node cluster (16.20) on ports {@code --port}, {@code --port}+1, ... (free ports
 * without {@code --port}), with {@code --placement-delay}, {@code --election-delay}, {@code
 * --recover-timeout}, {@code --rejoin-delay}. Prints the URLs and runs until SIGINT or SIGTERM.
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty(
          "slf4j.internal.verbosity", "ERROR"); // no provider in the jar: no logging, no warning
    }
    CoreSimulator.Builder b = CoreSimulator.builder();
    SimulatedCluster.Builder cb = SimulatedCluster.builder();
    long seed = 0;
    int nodes = 0;
    boolean otherVersion = false;
    boolean host = false;
    boolean noAuth = false;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--host" -> {
            b.host(value(args, ++i, a));
            host = true;
          }
          case "--port" -> {
            int port = Integer.parseInt(value(args, ++i, a));
            b.port(port);
            cb.basePort(port);
          }
          case "--user" -> {
            String v = value(args, ++i, a);
            b.user(v);
            cb.user(v);
          }
          case "--password" -> {
            String v = value(args, ++i, a);
            b.password(v);
            cb.password(v);
          }
          case "--access-ttl" -> {
            Duration d = duration(value(args, ++i, a));
            b.accessTtl(d);
            cb.accessTtl(d);
          }
          case "--refresh-ttl" -> {
            Duration d = duration(value(args, ++i, a));
            b.refreshTtl(d);
            cb.refreshTtl(d);
          }
          case "--core-version" -> {
            CoreVersion v = CoreVersion.parse(value(args, ++i, a));
            b.coreVersion(v);
            otherVersion = v != CoreVersion.V16_20;
          }
          case "--keepalive" -> {
            Duration d = duration(value(args, ++i, a));
            b.eventKeepalive(d);
            cb.eventKeepalive(d);
          }
          case "--login-delay" -> {
            Duration d = duration(value(args, ++i, a));
            b.loginFailureDelay(d);
            cb.loginFailureDelay(d);
          }
          case "--jwt-secret" -> {
            String v = value(args, ++i, a);
            b.jwtSecret(v);
            cb.sharedJwtSecret(v);
          }
          case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
          case "--admin" -> {
            b.admin(true);
            cb.admin(true);
          }
          case "--cluster" -> {
            b.cluster(true);
            if (i + 1 < args.length && args[i + 1].matches("[0-9]+")) {
              nodes = Integer.parseInt(args[++i]);
              cb.nodes(nodes);
            }
          }
          case "--placement-delay" -> cb.placementDelay(duration(value(args, ++i, a)));
          case "--election-delay" -> cb.electionDelay(duration(value(args, ++i, a)));
          case "--recover-timeout" -> cb.recoverTimeout(duration(value(args, ++i, a)));
          case "--rejoin-delay" -> cb.rejoinDelay(duration(value(args, ++i, a)));
          case "--no-auth" -> {
            b.auth(false);
            noAuth = true;
          }
          case "-h", "--help" -> {
            System.out.println(usage());
            return;
          }
          default -> throw new IllegalArgumentException("unknown option: " + a);
        }
      }
      if (nodes > 0 && (otherVersion || host || noAuth || seed > 0)) {
        throw new IllegalArgumentException(
            "--cluster N runs 16.20 nodes with auth on 127.0.0.1; drop --core-version, --host,"
                + " --no-auth and --seed");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("core-simulator: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    if (nodes > 0) {
      runCluster(cb.build());
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

  private static void runCluster(SimulatedCluster cluster) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  cluster.close();
                  done.countDown();
                },
                "core-sim-shutdown"));
    cluster.start();
    for (int i = 0; i < cluster.size(); i++) {
      System.out.println(
          "Core simulator 16.20.0 cluster node "
              + cluster.nodeIds().get(i)
              + " listening on "
              + cluster.baseUrls().get(i));
    }
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
        + "  [--access-ttl 10m] [--refresh-ttl 24h] [--core-version VERSION] [--admin] [--cluster [N]]\n"
        + "  [--no-auth] [--seed N] [--keepalive 5s] [--login-delay 50ms] [--jwt-secret S]\n"
        + "  [--placement-delay 1s] [--election-delay 2s] [--recover-timeout 10s] [--rejoin-delay 2s]\n"
        + "  --cluster alone: a single-node cluster; --cluster 3: a simulated 3-node cluster (16.20) on\n"
        + "  --port, --port+1, ... (free ports without --port), each node with its own JWT secret\n"
        + "  VERSION: the Core release to imitate, one of "
        + CoreVersion.numbers()
        + " (default 16.20.0)";
  }
}
