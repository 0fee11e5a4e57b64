package dev.corekit.corectl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;
import reactor.core.publisher.Flux;

/**
 * A file as a Flux of chunks read on demand (never the whole file in memory), reporting progress.
 */
final class FileChunks {
  private static final int CHUNK = 64 * 1024;

  private FileChunks() {}

  static Flux<ByteBuffer> read(Path file, LongConsumer progress) {
    return Flux.using(
        () -> FileChannel.open(file, StandardOpenOption.READ),
        channel ->
            Flux.generate(
                sink -> {
                  try {
                    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
                    int n = channel.read(buffer);
                    if (n < 0) {
                      sink.complete();
                      return;
                    }
                    buffer.flip();
                    progress.accept(n);
                    sink.next(buffer);
                  } catch (IOException e) {
                    sink.error(new UncheckedIOException(e));
                  }
                }),
        channel -> {
          try {
            channel.close();
          } catch (IOException e) {
            // nothing more to do with a file that was only read
          }
        });
  }
}
