package dev.corekit.it.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corekit.core.CoreClient;
import dev.corekit.core.RequestOptions;
import dev.corekit.core.RetryPolicy;
import dev.corekit.core.model.ProcessCommandName;
import dev.corekit.core.model.ProcessConfig;
import dev.corekit.core.model.ProcessConfigIo;
import dev.corekit.core.model.ProcessExecState;
import dev.corekit.core.model.ProcessReport;
import dev.corekit.core.model.ProcessState;
import dev.corekit.it.rac.FakeRacHarness;
import dev.corekit.rac.RacAdminSpec;
import dev.corekit.rac.RacClient;
import dev.corekit.rac.RacCredentials;
import dev.corekit.rac.RacInfobaseSpec;
import dev.corekit.rac.RacInfobaseUpdate;
import dev.corekit.rac.RacSession;
import dev.corekit.rac.RacSync;
import dev.corekit.simulator.CoreSimulator;
import dev.corekit.simulator.CoreVersion;
import dev.corekit.simulator.Fault;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Canary secrets used through the whole SDK must never come out of it: not in any log line (SDK
 * loggers at DEBUG), not in any exception (message, toString, stack trace text, causes and
 * suppressed), not in the {@code toString()} of any public type, not in the output of {@code
 * corectl}.
 *
 * <p>Canaries: the Core password, a wrong password, the JWT signing secret, the access and refresh
 * tokens (issued by the simulator, and every token the client used on the wire), the memory
 * filesystem password from Core's config (also as Core 16.16 writes it into command and log lines,
 * {@code http://admin:PASSWORD@host/memfs/...}), and one password per rac option ({@code
 * --cluster-pwd}, {@code --agent-pwd}, {@code --infobase-pwd}, {@code --db-pwd}, {@code --pwd}). A
 * JWT also counts by its signature alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecretsCanaryTest {

  static final String USER = "admin";
  static final String PASSWORD = "canary-pw-secrets-3b8e1d";
  static final String WRONG_PASSWORD = "canary-wrongpw-6f0c2e";
  static final String JWT_SECRET = "canary-jwtsecret-8a7d5c";
  static final String CLUSTER_PWD = "canary-clusterpwd-1c9e4b";
  static final String AGENT_PWD = "canary-agentpwd-2d8f3a";
  static final String INFOBASE_PWD = "canary-ibpwd-3e7a2f";
  static final String DB_PWD = "canary-dbpwd-4f6b1e";
  static final String ADMIN_PWD = "canary-adminpwd-5a5c0d";
  static final String EXTRA_PWD = "canary-extrapwd-6b4d9c";
  private static final UUID CLUSTER = UUID.fromString("0b6f5d1e-2c3a-4e5f-8a9b-1c2d3e4f5a6b");
  private static final UUID INFOBASE = UUID.fromString("1c7a6e2f-3d4b-4f6a-9b0c-2d3e4f5a6b7c");
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private CoreSimulator sim;
  private CoreSimulator.Tokens tokens;
  private LogCapture logs;
  private Canaries canaries;
  private int logStart;

  /**
   * Every bearer token the clients sent (access tokens from logins and refreshes, refresh tokens).
   */
  private final Set<String> wireTokens = ConcurrentHashMap.newKeySet();

  @BeforeAll
  void start() {
    logs = LogCapture.debug("dev.corekit", "reactor.netty");
    sim =
        CoreSimulator.builder()
            .user(USER)
            .password(PASSWORD)
            .jwtSecret(JWT_SECRET)
            .accessTtl(Duration.ofSeconds(2))
            .refreshTtl(Duration.ofSeconds(30))
            .loginFailureDelay(Duration.ofMillis(20))
            .build()
            .start();
    tokens = sim.issueTokens();
  }

  /** Each test searches its own texts and the log lines written while it ran, for every canary. */
  @BeforeEach
  void freshCanaries() {
    logStart = logs.lines().size();
    canaries = new Canaries();
    canaries
        .add("core password", PASSWORD)
        .add("wrong core password", WRONG_PASSWORD)
        .add("JWT signing secret", JWT_SECRET)
        .add("access token", tokens.accessToken())
        .add("refresh token", tokens.refreshToken())
        .add("--cluster-pwd", CLUSTER_PWD)
        .add("--agent-pwd", AGENT_PWD)
        .add("--infobase-pwd", INFOBASE_PWD)
        .add("--db-pwd", DB_PWD)
        .add("admin --pwd", ADMIN_PWD)
        .add("extra option --agent-pwd", EXTRA_PWD);
  }

  @AfterAll
  void stop() {
    if (logs != null) {
      logs.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  private UnaryOperator<reactor.netty.http.client.HttpClient> wireSpy() {
    return h ->
        h.doOnRequest(
            (request, connection) -> {
              String auth = request.requestHeaders().get("Authorization");
              if (auth != null) {
                wireTokens.add(auth.replaceFirst("(?i)^bearer\\s+", ""));
              }
            });
  }

  private CoreClient.Builder client() {
    return CoreClient.builder()
        .baseUrl(sim.baseUrl())
        .httpClient(wireSpy())
        .retry(
            RetryPolicy.builder()
                .maxRetries(2)
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(50))
                .build());
  }

  /** Runs a call, collecting its failure (if any) under a name. */
  private void call(String source, Supplier<? extends org.reactivestreams.Publisher<?>> call) {
    try {
      Flux.from(call.get()).then().block(WAIT);
    } catch (RuntimeException e) {
      canaries.collect(source, e);
    }
  }

  private void collectLogsAndWireTokens() {
    int i = 0;
    for (String token : wireTokens) {
      canaries.add("token sent on the wire #" + (++i), token);
    }
    List<String> lines = logs.lines();
    canaries.collect(
        "captured log lines (dev.corekit, reactor.netty at DEBUG)",
        String.join("\n", lines.subList(Math.min(logStart, lines.size()), lines.size())));
  }

  private static ProcessConfig process(String id) {
    return ProcessConfig.builder()
        .id(id)
        .addInput(
            ProcessConfigIo.builder()
                .id("in")
                .address("testsrc2")
                .addOptions("-f", "lavfi")
                .build())
        .addOutput(
            ProcessConfigIo.builder().id("out").address("-").addOptions("-f", "null").build())
        .autostart(false)
        .build();
  }

  // ---- the reactive and blocking Core clients ----

  @Test
  void coreCallsThatSucceedOrFailNeverLogOrThrowTheCanaries() throws Exception {
    // Injected tokens: every area, a token expiry (2 s) and its refresh, config with its secrets.
    try (CoreClient c = client().tokens(tokens.accessToken(), tokens.refreshToken()).build()) {
      call("about", () -> c.about().about());
      call("create", () -> c.processes().create(process("p1")));
      call("list", () -> c.processes().list());
      call("get", () -> c.processes().get("p1"));
      call("update", () -> c.processes().update("p1", process("p1")));
      call(
          "upload",
          () -> c.filesystems().upload("mem", "a.txt", Flux.just(ByteBuffer.wrap("x".getBytes()))));
      call("download", () -> c.filesystems().download("mem", "a.txt"));
      call("config get", () -> c.config().get());
      Mono.delay(Duration.ofMillis(2500)).block();
      call("list after the access token expired", () -> c.processes().list());
      call("404 with Core's error body", () -> c.processes().get("no-such-process"));
      call("409 create twice", () -> c.processes().create(process("p1")));
      sim.faults().on("GET /api/v3/process/p1").times(1).inject(Fault.status(400));
      call("400 with Core's error body", () -> c.processes().get("p1"));
      call("delete", () -> c.processes().delete("p1"));
      call("fs 404", () -> c.filesystems().download("mem", "missing.bin"));
    }
    // Credentials: login, refresh, a failed refresh and the login again, a 401 replay.
    try (CoreClient c = client().credentials(USER, PASSWORD).build()) {
      call("login + list", () -> c.processes().list());
      sim.faults().failNextRefresh(401);
      Mono.delay(Duration.ofMillis(2500)).block();
      call("list after a failed refresh", () -> c.processes().list());
      call("config get with credentials", () -> c.config().get());
      sim.faults().on("GET /api/v3/process").times(1).inject(Fault.status(401));
      call("401 then replay", () -> c.processes().list());
    }
    // A wrong password.
    try (CoreClient c = client().credentials(USER, WRONG_PASSWORD).build()) {
      call("wrong password", () -> c.processes().list());
      call(
          "wrong password, with per-call options",
          () ->
              c.processes()
                  .with(RequestOptions.builder().retries(0).timeout(Duration.ofSeconds(2)).build())
                  .list());
    }
    // Injected tokens that no longer work, without credentials.
    try (CoreClient c = client().tokens(tokens.accessToken() + "x", null).build()) {
      call("a rejected token", () -> c.processes().list());
    }
    // Refused connection.
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (CoreClient c =
        CoreClient.builder()
            .baseUrl("http://127.0.0.1:" + closedPort)
            .credentials(USER, PASSWORD)
            .retry(RetryPolicy.NONE)
            .build()) {
      call("refused connection", () -> c.processes().list());
    }
    // Timeouts: a slow answer, a stalled list.
    try (CoreClient c =
        client().credentials(USER, PASSWORD).timeout(Duration.ofMillis(500)).build()) {
      sim.faults().on("GET /api").times(3).inject(Fault.latency(Duration.ofSeconds(2)));
      call("timeout", () -> c.about().about());
      sim.faults().on("GET /api/v3/process").times(3).inject(Fault.stall(5));
      call("stalled list", () -> c.processes().list());
      sim.faults().on("GET /api/v3/config").times(3).inject(Fault.truncatedJson());
      call("truncated config", () -> c.config().get());
      sim.faults().on("GET /api/v3/config").times(3).inject(Fault.malformedJson());
      call("malformed config", () -> c.config().get());
      sim.faults().clear();
    }
    // Credentials in the base URL are refused without echoing them.
    try {
      CoreClient.builder().baseUrl("http://admin:" + PASSWORD + "@127.0.0.1:1/").build().close();
    } catch (RuntimeException e) {
      canaries.collect("user info in the base URL", e);
    }
    try {
      CoreClient.builder().baseUrl("ftp://admin:" + PASSWORD + "@127.0.0.1:1/").build().close();
    } catch (RuntimeException e) {
      canaries.collect("user info in a non-http base URL", e);
    }
    // The blocking client (core-client-sync), when present: a wrong password, then a good one.
    coreSync();

    // The config's own secrets (the memory filesystem password is random) become canaries too.
    for (Map.Entry<String, String> secret : configSecrets().entrySet()) {
      canaries.add("config " + secret.getKey(), secret.getValue());
    }
    collectLogsAndWireTokens();
    Map<String, String> failures = canaries.texts();
    failures.forEach(
        (source, text) ->
            System.out.println(
                "SecretsCanaryTest: failure collected from '"
                    + source
                    + "': "
                    + text.lines().findFirst().orElse("")));
    assertThat(failures)
        .as("calls that must succeed (so that their paths are covered)")
        .doesNotContainKeys(
            "about",
            "create",
            "list",
            "get",
            "update",
            "config get",
            "list after the access token" + " expired",
            "login + list",
            "list after a failed refresh",
            "config get with credentials",
            "401 then replay");
    assertThat(logs.lines())
        .as("DEBUG lines of the client were captured")
        .anyMatch(l -> l.contains("dev.corekit.core.http") && l.contains("/api/v3/process"));
    assertThat(canaries.texts().keySet())
        .as("failures collected")
        .contains("wrong password", "refused connection", "timeout", "404 with Core's error body");
    assertNoLeaks(canaries.leaks());
  }

  private void coreSync() throws Exception {
    Class<?> coreSync;
    try {
      coreSync = Class.forName("dev.corekit.core.sync.CoreSync");
    } catch (ClassNotFoundException e) {
      System.out.println(
          "SecretsCanaryTest: dev.corekit.core.sync.CoreSync is not on the class path; skipped");
      return;
    }
    Method connect = coreSync.getMethod("connect", String.class, String.class, String.class);
    try (AutoCloseable bad =
        (AutoCloseable) connect.invoke(null, sim.baseUrl(), USER, WRONG_PASSWORD)) {
      canaries.collect("CoreSync.connect with a wrong password returned", String.valueOf(bad));
    } catch (java.lang.reflect.InvocationTargetException e) {
      canaries.collect("CoreSync.connect with a wrong password", e.getCause());
    }
    try (AutoCloseable good = (AutoCloseable) connect.invoke(null, sim.baseUrl(), USER, PASSWORD)) {
      canaries.collect("CoreSyncClient.toString", String.valueOf(good));
      Method processesOf =
          Class.forName("dev.corekit.core.sync.CoreSyncClient").getMethod("processes");
      Object processes = processesOf.invoke(good);
      Method get = processesOf.getReturnType().getMethod("get", String.class);
      try {
        get.invoke(processes, "no-such-process");
      } catch (java.lang.reflect.InvocationTargetException e) {
        canaries.collect("CoreSync processes().get 404", e.getCause());
      }
    } catch (java.lang.reflect.InvocationTargetException e) {
      System.out.println(
          "SecretsCanaryTest: CoreSync.connect with the right password failed: " + e.getCause());
      canaries.collect("CoreSync.connect with the right password", e.getCause());
    }
  }

  private Map<String, String> configSecrets() throws IOException, InterruptedException {
    String token = sim.issueTokens().accessToken();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v3/config"))
                    .header("Authorization", "Bearer " + token)
                    .timeout(WAIT)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode config = new ObjectMapper().readTree(r.body()).path("config");
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String path :
        List.of("api.auth.password", "api.auth.jwt.secret", "storage.memory.auth.password")) {
      JsonNode n = config;
      for (String part : path.split("\\.")) {
        n = n.path(part);
      }
      secrets.put(path, n.asText());
    }
    assertThat(secrets)
        .containsEntry("api.auth.password", PASSWORD)
        .containsEntry("api.auth.jwt.secret", JWT_SECRET);
    return secrets;
  }

  @Test
  void aServerEchoingTheCredentialsInItsErrorBodyDoesNotPutThemIntoTheException() {
    // Core never does this, but a proxy or a future version might: the client knows its secrets and
    // can
    // keep them out of what it shows.
    String body =
        "{\"code\":400,\"message\":\"bad login for admin/"
            + PASSWORD
            + "\",\"details\":[\"token "
            + tokens.accessToken()
            + "\"]}";
    sim.faults().on("GET /api").times(1).inject(Fault.respond(400, "application/json", body));
    Canaries echo =
        new Canaries().add("core password", PASSWORD).add("access token", tokens.accessToken());
    try (CoreClient c =
        client()
            .tokens(tokens.accessToken(), tokens.refreshToken())
            .credentials(USER, PASSWORD)
            .build()) {
      c.about().about().block(WAIT);
    } catch (RuntimeException e) {
      echo.collect("exception from an echoing server", e);
    } finally {
      sim.faults().clear();
    }
    assertThat(echo.textCount()).isEqualTo(1);
    assertNoLeaks(echo.leaks());
  }

  // ---- Core 16.16's command and log lines ----

  /**
   * Core 16.16 writes the memory filesystem's password into the ffmpeg command line and log lines
   * of a process whose output is at {@code {memfs}}: {@code state.command} ends with {@code
   * http://admin:PASSWORD@127.0.0.1:PORT/memfs/x.m3u8} and the log says {@code Output #0, hls, to
   * 'http://admin:PASSWORD@...'}. The SDK keeps that data as Core sent it, but its toString(),
   * exceptions and logs must not show the password, nor must corectl (tables and --json) unless
   * asked with {@code --show-secrets}.
   */
  @Test
  void core1616sMemfsPasswordInCommandAndLogLinesNeverComesOut() throws Exception {
    String id = "memfs-canary";
    Canaries memfs = new Canaries();
    int before = logs.lines().size();
    try (CoreSimulator core =
            CoreSimulator.builder()
                .coreVersion(CoreVersion.V16_16)
                .user(USER)
                .password(PASSWORD)
                .jwtSecret(JWT_SECRET)
                .processStartDelay(Duration.ZERO)
                .build()
                .start();
        CoreClient c =
            CoreClient.builder()
                .baseUrl(core.baseUrl())
                .credentials(USER, PASSWORD)
                .retry(RetryPolicy.NONE)
                .build()) {
      String password = c.config().get().block(WAIT).config().storage().memory().auth().password();
      memfs.add("memfs password (16.16 command and log lines)", password);
      c.processes()
          .create(
              ProcessConfig.builder()
                  .id(id)
                  .addInput(
                      ProcessConfigIo.builder()
                          .id("in")
                          .address("testsrc2=rate=25:size=640x360")
                          .addOptions("-f", "lavfi", "-re")
                          .build())
                  .addOutput(
                      ProcessConfigIo.builder()
                          .id("out")
                          .address("{memfs}/" + id + ".m3u8")
                          .addOptions("-codec:v", "libx264", "-f", "hls")
                          .build())
                  .autostart(false)
                  .build())
          .block(WAIT);
      c.processes()
          .command(
              id,
              dev.corekit.core.model.ProcessCommand.builder()
                  .command(ProcessCommandName.START)
                  .build())
          .block(WAIT);
      ProcessState state =
          c.processes()
              .watch(id)
              .filter(s -> s.exec().equals(ProcessExecState.RUNNING))
              .next()
              .block(WAIT);
      ProcessReport report = c.processes().getReport(id).block(WAIT);
      // Controls: the data carries the password, as Core 16.16 sends it.
      assertThat(state.command().get(state.command().size() - 1))
          .isEqualTo(
              "http://admin:" + password + "@127.0.0.1:" + core.port() + "/memfs/" + id + ".m3u8");
      assertThat(report.log().toString()).contains("to 'http://admin:" + password + "@");

      memfs.collect("ProcessState.toString", String.valueOf(state));
      memfs.collect("ProcessReport.toString", String.valueOf(report));
      memfs.collect("CoreProcess.toString", String.valueOf(c.processes().get(id).block(WAIT)));
      memfs.collect(
          "process list toString", String.valueOf(c.processes().list().collectList().block(WAIT)));
      // A server (or proxy) that quotes the command line in an error body.
      core.faults()
          .on("GET /api/v3/process/" + id + "/state")
          .times(1)
          .inject(
              Fault.respond(
                  400,
                  "application/json",
                  new ObjectMapper()
                      .writeValueAsString(
                          Map.of(
                              "code",
                              400,
                              "message",
                              "invalid command " + String.join(" ", state.command()),
                              "details",
                              state.command()))));
      try {
        c.processes().getState(id).block(WAIT);
      } catch (RuntimeException e) {
        memfs.collect("an error body quoting the command line", e);
      }
      assertThat(memfs.texts()).containsKey("an error body quoting the command line");

      Path jar = Path.of(System.getProperty("corectl.jar", "../../samples/target/corectl.jar"));
      if (Files.isRegularFile(jar)) {
        List<String> url = List.of("--url", core.baseUrl(), "--user", USER, "--password", PASSWORD);
        for (List<String> run :
            List.of(
                List.of("process", "state", id),
                List.of("process", "state", id, "--json"),
                List.of("process", "get", id, "--json"),
                List.of("process", "list"),
                List.of("process", "list", "--json"),
                List.of("process", "logs", id, "-n", "100"),
                List.of("process", "logs", id, "-n", "100", "--json"),
                List.of("process", "report", id),
                List.of("--debug", "process", "report", id, "--json"))) {
          List<String> args = new ArrayList<>(url);
          args.addAll(run);
          memfs.collect("corectl " + String.join(" ", run), corectl(jar, args, Map.of()));
        }
        List<String> shown = new ArrayList<>(url);
        shown.addAll(List.of("--show-secrets", "process", "state", id, "--json"));
        assertThat(memfs.find("control", corectl(jar, shown, Map.of())))
            .as("corectl --show-secrets prints the memfs password (control)")
            .isNotEmpty();
      } else {
        System.out.println(
            "SecretsCanaryTest: corectl.jar not built yet at "
                + jar.toAbsolutePath()
                + ": the CLI part of the memfs canary is skipped");
      }
    }
    List<String> lines = logs.lines();
    memfs.collect(
        "captured log lines (dev.corekit, reactor.netty at DEBUG)",
        String.join("\n", lines.subList(Math.min(before, lines.size()), lines.size())));
    assertNoLeaks(memfs.leaks());
  }

  // ---- rac ----

  @Test
  void racCommandsWithPasswordsThatFailNeverShowThePasswords() {
    FakeRacHarness fake = new FakeRacHarness(dir.resolve("rac"));
    String header = "! Ошибка операции администрирования";
    fake.scenario(
        "session_list", header, "! Администратор кластера не аутентифицирован", "@exit 255");
    fake.scenario(
        "agent_admin_list",
        header,
        "! Администратор центрального сервера не аутентифицирован",
        "@exit 255");
    fake.scenario(
        "infobase_info", "! Ошибка разбора параметра: --infobase-pwd=" + INFOBASE_PWD, "@exit 255");
    fake.scenario("infobase_create", "! Ошибка разбора параметра: --db-pwd=" + DB_PWD, "@exit 255");
    fake.scenario(
        "infobase_update",
        "! Ошибка соединения с сервером администрирования",
        "! server_addr=tcp://ras.example:1545 descr=Connection refused",
        "@exit 255");
    fake.scenario("connection_list", "@hang");
    fake.scenario(
        "cluster_admin_register",
        header,
        "! Администратор кластера не аутентифицирован " + CLUSTER_PWD + " " + ADMIN_PWD,
        "@exit 255");
    fake.scenario(
        "lock_list", "| Ошибка разбора параметра: --cluster-pwd=" + CLUSTER_PWD, "@exit 255");
    fake.scenario("process_list", "| process : x", "|", "@die 9");
    RacCredentials cluster = RacCredentials.of("admin", CLUSTER_PWD);
    RacCredentials infobaseUser = RacCredentials.of("ibuser", INFOBASE_PWD);
    RacInfobaseSpec spec =
        RacInfobaseSpec.builder()
            .name("trade")
            .dbms("PostgreSQL")
            .dbServer("db")
            .dbName("trade")
            .locale("ru")
            .dbUser("postgres")
            .dbPassword(DB_PWD)
            .build();
    try (RacClient rac = fake.client(b -> b.timeout(Duration.ofSeconds(2)))) {
      RacSession ras = rac.session("ras.example");
      call("rac session list", () -> ras.cluster(CLUSTER, cluster).sessions().list());
      call(
          "rac agent admin list",
          () -> ras.agent(RacCredentials.of("root", AGENT_PWD)).admins().list());
      call(
          "rac infobase info",
          () -> ras.cluster(CLUSTER, cluster).infobases().info(INFOBASE, infobaseUser));
      call("rac infobase create", () -> ras.cluster(CLUSTER, cluster).infobases().create(spec));
      call(
          "rac infobase update",
          () ->
              ras.cluster(CLUSTER, cluster)
                  .infobases()
                  .update(
                      INFOBASE,
                      RacInfobaseUpdate.builder().dbPassword(DB_PWD).build(),
                      infobaseUser));
      call(
          "rac connection list (timeout)",
          () -> ras.cluster(CLUSTER, cluster).connections().listByInfobase(INFOBASE, infobaseUser));
      call(
          "rac cluster admin register",
          () ->
              ras.cluster(CLUSTER, cluster)
                  .admins()
                  .register(RacAdminSpec.builder().name("a2").password(ADMIN_PWD).build()));
      call("rac process list (dies)", () -> ras.cluster(CLUSTER, cluster).processes().list());
      call(
          "rac raw records",
          () ->
              ras.records(
                  List.of(
                      "session",
                      "--cluster=" + CLUSTER,
                      "--cluster-user=admin",
                      "--cluster-pwd=" + CLUSTER_PWD,
                      "list")));
      try (RacSync sync = RacSync.of(rac)) {
        try {
          sync.session("ras.example").cluster(CLUSTER, cluster).sessions().list();
        } catch (RuntimeException e) {
          canaries.collect("RacSync session list", e);
        }
        try {
          sync.session("ras.example")
              .cluster(CLUSTER, cluster)
              .infobases()
              .info(INFOBASE, infobaseUser);
        } catch (RuntimeException e) {
          canaries.collect("RacSync infobase info", e);
        }
      }
      canaries.collect(
          "rac objects toString",
          rac
              + " "
              + ras
              + " "
              + ras.cluster(CLUSTER, cluster)
              + " "
              + ras.cluster(CLUSTER, cluster).infobases()
              + " "
              + ras.agent(RacCredentials.of("root", AGENT_PWD)));
    }
    collectLogsAndWireTokens();
    assertThat(logs.lines())
        .as("rac DEBUG lines were captured")
        .anyMatch(l -> l.contains("rac started"));
    assertNoLeaks(canaries.leaks());
  }

  /**
   * A password given as an extra option ({@code --agent-pwd} through {@code extraOptions}) is
   * masked like the typed ones, in logs, messages and {@code command()}.
   */
  @Test
  void aPasswordGivenAsAnExtraOptionIsMaskedLikeTheTypedOnes() {
    FakeRacHarness fake = new FakeRacHarness(dir.resolve("rac-extra"));
    fake.scenario(
        "infobase_create",
        "! Ошибка операции администрирования",
        "! Администратор центрального сервера не аутентифицирован",
        "@exit 255");
    Canaries extra = new Canaries().add("extra option --agent-pwd", EXTRA_PWD);
    RacInfobaseSpec spec =
        RacInfobaseSpec.builder()
            .name("trade")
            .dbms("PostgreSQL")
            .dbServer("db")
            .dbName("trade")
            .locale("ru")
            .putExtraOptions("agent-user", "root")
            .putExtraOptions("agent-pwd", EXTRA_PWD)
            .build();
    int before = logs.lines().size();
    try (RacClient rac = fake.client(b -> b.timeout(Duration.ofSeconds(5)))) {
      rac.session("ras.example").cluster(CLUSTER).infobases().create(spec).block(WAIT);
    } catch (RuntimeException e) {
      extra.collect("exception of a command with an extra --agent-pwd", e);
    }
    List<String> lines = logs.lines();
    extra.collect(
        "log lines of that command",
        String.join("\n", lines.subList(Math.min(before, lines.size()), lines.size())));
    assertThat(extra.texts()).containsKey("exception of a command with an extra --agent-pwd");
    assertNoLeaks(extra.leaks());
  }

  /** The rac stdout garbage case: a parse error quoting a line that holds a password. */
  @Test
  void aParseErrorQuotingRacOutputMasksTheCommandsPasswords() {
    FakeRacHarness fake = new FakeRacHarness(dir.resolve("rac-stdout"));
    fake.scenario(
        "lock_list", "| Ошибка разбора параметра: --cluster-pwd=" + CLUSTER_PWD, "@exit 255");
    Canaries echo = new Canaries().add("--cluster-pwd", CLUSTER_PWD);
    try (RacClient rac = fake.client(b -> b.timeout(Duration.ofSeconds(5)))) {
      rac.session("ras.example")
          .cluster(CLUSTER, RacCredentials.of("admin", CLUSTER_PWD))
          .locks()
          .list()
          .then()
          .block(WAIT);
    } catch (RuntimeException e) {
      echo.collect("exception of a rac that echoes its argv on stdout", e);
    }
    assertThat(echo.textCount()).isEqualTo(1);
    assertNoLeaks(echo.leaks());
  }

  // ---- toString of every public type ----

  private static final String[] PUBLIC_PACKAGES = {
    "dev.corekit.core",
    "dev.corekit.core.model",
    "dev.corekit.core.api",
    "dev.corekit.rac",
    "dev.corekit.core.sync",
    "dev.corekit.core.sync.api",
    "dev.corekit.sync"
  };

  /** Types that legitimately show a secret in toString (data by design); none so far. */
  private static final Map<String, String> DATA_BY_DESIGN = Map.of();

  private Map<String, List<Canaries.Leak>> publicTypeLeaks;
  private final Map<String, String> toStrings = new TreeMap<>();

  /**
   * Makes instances of every public type and collects their toString(), once for the two tests
   * below.
   */
  private synchronized Map<String, List<Canaries.Leak>> publicTypeLeaks() throws Exception {
    if (publicTypeLeaks != null) {
      return publicTypeLeaks;
    }
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      publicTypeLeaks = scanPublicTypes(opened);
      return publicTypeLeaks;
    } finally {
      // Also when the scan fails half-way: its clients must not outlive this test class.
      for (AutoCloseable c : opened) {
        try {
          c.close();
        } catch (Exception ignored) {
          // best effort
        }
      }
    }
  }

  private Map<String, List<Canaries.Leak>> scanPublicTypes(List<AutoCloseable> opened)
      throws Exception {
    List<Class<?>> types = PublicTypes.scan(PUBLIC_PACKAGES);
    assertThat(types).as("public types found").hasSizeGreaterThan(300);
    FakeRacHarness fake = new FakeRacHarness(dir.resolve("rac-types"));
    PublicTypes maker = new PublicTypes(PASSWORD, tokens.accessToken(), tokens.refreshToken());
    maker.fixed(Path.class, name -> fake.executable());
    // A record with the id field of every rac view (rac never prints passwords: no secret in it).
    Map<String, String> fields = new LinkedHashMap<>();
    for (String id :
        List.of(
            "cluster",
            "server",
            "process",
            "infobase",
            "connection",
            "session",
            "manager",
            "rule")) {
      fields.put(id, UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString());
    }
    fields.put("name", "v-name");
    fields.put("host", "v-host");
    fields.put("agent-host", "v-agent-host");
    fields.put("port", "1541");
    fields.put("agent-port", "1540");
    fields.put("port-range", "1560:1591");
    fields.put("pid", "4242");
    maker.fixed(dev.corekit.rac.RacRecord.class, name -> dev.corekit.rac.RacRecord.of(fields));
    Map<Class<?>, List<Object>> instances = new LinkedHashMap<>();
    // Roots: the clients with every kind of credential, then everything reachable from them.
    CoreClient.Builder coreBuilder =
        CoreClient.builder()
            .baseUrl(sim.baseUrl())
            .credentials(USER, PASSWORD)
            .tokens(tokens.accessToken(), tokens.refreshToken());
    CoreClient core = coreBuilder.build();
    RacClient rac = fake.client(b -> {});
    maker.closeables.add(core);
    maker.closeables.add(rac);
    // Everything the maker opens, also what it opens later while instantiating types.
    opened.add(
        () -> {
          for (AutoCloseable c : maker.closeables) {
            try {
              c.close();
            } catch (Exception ignored) {
              // best effort
            }
          }
        });
    maker
        .fixed(CoreClient.class, name -> core)
        .fixed(RacClient.class, name -> rac)
        .fixed(RacCredentials.class, name -> RacCredentials.of("admin", PASSWORD));
    add(instances, CoreClient.Builder.class, coreBuilder);
    add(instances, CoreClient.class, core);
    add(instances, RacClient.class, rac);
    add(
        instances,
        RequestOptions.class,
        RequestOptions.builder()
            .timeout(Duration.ofSeconds(1))
            .header("Authorization", "Bearer " + tokens.accessToken())
            .header("X-Api-Token", tokens.accessToken())
            .header("Cookie", "session=" + tokens.refreshToken())
            .header("X-Password", PASSWORD)
            .build());
    add(instances, RacSession.class, rac.session("ras.example"));
    add(instances, RacSync.class, RacSync.of(rac));
    try {
      Class<?> coreSync = Class.forName("dev.corekit.core.sync.CoreSync");
      Object syncClient = coreSync.getMethod("wrap", CoreClient.class).invoke(null, core);
      add(instances, syncClient.getClass().getInterfaces()[0], syncClient);
      // A fleet over the client holding the canary password (the fleet does not own it).
      dev.corekit.core.CoreFleet fleet = dev.corekit.core.CoreFleet.of(Map.of("canary-node", core));
      add(instances, dev.corekit.core.CoreFleet.class, fleet);
      Object syncFleet =
          coreSync.getMethod("fleet", dev.corekit.core.CoreFleet.class).invoke(null, fleet);
      add(instances, syncFleet.getClass().getInterfaces()[0], syncFleet);
    } catch (ClassNotFoundException e) {
      System.out.println("SecretsCanaryTest: no dev.corekit.core.sync on the class path");
    }
    Set<Class<?>> scanned = Set.copyOf(types);
    for (Map.Entry<Class<?>, List<Object>> root : new ArrayList<>(instances.entrySet())) {
      for (Object o : root.getValue()) {
        walk(o, root.getKey(), scanned, maker, instances, 0);
      }
    }
    for (Class<?> type : types) {
      if (!instances.containsKey(type)) {
        List<Object> made = maker.instances(type);
        if (!made.isEmpty()) {
          instances.put(type, made);
        }
      }
    }
    // The configuration as Core sends it, with its secrets (the password, the JWT secret, storage
    // passwords).
    try (CoreClient c =
        CoreClient.builder()
            .baseUrl(sim.baseUrl())
            .tokens(sim.issueTokens().accessToken(), null)
            .build()) {
      Object info = c.config().get().block(WAIT);
      Object config = info.getClass().getMethod("config").invoke(info);
      for (Object o : List.of(info, config)) {
        add(instances, o.getClass(), o);
        for (Class<?> i : o.getClass().getInterfaces()) {
          add(instances, i, o);
        }
      }
    } catch (RuntimeException e) {
      System.out.println(
          "SecretsCanaryTest: could not read Core's config through the client: " + e);
    }
    List<String> missing = new ArrayList<>();
    for (Class<?> type : types) {
      boolean implemented =
          type.isInterface()
              && instances.values().stream().flatMap(List::stream).anyMatch(type::isInstance);
      if (!instances.containsKey(type)
          && !implemented
          && !staticOnly(type)
          && !type.isAnnotation()) {
        missing.add(type.getName() + " (" + maker.failures.getOrDefault(type, "not reached") + ")");
      }
    }
    Map<String, List<Canaries.Leak>> leaks = new TreeMap<>();
    Canaries all =
        new Canaries()
            .add("core password", PASSWORD)
            .add("access token", tokens.accessToken())
            .add("refresh token", tokens.refreshToken());
    int count = 0;
    for (Map.Entry<Class<?>, List<Object>> e : instances.entrySet()) {
      for (Object o : e.getValue()) {
        String text;
        try {
          text = String.valueOf(o);
        } catch (RuntimeException thrown) {
          text = "toString threw " + thrown;
        }
        count++;
        toStrings.put(e.getKey().getName() + "#" + count, text);
        List<Canaries.Leak> found = all.find(e.getKey().getName(), text);
        if (!found.isEmpty()) {
          leaks.computeIfAbsent(e.getKey().getName(), k -> new ArrayList<>()).addAll(found);
        }
      }
    }
    System.out.printf(
        "SecretsCanaryTest: %d public types, %d instances, %d types without an instance%n",
        types.size(), count, missing.size());
    missing.forEach(m -> System.out.println("  no instance: " + m));
    assertThat(missing)
        .as("public types the test could not instantiate (add a way, or explain)")
        .isEmpty();
    return leaks;
  }

  /** Skips the test, printing why: a skipped test says so in the output, not only in reports. */
  private static void skipUnless(boolean condition, String reason) {
    if (!condition) {
      System.out.println("SecretsCanaryTest skipped a test: " + reason);
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(condition, reason);
  }

  private static void add(Map<Class<?>, List<Object>> instances, Class<?> type, Object o) {
    List<Object> list = instances.computeIfAbsent(type, k -> new ArrayList<>());
    for (Object existing : list) {
      if (existing == o) {
        return;
      }
    }
    list.add(o);
  }

  /** Follows the navigation methods of the SDK's interfaces (APIs, sessions, blocking views). */
  private void walk(
      Object o,
      Class<?> type,
      Set<Class<?>> scanned,
      PublicTypes maker,
      Map<Class<?>, List<Object>> instances,
      int depth) {
    if (depth > 4) {
      return;
    }
    for (Method m : type.getMethods()) {
      Class<?> r = m.getReturnType();
      if (Modifier.isStatic(m.getModifiers())
          || !scanned.contains(r)
          || !r.isInterface()
          || PublicTypes.modelOf(r) != null) {
        continue;
      }
      Object[] args = new Object[m.getParameterCount()];
      boolean ok = true;
      for (int i = 0; i < args.length; i++) {
        Class<?> p = m.getParameterTypes()[i];
        if (p == String.class) {
          args[i] = "ras.example";
        } else if (p == int.class) {
          args[i] = 1545;
        } else if (p == UUID.class) {
          args[i] = CLUSTER;
        } else if (p == RacCredentials.class) {
          args[i] = RacCredentials.of("admin", PASSWORD);
        } else if (p.isEnum() && p.getEnumConstants().length > 0) {
          args[i] = p.getEnumConstants()[0];
        } else if (p == RequestOptions.class) {
          args[i] =
              RequestOptions.builder()
                  .header("Authorization", "Bearer " + tokens.accessToken())
                  .build();
        } else {
          ok = false;
        }
      }
      if (!ok) {
        continue;
      }
      try {
        Object next = m.invoke(o, args);
        if (next != null
            && instances.getOrDefault(r, List.of()).stream().noneMatch(x -> x == next)) {
          add(instances, r, next);
          walk(next, r, scanned, maker, instances, depth + 1);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // not a navigation method after all
      }
    }
  }

  private static boolean staticOnly(Class<?> type) {
    if (type.isInterface() || type.isEnum()) {
      return false;
    }
    if (type.getConstructors().length > 0) {
      return false;
    }
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  @Test
  void toStringOfEveryPublicTypeShowsNoSecret() throws Exception {
    Map<String, List<Canaries.Leak>> leaks = new TreeMap<>(publicTypeLeaks());
    leaks
        .keySet()
        .removeIf(
            type -> PublicTypes.modelOf(classOf(type)) != null || DATA_BY_DESIGN.containsKey(type));
    assertNoLeaks(leaks.values().stream().flatMap(List::stream).collect(Collectors.toList()));
  }

  /**
   * PENDING the {@code x-secret: true} spec extension and the template change: the generated models
   * whose properties are secrets ({@link PublicTypes#X_SECRET}) must print them redacted. Fails
   * until then.
   */
  @Test
  void generatedModelsRedactTheirSecretPropertiesInToString() throws Exception {
    Map<String, List<Canaries.Leak>> leaks = new TreeMap<>(publicTypeLeaks());
    leaks.keySet().removeIf(type -> PublicTypes.modelOf(classOf(type)) == null);
    Set<String> models =
        leaks.keySet().stream()
            .map(t -> PublicTypes.modelOf(classOf(t)).getSimpleName())
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    System.out.println(
        "SecretsCanaryTest: models printing a secret property in toString: " + models);
    assertThat(toStrings.values())
        .as("model texts carried Core 16.16-shaped memfs URLs, shown with the password hidden")
        .anyMatch(text -> text.contains("to 'http://admin:***@127.0.0.1:8080/memfs/v-"));
    assertNoLeaks(leaks.values().stream().flatMap(List::stream).collect(Collectors.toList()));
  }

  private static Class<?> classOf(String name) {
    try {
      return Class.forName(name, false, SecretsCanaryTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSecretPropertyListMatchesTheApiDescription() throws IOException {
    Path spec = Path.of(System.getProperty("core.api.yaml", "../../api-spec/core-api.yaml"));
    skipUnless(Files.isRegularFile(spec), "no API description at " + spec.toAbsolutePath());
    assertThat(secretProperties(Files.readAllLines(spec)))
        .containsExactlyInAnyOrderElementsOf(PublicTypes.X_SECRET);
  }

  /**
   * "Schema.property" of every schema property whose description starts with "Secret." or says
   * x-secret.
   */
  static Set<String> secretProperties(List<String> lines) {
    Set<String> secret = new java.util.TreeSet<>();
    int start = lines.indexOf("  schemas:");
    String schema = null;
    Pattern key = Pattern.compile("^( +)([A-Za-z0-9_]+):\\s*$");
    for (int i = start + 1;
        i < lines.size() && (lines.get(i).isEmpty() || lines.get(i).startsWith("   "));
        i++) {
      String line = lines.get(i);
      Matcher m = key.matcher(line);
      if (m.matches() && m.group(1).length() == 4) {
        schema = m.group(2);
      }
      String t = line.strip();
      if (schema != null && (t.startsWith("description: Secret.") || t.equals("x-secret: true"))) {
        int indent = line.length() - line.stripLeading().length();
        for (int j = i - 1; j > start; j--) {
          Matcher p = key.matcher(lines.get(j));
          if (p.matches() && p.group(1).length() == indent - 2) {
            secret.add(schema + "." + p.group(2));
            break;
          }
        }
      }
    }
    return secret;
  }

  // ---- the CLI ----

  @Test
  void corectlNeverPrintsTheCanaries() throws Exception {
    Path jar = Path.of(System.getProperty("corectl.jar", "../../samples/target/corectl.jar"));
    skipUnless(
        Files.isRegularFile(jar),
        "corectl.jar not built yet at " + jar.toAbsolutePath() + ": the CLI part is skipped");
    FakeRacHarness fake = new FakeRacHarness(dir.resolve("rac-cli"));
    fake.scenario(
        "session_list",
        "! Ошибка операции администрирования",
        "! Администратор кластера не аутентифицирован",
        "@exit 255");
    fake.scenario(
        "infobase_info", "! Ошибка разбора параметра: --infobase-pwd=" + INFOBASE_PWD, "@exit 255");
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String url = sim.baseUrl();
    String access = sim.issueTokens().accessToken();
    Canaries cli =
        new Canaries()
            .add("core password", PASSWORD)
            .add("wrong password", WRONG_PASSWORD)
            .add("JWT signing secret", JWT_SECRET)
            .add("access token", access)
            .add("--cluster-pwd", CLUSTER_PWD)
            .add("--infobase-pwd", INFOBASE_PWD);
    for (Map.Entry<String, String> s : configSecrets().entrySet()) {
      cli.add("config " + s.getKey(), s.getValue());
    }
    Map<String, List<String>> runs = new LinkedHashMap<>();
    Map<String, Map<String, String>> envs = new LinkedHashMap<>();
    List<String> core = List.of("--url", url, "--user", USER, "--password", PASSWORD);
    String rac = fake.executable().toString();
    runs.put("process list", with(core, "", "process", "list"));
    runs.put("config get --json", with(core, "", "--json", "config", "get"));
    runs.put("config get --debug", with(core, "--debug", "config", "get"));
    runs.put("config get api.auth --debug", with(core, "--debug", "config", "get", "api.auth"));
    runs.put(
        "wrong password",
        with(
            List.of("--url", url, "--user", USER, "--password", WRONG_PASSWORD),
            "",
            "process",
            "list"));
    runs.put(
        "wrong password --debug",
        with(
            List.of("--url", url, "--user", USER, "--password", WRONG_PASSWORD),
            "--debug",
            "process",
            "list"));
    runs.put(
        "refused --debug",
        with(
            List.of(
                "--url", "http://127.0.0.1:" + closedPort, "--user", USER, "--password", PASSWORD),
            "--debug",
            "about"));
    runs.put(
        "token --debug",
        with(List.of("--url", url, "--token", access), "--debug", "process", "list"));
    runs.put(
        "rac --cluster-pwd --debug",
        with(
            List.of(),
            "--debug",
            "rac",
            "--rac",
            rac,
            "--host",
            "ras.example",
            "session",
            "--cluster=" + CLUSTER,
            "--cluster-user=admin",
            "--cluster-pwd=" + CLUSTER_PWD,
            "list"));
    runs.put(
        "rac --infobase-pwd",
        with(
            List.of(),
            "",
            "rac",
            "--rac",
            rac,
            "--host",
            "ras.example",
            "infobase",
            "--cluster=" + CLUSTER,
            "info",
            "--infobase=" + INFOBASE,
            "--infobase-user=u",
            "--infobase-pwd=" + INFOBASE_PWD));
    runs.put("about --debug with CORE_PASSWORD", List.of("--debug", "about"));
    envs.put(
        "about --debug with CORE_PASSWORD",
        Map.of("CORE_URL", url, "CORE_USER", USER, "CORE_PASSWORD", PASSWORD));
    runs.put(
        "control: config get --show-secrets", with(core, "", "config", "get", "--show-secrets"));
    Map<String, String> outputs = new ConcurrentHashMap<>();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (Map.Entry<String, List<String>> run : runs.entrySet()) {
        done.add(
            pool.submit(
                () -> {
                  outputs.put(
                      "corectl " + run.getKey(),
                      corectl(jar, run.getValue(), envs.getOrDefault(run.getKey(), Map.of())));
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    String shown = outputs.remove("corectl control: config get --show-secrets");
    // Positive control: asked to show secrets, corectl does, and the scan sees it.
    assertThat(cli.find("control", shown))
        .as("--show-secrets prints the config's password (control)")
        .isNotEmpty();
    assertThat(outputs.get("corectl process list")).as("corectl ran").contains("exit=0");
    List<Canaries.Leak> leaks = cli.leaks(new TreeMap<>(outputs));
    assertNoLeaks(leaks);
  }

  private static List<String> with(List<String> base, String debug, String... args) {
    List<String> all = new ArrayList<>();
    if (!debug.isEmpty()) {
      all.add(debug);
    }
    all.addAll(base);
    all.addAll(List.of(args));
    return all;
  }

  private static String corectl(Path jar, List<String> args, Map<String, String> env)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("CORE_"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile("corectl", ".out");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return Files.readString(out) + "\n(timed out)";
      }
      return Files.readString(out) + "\nexit=" + p.exitValue();
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static void assertNoLeaks(List<Canaries.Leak> leaks) {
    assertThat(leaks)
        .as(
            "canaries found:%n%s",
            leaks.stream().map(Canaries.Leak::toString).collect(Collectors.joining("\n")))
        .isEmpty();
  }
}
