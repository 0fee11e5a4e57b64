package dev.corekit.simulator.internal;

import dev.corekit.simulator.CoreVersion;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything the server needs from the builder.
 *
 * @param version the Core release to imitate
 */
public record Settings(
    String host,
    int port,
    String user,
    String password,
    boolean auth,
    Duration accessTtl,
    Duration refreshTtl,
    CoreVersion version,
    Duration loginFailureDelay,
    Duration eventKeepalive,
    Duration processStartDelay,
    boolean cluster,
    boolean admin,
    int requestLogCapacity,
    Clock clock,
    String jwtSecret,
    String id,
    String name) {

  /** The version number as Core reports it, e.g. {@code 16.12.0}. */
  String versionNumber() {
    return version.number();
  }

  /** Whether the imitated release is {@code first} or a later one (a feature that came with it). */
  boolean since(CoreVersion first) {
    return version.atLeast(first);
  }

  /** Never shows the password or the JWT secret. */
  @Override
  public String toString() {
    return "Settings["
        + host
        + ":"
        + port
        + ", user="
        + user
        + ", version="
        + version.number()
        + ", auth="
        + auth
        + ", accessTtl="
        + accessTtl
        + ", refreshTtl="
        + refreshTtl
        + "]";
  }
}
