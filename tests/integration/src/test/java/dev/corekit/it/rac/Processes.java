package dev.corekit.it.rac;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the operating system says about processes and threads: states from {@code /proc} (Linux),
 * zombie children of this JVM, live threads by name.
 */
public final class Processes {

  /** Names of the threads rac-reactive starts ({@code RacRunner}: a bounded elastic scheduler). */
  public static final String RAC_THREAD_PREFIX = "rac-io";

  private static final Path PROC = Paths.get("/proc");

  private Processes() {}

  /** Whether {@code /proc} can be read (Linux). */
  public static boolean hasProc() {
    return Files.isDirectory(PROC.resolve("self"));
  }

  /**
   * The state letter of a process from {@code /proc/<pid>/stat} ({@code R}, {@code S}, {@code Z},
   * ...), or {@code "-"} when it does not exist (or there is no {@code /proc}).
   */
  public static String state(long pid) {
    String[] stat = stat(pid);
    return stat == null ? "-" : stat[0];
  }

  /** The parent pid from {@code /proc/<pid>/stat}, or -1. */
  public static long parent(long pid) {
    String[] stat = stat(pid);
    return stat == null ? -1 : Long.parseLong(stat[1]);
  }

  /** The fields of /proc/pid/stat after the command name: state, ppid, ...; null if gone. */
  private static String[] stat(long pid) {
    try {
      String text =
          Files.readString(
              PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
      // "pid (comm) S ppid ..." - comm may contain spaces and parentheses: cut at the last ')'.
      return text.substring(text.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The command line from {@code /proc/<pid>/cmdline}, arguments joined by spaces ("" if unknown).
   */
  public static String cmdline(long pid) {
    try {
      byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Children of this JVM that are zombies (state Z in /proc): exited but never reaped. */
  public static List<String> zombieChildren() {
    return zombieChildrenOf(ProcessHandle.current().pid());
  }

  /** Children of a process that are zombies (state Z in /proc). */
  public static List<String> zombieChildrenOf(long self) {
    List<String> zombies = new ArrayList<>();
    if (!hasProc()) {
      return zombies;
    }
    try (DirectoryStream<Path> all =
        Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path p : all) {
        long pid = Long.parseLong(p.getFileName().toString());
        String[] stat = stat(pid);
        if (stat != null && stat[0].equals("Z") && Long.parseLong(stat[1]) == self) {
          zombies.add(pid + " " + cmdline(pid));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return zombies;
  }

  /**
   * Of the given pids (processes of one harness, whose command lines contain {@code marker}), those
   * that are still there: alive with the marker in their command line (a reused pid does not
   * count), or a zombie (state Z) whose parent is this JVM or one of the given processes.
   */
  public static List<String> stillThere(Collection<Long> pids, String marker) {
    long self = ProcessHandle.current().pid();
    List<String> there = new ArrayList<>();
    for (long pid : pids) {
      String state = state(pid);
      String cmd = cmdline(pid);
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      long parent = parent(pid);
      boolean zombie = state.equals("Z") && (parent == self || pids.contains(parent));
      if ((alive && cmd.contains(marker)) || zombie) {
        there.add(pid + " state=" + state + " parent=" + parent + " " + cmd);
      }
    }
    return there;
  }

  /** The names of the live threads starting with {@code prefix}. */
  public static Set<String> threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith(prefix))
        .collect(Collectors.toSet());
  }

  /**
   * The number of open file descriptors of this JVM ({@code /proc/self/fd}), or -1 without /proc.
   */
  public static long openFileDescriptors() {
    if (!hasProc()) {
      return -1;
    }
    try (var fds = Files.list(PROC.resolve("self").resolve("fd"))) {
      return fds.count();
    } catch (IOException e) {
      return -1;
    }
  }
}
