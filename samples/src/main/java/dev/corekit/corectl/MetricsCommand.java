package dev.corekit.corectl;

import dev.corekit.core.CoreClient;
import dev.corekit.core.CoreException;
import dev.corekit.core.CoreNotFoundException;
import dev.corekit.core.model.MetricsDescription;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code corectl metrics}: the metrics the server collects, or its Prometheus text. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = "List the metrics Core collects (name, labels, description).")
final class MetricsCommand extends CoreCommand {

  @Option(
      names = "--prometheus",
      description = "Print the current values in Prometheus text format instead.")
  boolean prometheus;

  @Override
  int run() {
    try (CoreClient core = connect()) {
      Printer p = printer();
      if (prometheus) {
        String text;
        try {
          text = core.metrics().prometheus().block();
        } catch (CoreNotFoundException e) {
          throw new CoreException(
              "Prometheus metrics are switched off on this Core (GET /metrics answered 404): set"
                  + " metrics.enable_prometheus to true in its config (environment"
                  + " CORE_METRICS_ENABLE_PROMETHEUS=true, with metrics.enable on) and restart it",
              e);
        }
        p.stream().print(text == null ? "" : text);
        p.stream().flush();
        return 0;
      }
      List<MetricsDescription> metrics = core.metrics().describe().collectList().block();
      if (p.json()) {
        p.printJson(metrics);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (MetricsDescription m : metrics) {
        rows.add(List.of(m.name(), String.join(",", m.labels()), m.description()));
      }
      p.table(List.of("name", "labels", "description"), rows);
      return 0;
    }
  }
}
