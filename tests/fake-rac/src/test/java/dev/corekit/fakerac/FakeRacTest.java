package dev.corekit.fakerac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FakeRacTest {

  @TempDir Path dir;

  private Process start(Path scenarios, String... args) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                FakeRac.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("FAKE_RAC_SCENARIOS", scenarios.toString());
    pb.environment().put("FAKE_RAC_LOG", dir.resolve("log").toString());
    return pb.start();
  }

  @Test
  void keysScenariosByCommandWordsWithoutAddressAndOptions() {
    assertThat(
            FakeRac.commandWords(
                List.of("host:1545", "infobase", "--cluster=u", "summary", "list")))
        .containsExactly("infobase", "summary", "list");
    assertThat(FakeRac.commandWords(List.of("cluster", "list", "localhost:1545")))
        .containsExactly("cluster", "list", "localhost:1545");
  }

  @Test
  void escapesRoundTrip() {
    String s = "a\tb\\c\nd\re \"q\"";
    assertThat(FakeRac.unescape(FakeRac.escape(s))).isEqualTo(s);
  }

  @Test
  void answersFromTheMostSpecificScenarioAndLogsArgv() throws Exception {
    Files.writeString(dir.resolve("cluster.rac"), "| cluster : x\n|\n");
    Files.writeString(
        dir.resolve("cluster_info.rac"),
        "@charset cp866\n| name : \"Кластер\"\\s\n|\n! warn\n@exit 7\n");
    Process p = start(dir, "h:1", "cluster", "info", "--cluster=a b \"c\"");
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(7);
    assertThat(new String(out, Charset.forName("cp866"))).isEqualTo("name : \"Кластер\" \n\n");
    assertThat(err).isEqualTo("warn\n");
    List<String> log = Files.readAllLines(dir.resolve("log"));
    assertThat(log.get(0).split("\t"))
        .containsExactly(
            "argv", Long.toString(p.pid()), "h:1", "cluster", "info", "--cluster=a b \"c\"");
    assertThat(log.get(1)).isEqualTo("exit\t" + p.pid() + "\t7");
  }

  @Test
  void generatesManyRecordsAndWritesRawBytes() throws Exception {
    Files.writeString(dir.resolve("default.rac"), "@generate 1000\n> \\xff\\xfe\n");
    Process p = start(dir, "h:1", "infobase", "summary", "list");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out)
        .startsWith(
            "infobase : 00000000-0000-0000-0000-000000000001\n"
                + "name     : base1\ndescr    : \"Generated record 1\"\n\n");
    assertThat(out.split("\n\n", -1)).hasSize(1001);
    assertThat(out).endsWith("\"Generated record 1000\"\n\n\u00ff\u00fe");
  }

  @Test
  void repeatsTextLazilyWithoutALineEnding() throws Exception {
    Files.writeString(dir.resolve("default.rac"), "@repeat 3 ab\\sc\\x00\n| end\n");
    Process p = start(dir, "h:1", "counter", "list");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEqualTo("ab c\u0000ab c\u0000ab c\u0000end\n");
  }
}
