package dev.corekit.rac.internal;

import dev.corekit.rac.AdminsApi;
import dev.corekit.rac.AgentApi;
import dev.corekit.rac.ClusterApi;
import dev.corekit.rac.ClustersApi;
import dev.corekit.rac.ConnectionsApi;
import dev.corekit.rac.CountersApi;
import dev.corekit.rac.InfobasesApi;
import dev.corekit.rac.LimitsApi;
import dev.corekit.rac.LocksApi;
import dev.corekit.rac.ManagersApi;
import dev.corekit.rac.ProcessesApi;
import dev.corekit.rac.ProfileAclApi;
import dev.corekit.rac.ProfilesApi;
import dev.corekit.rac.RacAclEntry;
import dev.corekit.rac.RacAclKind;
import dev.corekit.rac.RacAdmin;
import dev.corekit.rac.RacAdminSpec;
import dev.corekit.rac.RacCluster;
import dev.corekit.rac.RacClusterSpec;
import dev.corekit.rac.RacConnection;
import dev.corekit.rac.RacCounter;
import dev.corekit.rac.RacCounterSpec;
import dev.corekit.rac.RacCounterValue;
import dev.corekit.rac.RacCredentials;
import dev.corekit.rac.RacDropMode;
import dev.corekit.rac.RacInfobase;
import dev.corekit.rac.RacInfobaseSession;
import dev.corekit.rac.RacInfobaseSpec;
import dev.corekit.rac.RacInfobaseSummary;
import dev.corekit.rac.RacInfobaseUpdate;
import dev.corekit.rac.RacLicense;
import dev.corekit.rac.RacLimit;
import dev.corekit.rac.RacLimitSpec;
import dev.corekit.rac.RacLock;
import dev.corekit.rac.RacManager;
import dev.corekit.rac.RacParseException;
import dev.corekit.rac.RacProcess;
import dev.corekit.rac.RacProfile;
import dev.corekit.rac.RacProfileSpec;
import dev.corekit.rac.RacRecord;
import dev.corekit.rac.RacRule;
import dev.corekit.rac.RacRuleSpec;
import dev.corekit.rac.RacServer;
import dev.corekit.rac.RacServerSpec;
import dev.corekit.rac.RacService;
import dev.corekit.rac.RacSession;
import dev.corekit.rac.RulesApi;
import dev.corekit.rac.ServersApi;
import dev.corekit.rac.ServicesApi;
import dev.corekit.rac.SessionsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The API implementation: builds command lines like racpy (address, mode, mode options, command
 * words, command options) and maps records to views.
 */
public final class RacSessionImpl implements RacSession {

  private final RacRunner runner;
  private final String host;
  private final int port;

  /**
   * Creates a session.
   *
   * @param runner runs the commands
   * @param host the ras host
   * @param port the ras port
   */
  public RacSessionImpl(RacRunner runner, String host, int port) {
    this.runner = runner;
    this.host = host;
    this.port = port;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String toString() {
    return "RacSession[" + host + ":" + port + "]";
  }

  @Override
  public Flux<RacRecord> records(List<String> arguments) {
    Objects.requireNonNull(arguments, "arguments");
    List<String> all = new ArrayList<>(arguments.size() + 1);
    all.add(host + ":" + port);
    all.addAll(arguments);
    return runner.records(RacCommand.raw(all));
  }

  @Override
  public AgentApi agent() {
    return new Agent(null);
  }

  @Override
  public AgentApi agent(RacCredentials agentAdmin) {
    return new Agent(Objects.requireNonNull(agentAdmin, "agentAdmin"));
  }

  @Override
  public ClustersApi clusters() {
    return new Clusters(null);
  }

  @Override
  public ClustersApi clusters(RacCredentials agentAdmin) {
    return new Clusters(Objects.requireNonNull(agentAdmin, "agentAdmin"));
  }

  @Override
  public ClusterApi cluster(UUID clusterId) {
    return new Cluster(Objects.requireNonNull(clusterId, "clusterId"), null);
  }

  @Override
  public ClusterApi cluster(UUID clusterId, RacCredentials clusterAdmin) {
    return new Cluster(
        Objects.requireNonNull(clusterId, "clusterId"),
        Objects.requireNonNull(clusterAdmin, "clusterAdmin"));
  }

  // ---- helpers ----

  RacCommand.Builder mode(String mode) {
    return RacCommand.builder().word(host + ":" + port).word(mode);
  }

  static RacCommand.Builder credentials(
      RacCommand.Builder b, String prefix, @Nullable RacCredentials credentials) {
    if (credentials != null) {
      b.option(prefix + "-user", credentials.user());
      b.secret(prefix + "-pwd", Optional.of(credentials.password()));
    }
    return b;
  }

  <T> Flux<T> many(RacCommand.Builder command, Function<RacRecord, T> view) {
    return runner.records(command.build()).map(view);
  }

  <T> Mono<T> one(RacCommand.Builder command, Function<RacRecord, T> view) {
    return runner.records(command.build()).reduce((first, later) -> first).map(view);
  }

  Mono<Void> run(RacCommand.Builder command) {
    return runner.records(command.build()).then();
  }

  Mono<UUID> created(RacCommand.Builder command, String idField) {
    return runner
        .records(command.build())
        .reduce((first, later) -> first)
        .map(r -> r.id(idField))
        .switchIfEmpty(
            Mono.error(
                () -> new RacParseException("rac printed no '" + idField + "' id", idField, null)));
  }

  private static <T> T req(T value, String name) {
    return Objects.requireNonNull(value, name);
  }

  // ---- agent ----

  final class Agent implements AgentApi {
    private final @Nullable RacCredentials admin;

    Agent(@Nullable RacCredentials admin) {
      this.admin = admin;
    }

    @Override
    public Mono<String> version() {
      return runner.firstLine(mode("agent").word("version").build());
    }

    @Override
    public AdminsApi admins() {
      return new Admins(() -> credentials(mode("agent"), "agent", admin).word("admin"));
    }
  }

  /**
   * Admin commands after a mode prefix ({@code agent [creds]} or {@code cluster admin --cluster=}).
   */
  final class Admins implements AdminsApi {
    private final Supplier<RacCommand.Builder> prefix;

    Admins(Supplier<RacCommand.Builder> prefix) {
      this.prefix = prefix;
    }

    private RacCommand.Builder admin() {
      return prefix.get();
    }

    @Override
    public Flux<RacAdmin> list() {
      return many(admin().word("list"), RacAdmin::from);
    }

    @Override
    public Mono<Void> register(RacAdminSpec spec) {
      req(spec, "admin");
      RacCommand.Builder b = admin().word("register");
      SpecOptions.apply(b, spec);
      return run(b);
    }

    @Override
    public Mono<Void> remove(String name) {
      return run(admin().word("remove").option("name", req(name, "name")));
    }
  }

  // ---- clusters ----

  final class Clusters implements ClustersApi {
    private final @Nullable RacCredentials agentAdmin;

    Clusters(@Nullable RacCredentials agentAdmin) {
      this.agentAdmin = agentAdmin;
    }

    @Override
    public Flux<RacCluster> list() {
      return many(mode("cluster").word("list"), RacCluster::from);
    }

    @Override
    public Mono<RacCluster> info(UUID clusterId) {
      return one(
          mode("cluster").word("info").option("cluster", req(clusterId, "clusterId")),
          RacCluster::from);
    }

    @Override
    public Mono<UUID> insert(RacClusterSpec spec) {
      req(spec, "cluster");
      if (spec.host().isEmpty() || spec.port().isEmpty()) {
        throw new IllegalArgumentException("cluster insert needs host and port");
      }
      RacCommand.Builder b = credentials(mode("cluster"), "agent", agentAdmin).word("insert");
      SpecOptions.apply(b, spec);
      return created(b, "cluster");
    }

    @Override
    public Mono<Void> update(UUID clusterId, RacClusterSpec spec) {
      req(spec, "changes");
      RacCommand.Builder b =
          credentials(mode("cluster"), "agent", agentAdmin)
              .word("update")
              .option("cluster", req(clusterId, "clusterId"));
      SpecOptions.apply(b, spec);
      return run(b);
    }
  }

  // ---- one cluster ----

  final class Cluster implements ClusterApi {
    private final UUID id;
    private final @Nullable RacCredentials admin;

    Cluster(UUID id, @Nullable RacCredentials admin) {
      this.id = id;
      this.admin = admin;
    }

    /** {@code <mode> --cluster=U [--cluster-user= --cluster-pwd=]}. */
    RacCommand.Builder scoped(String mode) {
      return credentials(mode(mode).option("cluster", id), "cluster", admin);
    }

    @Override
    public UUID id() {
      return id;
    }

    @Override
    public String toString() {
      return "ClusterApi[" + host + ":" + port + ", cluster=" + id + "]";
    }

    @Override
    public Mono<RacCluster> info() {
      return one(mode("cluster").word("info").option("cluster", id), RacCluster::from);
    }

    @Override
    public Mono<Void> remove() {
      return run(
          credentials(mode("cluster").word("remove").option("cluster", id), "cluster", admin));
    }

    @Override
    public AdminsApi admins() {
      return new Admins(
          () -> credentials(mode("cluster").word("admin").option("cluster", id), "cluster", admin));
    }

    @Override
    public ManagersApi managers() {
      return new ManagersApi() {
        @Override
        public Flux<RacManager> list() {
          return many(scoped("manager").word("list"), RacManager::from);
        }

        @Override
        public Mono<RacManager> info(UUID managerId) {
          return one(
              scoped("manager").word("info").option("manager", req(managerId, "managerId")),
              RacManager::from);
        }
      };
    }

    @Override
    public ServersApi servers() {
      return new ServersApi() {
        @Override
        public Flux<RacServer> list() {
          return many(scoped("server").word("list"), RacServer::from);
        }

        @Override
        public Mono<RacServer> info(UUID serverId) {
          return one(
              scoped("server").word("info").option("server", req(serverId, "serverId")),
              RacServer::from);
        }

        @Override
        public Mono<UUID> insert(RacServerSpec spec) {
          req(spec, "server");
          if (spec.agentHost().isEmpty()
              || spec.agentPort().isEmpty()
              || spec.portRange().isEmpty()) {
            throw new IllegalArgumentException(
                "server insert needs agent host, agent port and port range");
          }
          RacCommand.Builder b = scoped("server").word("insert");
          SpecOptions.apply(b, spec);
          return created(b, "server");
        }

        @Override
        public Mono<Void> update(UUID serverId, RacServerSpec spec) {
          req(spec, "changes");
          RacCommand.Builder b =
              scoped("server").word("update").option("server", req(serverId, "serverId"));
          SpecOptions.apply(b, spec);
          return run(b);
        }

        @Override
        public Mono<Void> remove(UUID serverId) {
          return run(scoped("server").word("remove").option("server", req(serverId, "serverId")));
        }
      };
    }

    @Override
    public ProcessesApi processes() {
      return new ProcessesApi() {
        @Override
        public Flux<RacProcess> list() {
          return many(scoped("process").word("list"), RacProcess::from);
        }

        @Override
        public Flux<RacProcess> list(UUID serverId) {
          return many(
              scoped("process").word("list").option("server", req(serverId, "serverId")),
              RacProcess::from);
        }

        @Override
        public Mono<RacProcess> info(UUID processId) {
          return one(
              scoped("process").word("info").option("process", req(processId, "processId")),
              RacProcess::from);
        }

        @Override
        public Flux<RacLicense> licenses() {
          return many(scoped("process").word("list").flag("licenses"), RacLicense::from);
        }

        @Override
        public Flux<RacLicense> licenses(UUID serverId) {
          return many(
              scoped("process")
                  .word("list")
                  .option("server", req(serverId, "serverId"))
                  .flag("licenses"),
              RacLicense::from);
        }

        @Override
        public Flux<RacLicense> processLicenses(UUID processId) {
          return many(
              scoped("process")
                  .word("info")
                  .option("process", req(processId, "processId"))
                  .flag("licenses"),
              RacLicense::from);
        }
      };
    }

    @Override
    public ServicesApi services() {
      return () -> many(scoped("service").word("list"), RacService::from);
    }

    @Override
    public InfobasesApi infobases() {
      return new Infobases();
    }

    final class Infobases implements InfobasesApi {
      @Override
      public Flux<RacInfobaseSummary> summaries() {
        return many(scoped("infobase").word("summary").word("list"), RacInfobaseSummary::from);
      }

      @Override
      public Mono<RacInfobaseSummary> summary(UUID infobaseId) {
        return one(
            scoped("infobase")
                .word("summary")
                .word("info")
                .option("infobase", req(infobaseId, "infobaseId")),
            RacInfobaseSummary::from);
      }

      @Override
      public Mono<Void> updateSummary(UUID infobaseId, String descr) {
        return run(
            scoped("infobase")
                .word("summary")
                .word("update")
                .option("infobase", req(infobaseId, "infobaseId"))
                .option("descr", req(descr, "descr")));
      }

      @Override
      public Mono<RacInfobase> info(UUID infobaseId) {
        return info(infobaseId, null);
      }

      @Override
      public Mono<RacInfobase> info(UUID infobaseId, @Nullable RacCredentials user) {
        RacCommand.Builder b =
            scoped("infobase").word("info").option("infobase", req(infobaseId, "infobaseId"));
        return one(credentials(b, "infobase", user), RacInfobase::from);
      }

      @Override
      public Mono<UUID> create(RacInfobaseSpec spec) {
        req(spec, "infobase");
        RacCommand.Builder b = scoped("infobase").word("create");
        SpecOptions.apply(b, spec);
        return created(b, "infobase");
      }

      @Override
      public Mono<Void> update(UUID infobaseId, RacInfobaseUpdate changes) {
        return update(infobaseId, changes, null);
      }

      @Override
      public Mono<Void> update(
          UUID infobaseId, RacInfobaseUpdate changes, @Nullable RacCredentials user) {
        req(changes, "changes");
        RacCommand.Builder b =
            scoped("infobase").word("update").option("infobase", req(infobaseId, "infobaseId"));
        credentials(b, "infobase", user);
        SpecOptions.apply(b, changes);
        return run(b);
      }

      @Override
      public Mono<Void> drop(UUID infobaseId, RacDropMode mode) {
        return drop(infobaseId, mode, null);
      }

      @Override
      public Mono<Void> drop(UUID infobaseId, RacDropMode mode, @Nullable RacCredentials user) {
        req(mode, "mode");
        RacCommand.Builder b =
            scoped("infobase").word("drop").option("infobase", req(infobaseId, "infobaseId"));
        credentials(b, "infobase", user);
        if (mode == RacDropMode.DROP_DATABASE) {
          b.flag("drop-database");
        } else if (mode == RacDropMode.CLEAR_DATABASE) {
          b.flag("clear-database");
        }
        return run(b);
      }
    }

    @Override
    public ConnectionsApi connections() {
      return new ConnectionsApi() {
        @Override
        public Flux<RacConnection> list() {
          return many(scoped("connection").word("list"), RacConnection::from);
        }

        @Override
        public Flux<RacConnection> listByProcess(UUID processId) {
          return many(
              scoped("connection").word("list").option("process", req(processId, "processId")),
              RacConnection::from);
        }

        @Override
        public Flux<RacConnection> listByInfobase(UUID infobaseId) {
          return many(
              scoped("connection").word("list").option("infobase", req(infobaseId, "infobaseId")),
              RacConnection::from);
        }

        @Override
        public Flux<RacConnection> listByInfobase(UUID infobaseId, RacCredentials user) {
          RacCommand.Builder b =
              scoped("connection").word("list").option("infobase", req(infobaseId, "infobaseId"));
          return many(credentials(b, "infobase", req(user, "infobaseUser")), RacConnection::from);
        }

        @Override
        public Mono<RacConnection> info(UUID connectionId) {
          return one(
              scoped("connection")
                  .word("info")
                  .option("connection", req(connectionId, "connectionId")),
              RacConnection::from);
        }

        @Override
        public Mono<Void> disconnect(UUID processId, UUID connectionId) {
          return run(disconnectCommand(processId, connectionId));
        }

        @Override
        public Mono<Void> disconnect(UUID processId, UUID connectionId, RacCredentials user) {
          return run(
              credentials(
                  disconnectCommand(processId, connectionId),
                  "infobase",
                  req(user, "infobaseUser")));
        }

        private RacCommand.Builder disconnectCommand(UUID processId, UUID connectionId) {
          return scoped("connection")
              .word("disconnect")
              .option("process", req(processId, "processId"))
              .option("connection", req(connectionId, "connectionId"));
        }
      };
    }

    @Override
    public SessionsApi sessions() {
      return new SessionsApi() {
        @Override
        public Flux<RacInfobaseSession> list() {
          return many(scoped("session").word("list"), RacInfobaseSession::from);
        }

        @Override
        public Flux<RacInfobaseSession> listByInfobase(UUID infobaseId) {
          return many(
              scoped("session").word("list").option("infobase", req(infobaseId, "infobaseId")),
              RacInfobaseSession::from);
        }

        @Override
        public Mono<RacInfobaseSession> info(UUID sessionId) {
          return one(
              scoped("session").word("info").option("session", req(sessionId, "sessionId")),
              RacInfobaseSession::from);
        }

        @Override
        public Flux<RacLicense> licenses() {
          return many(scoped("session").word("list").flag("licenses"), RacLicense::from);
        }

        @Override
        public Flux<RacLicense> licensesByInfobase(UUID infobaseId) {
          return many(
              scoped("session")
                  .word("list")
                  .option("infobase", req(infobaseId, "infobaseId"))
                  .flag("licenses"),
              RacLicense::from);
        }

        @Override
        public Flux<RacLicense> sessionLicenses(UUID sessionId) {
          return many(
              scoped("session")
                  .word("info")
                  .option("session", req(sessionId, "sessionId"))
                  .flag("licenses"),
              RacLicense::from);
        }

        @Override
        public Mono<Void> terminate(UUID sessionId) {
          return run(
              scoped("session").word("terminate").option("session", req(sessionId, "sessionId")));
        }

        @Override
        public Mono<Void> terminate(UUID sessionId, String message) {
          return run(
              scoped("session")
                  .word("terminate")
                  .option("session", req(sessionId, "sessionId"))
                  .option("error-message", req(message, "message")));
        }

        @Override
        public Mono<Void> interruptCurrentServerCall(UUID sessionId, String message) {
          return run(
              scoped("session")
                  .word("interrupt-current-server-call")
                  .option("session", req(sessionId, "sessionId"))
                  .option("error-message", req(message, "message")));
        }
      };
    }

    @Override
    public LocksApi locks() {
      return new LocksApi() {
        @Override
        public Flux<RacLock> list() {
          return many(scoped("lock").word("list"), RacLock::from);
        }

        @Override
        public Flux<RacLock> listByInfobase(UUID infobaseId) {
          return many(
              scoped("lock").word("list").option("infobase", req(infobaseId, "infobaseId")),
              RacLock::from);
        }

        @Override
        public Flux<RacLock> listByConnection(UUID connectionId) {
          return many(
              scoped("lock").word("list").option("connection", req(connectionId, "connectionId")),
              RacLock::from);
        }

        @Override
        public Flux<RacLock> listBySession(UUID sessionId) {
          return many(
              scoped("lock").word("list").option("session", req(sessionId, "sessionId")),
              RacLock::from);
        }
      };
    }

    @Override
    public RulesApi rules() {
      return new RulesApi() {
        @Override
        public Flux<RacRule> list(UUID serverId) {
          return many(
              scoped("rule").word("list").option("server", req(serverId, "serverId")),
              RacRule::from);
        }

        @Override
        public Mono<RacRule> info(UUID serverId, UUID ruleId) {
          return one(
              scoped("rule")
                  .word("info")
                  .option("server", req(serverId, "serverId"))
                  .option("rule", req(ruleId, "ruleId")),
              RacRule::from);
        }

        @Override
        public Mono<UUID> insert(UUID serverId, RacRuleSpec rule) {
          req(rule, "rule");
          RacCommand.Builder b =
              scoped("rule").word("insert").option("server", req(serverId, "serverId"));
          SpecOptions.apply(b, rule);
          return created(b, "rule");
        }

        @Override
        public Mono<Void> update(UUID serverId, UUID ruleId, RacRuleSpec rule) {
          req(rule, "rule");
          RacCommand.Builder b =
              scoped("rule")
                  .word("update")
                  .option("server", req(serverId, "serverId"))
                  .option("rule", req(ruleId, "ruleId"));
          SpecOptions.apply(b, rule);
          return run(b);
        }

        @Override
        public Mono<Void> remove(UUID serverId, UUID ruleId) {
          return run(
              scoped("rule")
                  .word("remove")
                  .option("server", req(serverId, "serverId"))
                  .option("rule", req(ruleId, "ruleId")));
        }

        @Override
        public Mono<Void> applyFull() {
          return run(scoped("rule").word("apply").flag("full"));
        }

        @Override
        public Mono<Void> applyPartial() {
          return run(scoped("rule").word("apply").flag("partial"));
        }
      };
    }

    @Override
    public ProfilesApi profiles() {
      return new ProfilesApi() {
        @Override
        public Flux<RacProfile> list() {
          return many(scoped("profile").word("list"), RacProfile::from);
        }

        @Override
        public Mono<Void> update(RacProfileSpec profile) {
          req(profile, "profile");
          RacCommand.Builder b = scoped("profile").word("update");
          SpecOptions.apply(b, profile);
          return run(b);
        }

        @Override
        public Mono<Void> remove(String name) {
          return run(scoped("profile").word("remove").option("name", req(name, "name")));
        }

        @Override
        public ProfileAclApi acl(String profile, RacAclKind kind) {
          req(profile, "profile");
          req(kind, "kind");
          return new ProfileAclApi() {
            private RacCommand.Builder acl(String command) {
              return scoped("profile")
                  .word("acl")
                  .option("name", profile)
                  .word(kind.word())
                  .word(command);
            }

            @Override
            public Flux<RacAclEntry> list() {
              return many(acl("list"), RacAclEntry::from);
            }

            @Override
            public Mono<Void> update(String key, Map<String, String> options) {
              return run(
                  acl("update")
                      .option(kind.keyOption(), req(key, "key"))
                      .options(req(options, "options")));
            }

            @Override
            public Mono<Void> remove(String key) {
              return run(acl("remove").option(kind.keyOption(), req(key, "key")));
            }
          };
        }
      };
    }

    @Override
    public CountersApi counters() {
      return new CountersApi() {
        @Override
        public Flux<RacCounter> list() {
          return many(scoped("counter").word("list"), RacCounter::from);
        }

        @Override
        public Mono<RacCounter> info(String name) {
          return one(
              scoped("counter").word("info").option("counter", req(name, "name")),
              RacCounter::from);
        }

        @Override
        public Mono<Void> update(RacCounterSpec counter) {
          req(counter, "counter");
          RacCommand.Builder b = scoped("counter").word("update");
          SpecOptions.apply(b, counter);
          return run(b);
        }

        @Override
        public Flux<RacCounterValue> values(String name) {
          return many(
              scoped("counter").word("values").option("counter", req(name, "name")),
              RacCounterValue::from);
        }

        @Override
        public Flux<RacCounterValue> values(String name, String objects) {
          return many(
              scoped("counter")
                  .word("values")
                  .option("counter", req(name, "name"))
                  .option("object", req(objects, "objects")),
              RacCounterValue::from);
        }

        @Override
        public Flux<RacCounterValue> accumulatedValues(String name) {
          return many(
              scoped("counter").word("accumulated-values").option("counter", req(name, "name")),
              RacCounterValue::from);
        }

        @Override
        public Flux<RacCounterValue> accumulatedValues(String name, String objects) {
          return many(
              scoped("counter")
                  .word("accumulated-values")
                  .option("counter", req(name, "name"))
                  .option("object", req(objects, "objects")),
              RacCounterValue::from);
        }

        @Override
        public Mono<Void> clear(String name) {
          return run(scoped("counter").word("clear").option("counter", req(name, "name")));
        }

        @Override
        public Mono<Void> clear(String name, String objects) {
          return run(
              scoped("counter")
                  .word("clear")
                  .option("counter", req(name, "name"))
                  .option("object", req(objects, "objects")));
        }

        @Override
        public Mono<Void> remove(String name) {
          return run(scoped("counter").word("remove").option("name", req(name, "name")));
        }
      };
    }

    @Override
    public LimitsApi limits() {
      return new LimitsApi() {
        @Override
        public Flux<RacLimit> list() {
          return many(scoped("limit").word("list"), RacLimit::from);
        }

        @Override
        public Mono<RacLimit> info(String name) {
          return one(
              scoped("limit").word("info").option("limit", req(name, "name")), RacLimit::from);
        }

        @Override
        public Mono<Void> update(RacLimitSpec limit) {
          req(limit, "limit");
          RacCommand.Builder b = scoped("limit").word("update");
          SpecOptions.apply(b, limit);
          return run(b);
        }

        @Override
        public Mono<Void> remove(String name) {
          return run(scoped("limit").word("remove").option("name", req(name, "name")));
        }
      };
    }
  }
}
