package dev.corekit.core.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The body of a request: JSON bytes, a file streamed from disk, or a caller's byte publisher. */
abstract class RequestBody {
  private static final int FILE_CHUNK = 64 * 1024;

  abstract String contentType();

  /**
   * @return the length when known in advance (looked up off the event loop), or -1
   */
  abstract Mono<Long> length();

  abstract Publisher<ByteBuf> content(ByteBufAllocator allocator);

  /**
   * @return whether the body can be sent again on a retry
   */
  abstract boolean repeatable();

  static RequestBody json(byte[] bytes) {
    return fixed(bytes, "application/json");
  }

  static RequestBody text(String text) {
    return fixed(
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
  }

  private static RequestBody fixed(byte[] bytes, String type) {
    return new RequestBody() {
      @Override
      String contentType() {
        return type;
      }

      @Override
      Mono<Long> length() {
        return Mono.just((long) bytes.length);
      }

      @Override
      Publisher<ByteBuf> content(ByteBufAllocator allocator) {
        return Mono.fromSupplier(() -> Unpooled.wrappedBuffer(bytes));
      }

      @Override
      boolean repeatable() {
        return true;
      }
    };
  }

  static RequestBody file(Path path) {
    return new RequestBody() {
      @Override
      String contentType() {
        return "application/octet-stream";
      }

      @Override
      Mono<Long> length() {
        return Mono.fromCallable(() -> Files.size(path)).subscribeOn(Schedulers.boundedElastic());
      }

      @Override
      Publisher<ByteBuf> content(ByteBufAllocator allocator) {
        return Flux.using(
                () -> FileChannel.open(path, StandardOpenOption.READ),
                channel -> Flux.<ByteBuf>generate(sink -> readChunk(channel, allocator, sink)),
                RequestBody::closeQuietly)
            .subscribeOn(Schedulers.boundedElastic(), false);
      }

      @Override
      boolean repeatable() {
        return true;
      }
    };
  }

  static RequestBody bytes(Publisher<ByteBuffer> source) {
    return new RequestBody() {
      @Override
      String contentType() {
        return "application/octet-stream";
      }

      @Override
      Mono<Long> length() {
        return Mono.just(-1L);
      }

      @Override
      Publisher<ByteBuf> content(ByteBufAllocator allocator) {
        return Flux.from(source).map(toByteBuf());
      }

      @Override
      boolean repeatable() {
        return false;
      }
    };
  }

  private static Function<ByteBuffer, ByteBuf> toByteBuf() {
    return buffer -> Unpooled.wrappedBuffer(buffer);
  }

  private static void readChunk(
      FileChannel channel,
      ByteBufAllocator allocator,
      reactor.core.publisher.SynchronousSink<ByteBuf> sink) {
    ByteBuf buf = allocator.directBuffer(FILE_CHUNK);
    try {
      int read = buf.writeBytes(channel, FILE_CHUNK);
      if (read < 0) {
        buf.release();
        sink.complete();
      } else {
        sink.next(buf);
      }
    } catch (IOException e) {
      buf.release();
      sink.error(e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing a read-only channel
    }
  }
}
