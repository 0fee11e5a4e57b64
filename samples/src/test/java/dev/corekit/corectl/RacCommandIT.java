package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.testkit.FakeRacScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corectl rac ...} through rac-reactive against the fake rac. */
class RacCommandIT {
  private static final String CLUSTER = "6d6a1c4e-8a1e-4c5f-9d4f-0a1b2c3d4e5f";

  @Test
  void printsRecordsAsJsonWithQuotesRemovedInOutputOrderOrAsTables(@TempDir Path dir) {
    FakeRacScript rac =
        new FakeRacScript(dir)
            .prints(
                "cluster_list",
                "cluster                                   : " + CLUSTER,
                "host                                      : srv1c",
                "port                                      : 1541",
                "name                                      : \"Главный \"\"кластер\"\"\"",
                "expiration-timeout                        : 60",
                "lifetime-limit                            : 0",
                "max-memory-size                           : 0",
                "")
            .prints(
                "infobase_summary_list",
                "infobase : 11111111-1111-1111-1111-111111111111",
                "name     : buh",
                "descr    : \"Бухгалтерия\"",
                "",
                "infobase : 22222222-2222-2222-2222-222222222222",
                "name     : zup",
                "descr    : ",
                "");
    String exe = rac.executable().toString();

    JsonNode clusters =
        Cli.run(
                Map.of(), "rac", "--rac", exe, "--host", "srv1c", "--port", "1545", "cluster",
                "list", "--json")
            .ok()
            .json();
    assertThat(clusters).hasSize(1);
    List<String> keys = new ArrayList<>();
    clusters.get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "cluster",
            "host",
            "port",
            "name",
            "expiration-timeout",
            "lifetime-limit",
            "max-memory-size");
    assertThat(clusters.get(0).path("name").asText()).isEqualTo("Главный \"кластер\"");
    assertThat(clusters.get(0).path("port").asText()).isEqualTo("1541");

    Cli.Result table =
        Cli.run(
                Map.of("RAC_PATH", exe),
                "rac",
                "infobase",
                "--cluster=" + CLUSTER,
                "--cluster-user=admin",
                "--cluster-pwd=s3cr3t",
                "summary",
                "list")
            .ok();
    assertThat(table.out().lines().toList())
        .containsExactly(
            "INFOBASE                              NAME  DESCR",
            "11111111-1111-1111-1111-111111111111  buh   Бухгалтерия",
            "22222222-2222-2222-2222-222222222222  zup");

    assertThat(rac.argvs())
        .containsExactly(
            List.of("srv1c:1545", "cluster", "list"),
            List.of(
                "localhost:1545",
                "infobase",
                "--cluster=" + CLUSTER,
                "--cluster-user=admin",
                "--cluster-pwd=s3cr3t",
                "summary",
                "list"));
  }

  @Test
  void racFailuresExitWith1WithRacsReasonAndMaskedPasswords(@TempDir Path dir) {
    FakeRacScript rac =
        new FakeRacScript(dir)
            .fails(
                "session_list",
                "Ошибка операции администрирования",
                "Администратор кластера не аутентифицирован");
    String exe = rac.executable().toString();

    Cli.Result failed =
        Cli.run(
                Map.of(),
                "rac",
                "--rac",
                exe,
                "session",
                "--cluster=" + CLUSTER,
                "--cluster-user=admin",
                "--cluster-pwd=s3cr3t",
                "list")
            .failsWith(1);
    assertThat(failed.err())
        .startsWith("corectl: rac authentication failed:")
        .contains("Администратор кластера не аутентифицирован")
        .contains("--cluster-pwd=***")
        .doesNotContain("s3cr3t");

    assertThat(Cli.run(Map.of(), "rac", "--rac", exe, "sessions", "list").failsWith(2).err())
        .contains("unknown rac mode 'sessions'");
    assertThat(Cli.run(Map.of(), "rac", "--rac", exe, "cluster").failsWith(2).err())
        .contains("a rac command is required");
    assertThat(
            Cli.run(Map.of(), "rac", "--rac", dir.resolve("no-rac").toString(), "cluster", "list")
                .failsWith(1)
                .err())
        .contains("no-rac");
  }
}
