package dev.corekit.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Realistic {@code rac session list} output of a chosen size, made up for benchmarks. */
public final class RacSample {
  private RacSample() {}

  /**
   * Builds output of at least {@code bytes} bytes.
   *
   * @param bytes the minimum size
   * @return UTF-8 bytes of key : value records separated by blank lines
   */
  public static byte[] sessions(int bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 4096);
    StringBuilder record = new StringBuilder(2048);
    int n = 0;
    while (out.size() < bytes) {
      record.setLength(0);
      field(record, "session", new UUID(n, n * 31L).toString());
      field(record, "session-id", Integer.toString(n));
      field(record, "infobase", new UUID(7, 7).toString());
      field(record, "connection", "00000000-0000-0000-0000-000000000000");
      field(record, "process", new UUID(3, n % 5).toString());
      field(record, "user-name", n % 3 == 0 ? "Пользователь И.Б." : "admin");
      field(record, "host", "ws-" + (n % 200));
      field(record, "app-id", n % 2 == 0 ? "1CV8C" : "BackgroundJob");
      field(record, "locale", "ru_RU");
      field(record, "started-at", "2026-11-23T10:15:" + String.format("%02d", n % 60));
      field(record, "last-active-at", "2026-11-23T11:15:" + String.format("%02d", n % 60));
      field(record, "hibernate", "no");
      field(record, "passive-session-hibernate-time", "1200");
      field(record, "hibernate-session-terminate-time", "86400");
      field(record, "blocked-by-dbms", "0");
      field(record, "blocked-by-ls", "0");
      field(record, "bytes-all", Long.toString(1_000_000L + n));
      field(record, "bytes-last-5min", Integer.toString(n % 5000));
      field(record, "calls-all", Integer.toString(n * 3));
      field(record, "calls-last-5min", Integer.toString(n % 70));
      field(record, "dbms-bytes-all", Integer.toString(n * 11));
      field(record, "dbms-bytes-last-5min", "0");
      field(record, "db-proc-info", "");
      field(record, "db-proc-took", "0");
      field(record, "db-proc-took-at", "");
      field(record, "duration-all", Integer.toString(n * 7));
      field(record, "duration-all-dbms", Integer.toString(n));
      field(record, "duration-current", "0");
      field(record, "duration-current-dbms", "0");
      field(record, "duration-last-5min", "15");
      field(record, "duration-last-5min-dbms", "2");
      field(record, "memory-current", Integer.toString(-1138560 + n));
      field(record, "memory-last-5min", "4194304");
      field(record, "memory-total", "83886080");
      field(record, "read-current", "0");
      field(record, "read-last-5min", "0");
      field(record, "read-total", "163840");
      field(record, "write-current", "0");
      field(record, "write-last-5min", "0");
      field(record, "write-total", "8192");
      field(record, "duration-current-service", "0");
      field(record, "duration-last-5min-service", "0");
      field(record, "duration-all-service", "31");
      field(record, "current-service-name", "");
      field(record, "cpu-time-current", "0");
      field(record, "cpu-time-last-5min", "10");
      field(record, "cpu-time-total", "930");
      field(record, "data-separation", "''");
      field(record, "client-ip", "10.0.0." + (n % 250));
      record.append('\n');
      byte[] bytesOfRecord = record.toString().getBytes(StandardCharsets.UTF_8);
      out.write(bytesOfRecord, 0, bytesOfRecord.length);
      n++;
    }
    return out.toByteArray();
  }

  private static void field(StringBuilder record, String key, String value) {
    record.append(key);
    for (int i = key.length(); i < 32; i++) {
      record.append(' ');
    }
    record.append(" : ").append(value).append('\n');
  }
}
