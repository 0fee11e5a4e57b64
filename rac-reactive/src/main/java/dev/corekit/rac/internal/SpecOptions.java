package dev.corekit.rac.internal;

import dev.corekit.rac.RacAdminSpec;
import dev.corekit.rac.RacClusterSpec;
import dev.corekit.rac.RacCounterSpec;
import dev.corekit.rac.RacInfobaseSpec;
import dev.corekit.rac.RacInfobaseUpdate;
import dev.corekit.rac.RacLimitSpec;
import dev.corekit.rac.RacProfileSpec;
import dev.corekit.rac.RacRuleSpec;
import dev.corekit.rac.RacServerSpec;

/** Turns the option types into {@code --name=value} arguments, in declaration order. */
final class SpecOptions {

  private SpecOptions() {}

  /** Appends the options of a {@link RacAdminSpec}. */
  static void apply(RacCommand.Builder b, RacAdminSpec s) {
    b.option("name", s.name());
    b.secret("pwd", s.password());
    b.option("descr", s.descr());
    b.option("auth", s.auth());
    b.option("os-user", s.osUser());
    b.options(s.extraOptions());
  }

  /** Appends the options of a {@link RacClusterSpec}. */
  static void apply(RacCommand.Builder b, RacClusterSpec s) {
    b.option("host", s.host());
    b.option("port", s.port());
    b.option("name", s.name());
    b.option("expiration-timeout", s.expirationTimeout());
    b.option("lifetime-limit", s.lifetimeLimit());
    b.option("max-memory-size", s.maxMemorySize());
    b.option("max-memory-time-limit", s.maxMemoryTimeLimit());
    b.option("security-level", s.securityLevel());
    b.option("session-fault-tolerance-level", s.sessionFaultToleranceLevel());
    b.option("load-balancing-mode", s.loadBalancingMode());
    b.option("errors-count-threshold", s.errorsCountThreshold());
    b.yesNo("kill-problem-processes", s.killProblemProcesses());
    b.yesNo("kill-by-memory-with-dump", s.killByMemoryWithDump());
    b.yesNo("allow-access-right-audit-events-recording", s.allowAccessRightAuditEventsRecording());
    b.option("ping-period", s.pingPeriod());
    b.option("ping-timeout", s.pingTimeout());
    b.options(s.extraOptions());
  }

  /** Appends the options of a {@link RacServerSpec}. */
  static void apply(RacCommand.Builder b, RacServerSpec s) {
    b.option("agent-host", s.agentHost());
    b.option("agent-port", s.agentPort());
    b.option("port-range", s.portRange());
    b.option("name", s.name());
    b.option("using", s.using());
    b.option("infobases-limit", s.infobasesLimit());
    b.option("memory-limit", s.memoryLimit());
    b.option("connections-limit", s.connectionsLimit());
    b.option("cluster-port", s.clusterPort());
    b.option("dedicate-managers", s.dedicateManagers());
    b.option("safe-working-processes-memory-limit", s.safeWorkingProcessesMemoryLimit());
    b.option("safe-call-memory-limit", s.safeCallMemoryLimit());
    b.option("critical-total-memory", s.criticalTotalMemory());
    b.option("temporary-allowed-total-memory", s.temporaryAllowedTotalMemory());
    b.option("temporary-allowed-total-memory-time-limit", s.temporaryAllowedTotalMemoryTimeLimit());
    b.option("service-principal-name", s.servicePrincipalName());
    b.options(s.extraOptions());
  }

  /** Appends the options of a {@link RacInfobaseSpec}. */
  static void apply(RacCommand.Builder b, RacInfobaseSpec s) {
    if (s.createDatabase()) {
      b.flag("create-database");
    }
    b.option("name", s.name());
    b.option("dbms", s.dbms());
    b.option("db-server", s.dbServer());
    b.option("db-name", s.dbName());
    b.option("locale", s.locale());
    b.option("db-user", s.dbUser());
    b.secret("db-pwd", s.dbPassword());
    b.option("descr", s.descr());
    b.option("date-offset", s.dateOffset());
    b.option("security-level", s.securityLevel());
    b.onOff("scheduled-jobs-deny", s.scheduledJobsDeny());
    b.allowDeny("license-distribution", s.licenseDistribution());
    b.options(s.extraOptions());
  }

  /** Appends the options of a {@link RacInfobaseUpdate}. */
  static void apply(RacCommand.Builder b, RacInfobaseUpdate s) {
    b.option("dbms", s.dbms());
    b.option("db-server", s.dbServer());
    b.option("db-name", s.dbName());
    b.option("db-user", s.dbUser());
    b.secret("db-pwd", s.dbPassword());
    b.option("descr", s.descr());
    b.date("denied-from", s.deniedFrom());
    b.option("denied-message", s.deniedMessage());
    b.option("denied-parameter", s.deniedParameter());
    b.date("denied-to", s.deniedTo());
    b.option("permission-code", s.permissionCode());
    b.onOff("sessions-deny", s.sessionsDeny());
    b.onOff("scheduled-jobs-deny", s.scheduledJobsDeny());
    b.allowDeny("license-distribution", s.licenseDistribution());
    b.option(
        "external-session-manager-connection-string", s.externalSessionManagerConnectionString());
    b.yesNo("external-session-manager-required", s.externalSessionManagerRequired());
    b.yesNo("reserve-working-processes", s.reserveWorkingProcesses());
    b.option("security-profile-name", s.securityProfileName());
    b.option("safe-mode-security-profile-name", s.safeModeSecurityProfileName());
    b.options(s.extraOptions());
  }

  /** Appends the options of a {@link RacRuleSpec}. */
  static void apply(RacCommand.Builder b, RacRuleSpec s) {
    b.option("position", s.position());
    b.option("object-type", s.objectType());
    b.option("infobase-name", s.infobaseName());
    b.option("rule-type", s.ruleType());
    b.option("application-ext", s.applicationExt());
    b.option("priority", s.priority());
    b.options(s.extraOptions());
  }

  /** Appends the options of a {@link RacProfileSpec}. */
  static void apply(RacCommand.Builder b, RacProfileSpec s) {
    b.option("name", s.name());
    b.option("descr", s.descr());
    b.yesNo("config", s.config());
    b.yesNo("priv", s.priv());
    b.yesNo("full-privileged-mode", s.fullPrivilegedMode());
    b.option("privileged-mode-roles", s.privilegedModeRoles());
    b.option("directory", s.directory());
    b.option("com", s.com());
    b.option("addin", s.addin());
    b.option("module", s.module());
    b.option("app", s.app());
    b.option("inet", s.inet());
    b.yesNo("crypto", s.crypto());
    b.yesNo("right-extension", s.rightExtension());
    b.option("right-extension-definition-roles", s.rightExtensionDefinitionRoles());
    b.yesNo("all-modules-extension", s.allModulesExtension());
    b.option("modules-available-for-extension", s.modulesAvailableForExtension());
    b.option("modules-not-available-for-extension", s.modulesNotAvailableForExtension());
    b.options(s.extraOptions());
  }

  /** Appends the options of a {@link RacCounterSpec}. */
  static void apply(RacCommand.Builder b, RacCounterSpec s) {
    b.option("name", s.name());
    b.option("collection-time", s.collectionTime());
    b.option("group", s.group());
    b.option("filter-type", s.filterType());
    b.option("filter", s.filter());
    b.analyze("duration", s.duration());
    b.analyze("cpu-time", s.cpuTime());
    b.analyze("memory", s.memory());
    b.analyze("read", s.read());
    b.analyze("write", s.write());
    b.analyze("duration-dbms", s.durationDbms());
    b.analyze("dbms-bytes", s.dbmsBytes());
    b.analyze("service", s.service());
    b.analyze("call", s.call());
    b.analyze("number-of-active-sessions", s.numberOfActiveSessions());
    b.analyze("number-of-sessions", s.numberOfSessions());
    b.option("descr", s.descr());
    b.options(s.extraOptions());
  }

  /** Appends the options of a {@link RacLimitSpec}. */
  static void apply(RacCommand.Builder b, RacLimitSpec s) {
    b.option("name", s.name());
    b.option("counter", s.counter());
    b.option("action", s.action());
    b.option("duration", s.duration());
    b.option("cpu-time", s.cpuTime());
    b.option("memory", s.memory());
    b.option("read", s.read());
    b.option("write", s.write());
    b.option("duration-dbms", s.durationDbms());
    b.option("dbms-bytes", s.dbmsBytes());
    b.option("service", s.service());
    b.option("call", s.call());
    b.option("number-of-active-sessions", s.numberOfActiveSessions());
    b.option("number-of-sessions", s.numberOfSessions());
    b.option("error-message", s.errorMessage());
    b.option("descr", s.descr());
    b.options(s.extraOptions());
  }
}
