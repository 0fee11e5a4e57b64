package dev.corekit.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Writes a byte stream to a file off the event loop, through a temporary file moved into place. */
final class FileSink {
  private FileSink() {}

  static Mono<Long> write(Flux<ByteBuffer> content, Path target) {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    return Mono.usingWhen(
            Mono.fromCallable(
                    () -> Files.createTempFile(folder, "." + absolute.getFileName(), ".part"))
                .subscribeOn(Schedulers.boundedElastic()),
            temp ->
                Mono.using(
                        () ->
                            FileChannel.open(
                                temp,
                                StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING),
                        channel ->
                            content
                                .publishOn(Schedulers.boundedElastic(), 8)
                                .reduce(
                                    0L, (written, buffer) -> written + writeFully(channel, buffer)),
                        FileSink::close)
                    .defaultIfEmpty(0L)
                    .flatMap(
                        written ->
                            Mono.fromCallable(
                                    () -> {
                                      move(temp, absolute);
                                      return written;
                                    })
                                .subscribeOn(Schedulers.boundedElastic())),
            temp -> deleteLater(temp),
            (temp, error) -> deleteLater(temp),
            temp -> deleteLater(temp))
        .onErrorMap(UncheckedIOException.class, UncheckedIOException::getCause);
  }

  private static long writeFully(FileChannel channel, ByteBuffer buffer) {
    long length = buffer.remaining();
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return length;
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Mono<Void> deleteLater(Path temp) {
    return Mono.<Void>fromRunnable(
            () -> {
              try {
                Files.deleteIfExists(temp);
              } catch (IOException ignored) {
                // a leftover temporary file is harmless
              }
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static void close(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
