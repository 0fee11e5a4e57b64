package dev.corekit.rac;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Every read through the fake rac, parsed into typed views. */
class RacReadsTest {

  private static final UUID U = UUID.fromString(Samples.CLUSTER_ID);
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private FakeRacFixture fake;
  private RacClient client;
  private ClusterApi cluster;

  @BeforeEach
  void setUp() {
    fake = new FakeRacFixture(dir);
    client = fake.client(b -> b.maxConcurrency(8));
    cluster = client.session("srv-1c").cluster(U);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static <T> List<T> await(Flux<T> flux) {
    return flux.collectList().block(WAIT);
  }

  @Test
  void readsEveryEntityAsTypedViews() {
    fake.output("agent_admin_list", Samples.ADMINS)
        .output("cluster_list", Samples.CLUSTER)
        .output("cluster_info", Samples.CLUSTER)
        .output("manager", Samples.MANAGER)
        .output("server", Samples.SERVER)
        .output("process", Samples.PROCESS)
        .output("service_list", Samples.SERVICE)
        .output("infobase_summary", Samples.INFOBASE_SUMMARY)
        .output("infobase_info", Samples.INFOBASE)
        .output("connection", Samples.CONNECTION)
        .output("session", Samples.SESSION)
        .output("lock_list", Samples.LOCK)
        .output("rule", Samples.RULE)
        .output("profile_list", Samples.PROFILE)
        .output("profile_acl", Samples.ACL)
        .output("counter_list", Samples.COUNTER)
        .output("counter_info", Samples.COUNTER)
        .output("counter_values", Samples.COUNTER_VALUE)
        .output("counter_accumulated-values", Samples.COUNTER_VALUE)
        .output("limit", Samples.LIMIT);
    RacSession ras = client.session("srv-1c");
    StepVerifier.create(
            Mono.zip(
                objects -> objects,
                ras.agent().admins().list().collectList(),
                ras.clusters().list().collectList(),
                cluster.info(),
                cluster.managers().list().collectList(),
                cluster.servers().info(UUID.fromString(Samples.SERVER_ID)),
                cluster.processes().list().collectList(),
                cluster.services().list().collectList(),
                cluster.infobases().summaries().collectList(),
                cluster.infobases().info(UUID.fromString(Samples.INFOBASE_ID)),
                cluster.connections().list().collectList(),
                cluster.sessions().list().collectList(),
                cluster.locks().list().collectList(),
                cluster.rules().list(UUID.fromString(Samples.SERVER_ID)).collectList(),
                cluster.profiles().list().collectList(),
                cluster.profiles().acl("safe", RacAclKind.DIRECTORY).list().collectList(),
                cluster.counters().info("cpu-users"),
                cluster.counters().values("cpu-users").collectList(),
                cluster.limits().list().collectList()))
        .assertNext(
            all -> {
              @SuppressWarnings("unchecked")
              List<RacAdmin> admins = (List<RacAdmin>) all[0];
              assertThat(admins).extracting(RacAdmin::name).containsExactly("admin", "ops");
              assertThat(admins.get(1).auth()).containsExactly("pwd", "os");
              assertThat(admins.get(1).osUser()).contains("DOMAIN\\ops");
              assertThat(admins.get(0).descr()).contains("Главный администратор");
              @SuppressWarnings("unchecked")
              List<RacCluster> clusters = (List<RacCluster>) all[1];
              assertThat(clusters)
                  .singleElement()
                  .satisfies(
                      c -> {
                        assertThat(c.id()).isEqualTo(U);
                        assertThat(c.name()).isEqualTo("Локальный кластер");
                        assertThat(c.killProblemProcesses()).contains(true);
                      });
              assertThat(((RacCluster) all[2]).port()).isEqualTo(1541);
              @SuppressWarnings("unchecked")
              List<RacManager> managers = (List<RacManager>) all[3];
              assertThat(managers.get(0).pid()).contains(2344L);
              assertThat(managers.get(0).descr()).contains("Главный менеджер кластера");
              RacServer server = (RacServer) all[4];
              assertThat(server.portRange()).isEqualTo("1560:1591");
              assertThat(server.name()).isEqualTo("Центральный сервер");
              assertThat(server.temporaryAllowedTotalMemoryTimeLimit()).contains(300L);
              @SuppressWarnings("unchecked")
              RacProcess process = ((List<RacProcess>) all[5]).get(0);
              assertThat(process.turnedOn()).contains(true);
              assertThat(process.startedAt()).contains(LocalDateTime.of(2024, 3, 1, 9, 15));
              assertThat(process.avgServerCallTime()).contains(-0.265);
              assertThat(process.availablePerformance()).contains(160L);
              @SuppressWarnings("unchecked")
              RacService service = ((List<RacService>) all[6]).get(0);
              assertThat(service.mainOnly()).contains(false);
              @SuppressWarnings("unchecked")
              RacInfobaseSummary summary = ((List<RacInfobaseSummary>) all[7]).get(0);
              assertThat(summary.name()).isEqualTo("Бухгалтерия предприятия");
              assertThat(summary.descr()).contains("Учёт \"основной\"");
              RacInfobase infobase = (RacInfobase) all[8];
              assertThat(infobase.sessionsDeny()).contains(true);
              assertThat(infobase.scheduledJobsDeny()).contains(false);
              assertThat(infobase.licenseDistribution()).contains(true);
              assertThat(infobase.deniedFrom()).contains(LocalDateTime.of(2024, 3, 1, 20, 0));
              assertThat(infobase.deniedTo()).isEmpty();
              assertThat(infobase.permissionCode()).contains("0451");
              @SuppressWarnings("unchecked")
              RacConnection connection = ((List<RacConnection>) all[9]).get(0);
              assertThat(connection.application()).contains("1CV8C");
              assertThat(connection.process()).contains(UUID.fromString(Samples.PROCESS_ID));
              @SuppressWarnings("unchecked")
              List<RacInfobaseSession> sessions = (List<RacInfobaseSession>) all[10];
              assertThat(sessions).hasSize(2);
              assertThat(sessions.get(0).userName()).contains("Пользователь И.Б.");
              assertThat(sessions.get(0).memoryCurrent()).contains(-1_138_560L);
              assertThat(sessions.get(0).dataSeparation()).isEmpty();
              assertThat(sessions.get(0).dbProcTookAt()).isEmpty();
              assertThat(sessions.get(0).clientIp()).contains("10.0.0.42");
              assertThat(sessions.get(1).connection()).isEmpty();
              assertThat(sessions.get(1).process()).isEmpty();
              assertThat(sessions.get(1).cpuTimeTotal()).isEmpty();
              assertThat(sessions.get(1).record().raw("new-field-from-8-5")).contains("whatever");
              @SuppressWarnings("unchecked")
              RacLock lock = ((List<RacLock>) all[11]).get(0);
              assertThat(lock.connection()).isEmpty();
              assertThat(lock.session()).contains(UUID.fromString(Samples.SESSION_ID));
              assertThat(lock.object()).contains("РегистрСведений.Курсы");
              @SuppressWarnings("unchecked")
              RacRule rule = ((List<RacRule>) all[12]).get(0);
              assertThat(rule.objectType()).isEmpty();
              assertThat(rule.priority()).contains(5L);
              @SuppressWarnings("unchecked")
              RacProfile profile = ((List<RacProfile>) all[13]).get(0);
              assertThat(profile.crypto()).contains(true);
              assertThat(profile.addin()).contains("full");
              @SuppressWarnings("unchecked")
              RacAclEntry acl = ((List<RacAclEntry>) all[14]).get(0);
              assertThat(acl.name()).isEqualTo("docs");
              assertThat(acl.record().text("physical-path")).isEqualTo("/srv/docs");
              RacCounter counter = (RacCounter) all[15];
              assertThat(counter.cpuTime()).contains(true);
              assertThat(counter.memory()).contains(false);
              @SuppressWarnings("unchecked")
              RacCounterValue value = ((List<RacCounterValue>) all[16]).get(0);
              assertThat(value.object()).contains("Иванов");
              assertThat(value.call()).contains(311L);
              @SuppressWarnings("unchecked")
              RacLimit limit = ((List<RacLimit>) all[17]).get(0);
              assertThat(limit.cpuTime()).contains(60_000L);
              assertThat(limit.errorMessage()).contains("Слишком долгий вызов");
            })
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void readsLicensesAndOlderBuildFieldNames() {
    fake.output("process_list", Samples.LICENSE).output("process_info", Samples.PROCESS_OLD_BUILD);
    List<RacLicense> licenses = await(cluster.processes().licenses());
    assertThat(licenses)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.process()).contains(UUID.fromString(Samples.PROCESS_ID));
              assertThat(l.series()).contains("8100000001");
              assertThat(l.issuedByServer()).contains(true);
              assertThat(l.net()).contains(false);
              assertThat(l.maxUsersCurrent()).contains(50L);
              assertThat(l.shortPresentation()).contains("Сервер, 8100000001 50");
            });
    StepVerifier.create(cluster.processes().info(UUID.fromString(Samples.PROCESS_ID)))
        .assertNext(
            p -> {
              assertThat(p.turnedOn()).contains(false);
              assertThat(p.avgCallTime()).isEmpty();
            })
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void aBadValueFailsTheFluxNamingFieldAndRecord() {
    fake.output("server_list", Samples.SERVER.replace("1540", "15x0"));
    StepVerifier.create(cluster.servers().list())
        .expectErrorSatisfies(
            e -> {
              assertThat(e)
                  .isInstanceOf(RacParseException.class)
                  .hasMessageContaining("'agent-port'")
                  .hasMessageContaining("server=" + Samples.SERVER_ID);
              assertThat(((RacParseException) e).field()).isEqualTo("agent-port");
            })
        .verify(WAIT);
  }
}
