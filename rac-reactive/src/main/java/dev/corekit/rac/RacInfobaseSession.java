package dev.corekit.rac;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * A session of an infobase (named so to avoid confusion with {@link RacSession}, a connection to
 * {@code ras}).
 *
 * <p>A typed view of a {@link RacRecord} printed by {@code rac session list|info}: the typed fields
 * are parsed when the view is created, and {@link #record()} keeps every field, also those this
 * library does not know.
 */
@Value.Immutable
public abstract class RacInfobaseSession implements RacView {

  /** Only the generated immutable implementation extends this type. */
  RacInfobaseSession() {}

  /**
   * Creates the view of a record, parsing its typed fields.
   *
   * @param record a record printed by {@code rac session list|info}
   * @return the view
   * @throws RacParseException if a field has a bad value or a required field is missing
   */
  public static RacInfobaseSession from(RacRecord record) {
    return ImmutableRacInfobaseSession.of(record);
  }

  /**
   * Returns the record as printed, with every field.
   *
   * @return the record
   */
  @Override
  @Value.Parameter
  public abstract RacRecord record();

  /**
   * Returns the session id ({@code session}).
   *
   * @return the id
   */
  @Value.Derived
  public UUID id() {
    return record().id("session");
  }

  /**
   * Returns the session number ({@code session-id}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> sessionId() {
    return record().optionalLong("session-id");
  }

  /**
   * Returns the infobase ({@code infobase}).
   *
   * @return the value, or empty for none (zero UUID)
   */
  @Value.Derived
  public Optional<UUID> infobase() {
    return record().uuid("infobase");
  }

  /**
   * Returns the connection (none for background jobs) ({@code connection}).
   *
   * @return the value, or empty for none (zero UUID)
   */
  @Value.Derived
  public Optional<UUID> connection() {
    return record().uuid("connection");
  }

  /**
   * Returns the working process (none for background jobs) ({@code process}).
   *
   * @return the value, or empty for none (zero UUID)
   */
  @Value.Derived
  public Optional<UUID> process() {
    return record().uuid("process");
  }

  /**
   * Returns the user ({@code user-name}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> userName() {
    return record().optionalText("user-name");
  }

  /**
   * Returns the client host ({@code host}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> host() {
    return record().optionalText("host");
  }

  /**
   * Returns the application (1CV8C, WebClient, BackgroundJob...) ({@code app-id}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> appId() {
    return record().optionalText("app-id");
  }

  /**
   * Returns the locale ({@code locale}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> locale() {
    return record().optionalText("locale");
  }

  /**
   * Returns when it started ({@code started-at}).
   *
   * @return the server-local date-time, or empty when unset
   */
  @Value.Derived
  public Optional<LocalDateTime> startedAt() {
    return record().dateTime("started-at");
  }

  /**
   * Returns when it was last active ({@code last-active-at}).
   *
   * @return the server-local date-time, or empty when unset
   */
  @Value.Derived
  public Optional<LocalDateTime> lastActiveAt() {
    return record().dateTime("last-active-at");
  }

  /**
   * Returns whether it sleeps ({@code hibernate}).
   *
   * @return the flag, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Boolean> hibernate() {
    return record().optionalFlag("hibernate");
  }

  /**
   * Returns the passive session sleep delay, seconds ({@code passive-session-hibernate-time}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> passiveSessionHibernateTime() {
    return record().optionalLong("passive-session-hibernate-time");
  }

  /**
   * Returns the sleeping session termination delay, seconds ({@code
   * hibernate-session-terminate-time}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> hibernateSessionTerminateTime() {
    return record().optionalLong("hibernate-session-terminate-time");
  }

  /**
   * Returns the DBMS lock blocking it (0 for none) ({@code blocked-by-dbms}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> blockedByDbms() {
    return record().optionalLong("blocked-by-dbms");
  }

  /**
   * Returns the lock blocking it (0 for none) ({@code blocked-by-ls}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> blockedByLs() {
    return record().optionalLong("blocked-by-ls");
  }

  /**
   * Returns bytes all ({@code bytes-all}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> bytesAll() {
    return record().optionalLong("bytes-all");
  }

  /**
   * Returns bytes last 5 min ({@code bytes-last-5min}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> bytesLast5min() {
    return record().optionalLong("bytes-last-5min");
  }

  /**
   * Returns calls all ({@code calls-all}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> callsAll() {
    return record().optionalLong("calls-all");
  }

  /**
   * Returns calls last 5 min ({@code calls-last-5min}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> callsLast5min() {
    return record().optionalLong("calls-last-5min");
  }

  /**
   * Returns dbms bytes all ({@code dbms-bytes-all}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> dbmsBytesAll() {
    return record().optionalLong("dbms-bytes-all");
  }

  /**
   * Returns dbms bytes last 5 min ({@code dbms-bytes-last-5min}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> dbmsBytesLast5min() {
    return record().optionalLong("dbms-bytes-last-5min");
  }

  /**
   * Returns the DBMS process info ({@code db-proc-info}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> dbProcInfo() {
    return record().optionalText("db-proc-info");
  }

  /**
   * Returns the DBMS process time, ms ({@code db-proc-took}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> dbProcTook() {
    return record().optionalLong("db-proc-took");
  }

  /**
   * Returns when the DBMS process was taken ({@code db-proc-took-at}).
   *
   * @return the server-local date-time, or empty when unset
   */
  @Value.Derived
  public Optional<LocalDateTime> dbProcTookAt() {
    return record().dateTime("db-proc-took-at");
  }

  /**
   * Returns duration all ({@code duration-all}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> durationAll() {
    return record().optionalLong("duration-all");
  }

  /**
   * Returns duration all dbms ({@code duration-all-dbms}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> durationAllDbms() {
    return record().optionalLong("duration-all-dbms");
  }

  /**
   * Returns duration current ({@code duration-current}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> durationCurrent() {
    return record().optionalLong("duration-current");
  }

  /**
   * Returns duration current dbms ({@code duration-current-dbms}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> durationCurrentDbms() {
    return record().optionalLong("duration-current-dbms");
  }

  /**
   * Returns duration last 5 min ({@code duration-last-5min}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> durationLast5min() {
    return record().optionalLong("duration-last-5min");
  }

  /**
   * Returns duration last 5 min dbms ({@code duration-last-5min-dbms}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> durationLast5minDbms() {
    return record().optionalLong("duration-last-5min-dbms");
  }

  /**
   * Returns memory current ({@code memory-current}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> memoryCurrent() {
    return record().optionalLong("memory-current");
  }

  /**
   * Returns memory last 5 min ({@code memory-last-5min}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> memoryLast5min() {
    return record().optionalLong("memory-last-5min");
  }

  /**
   * Returns memory total ({@code memory-total}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> memoryTotal() {
    return record().optionalLong("memory-total");
  }

  /**
   * Returns read current ({@code read-current}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> readCurrent() {
    return record().optionalLong("read-current");
  }

  /**
   * Returns read last 5 min ({@code read-last-5min}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> readLast5min() {
    return record().optionalLong("read-last-5min");
  }

  /**
   * Returns read total ({@code read-total}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> readTotal() {
    return record().optionalLong("read-total");
  }

  /**
   * Returns write current ({@code write-current}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> writeCurrent() {
    return record().optionalLong("write-current");
  }

  /**
   * Returns write last 5 min ({@code write-last-5min}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> writeLast5min() {
    return record().optionalLong("write-last-5min");
  }

  /**
   * Returns write total ({@code write-total}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> writeTotal() {
    return record().optionalLong("write-total");
  }

  /**
   * Returns duration current service ({@code duration-current-service}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> durationCurrentService() {
    return record().optionalLong("duration-current-service");
  }

  /**
   * Returns duration last 5 min service ({@code duration-last-5min-service}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> durationLast5minService() {
    return record().optionalLong("duration-last-5min-service");
  }

  /**
   * Returns duration all service ({@code duration-all-service}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> durationAllService() {
    return record().optionalLong("duration-all-service");
  }

  /**
   * Returns the service being called ({@code current-service-name}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> currentServiceName() {
    return record().optionalText("current-service-name");
  }

  /**
   * Returns cpu time current ({@code cpu-time-current}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> cpuTimeCurrent() {
    return record().optionalLong("cpu-time-current");
  }

  /**
   * Returns cpu time last 5 min ({@code cpu-time-last-5min}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> cpuTimeLast5min() {
    return record().optionalLong("cpu-time-last-5min");
  }

  /**
   * Returns cpu time total ({@code cpu-time-total}).
   *
   * @return the number, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<Long> cpuTimeTotal() {
    return record().optionalLong("cpu-time-total");
  }

  /**
   * Returns the data separation ('' prints as empty) ({@code data-separation}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> dataSeparation() {
    return record().optionalText("data-separation");
  }

  /**
   * Returns the client IP address ({@code client-ip}).
   *
   * @return the unquoted text, or empty when empty or not printed
   */
  @Value.Derived
  public Optional<String> clientIp() {
    return record().optionalText("client-ip");
  }
}
