package dev.corekit.rac;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Every command of every mode, checked by the argv the fake rac received: mode options between the
 * mode and the command (like racpy), one {@code --name=value} token per option, booleans in each
 * option's vocabulary, values with spaces and quotes passed intact.
 */
class RacCommandLineTest {

  private static final UUID U = UUID.fromString(Samples.CLUSTER_ID);
  private static final UUID S = UUID.fromString(Samples.SERVER_ID);
  private static final UUID P = UUID.fromString(Samples.PROCESS_ID);
  private static final UUID I = UUID.fromString(Samples.INFOBASE_ID);
  private static final UUID SE = UUID.fromString(Samples.SESSION_ID);
  private static final UUID C = UUID.fromString(Samples.CONNECTION_ID);
  private static final UUID R = UUID.fromString(Samples.RULE_ID);
  private static final UUID M = UUID.fromString(Samples.MANAGER_ID);
  private static final String PWD = "p w\"d'$HOME";
  private static final RacCredentials ADMIN = RacCredentials.of("Админ", PWD);
  private static final RacCredentials IB_USER = RacCredentials.of("Иванов И.И.", "ib pass");
  private static final String CL = "--cluster=" + U;
  private static final String CREDS = "--cluster-user=Админ --cluster-pwd=" + PWD;

  @TempDir Path dir;
  private FakeRacFixture fake;
  private RacClient client;
  private RacSession ras;
  private final Map<Publisher<?>, String> expected = new LinkedHashMap<>();

  @BeforeEach
  void setUp() {
    fake = new FakeRacFixture(dir);
    fake.scenario("default");
    fake.output("cluster_insert", "cluster : " + U + "\n\n");
    fake.output("server_insert", "server : " + S + "\n\n");
    fake.output("infobase_create", "infobase : " + I + "\n\n");
    fake.output("rule_insert", "rule : " + R + "\n\n");
    fake.output("agent_version", "8.3.24.1548\n");
    client = fake.client(b -> b.maxConcurrency(8));
    ras = client.session("h");
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private void expect(Publisher<?> call, String argv) {
    expected.put(call, "h:1545 " + argv);
  }

  private void runAll() {
    List<Mono<Void>> calls = new ArrayList<>();
    for (Publisher<?> p : expected.keySet()) {
      calls.add(Flux.from(p).then());
    }
    StepVerifier.create(Mono.when(calls)).expectComplete().verify(Duration.ofSeconds(90));
    List<String> argvs =
        fake.argvs().stream().map(a -> String.join(" ", a)).collect(Collectors.toList());
    assertThat(argvs).containsExactlyInAnyOrderElementsOf(expected.values());
  }

  @Test
  void agentCommands() {
    StepVerifier.create(ras.agent().version())
        .expectNext("8.3.24.1548")
        .expectComplete()
        .verify(Duration.ofSeconds(30));
    expected.put(Mono.empty(), "h:1545 agent version");
    AdminsApi admins = ras.agent(RacCredentials.of("root", PWD)).admins();
    String agent = "agent --agent-user=root --agent-pwd=" + PWD + " admin ";
    expect(admins.list(), agent + "list");
    expect(
        admins.register(
            RacAdminSpec.builder()
                .name("new admin")
                .password("s e c")
                .descr("Главный \"админ\"")
                .auth("pwd,os")
                .osUser("DOMAIN\\user")
                .build()),
        agent
            + "register --name=new admin --pwd=s e c --descr=Главный \"админ\" --auth=pwd,os"
            + " --os-user=DOMAIN\\user");
    expect(ras.agent().admins().remove("old"), "agent admin remove --name=old");
    runAll();
  }

  @Test
  void clusterCommands() {
    ClustersApi clusters = ras.clusters(RacCredentials.of("root", PWD));
    String agent = "--agent-user=root --agent-pwd=" + PWD;
    expect(ras.clusters().list(), "cluster list");
    expect(ras.clusters().info(U), "cluster info " + CL);
    expect(
        clusters
            .insert(
                RacClusterSpec.builder()
                    .host("srv")
                    .port(1541)
                    .name("Новый кластер")
                    .killProblemProcesses(true)
                    .killByMemoryWithDump(false)
                    .allowAccessRightAuditEventsRecording(true)
                    .putExtraOptions("restart-schedule", "0 3 * * *")
                    .build())
            .doOnNext(id -> assertThat(id).isEqualTo(U)),
        "cluster "
            + agent
            + " insert --host=srv --port=1541 --name=Новый кластер"
            + " --kill-problem-processes=yes --kill-by-memory-with-dump=no"
            + " --allow-access-right-audit-events-recording=yes --restart-schedule=0 3 * * *");
    expect(
        clusters.update(
            U,
            RacClusterSpec.builder()
                .lifetimeLimit(86400L)
                .loadBalancingMode("memory")
                .securityLevel(1)
                .pingTimeout(5000L)
                .build()),
        "cluster "
            + agent
            + " update "
            + CL
            + " --lifetime-limit=86400 --security-level=1"
            + " --load-balancing-mode=memory --ping-timeout=5000");
    ClusterApi cluster = ras.cluster(U, ADMIN);
    expect(cluster.info(), "cluster info " + CL);
    expect(cluster.remove(), "cluster remove " + CL + " " + CREDS);
    expect(ras.cluster(U).remove(), "cluster remove " + CL);
    expect(cluster.admins().list(), "cluster admin " + CL + " " + CREDS + " list");
    expect(
        cluster
            .admins()
            .register(RacAdminSpec.builder().name("ca").password("x").auth("pwd").build()),
        "cluster admin " + CL + " " + CREDS + " register --name=ca --pwd=x --auth=pwd");
    expect(
        cluster.admins().remove("ca"), "cluster admin " + CL + " " + CREDS + " remove --name=ca");
    runAll();
  }

  @Test
  void managerServerProcessAndServiceCommands() {
    ClusterApi c = ras.cluster(U, ADMIN);
    String m = CL + " " + CREDS;
    expect(c.managers().list(), "manager " + m + " list");
    expect(c.managers().info(M), "manager " + m + " info --manager=" + M);
    expect(c.servers().list(), "server " + m + " list");
    expect(c.servers().info(S), "server " + m + " info --server=" + S);
    expect(
        c.servers()
            .insert(
                RacServerSpec.builder()
                    .agentHost("srv 2")
                    .agentPort(1540)
                    .portRange("1560:1591")
                    .name("Второй")
                    .using("normal")
                    .dedicateManagers("none")
                    .infobasesLimit(8L)
                    .clusterPort(1541)
                    .build())
            .doOnNext(id -> assertThat(id).isEqualTo(S)),
        "server "
            + m
            + " insert --agent-host=srv 2 --agent-port=1540 --port-range=1560:1591"
            + " --name=Второй --using=normal --infobases-limit=8 --cluster-port=1541"
            + " --dedicate-managers=none");
    expect(
        c.servers().update(S, RacServerSpec.builder().connectionsLimit(512L).build()),
        "server " + m + " update --server=" + S + " --connections-limit=512");
    expect(c.servers().remove(S), "server " + m + " remove --server=" + S);
    expect(c.processes().list(), "process " + m + " list");
    expect(c.processes().list(S), "process " + m + " list --server=" + S);
    expect(c.processes().info(P), "process " + m + " info --process=" + P);
    expect(c.processes().licenses(), "process " + m + " list --licenses");
    expect(c.processes().licenses(S), "process " + m + " list --server=" + S + " --licenses");
    expect(
        c.processes().processLicenses(P), "process " + m + " info --process=" + P + " --licenses");
    expect(ras.cluster(U).services().list(), "service " + CL + " list");
    runAll();
  }

  @Test
  void infobaseCommands() {
    InfobasesApi ib = ras.cluster(U).infobases();
    String i = "infobase " + CL + " ";
    String user = "--infobase-user=Иванов И.И. --infobase-pwd=ib pass";
    expect(ib.summaries(), i + "summary list");
    expect(ib.summary(I), i + "summary info --infobase=" + I);
    expect(
        ib.updateSummary(I, "Новое описание"),
        i + "summary update --infobase=" + I + " --descr=Новое описание");
    expect(ib.info(I), i + "info --infobase=" + I);
    expect(ib.info(I, IB_USER), i + "info --infobase=" + I + " " + user);
    expect(
        ib.create(
                RacInfobaseSpec.builder()
                    .createDatabase(true)
                    .name("trade")
                    .dbms("PostgreSQL")
                    .dbServer("db")
                    .dbName("trade db")
                    .locale("ru_RU")
                    .dbUser("postgres")
                    .dbPassword("pg secret")
                    .scheduledJobsDeny(true)
                    .licenseDistribution(true)
                    .dateOffset(2000)
                    .build())
            .doOnNext(id -> assertThat(id).isEqualTo(I)),
        i
            + "create --create-database --name=trade --dbms=PostgreSQL --db-server=db --db-name=trade db"
            + " --locale=ru_RU --db-user=postgres --db-pwd=pg secret --date-offset=2000"
            + " --scheduled-jobs-deny=on --license-distribution=allow");
    expect(
        ib.create(
            RacInfobaseSpec.builder()
                .name("t2")
                .dbms("MSSQLServer")
                .dbServer("db")
                .dbName("t2")
                .locale("ru_RU")
                .scheduledJobsDeny(false)
                .licenseDistribution(false)
                .build()),
        i
            + "create --name=t2 --dbms=MSSQLServer --db-server=db --db-name=t2 --locale=ru_RU"
            + " --scheduled-jobs-deny=off --license-distribution=deny");
    expect(
        ib.update(
            I,
            RacInfobaseUpdate.builder()
                .sessionsDeny(true)
                .deniedFrom(LocalDateTime.of(2024, 3, 1, 20, 0))
                .deniedMessage("Регламент \"ночной\"")
                .permissionCode("0451")
                .externalSessionManagerRequired(false)
                .reserveWorkingProcesses(true)
                .build()),
        i
            + "update --infobase="
            + I
            + " --denied-from=2024-03-01T20:00:00"
            + " --denied-message=Регламент \"ночной\" --permission-code=0451 --sessions-deny=on"
            + " --external-session-manager-required=no --reserve-working-processes=yes");
    expect(
        ib.update(I, RacInfobaseUpdate.builder().dbPassword("new pg").build(), IB_USER),
        i + "update --infobase=" + I + " " + user + " --db-pwd=new pg");
    expect(ib.drop(I, RacDropMode.KEEP_DATABASE), i + "drop --infobase=" + I);
    expect(
        ib.drop(I, RacDropMode.DROP_DATABASE, IB_USER),
        i + "drop --infobase=" + I + " " + user + " --drop-database");
    expect(
        ib.drop(I, RacDropMode.CLEAR_DATABASE), i + "drop --infobase=" + I + " --clear-database");
    runAll();
  }

  @Test
  void connectionSessionAndLockCommands() {
    ClusterApi c = ras.cluster(U);
    String user = "--infobase-user=Иванов И.И. --infobase-pwd=ib pass";
    expect(c.connections().list(), "connection " + CL + " list");
    expect(c.connections().listByProcess(P), "connection " + CL + " list --process=" + P);
    expect(c.connections().listByInfobase(I), "connection " + CL + " list --infobase=" + I);
    expect(
        c.connections().listByInfobase(I, IB_USER),
        "connection " + CL + " list --infobase=" + I + " " + user);
    expect(c.connections().info(C), "connection " + CL + " info --connection=" + C);
    expect(
        c.connections().disconnect(P, C),
        "connection " + CL + " disconnect --process=" + P + " --connection=" + C);
    expect(
        c.connections().disconnect(P, C, IB_USER),
        "connection " + CL + " disconnect --process=" + P + " --connection=" + C + " " + user);
    String s = "session " + CL + " ";
    expect(c.sessions().list(), s + "list");
    expect(c.sessions().listByInfobase(I), s + "list --infobase=" + I);
    expect(c.sessions().info(SE), s + "info --session=" + SE);
    expect(c.sessions().licenses(), s + "list --licenses");
    expect(c.sessions().licensesByInfobase(I), s + "list --infobase=" + I + " --licenses");
    expect(c.sessions().sessionLicenses(SE), s + "info --session=" + SE + " --licenses");
    expect(c.sessions().terminate(SE), s + "terminate --session=" + SE);
    expect(
        c.sessions().terminate(SE, "Сеанс завершён администратором"),
        s + "terminate --session=" + SE + " --error-message=Сеанс завершён администратором");
    expect(
        c.sessions().interruptCurrentServerCall(SE, "Stop \"now\""),
        s + "interrupt-current-server-call --session=" + SE + " --error-message=Stop \"now\"");
    expect(c.locks().list(), "lock " + CL + " list");
    expect(c.locks().listByInfobase(I), "lock " + CL + " list --infobase=" + I);
    expect(c.locks().listByConnection(C), "lock " + CL + " list --connection=" + C);
    expect(c.locks().listBySession(SE), "lock " + CL + " list --session=" + SE);
    runAll();
  }

  @Test
  void ruleAndProfileCommands() {
    ClusterApi c = ras.cluster(U, ADMIN);
    String r = "rule " + CL + " " + CREDS + " ";
    expect(c.rules().list(S), r + "list --server=" + S);
    expect(c.rules().info(S, R), r + "info --server=" + S + " --rule=" + R);
    expect(
        c.rules()
            .insert(
                S,
                RacRuleSpec.builder()
                    .position(0)
                    .objectType("")
                    .infobaseName("trade")
                    .ruleType("always")
                    .priority(5)
                    .build())
            .doOnNext(id -> assertThat(id).isEqualTo(R)),
        r
            + "insert --server="
            + S
            + " --position=0 --object-type= --infobase-name=trade"
            + " --rule-type=always --priority=5");
    expect(
        c.rules().update(S, R, RacRuleSpec.builder().position(2).ruleType("never").build()),
        r + "update --server=" + S + " --rule=" + R + " --position=2 --rule-type=never");
    expect(c.rules().remove(S, R), r + "remove --server=" + S + " --rule=" + R);
    expect(c.rules().applyFull(), r + "apply --full");
    expect(c.rules().applyPartial(), r + "apply --partial");
    String p = "profile " + CL + " " + CREDS + " ";
    expect(c.profiles().list(), p + "list");
    expect(
        c.profiles()
            .update(
                RacProfileSpec.builder()
                    .name("safe")
                    .descr("Безопасный")
                    .config(false)
                    .priv(true)
                    .directory("full")
                    .crypto(true)
                    .build()),
        p
            + "update --name=safe --descr=Безопасный --config=no --priv=yes --directory=full --crypto=yes");
    expect(c.profiles().remove("safe"), p + "remove --name=safe");
    expect(
        c.profiles().acl("safe", RacAclKind.DIRECTORY).list(),
        p + "acl --name=safe directory list");
    Map<String, String> options = new LinkedHashMap<>();
    options.put("physical-path", "/srv/my docs");
    options.put("allowed-read", "yes");
    expect(
        c.profiles().acl("safe", RacAclKind.DIRECTORY).update("docs", options),
        p
            + "acl --name=safe directory update --alias=docs --physical-path=/srv/my docs --allowed-read=yes");
    expect(
        c.profiles().acl("safe", RacAclKind.COM).remove("Excel.Application"),
        p + "acl --name=safe com remove --name=Excel.Application");
    runAll();
  }

  @Test
  void counterAndLimitCommands() {
    ClusterApi c = ras.cluster(U);
    String k = "counter " + CL + " ";
    expect(c.counters().list(), k + "list");
    expect(c.counters().info("cpu"), k + "info --counter=cpu");
    expect(
        c.counters()
            .update(
                RacCounterSpec.builder()
                    .name("cpu")
                    .collectionTime("current")
                    .group("users")
                    .filterType("all")
                    .filter("")
                    .cpuTime(true)
                    .memory(false)
                    .descr("CPU")
                    .build()),
        k
            + "update --name=cpu --collection-time=current --group=users --filter-type=all --filter="
            + " --cpu-time=analyze --memory=not-analyze --descr=CPU");
    expect(c.counters().values("cpu"), k + "values --counter=cpu");
    expect(
        c.counters().values("cpu", "Иванов,Петров"),
        k + "values --counter=cpu --object=Иванов,Петров");
    expect(c.counters().accumulatedValues("cpu"), k + "accumulated-values --counter=cpu");
    expect(
        c.counters().accumulatedValues("cpu", "x"),
        k + "accumulated-values --counter=cpu --object=x");
    expect(c.counters().clear("cpu"), k + "clear --counter=cpu");
    expect(c.counters().clear("cpu", "x"), k + "clear --counter=cpu --object=x");
    expect(c.counters().remove("cpu"), k + "remove --name=cpu");
    String l = "limit " + CL + " ";
    expect(c.limits().list(), l + "list");
    expect(c.limits().info("slow"), l + "info --limit=slow");
    expect(
        c.limits()
            .update(
                RacLimitSpec.builder()
                    .name("slow")
                    .counter("cpu")
                    .action("interrupt-current-call")
                    .cpuTime(60_000L)
                    .errorMessage("Слишком долго")
                    .build()),
        l
            + "update --name=slow --counter=cpu --action=interrupt-current-call --cpu-time=60000"
            + " --error-message=Слишком долго");
    expect(c.limits().remove("slow"), l + "remove --name=slow");
    runAll();
  }

  @Test
  void rawRecordsPassArgumentsAfterTheAddress() {
    expect(ras.records(List.of("cluster", "list")), "cluster list");
    expect(client.session("srv", 2545).records(List.of("service-setting", "list", CL)), "");
    expected.put(
        expected.keySet().toArray(new Publisher<?>[0])[1], "srv:2545 service-setting list " + CL);
    runAll();
  }

  @Test
  void logsNeverContainPasswordsButShowTheMaskedCommand() {
    ListAppender<ILoggingEvent> memory = memoryAppender();
    int before = memory.list.size();
    expect(ras.cluster(U, ADMIN).sessions().list(), "session " + CL + " " + CREDS + " list");
    expect(
        ras.records(List.of("agent", "--agent-pwd=raw secret", "admin", "list")),
        "agent --agent-pwd=raw secret admin list");
    runAll();
    List<String> lines =
        memory.list.subList(before, memory.list.size()).stream()
            .map(ILoggingEvent::getFormattedMessage)
            .collect(Collectors.toList());
    assertThat(lines).isNotEmpty();
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("--cluster-pwd=***"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("--agent-pwd=***"));
    assertThat(lines).noneSatisfy(l -> assertThat(l).contains(PWD));
    assertThat(lines).noneSatisfy(l -> assertThat(l).contains("raw secret"));
  }

  @SuppressWarnings("unchecked")
  static ListAppender<ILoggingEvent> memoryAppender() {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.corekit.rac");
    return (ListAppender<ILoggingEvent>) logger.getAppender("MEMORY");
  }
}
