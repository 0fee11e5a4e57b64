package dev.corekit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs benchmark 7 once per variant against an embedded simulator: both ways of starting corectl
 * run and are timed. Needs samples/target/corectl.jar and the launcher (samples is not a dependency
 * of this module): skipped, saying so, when samples was not packaged.
 */
class StartupSmokeTest {
  @Test
  void timesBothWaysOfStartingCorectl() throws Exception {
    Path dir = Path.of("../../samples/target").toAbsolutePath().normalize();
    boolean packaged =
        Files.isRegularFile(dir.resolve("corectl.jar"))
            && Files.isRegularFile(dir.resolve("corectl"));
    String why = "skipped: " + dir + " has no corectl.jar and launcher (package samples first)";
    if (!packaged) {
      System.out.println("[StartupSmokeTest] " + why);
    }
    Assumptions.assumeTrue(packaged, why);
    try (Target sim = Target.embedded(b -> b)) {
      Report report =
          StartupBench.run(
              new Args(
                  StartupBench.class,
                  "--dir",
                  dir.toString(),
                  "--url",
                  sim.url,
                  "--user",
                  sim.user,
                  "--password",
                  sim.password,
                  "--runs",
                  "1"));

      assertThat(report.section())
          .contains("`corectl --help` | java -jar corectl.jar |")
          .contains("`corectl about` | samples/target/corectl |");
    }
  }
}
