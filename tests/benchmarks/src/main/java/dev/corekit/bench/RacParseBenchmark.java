package dev.corekit.bench;

import dev.corekit.rac.RacOutputParser;
import dev.corekit.rac.RacRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse throughput of rac output: the SDK's streaming parser against reading everything into one
 * string and splitting it with a regular expression (what the racpy seed does), on the same bytes.
 * MB/s = {@code megabytes} / (ms/op / 1000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RacParseBenchmark {
  private static final Pattern FIELD = Pattern.compile("^(\\S+)\\s+:\\s?(.*)$", Pattern.MULTILINE);

  /** Size of the parsed output in megabytes. */
  @Param({"16"})
  public int megabytes;

  private byte[] output;

  @Setup
  public void setup() {
    output = RacSample.sessions(megabytes * 1024 * 1024);
  }

  /** The SDK's incremental parser: records out as bytes come in. */
  @Benchmark
  public int streaming() throws IOException {
    int fields = 0;
    try (RacOutputParser parser =
        RacOutputParser.of(new ByteArrayInputStream(output), StandardCharsets.UTF_8)) {
      RacRecord record;
      while ((record = parser.next()) != null) {
        fields += record.size();
      }
    }
    return fields;
  }

  /**
   * Read everything, then a regular expression over the whole text, records split at blank lines.
   */
  @Benchmark
  public int readAllThenRegex() {
    return readAllThenRegex(output).stream().mapToInt(Map::size).sum();
  }

  static List<Map<String, String>> readAllThenRegex(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
    List<Map<String, String>> records = new ArrayList<>();
    for (String block : text.split("\n\n")) {
      Map<String, String> record = new LinkedHashMap<>();
      Matcher matcher = FIELD.matcher(block);
      while (matcher.find()) {
        record.put(matcher.group(1), matcher.group(2));
      }
      if (!record.isEmpty()) {
        records.add(record);
      }
    }
    return records;
  }
}
