package dev.corekit.fakerac;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An executable stand-in for {@code rac}: answers a command line from a scripted scenario file.
 *
 * <p>Environment:
 *
 * <ul>
 *   <li>{@code FAKE_RAC_SCENARIO}: a scenario file used for every command line; or
 *   <li>{@code FAKE_RAC_SCENARIOS}: a directory of scenario files keyed by the command words: for
 *       {@code rac host:1545 infobase --cluster=U summary list} the files tried are {@code
 *       infobase_summary_list.rac}, {@code infobase_summary.rac}, {@code infobase.rac}, then {@code
 *       default.rac} (the address, the first word when it is not a mode, and every {@code --option}
 *       are left out of the key);
 *   <li>{@code FAKE_RAC_LOG}: a file to which each run appends, under a file lock, tab-separated
 *       lines {@code argv <pid> <arg>...}, {@code child <pid> <child-pid>}, {@code blocked <pid>
 *       <records>} and {@code exit <pid> <code>}; arguments are escaped ({@code \\ \t \n \r}).
 * </ul>
 *
 * <p>Scenario language, one directive a line (blank lines and {@code #} comments are ignored):
 *
 * <pre>
 * | text          a stdout line, then the current line ending ("|" alone is an empty line)
 * &gt; text          stdout text without a line ending
 * ! text          a stderr line
 * &#64;exit N         the exit code (default 0), applied when the script ends
 * &#64;charset NAME   encoding of the following text (default UTF-8; e.g. cp866)
 * &#64;eol lf|crlf    line ending of the following lines
 * &#64;delay MS       flush, then pause
 * &#64;hang           flush, then wait until killed, keeping stdout open (after some output: a rac
 *                 that never closes its stdout)
 * &#64;wait-file PATH flush, then wait until the file exists ($VAR expands from the environment)
 * &#64;spawn-child    start a child process that sleeps until killed (logged as "child")
 * &#64;generate N     write N infobase-summary records lazily and fast; logs "blocked" once when
 *                 a write has made no progress for 300 ms (the reader applies backpressure)
 * &#64;die N          flush, then halt at once with exit code N (output cut mid-record)
 * &#64;repeat N text   write the text (escapes as for "&gt;", no line ending) N times, lazily: e.g. one
 *                 line of many megabytes, or a gigabyte of garbage
 * </pre>
 *
 * In text, {@code \\}, {@code \s} (space), {@code \t}, {@code \r}, {@code \n} and {@code \xHH} (a
 * raw byte, written as is) are escapes; trailing spaces are kept.
 */
public final class FakeRac {

  static final String CHILD_FLAG = "--fake-rac-child";
  private static final Set<String> MODES =
      Set.of(
          "agent",
          "cluster",
          "manager",
          "server",
          "process",
          "service",
          "infobase",
          "connection",
          "session",
          "lock",
          "rule",
          "profile",
          "counter",
          "limit",
          "help",
          "service-setting",
          "binary-data-storage");
  private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");

  private final List<String> args;
  private final Map<String, String> env;
  private final long pid = ProcessHandle.current().pid();
  private final OutputStream out =
      new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
  private final OutputStream err = new FileOutputStream(FileDescriptor.err);
  private Charset charset = StandardCharsets.UTF_8;
  private String eol = "\n";
  private int exitCode;

  FakeRac(List<String> args, Map<String, String> env) {
    this.args = args;
    this.env = env;
  }

  /**
   * Writes an executable shell script that runs this fake as {@code rac}: the launcher tests hand
   * to the code under test.
   *
   * @param executable where the script goes
   * @param java the {@code java} binary to run the fake with
   * @param classpath the class path entry holding the fake ({@link #codeLocation()} or a copy)
   * @param scenarios the folder of scenario files ({@code FAKE_RAC_SCENARIOS})
   * @param log the file each invocation is logged to ({@code FAKE_RAC_LOG})
   * @throws IOException if the script cannot be written
   */
  public static void writeLauncher(
      Path executable, String java, Path classpath, Path scenarios, Path log) throws IOException {
    String script =
        "#!/bin/sh\n"
            + "FAKE_RAC_SCENARIOS='"
            + scenarios
            + "'\n"
            + "FAKE_RAC_LOG='"
            + log
            + "'\n"
            + "export FAKE_RAC_SCENARIOS FAKE_RAC_LOG\n"
            + "exec '"
            + java
            + "' -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
            + " -XX:-UsePerfData -Xmx64m -cp '"
            + classpath
            + "' "
            + FakeRac.class.getName()
            + " \"$@\"\n";
    Files.writeString(executable, script);
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /**
   * The class path entry (jar or classes folder) this fake was loaded from.
   *
   * @return its path
   */
  public static Path codeLocation() {
    try {
      return Paths.get(FakeRac.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs the fake {@code rac}.
   *
   * @param args the command line, as {@code rac} would receive it
   */
  public static void main(String[] args) {
    if (args.length == 1 && CHILD_FLAG.equals(args[0])) {
      sleepForever();
      return;
    }
    FakeRac rac = new FakeRac(List.of(args), System.getenv());
    int code;
    try {
      code = rac.run();
    } catch (IOException | RuntimeException e) {
      PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
      stderr.println("fake-rac: " + e);
      code = 3;
    }
    rac.log("exit", Integer.toString(code));
    System.exit(code);
  }

  int run() throws IOException {
    log("argv", args.toArray(new String[0]));
    Path scenario = scenarioFile();
    if (scenario == null) {
      err.write(
          ("fake-rac: no scenario for " + String.join(" ", args) + "\n")
              .getBytes(StandardCharsets.UTF_8));
      return 2;
    }
    for (String line : Files.readAllLines(scenario, StandardCharsets.UTF_8)) {
      execute(line);
    }
    out.flush();
    return exitCode;
  }

  /** The command words of the argv: no options, no address. */
  static List<String> commandWords(List<String> args) {
    List<String> words = new ArrayList<>();
    for (String a : args) {
      if (!a.startsWith("-")) {
        words.add(a);
      }
    }
    if (!words.isEmpty() && !MODES.contains(words.get(0))) {
      words.remove(0);
    }
    return words;
  }

  private Path scenarioFile() {
    String single = env.get("FAKE_RAC_SCENARIO");
    if (single != null && !single.isEmpty()) {
      return Paths.get(single);
    }
    String dir = env.get("FAKE_RAC_SCENARIOS");
    if (dir == null || dir.isEmpty()) {
      return null;
    }
    List<String> words = commandWords(args);
    for (int n = words.size(); n > 0; n--) {
      Path p = Paths.get(dir, String.join("_", words.subList(0, n)) + ".rac");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    Path fallback = Paths.get(dir, "default.rac");
    return Files.isRegularFile(fallback) ? fallback : null;
  }

  private void execute(String line) throws IOException {
    if (line.startsWith("|")) {
      out.write(text(line.substring(1), true));
      out.write(eol.getBytes(charset));
      return;
    }
    if (line.startsWith(">")) {
      out.write(text(line.substring(1), true));
      return;
    }
    if (line.startsWith("!")) {
      out.flush();
      err.write(text(line.substring(1), true));
      err.write(eol.getBytes(charset));
      err.flush();
      return;
    }
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return;
    }
    String[] parts = trimmed.split("\\s+", 2);
    String arg = parts.length > 1 ? parts[1] : "";
    switch (parts[0]) {
      case "@exit":
        exitCode = Integer.parseInt(arg);
        break;
      case "@charset":
        charset = Charset.forName(arg);
        break;
      case "@eol":
        eol = arg.toLowerCase(Locale.ROOT).equals("crlf") ? "\r\n" : "\n";
        break;
      case "@delay":
        out.flush();
        pause(Long.parseLong(arg));
        break;
      case "@hang":
        out.flush();
        sleepForever();
        break;
      case "@wait-file":
        out.flush();
        Path gate = Paths.get(expand(arg));
        while (!Files.exists(gate)) {
          pause(10);
        }
        break;
      case "@spawn-child":
        spawnChild();
        break;
      case "@generate":
        generate(Long.parseLong(arg));
        break;
      case "@repeat":
        repeat(arg);
        break;
      case "@die":
        out.flush();
        log("exit", arg);
        Runtime.getRuntime().halt(Integer.parseInt(arg));
        break;
      default:
        throw new IllegalArgumentException("unknown directive: " + line);
    }
  }

  /**
   * {@code N text}: writes the text N times without a line ending; memory stays that of one copy.
   */
  private void repeat(String arg) throws IOException {
    String[] parts = arg.split(" ", 2);
    long times = Long.parseLong(parts[0]);
    byte[] chunk = text(parts.length > 1 ? parts[1] : "", false);
    for (long i = 0; i < times; i++) {
      out.write(chunk);
    }
  }

  private byte[] text(String raw, boolean skipOneSpace) {
    String s = skipOneSpace && raw.startsWith(" ") ? raw.substring(1) : raw;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder pending = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        pending.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 's':
          pending.append(' ');
          break;
        case 't':
          pending.append('\t');
          break;
        case 'r':
          pending.append('\r');
          break;
        case 'n':
          pending.append('\n');
          break;
        case 'x':
          bytes.writeBytes(pending.toString().getBytes(charset));
          pending.setLength(0);
          bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
          break;
        default:
          pending.append(n);
      }
    }
    bytes.writeBytes(pending.toString().getBytes(charset));
    return bytes.toByteArray();
  }

  private String expand(String value) {
    Matcher m = VAR.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(env.getOrDefault(m.group(1), "")));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private void spawnChild() throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx16m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                FakeRac.class.getName(),
                CHILD_FLAG)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    log("child", Long.toString(child.pid()));
  }

  /**
   * Writes {@code count} records of {@code infobase summary list} as fast as the pipe takes them. A
   * watchdog logs {@code blocked} once when no record completes for 300 ms.
   */
  private void generate(long count) throws IOException {
    byte[] head = "infobase : 00000000-0000-0000-0000-".getBytes(StandardCharsets.US_ASCII);
    byte[] name =
        (eol.equals("\n") ? "\nname     : base" : "\r\nname     : base")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] descr = (eol + "descr    : \"Generated record ").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\"" + eol + eol).getBytes(StandardCharsets.US_ASCII);
    byte[] hex = new byte[12];
    byte[] dec = new byte[20];
    long[] written = new long[1];
    Thread watchdog =
        new Thread(
            () -> {
              long last = -1;
              long since = System.nanoTime();
              while (true) {
                pause(50);
                long now;
                synchronized (written) {
                  now = written[0];
                }
                if (now >= count) {
                  return;
                }
                if (now != last) {
                  last = now;
                  since = System.nanoTime();
                } else if (System.nanoTime() - since > 300_000_000L) {
                  log("blocked", Long.toString(now));
                  return;
                }
              }
            },
            "fake-rac-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    for (long i = 1; i <= count; i++) {
      long v = i;
      for (int k = 11; k >= 0; k--) {
        hex[k] = (byte) "0123456789abcdef".charAt((int) (v & 0xF));
        v >>>= 4;
      }
      int p = dec.length;
      v = i;
      do {
        dec[--p] = (byte) ('0' + (v % 10));
        v /= 10;
      } while (v > 0);
      out.write(head);
      out.write(hex);
      out.write(name);
      out.write(dec, p, dec.length - p);
      out.write(descr);
      out.write(dec, p, dec.length - p);
      out.write(tail);
      if ((i & 63) == 0 || i == count) {
        synchronized (written) {
          written[0] = i;
        }
      }
    }
    out.flush();
  }

  private void log(String event, String... data) {
    String file = env.get("FAKE_RAC_LOG");
    if (file == null || file.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder(event).append('\t').append(pid);
    for (String d : data) {
      sb.append('\t').append(escape(d));
    }
    sb.append('\n');
    try (FileChannel ch =
        FileChannel.open(
            Paths.get(file),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      FileLock lock = ch.lock();
      try {
        ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\':
          sb.append("\\\\");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Reverses {@link #escape}: used by tests reading the log.
   *
   * @param s an escaped log field
   * @return the original text
   */
  public static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleepForever() {
    while (true) {
      pause(60_000);
    }
  }
}
