package dev.corekit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corekit.rac.RacClient;
import dev.corekit.rac.RacCredentials;
import dev.corekit.rac.RacInfobaseSession;
import dev.corekit.testkit.FakeRacScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RacSessionsTest {
  private static final String CLUSTER = "6d6a1c4e-8a1e-4c5f-9d4f-0a1b2c3d4e5f";
  private static final String BUH = "11111111-1111-1111-1111-111111111111";
  private static final String ZUP = "22222222-2222-2222-2222-222222222222";

  @Test
  void listsTheSessionsOfEveryInfobaseOfEachCluster(@TempDir Path dir) {
    FakeRacScript rac =
        new FakeRacScript(dir)
            .prints(
                "cluster_list",
                "cluster : " + CLUSTER,
                "host    : srv1c",
                "port    : 1541",
                "name    : \"Main cluster\"",
                "")
            .prints(
                "infobase_summary_list",
                "infobase : " + BUH,
                "name     : buh",
                "descr    : \"Accounting\"",
                "",
                "infobase : " + ZUP,
                "name     : zup",
                "descr    : ",
                "",
                "infobase : 33333333-3333-3333-3333-333333333333",
                "name     : empty",
                "descr    : ",
                "")
            .prints(
                "session_list",
                session("aaaaaaaa-0000-0000-0000-000000000001", 1, BUH, "Иванов И.И.", "1CV8C"),
                session("aaaaaaaa-0000-0000-0000-000000000002", 2, BUH, "Петров", "WebClient"),
                session("aaaaaaaa-0000-0000-0000-000000000003", 3, ZUP, "", "BackgroundJob"));

    try (RacClient client =
        RacClient.builder().executable(rac.executable()).timeout(Duration.ofSeconds(30)).build()) {
      Map<String, Map<String, List<RacInfobaseSession>>> all =
          RacSessions.allClusters(client.session("srv1c", 1545), RacCredentials.of("admin", "pa55"))
              .block(Duration.ofSeconds(60));

      assertThat(all).containsOnlyKeys("Main cluster");
      Map<String, List<RacInfobaseSession>> byInfobase = all.get("Main cluster");
      assertThat(byInfobase).containsOnlyKeys("buh", "empty", "zup");
      assertThat(byInfobase.get("buh"))
          .extracting(s -> s.userName().orElse(""))
          .containsExactly("Иванов И.И.", "Петров");
      assertThat(byInfobase.get("zup"))
          .extracting(s -> s.appId().orElse(""))
          .containsExactly("BackgroundJob");
      assertThat(byInfobase.get("empty")).isEmpty();
    }
    assertThat(rac.argvs())
        .anySatisfy(
            argv ->
                assertThat(argv)
                    .containsSubsequence("srv1c:1545", "session", "--cluster=" + CLUSTER, "list")
                    .contains("--cluster-user=admin"));
  }

  private static String session(String id, int number, String infobase, String user, String app) {
    return String.join(
        "\n",
        "session          : " + id,
        "session-id       : " + number,
        "infobase         : " + infobase,
        "connection       : 00000000-0000-0000-0000-000000000000",
        "process          : 00000000-0000-0000-0000-000000000000",
        "user-name        : " + user,
        "host             : ws-" + number,
        "app-id           : " + app,
        "started-at       : 2024-03-01T09:15:00",
        "last-active-at   : 2024-03-01T09:20:00",
        "hibernate        : no",
        "");
  }
}
