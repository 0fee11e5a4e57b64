package dev.corekit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the tables of a small RESULTS.md as {@link Report} writes them, and draws them. */
class ChartsTest {
  private static final String HEAD =
      """
      # Benchmark results

      ## Headlines

      - a headline

      """;

  private static final String THROUGHPUT =
      """
      ## 1. Throughput and CPU per call: core-client vs by hand

      Command: `java ...`

      | call | in flight | contender | calls/s | vs by hand | CPU µs/call | failed |
      |---|---:|---:|---:|---:|---:|---:|
      | list() | 1 | **core-client** | 3,860 | 1.09 x (1.06-1.11) | 158.0 | 0 |
      | list() | 1 | by hand | 3,608 | 1 | 164.4 | 0 |
      | list() | 1 | Python urllib loop | 2,437 | 0.70 x | 318.3 | 0 |
      | list() | 16 | **core-client** | 9,488 | 0.99 x | 127.4 | 0 |
      | list() | 16 | by hand | 9,406 | 1 | 118.7 | 0 |
      | about() | 1 | **core-client** | 9,459 | 1.06 x | 47.0 | 0 |
      | about() | 1 | by hand | 8,954 | 1 | - | 0 |

      - a headline

      """;

  private static final String STREAMING =
      """
      ## 4. Streaming a list of 1,000,000 processes

      | list | time to first element (median of 9) | runs (ms) |
      |---|---:|---:|
      | 1,000 | 11.78 ms | 15.3, 11.8 |

      | processes | reader | elements | first element ms | heap growth MB | outcome |
      |---|---:|---:|---:|---:|---:|
      | 1,000 | **core-client streaming** | 1,000 | 17.8 | 0.0 | ok |
      | 1,000 | whole array | 1,000 | 59.9 | 4.7 | ok |
      | 1,000,000 | **core-client streaming** | 1,000,000 | 7.6 | 0.0 | ok |
      | 1,000,000 | whole array | - | - | 8.0 | OutOfMemoryError: Cannot reserve 2097152 bytes |
      | 1,000,000 | core-client streaming, default options | 910,094 | 8.6 | 3.0 | a.b.CoreTimeoutException: late |

      """;

  private static final String RAC_PARSE =
      """
      ## 5a. RAC output parsing: streaming parser vs read all, then regex

      | parser | ms/op | MB/s | MB/s interval |
      |---|---:|---:|---:|
      | read all, then regex | 122.06 ± 6.34 | 131 | 125-138 |
      | **RacOutputParser (streaming)** | 21.96 ± 1.30 | 729 | 688-774 |

      """;

  private static Map<String, List<String>> sections(String... parts) {
    return Charts.sections(Arrays.asList(String.join("", parts).split("\n", -1)));
  }

  @Test
  void throughputHasAPanelPerCallAndASeriesPerContenderAlignedToCallsInFlight() {
    List<String> warnings = new ArrayList<>();
    Charts.Chart chart = Charts.throughput(sections(HEAD, THROUGHPUT), warnings::add).orElseThrow();

    assertThat(warnings).isEmpty();
    assertThat(chart.file()).isEqualTo("chart-throughput.png");
    assertThat(chart.panels())
        .extracting(Charts.Panel::title)
        .containsExactly("list(): calls/s", "about(): calls/s");
    Charts.Panel list = chart.panels().get(0);
    assertThat(list.categories()).containsExactly("1", "16");
    assertThat(list.series())
        .containsExactly(
            new Charts.Series("core-client", true, List.of(3860.0, 9488.0)),
            new Charts.Series("by hand", false, List.of(3608.0, 9406.0)),
            new Charts.Series("Python urllib loop", false, Arrays.asList(2437.0, null)));
  }

  @Test
  void cpuPerCallReadsItsColumnAndLeavesOutASeriesWithoutValues() {
    Charts.Chart chart = Charts.cpuPerCall(sections(THROUGHPUT), w -> {}).orElseThrow();

    assertThat(chart.panels().get(0).series().get(0).values()).containsExactly(158.0, 127.4);
    assertThat(chart.panels().get(1).series())
        .containsExactly(new Charts.Series("core-client", true, List.of(47.0)));
  }

  @Test
  void streamingLeavesFailedReadsWithoutABarAndNamesTheFailureInTheLegend() {
    Charts.Chart chart = Charts.streaming(sections(STREAMING), w -> {}).orElseThrow();

    Charts.Panel heap = chart.panels().get(0);
    assertThat(heap.categories()).containsExactly("1,000", "1,000,000");
    assertThat(heap.series())
        .containsExactly(
            new Charts.Series("core-client streaming", true, List.of(0.0, 0.0)),
            new Charts.Series(
                "whole array (failed: 1,000,000: OutOfMemoryError)",
                false,
                Arrays.asList(4.7, null)));
    assertThat(chart.panels().get(1).series().get(0).values()).containsExactly(17.8, 7.6);
  }

  @Test
  void racDrawsThePanelItHasAndWarnsAboutTheMissingSection() {
    List<String> warnings = new ArrayList<>();
    Charts.Chart chart = Charts.rac(sections(HEAD, RAC_PARSE), warnings::add).orElseThrow();

    assertThat(chart.panels()).hasSize(1);
    assertThat(chart.panels().get(0).series())
        .containsExactly(
            new Charts.Series("read all, then regex", false, List.of(131.0)),
            new Charts.Series("RacOutputParser (streaming)", true, List.of(729.0)));
    assertThat(warnings).singleElement().asString().contains("5b. RAC end to end");
  }

  @Test
  void aMissingSectionSkipsItsChartWithAWarning() {
    List<String> warnings = new ArrayList<>();

    Optional<Charts.Chart> chart = Charts.streaming(sections(HEAD, THROUGHPUT), warnings::add);

    assertThat(chart).isEmpty();
    assertThat(warnings).singleElement().asString().contains("4. Streaming", "skipped");
  }

  @Test
  void aMalformedTableFailsWithAnErrorNamingTheSection() {
    String broken = THROUGHPUT.replace("| 9,406 | 1 |", "| 9,406 |");

    assertThatThrownBy(() -> Charts.throughput(sections(broken), w -> {}))
        .isInstanceOf(Charts.MalformedResults.class)
        .hasMessageContaining("1. Throughput and CPU per call")
        .hasMessageContaining("6 cells, the header 7");
    String notANumber = STREAMING.replace("| 59.9 |", "| fast |");
    assertThatThrownBy(() -> Charts.streaming(sections(notANumber), w -> {}))
        .hasMessageContaining("4. Streaming")
        .hasMessageContaining("\"fast\" in column \"first element ms\" is not a number");
  }

  @Test
  void theChartsSectionGoesAfterTheHeadlinesAndIsReplacedInPlace() {
    List<String> lines = Arrays.asList((HEAD + RAC_PARSE).split("\n", -1));
    Charts.Chart chart = Charts.rac(sections(RAC_PARSE), w -> {}).orElseThrow();

    List<String> once = Charts.withChartsSection(lines, Charts.chartsSection(List.of(chart), ""));
    List<String> twice = Charts.withChartsSection(once, Charts.chartsSection(List.of(chart), ""));

    assertThat(twice).isEqualTo(once);
    int charts = once.indexOf("## Charts");
    assertThat(charts).isGreaterThan(once.indexOf("## Headlines"));
    assertThat(charts).isLessThan(once.indexOf(RAC_PARSE.lines().findFirst().orElseThrow()));
    assertThat(once).anyMatch(l -> l.startsWith("- [chart-rac.png](chart-rac.png): "));
  }

  @Test
  void drawsASmallPng(@TempDir Path dir) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Charts.Chart chart = Charts.throughput(sections(THROUGHPUT), w -> {}).orElseThrow();
    Path file = dir.resolve(chart.file());

    Charts.draw(chart, file);

    byte[] png = Files.readAllBytes(file);
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    assertThat(png.length).isBetween(1_000, 200_000);
  }
}
