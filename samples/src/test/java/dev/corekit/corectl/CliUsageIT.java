package dev.corekit.corectl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.Fault;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How corectl meets a user at the command line: usage errors for bad values, suggestions for typos,
 * help that fits the command, lists in a stable order.
 */
class CliUsageIT {
  private static final String PASSWORD = "pw-Usage-Secret-53";
  private static CoreSimulator sim;
  private static Map<String, String> env;

  @BeforeAll
  static void start() {
    sim = CoreSimulator.builder().user("admin").password(PASSWORD).build().start();
    env = Cli.env(sim.baseUrl(), "admin", PASSWORD);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void clearFaults() {
    sim.faults().clear();
  }

  @Test
  void eventsMaxBelowOneAndAnInvalidRegexAreUsageErrors() {
    assertThat(Cli.run(env, "events", "--max", "0").failsWith(2).err())
        .isEqualTo("corectl: --max must be 1 or more: 0\n");
    assertThat(
            Cli.run(env, "events", "--filter", "event=process,message=cam[1", "--max", "1")
                .failsWith(2)
                .err())
        .startsWith(
            "corectl: bad --filter 'event=process,message=cam[1': message=cam[1 is not a valid"
                + " regular expression (");
  }

  @Test
  void aMistypedCommandOrOptionIsAnsweredWithTheClosestOne() {
    assertThat(Cli.run(env, "procss", "list").failsWith(2).err())
        .isEqualTo(
            "corectl: unknown command 'procss' of 'corectl'\n"
                + "Did you mean 'corectl process'?\n"
                + "Try 'corectl --help' for more information.\n");
    assertThat(Cli.run(env, "process", "lst").failsWith(2).err())
        .contains("Did you mean 'corectl process list'?");
    assertThat(Cli.run(env, "apply", "x", "--prnue").failsWith(2).err())
        .contains("Did you mean 'corectl apply --prune'?");
    assertThat(Cli.run(env, "xyzzy").failsWith(2).err()).doesNotContain("Did you mean");
  }

  @Test
  void racHelpShowsOnlyTheOptionsThatApplyToRac() {
    String help = Cli.run(env, "rac", "--help").ok().out();

    assertThat(help).contains("--host", "--rac", "--timeout", "--json", "--debug");
    assertThat(help).doesNotContain("--url", "--user", "--password", "--token", "--insecure");
    assertThat(help).doesNotContain("--retries");
    assertThat(Cli.run(env, "process", "list", "--help").ok().out()).contains("--url", "--user");
  }

  @Test
  void helpParagraphsAreWrappedByPicocliNotByHand() {
    Map<String, String> wide = new HashMap<>(env);
    wide.put("JAVA_TOOL_OPTIONS", "-Dpicocli.usage.width=220");

    assertThat(Cli.run(wide, "rac", "--help").ok().out().lines())
        .contains(
            "Output: a table for narrow records, 'key : value' blocks otherwise; --json prints an"
                + " array of records, each an object of field name to value text (rac's quotes"
                + " removed), fields in output order.");
    assertThat(Cli.run(wide, "process", "metadata", "--help").ok().out().lines())
        .contains(
            "Read or write metadata of a process. Without KEY: all keys. With VALUE: store it (a"
                + " JSON value; text that is not JSON is stored as a string; 'null' removes the"
                + " key).");
    assertThat(Cli.run(wide, "events", "--help").ok().out())
        .contains("FILTER is a component name (process, http, ...) or event=NAME");
  }

  @Test
  void aUrlWithCredentialsNamesTheOptionsAndNeverEchoesThePassword() {
    Map<String, String> noEnv = Map.of();
    Cli.Result r =
        Cli.run(noEnv, "--url", "http://admin:" + PASSWORD + "@127.0.0.1:1", "about").failsWith(2);

    assertThat(r.err())
        .contains("--user", "--password")
        .doesNotContain(PASSWORD)
        .doesNotContain("credentials(");
    Cli.Result fromEnv =
        Cli.run(Map.of("CORE_URL", "http://admin:" + PASSWORD + "@127.0.0.1:1"), "process", "list")
            .failsWith(2);
    assertThat(fromEnv.err()).contains("CORE_USER").doesNotContain(PASSWORD);
  }

  @Test
  void processListIsSortedById() {
    String unsorted = "[" + process("cam3") + "," + process("cam1") + "," + process("a-main") + "]";
    sim.faults()
        .on("GET /api/v3/process")
        .times(2)
        .inject(Fault.respond(200, "application/json", unsorted));

    List<String> table = Cli.run(env, "process", "list").ok().out().lines().toList();
    JsonNode json = Cli.run(env, "process", "list", "--json").ok().json();

    assertThat(table).hasSize(4);
    assertThat(table.subList(1, 4))
        .extracting(line -> line.split("\\s+")[0])
        .containsExactly("a-main", "cam1", "cam3");
    assertThat(json)
        .extracting(p -> p.path("id").asText())
        .containsExactly("a-main", "cam1", "cam3");
  }

  private static String process(String id) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"ffmpeg\",\"reference\":\"\",\"created_at\":1,\"updated_at\":1,"
        + "\"config\":{\"id\":\""
        + id
        + "\",\"type\":\"ffmpeg\",\"input\":[{\"id\":\"in\",\"address\":\"testsrc2\"}],"
        + "\"output\":[{\"id\":\"out\",\"address\":\"-\"}]}}";
  }
}
