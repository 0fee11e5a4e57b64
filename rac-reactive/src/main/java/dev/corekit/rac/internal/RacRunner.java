package dev.corekit.rac.internal;

import dev.corekit.rac.RacException;
import dev.corekit.rac.RacOutputParser;
import dev.corekit.rac.RacParseException;
import dev.corekit.rac.RacRecord;
import dev.corekit.rac.RacTimeoutException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs {@code rac} processes and streams their parsed output.
 *
 * <p>Each run: waits (without blocking a thread) for one of {@code maxConcurrency} permits, starts
 * the process from an argv list on a dedicated I/O scheduler, pulls records from stdout only as
 * downstream requests them (so a slow subscriber leaves the pipe full and {@code rac} blocked),
 * collects stderr concurrently (its last 64 KiB), and on exit maps a non-zero code to a {@code
 * RacCommandException}. A timeout, a cancellation or {@link #close()} kills the process and its
 * descendants; the permit is released only when the process has exited.
 */
public final class RacRunner {

  private static final Logger LOG = LoggerFactory.getLogger("dev.corekit.rac");
  private static final int STDERR_LIMIT = 64 * 1024;
  private static final Duration STDERR_WAIT = Duration.ofSeconds(5);

  private final Path executable;
  private final @Nullable Charset charset;
  private final Duration timeout;
  private final RacObserver observer;
  private static final Duration PARSE_FAILURE_EXIT_WAIT = Duration.ofMillis(300);
  private final AsyncPermits permits;
  private final Scheduler io;
  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * Creates a runner.
   *
   * @param executable the {@code rac} executable
   * @param charset the output encoding, or {@code null} to auto-detect (UTF-8 when valid, else
   *     cp866)
   * @param timeout the longest a process may run
   * @param maxConcurrency the most processes running at once
   */
  public RacRunner(
      Path executable, @Nullable Charset charset, Duration timeout, int maxConcurrency) {
    this(executable, charset, timeout, maxConcurrency, RacObserver.NONE);
  }

  /**
   * Creates a runner that reports each run to an observer.
   *
   * @param executable the rac executable
   * @param charset the output charset, or null to detect it
   * @param timeout the longest a process may run
   * @param maxConcurrency the most processes at once
   * @param observer receives each finished run
   */
  public RacRunner(
      Path executable,
      @Nullable Charset charset,
      Duration timeout,
      int maxConcurrency,
      RacObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    this.executable = Objects.requireNonNull(executable, "executable");
    this.charset = charset;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.permits =
        new AsyncPermits(
            maxConcurrency, () -> new RacException("RacClient is closed", List.of(), null));
    // Each running process uses two I/O threads (stdout, stderr); a little headroom for kills.
    this.io =
        Schedulers.newBoundedElastic(2 * maxConcurrency + 2, Integer.MAX_VALUE, "rac-io", 60, true);
  }

  /**
   * Runs a command and streams its records.
   *
   * @param command the arguments after the executable
   * @return the records, emitted while rac writes; errors are {@link RacException}s
   */
  public Flux<RacRecord> records(RacCommand command) {
    return run(command, RacOutputParser::next);
  }

  /**
   * Runs a command whose output is a bare line ({@code agent version}).
   *
   * @param command the arguments after the executable
   * @return the first non-blank line, or empty
   */
  public Mono<String> firstLine(RacCommand command) {
    return run(command, RacOutputParser::nextLine)
        .collectList()
        .flatMap(lines -> lines.isEmpty() ? Mono.empty() : Mono.just(lines.get(0)));
  }

  /** Reads one item from the parser, or {@code null} at the end. */
  @FunctionalInterface
  interface Reader<T> {
    @Nullable T read(RacOutputParser parser) throws IOException;
  }

  <T> Flux<T> run(RacCommand command, Reader<T> reader) {
    return Flux.defer(
        () -> {
          if (closed) {
            return Flux.error(new RacException("RacClient is closed", argv(command), null));
          }
          long start = System.nanoTime();
          java.util.concurrent.atomic.AtomicReference<Throwable> failure =
              new java.util.concurrent.atomic.AtomicReference<>();
          return permits
              .acquire()
              .flatMapMany(permit -> runWithPermit(command, reader, permit))
              .doOnError(failure::set)
              .doFinally(
                  signal ->
                      observer.finished(
                          command.label(),
                          outcome(signal, failure.get()),
                          System.nanoTime() - start));
        });
  }

  private static String outcome(
      reactor.core.publisher.SignalType signal, @Nullable Throwable failure) {
    if (signal == reactor.core.publisher.SignalType.CANCEL) {
      return "CANCELLED";
    }
    if (failure == null) {
      return "SUCCESS";
    }
    return failure instanceof RacTimeoutException ? "TIMEOUT" : "FAILED";
  }

  private <T> Flux<T> runWithPermit(
      RacCommand command, Reader<T> reader, AsyncPermits.Permit permit) {
    AtomicBoolean claimed = new AtomicBoolean();
    AtomicBoolean timedOut = new AtomicBoolean();
    Flux<T> process =
        Flux.<T, Execution>using(
                () -> {
                  if (!claimed.compareAndSet(false, true)) {
                    throw new RacException("Cancelled before start", argv(command), null);
                  }
                  return start(command, permit);
                },
                exec -> Flux.generate(sink -> exec.pull(sink, reader)),
                Execution::stop)
            .subscribeOn(io)
            .doFinally(
                signal -> {
                  if (claimed.compareAndSet(false, true)) {
                    permit.release();
                  }
                });
    Mono<Long> timer = Mono.delay(timeout).doOnNext(t -> timedOut.set(true));
    return process
        .takeUntilOther(timer)
        .concatWith(
            Mono.defer(
                () ->
                    timedOut.get()
                        ? Mono.error(
                            new RacTimeoutException(
                                "rac did not finish within "
                                    + timeout
                                    + "; killed ["
                                    + String.join(" ", argv(command))
                                    + "]",
                                argv(command),
                                timeout))
                        : Mono.empty()));
  }

  private Execution start(RacCommand command, AsyncPermits.Permit permit) {
    List<String> argv = new ArrayList<>();
    argv.add(executable.toString());
    argv.addAll(command.arguments());
    Process process;
    try {
      if (closed) {
        throw new IOException("RacClient is closed");
      }
      process = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException | RuntimeException e) {
      permit.release();
      throw new RacException(
          "Cannot start rac: " + e.getMessage() + " [" + String.join(" ", argv(command)) + "]",
          argv(command),
          e);
    }
    running.add(process);
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // stdin is not used; a failure to close it does not matter.
    }
    LOG.debug("rac started (pid {}): {}", process.pid(), String.join(" ", argv(command)));
    Execution exec = new Execution(command, process, permit);
    if (closed) {
      exec.stop();
    }
    return exec;
  }

  List<String> argv(RacCommand command) {
    return RacCommand.prepend(executable.toString(), command.masked());
  }

  /** Kills every running process and refuses new runs; does not block. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    permits.close();
    List<CompletableFuture<Process>> exits = new ArrayList<>();
    for (Process p : running) {
      killTree(p.toHandle());
      exits.add(p.onExit());
    }
    CompletableFuture.allOf(exits.toArray(new CompletableFuture<?>[0]))
        .orTimeout(10, TimeUnit.SECONDS)
        .whenComplete((v, e) -> io.dispose());
  }

  /**
   * Closes like {@link #close()} and completes when the killed processes have exited.
   *
   * @return a Mono completing after shutdown
   */
  public Mono<Void> closeAsync() {
    return Mono.defer(
        () -> {
          List<CompletableFuture<Process>> exits = new ArrayList<>();
          for (Process p : running) {
            exits.add(p.onExit());
          }
          close();
          return Mono.fromFuture(
                  CompletableFuture.allOf(exits.toArray(new CompletableFuture<?>[0])))
              .timeout(Duration.ofSeconds(10))
              .onErrorComplete();
        });
  }

  static void killTree(ProcessHandle handle) {
    List<ProcessHandle> descendants = new ArrayList<>();
    try {
      handle.descendants().forEach(descendants::add);
    } catch (RuntimeException ignored) {
      // The process may already be gone.
    }
    handle.destroyForcibly();
    for (ProcessHandle d : descendants) {
      d.destroyForcibly();
    }
  }

  /** One running process: pulls its stdout, collects its stderr, maps its exit. */
  final class Execution {
    final RacCommand command;
    final Process process;
    final AsyncPermits.Permit permit;
    final RacOutputParser parser;
    final CompletableFuture<byte[]> stderr = new CompletableFuture<>();
    final long started = System.nanoTime();
    private volatile boolean stopped;

    Execution(RacCommand command, Process process, AsyncPermits.Permit permit) {
      this.command = command;
      this.process = process;
      this.permit = permit;
      InputStream out = process.getInputStream();
      this.parser =
          charset == null ? RacOutputParser.autoDetect(out) : RacOutputParser.of(out, charset);
      try {
        io.schedule(this::pumpStderr);
      } catch (RejectedExecutionException e) {
        stderr.complete(new byte[0]);
      }
    }

    <T> void pull(SynchronousSink<T> sink, Reader<T> reader) {
      try {
        T item = reader.read(parser);
        if (item != null && !parser.lastRecordUnterminated()) {
          sink.next(item);
          return;
        }
        // End of stdout; a record without its closing empty line counts only if rac exits with 0.
        int code = process.waitFor();
        String err = stderrText();
        LOG.debug(
            "rac exited with {} after {} ms (pid {}): {}",
            code,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
            process.pid(),
            String.join(" ", argv(command)));
        if (closed && code != 0) {
          sink.error(
              new RacException("RacClient closed while rac was running", argv(command), null));
        } else if (stopped && code != 0) {
          // Killed by us (timeout or cancellation): the subscriber is gone or gets the timeout
          // error;
          // the exit code of the kill must not race it as a command failure.
          sink.complete();
        } else if (code != 0) {
          sink.error(ErrorClassifier.classify(argv(command), code, err));
        } else if (item != null) {
          sink.next(item);
        } else {
          sink.complete();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (stopped) {
          // The reading thread was interrupted because we stopped the run (timeout, cancellation).
          sink.complete();
        } else {
          sink.error(new RacException("Interrupted while reading rac output", argv(command), e));
        }
      } catch (RacParseException e) {
        sink.error(parseFailure(e));
      } catch (RacException e) {
        sink.error(e);
      } catch (IOException | RuntimeException e) {
        sink.error(
            new RacException(
                "Cannot read rac output: " + e + " [" + String.join(" ", argv(command)) + "]",
                argv(command),
                e));
      }
    }

    /**
     * A line that cannot be parsed is often the cut-off end of the output of a rac that failed:
     * when the process exits non-zero soon after, its exit code and stderr explain more than the
     * cut line. Otherwise the parse error is reported, with any secret of the command scrubbed from
     * the quoted line.
     */
    private RacException parseFailure(RacParseException e) {
      try {
        if (process.waitFor(PARSE_FAILURE_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)
            && process.exitValue() != 0) {
          return ErrorClassifier.classify(argv(command), process.exitValue(), stderrText());
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      String message = e.getMessage() == null ? "" : e.getMessage();
      String scrubbed = command.scrub(message);
      if (scrubbed.equals(message)) {
        return e;
      }
      return new RacParseException(scrubbed, e.field(), null);
    }

    private String stderrText() throws InterruptedException {
      byte[] bytes;
      try {
        bytes = stderr.get(STDERR_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        bytes = new byte[0];
      }
      return command.scrub(decode(bytes));
    }

    private String decode(byte[] bytes) {
      if (charset != null) {
        return new String(bytes, charset);
      }
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        return new String(bytes, RacOutputParser.CP866);
      }
    }

    private void pumpStderr() {
      ByteArrayOutputStream tail = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      try (InputStream err = process.getErrorStream()) {
        int n;
        while ((n = err.read(chunk)) > 0) {
          tail.write(chunk, 0, n);
          if (tail.size() > 2 * STDERR_LIMIT) {
            byte[] all = tail.toByteArray();
            tail.reset();
            tail.write(all, all.length - STDERR_LIMIT, STDERR_LIMIT);
          }
        }
      } catch (IOException e) {
        // The stream is closed when the process is killed: keep what was read.
      }
      byte[] all = tail.toByteArray();
      if (all.length > STDERR_LIMIT) {
        byte[] last = new byte[STDERR_LIMIT];
        System.arraycopy(all, all.length - STDERR_LIMIT, last, 0, STDERR_LIMIT);
        all = last;
      }
      stderr.complete(all);
    }

    /** Kills the process tree if still running; releases the permit once it has exited. */
    void stop() {
      if (!stopped) {
        stopped = true;
        if (process.isAlive()) {
          LOG.debug("killing rac (pid {}): {}", process.pid(), String.join(" ", argv(command)));
          killTree(process.toHandle());
        }
        process
            .onExit()
            .whenComplete(
                (p, e) -> {
                  running.remove(process);
                  permit.release();
                  try {
                    io.schedule(this::closeStreams);
                  } catch (RejectedExecutionException rejected) {
                    closeStreams();
                  }
                });
      }
    }

    private void closeStreams() {
      try {
        parser.close();
      } catch (IOException ignored) {
        // Nothing to do: the process is gone.
      }
    }
  }
}
