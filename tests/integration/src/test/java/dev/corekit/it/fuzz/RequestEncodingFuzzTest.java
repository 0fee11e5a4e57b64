package dev.corekit.it.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreException;
import dev.corekit.core.CoreValidationException;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.RetryPolicy;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ids and file paths made of traversal sequences, encoded slashes, NUL, CR/LF, very long runs and
 * non-ASCII text: each call is either refused before sending with a clear error, or reaches the
 * simulator as exactly the request asked for (the id as one path segment, the file path as its
 * segments), never as a different request.
 */
class RequestEncodingFuzzTest {
  private static final int CASES = Integer.getInteger("fuzz.requests", 3000);
  private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime() % 1_000_000);
  private static final String[] PIECES = {
    "..", ".", "/", "../", "%2F", "%2e%2e", "%", "%00", "\u0000", "\r", "\n", "\r\n", " ", "?", "#",
    "&", "=", "+", ";", "\\", "ü", "日本", "😀", "a", "B", "0", "-", "_", "~", "'", "\"", "<", ">",
    "{", "}", "|", "\t"
  };

  @Test
  void everyRequestIsRefusedBeforeSendingOrArrivesExactlyAsAsked() {
    System.out.println("request fuzz seed: " + SEED);
    try (CoreSimulator sim =
            CoreSimulator.builder()
                .user("admin")
                .password("fuzz-pw")
                .requestLogCapacity(CASES * 2 + 100)
                .build()
                .start();
        CoreClient client =
            CoreClient.builder()
                .baseUrl(sim.baseUrl())
                .credentials("admin", "fuzz-pw")
                .retry(RetryPolicy.NONE)
                .build()) {
      Random random = new Random(SEED);
      List<String[]> cases = new ArrayList<>();
      for (int i = 0; i < CASES; i++) {
        cases.add(
            new String[] {
              Integer.toString(i), random.nextBoolean() ? "id" : "path", value(random)
            });
      }
      AtomicInteger refused = new AtomicInteger();
      AtomicInteger sent = new AtomicInteger();
      List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
      Flux.fromIterable(cases)
          .flatMap(
              c -> {
                RequestOptions tag = RequestOptions.builder().header("X-Case", c[0]).build();
                Mono<?> call =
                    c[1].equals("id")
                        ? client.processes().with(tag).getState(c[2])
                        : client.filesystems().with(tag).download("mem", c[2]).then();
                return call.then(Mono.<Throwable>empty())
                    .onErrorResume(error -> Mono.just(error))
                    .doOnNext(
                        error -> {
                          if (error instanceof CoreValidationException) {
                            refused.incrementAndGet();
                          } else if (!(error instanceof CoreException)) {
                            wrong.add("case " + c[0] + " " + escape(c[2]) + ": untyped " + error);
                          }
                        });
              },
              16)
          .then()
          .block(Duration.ofMinutes(3));

      Map<String, List<RecordedRequest>> arrived =
          sim.stats().recorded().stream()
              .filter(r -> r.header("x-case") != null)
              .collect(Collectors.groupingBy(r -> r.header("x-case")));
      for (String[] c : cases) {
        List<RecordedRequest> requests = arrived.getOrDefault(c[0], List.of());
        if (requests.isEmpty()) {
          continue;
        }
        sent.incrementAndGet();
        if (requests.size() > 1) {
          wrong.add("case " + c[0] + " arrived " + requests.size() + " times");
          continue;
        }
        List<String> segments = requests.get(0).pathSegments();
        List<String> expected =
            c[1].equals("id")
                ? List.of("api", "v3", "process", c[2], "state")
                : concat(
                    List.of("api", "v3", "fs", "mem"),
                    Arrays.asList(stripLeadingSlash(c[2]).split("/", -1)));
        if (!segments.equals(expected)) {
          wrong.add(
              "case "
                  + c[0]
                  + " "
                  + escape(c[2])
                  + " arrived as "
                  + segments.stream()
                      .map(RequestEncodingFuzzTest::escape)
                      .collect(Collectors.toList()));
        }
      }
      System.out.printf(
          "request fuzz: %d cases (seed %d): %d refused before sending, %d arrived exactly as asked, "
              + "%d refused by the server's request decoder (too long), %d wrong%n",
          CASES, SEED, refused.get(), sent.get(), CASES - refused.get() - sent.get(), wrong.size());
      assertThat(wrong).isEmpty();
      assertThat(sent.get()).isGreaterThan(CASES / 4);
    }
  }

  private static String value(Random random) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(10) == 0 ? 400 + random.nextInt(800) : 1 + random.nextInt(8);
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  private static String stripLeadingSlash(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String escape(String text) {
    String shown = text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + ")" : text;
    return "'"
        + shown
            .chars()
            .mapToObj(ch -> ch < 32 ? String.format("\\x%02x", ch) : String.valueOf((char) ch))
            .collect(Collectors.joining())
        + "'";
  }
}
