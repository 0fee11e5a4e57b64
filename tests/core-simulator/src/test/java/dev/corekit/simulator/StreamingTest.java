package dev.corekit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamingTest {

  @Test
  void streamsAMillionSeededProcessesWithBoundedMemory() throws Exception {
    try (CoreSimulator sim = CoreSimulator.builder().build().start().seedProcesses(1_000_000)) {
      Http http = new Http(sim).login("admin", "datarhei");
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      long heapBefore = memory.getHeapMemoryUsage().getUsed();
      long completed = sim.stats().completedResponses();

      HttpResponse<InputStream> r =
          http.client.send(
              http.request("/api/v3/process?filter=metadata").GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
      assertThat(r.headers().firstValue("Content-Length")).isEmpty();
      try (InputStream in = r.body()) {
        byte[] first = in.readNBytes(4096);
        assertThat(new String(first, StandardCharsets.UTF_8))
            .startsWith("[{\"id\":\"seed-0000000\",\"owner\":\"admin\"");
        // the answer has started, but the server has produced only a small part of its ~170 MB
        assertThat(sim.stats().bodyBytesSent()).isLessThan(32L * 1024 * 1024);
        assertThat(sim.stats().completedResponses()).isEqualTo(completed);

        long count = countElements(first, in, memory, heapBefore);
        assertThat(count).isEqualTo(1_000_000);
      }
      assertThat(sim.stats().bodyBytesSent()).isGreaterThan(100L * 1024 * 1024);
      assertThat(
              Http.await(
                  () -> sim.stats().completedResponses() == completed + 1, Duration.ofSeconds(5)))
          .isTrue();
      // single processes of the seed are served too, and changing one makes it real
      assertThat(http.get("/api/v3/process/seed-0123456").json().get("reference").asText())
          .isEqualTo("seed");
      assertThat(http.put("/api/v3/process/seed-0000001/metadata/k", "1").status()).isEqualTo(200);
      assertThat(
              http.get("/api/v3/process?id=seed-0000001&filter=metadata")
                  .json()
                  .get(0)
                  .get("metadata")
                  .get("k")
                  .asInt())
          .isEqualTo(1);
      assertThat(http.get("/api/v3/process/seed-1000000").status()).isEqualTo(404);
    }
  }

  /** Counts {@code {"id":"seed-} occurrences while reading, checking the heap halfway. */
  private static long countElements(
      byte[] first, InputStream in, MemoryMXBean memory, long heapBefore) throws Exception {
    byte[] needle = "{\"id\":\"seed-".getBytes(StandardCharsets.UTF_8);
    long count = 0;
    int matched = 0;
    long read = 0;
    boolean checked = false;
    byte[] buf = first;
    int len = first.length;
    while (len >= 0) {
      for (int i = 0; i < len; i++) {
        byte b = buf[i];
        matched = b == needle[matched] ? matched + 1 : (b == needle[0] ? 1 : 0);
        if (matched == needle.length) {
          count++;
          matched = 0;
        }
      }
      read += len;
      if (!checked && read > 80L * 1024 * 1024) {
        checked = true;
        System.gc();
        long grown = memory.getHeapMemoryUsage().getUsed() - heapBefore;
        assertThat(grown).as("heap growth while streaming").isLessThan(64L * 1024 * 1024);
      }
      buf = buf.length < 65536 ? new byte[65536] : buf;
      len = in.read(buf);
    }
    assertThat(checked).isTrue();
    return count;
  }
}
