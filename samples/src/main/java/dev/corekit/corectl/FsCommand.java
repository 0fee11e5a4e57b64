package dev.corekit.corectl;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreTimeoutException;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.api.FilesystemApi;
import dev.corekit.core.model.FileInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code corectl fs ...}: files of Core's storages ({@code disk}, {@code mem}, s3 storages). */
@Command(
    name = "fs",
    mixinStandardHelpOptions = true,
    description = "Files of Core's storages (disk, mem, s3 names): ls, put, get, rm.",
    subcommands = {
      FsCommand.Ls.class,
      FsCommand.Put.class,
      FsCommand.Get.class,
      FsCommand.Rm.class
    })
final class FsCommand extends CoreCommand {
  private static final Duration DEFAULT_IDLE = Duration.ofSeconds(10);

  @Override
  int run() {
    throw missingCommand();
  }

  /**
   * The file operations for transfers: {@code --timeout} (default 10 s) bounds the time in which no
   * byte moves, not the whole transfer; other calls keep it as their deadline.
   */
  static FilesystemApi transfers(CoreClient core, CoreCommand command) {
    Duration idle = command.root().timeout;
    return core.filesystems()
        .with(RequestOptions.builder().idleTimeout(idle != null ? idle : DEFAULT_IDLE).build());
  }

  /**
   * Reports a transfer that moved no data for the idle timeout (exit code 1); rethrows any other
   * failure.
   */
  static int stalled(CoreCommand command, RuntimeException e, String what) {
    if (Failures.unwrap(e) instanceof CoreTimeoutException t && t.idle()) {
      command
          .root()
          .err
          .println(
              "corectl: "
                  + what
                  + " stopped: no data moved for "
                  + Durations.text(t.timeout())
                  + " (set this limit with --timeout; the transfer as a whole has none)");
      return 1;
    }
    throw e;
  }

  /** A storage path without its leading slash, as the API takes it. */
  static String relative(String path) {
    String p = path.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.isEmpty()) {
      throw new UsageException("a file path is required, e.g. live/stream.m3u8");
    }
    return p;
  }

  /** {@code fs ls STORAGE [--glob G]}. */
  @Command(
      name = "ls",
      mixinStandardHelpOptions = true,
      description = "List the files of a storage.")
  static final class Ls extends CoreCommand {
    @Parameters(paramLabel = "STORAGE", description = "disk, mem, or an s3 storage's name.")
    String storage;

    @Option(
        names = "--glob",
        paramLabel = "GLOB",
        description = "Only names matching, e.g. '/live/*.ts' (names start with /).")
    @Nullable String glob;

    @Option(
        names = "--bytes",
        description = "Print sizes in bytes instead of B, KiB, MiB, GiB (powers of 1024).")
    boolean bytes;

    @Override
    int run() {
      try (CoreClient core = connect()) {
        FilesystemApi.ListQuery query = FilesystemApi.ListQuery.builder().glob(glob).build();
        Printer p = printer();
        if (p.json()) {
          p.printJson(core.filesystems().list(storage, query).collectList().block());
          return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (FileInfo f : core.filesystems().list(storage, query).toIterable()) {
          rows.add(
              List.of(
                  f.name(),
                  bytes ? String.valueOf(f.sizeBytes()) : Format.bytes(f.sizeBytes()),
                  Format.unixTime(f.lastModified())));
        }
        p.table(List.of("name", "size", "modified"), rows);
        return 0;
      }
    }
  }

  /** {@code fs put STORAGE PATH FILE}. */
  @Command(
      name = "put",
      mixinStandardHelpOptions = true,
      description = {
        "Upload a local file (streamed, not read into memory).",
        "--timeout bounds the time in which no data moves, not the whole upload."
      })
  static final class Put extends CoreCommand {
    @Parameters(
        index = "0",
        paramLabel = "STORAGE",
        description = "disk, mem, or an s3 storage's name.")
    String storage;

    @Parameters(
        index = "1",
        paramLabel = "PATH",
        description = "Path in the storage, e.g. live/logo.png.")
    String path;

    @Parameters(index = "2", paramLabel = "FILE", description = "The local file to upload.")
    Path file;

    @Override
    int run() throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new UsageException(file + ": no such file");
      }
      String target = relative(path);
      long size = Files.size(file);
      try (CoreClient core = connect()) {
        FilesystemApi fs = transfers(core, this);
        if (System.console() != null) {
          ProgressBar bar = new ProgressBar(root().err, "upload " + file.getFileName(), size);
          fs.upload(storage, target, FileChunks.read(file, bar)).block();
          bar.finish();
        } else {
          fs.upload(storage, target, file).block();
        }
      } catch (RuntimeException e) {
        return stalled(this, e, "upload of " + file + " to " + storage + ":/" + target);
      }
      Printer p = printer();
      if (p.json()) {
        p.printJson(Map.of("storage", storage, "path", "/" + target, "bytes", size));
      } else {
        p.line("uploaded " + file + " to " + storage + ":/" + target + " (" + size + " bytes)");
      }
      return 0;
    }
  }

  /** {@code fs get STORAGE PATH [FILE]}. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = {
        "Download a file to FILE, or to standard output without FILE (or with '-').",
        "--timeout bounds the time in which no data moves, not the whole download."
      })
  static final class Get extends CoreCommand {
    @Parameters(
        index = "0",
        paramLabel = "STORAGE",
        description = "disk, mem, or an s3 storage's name.")
    String storage;

    @Parameters(index = "1", paramLabel = "PATH", description = "Path in the storage.")
    String path;

    @Parameters(
        index = "2",
        arity = "0..1",
        paramLabel = "FILE",
        description = "The local file to write.")
    @Nullable Path file;

    @Override
    int run() throws IOException {
      String source = relative(path);
      try (CoreClient core = connect()) {
        return download(core, source);
      } catch (RuntimeException e) {
        return stalled(this, e, "download of " + storage + ":/" + source);
      }
    }

    private int download(CoreClient core, String source) throws IOException {
      FilesystemApi fs = transfers(core, this);
      if (file == null || file.toString().equals("-")) {
        OutputStream out = root().out;
        for (ByteBuffer chunk : fs.download(storage, source).toIterable()) {
          write(out, chunk);
        }
        out.flush();
        return 0;
      }
      long bytes;
      if (System.console() != null) {
        long total =
            fs.stat(storage, source).map(i -> i.size().orElse(-1)).blockOptional().orElse(-1L);
        ProgressBar bar = new ProgressBar(root().err, "download " + file.getFileName(), total);
        bytes = downloadTo(fs, source, file, bar);
        bar.finish();
      } else {
        bytes = fs.download(storage, source, file).block();
      }
      Printer p = printer();
      if (p.json()) {
        p.printJson(
            Map.of(
                "storage", storage, "path", "/" + source, "file", file.toString(), "bytes", bytes));
      } else {
        p.line("downloaded " + storage + ":/" + source + " to " + file + " (" + bytes + " bytes)");
      }
      return 0;
    }

    private long downloadTo(FilesystemApi fs, String source, Path target, LongConsumer progress)
        throws IOException {
      Path partial = target.resolveSibling(target.getFileName() + ".part");
      long total = 0;
      boolean ok = false;
      try (FileChannel channel =
          FileChannel.open(
              partial,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        for (ByteBuffer chunk : fs.download(storage, source).toIterable()) {
          int n = chunk.remaining();
          while (chunk.hasRemaining()) {
            channel.write(chunk);
          }
          total += n;
          progress.accept(n);
        }
        ok = true;
      } finally {
        if (!ok) {
          Files.deleteIfExists(partial);
        }
      }
      Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return total;
    }

    private static void write(OutputStream out, ByteBuffer chunk) throws IOException {
      if (chunk.hasArray()) {
        out.write(chunk.array(), chunk.arrayOffset() + chunk.position(), chunk.remaining());
      } else {
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        out.write(bytes);
      }
    }
  }

  /** {@code fs rm STORAGE PATH}. */
  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete a file.")
  static final class Rm extends CoreCommand {
    @Parameters(
        index = "0",
        paramLabel = "STORAGE",
        description = "disk, mem, or an s3 storage's name.")
    String storage;

    @Parameters(index = "1", paramLabel = "PATH", description = "Path in the storage.")
    String path;

    @Override
    int run() {
      String target = relative(path);
      try (CoreClient core = connect()) {
        core.filesystems().delete(storage, target).block();
      }
      Printer p = printer();
      if (p.json()) {
        p.printJson(Map.of("storage", storage, "path", "/" + target, "deleted", true));
      } else {
        p.line("deleted " + storage + ":/" + target);
      }
      return 0;
    }
  }
}
