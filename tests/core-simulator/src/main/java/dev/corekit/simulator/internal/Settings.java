package dev.corekit.simulator.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * Everything the server needs from the builder.
 *
 * @param v1620 whether to behave like 16.20 (else 16.16)
 */
public record Settings(
    String host,
    int port,
    String user,
    String password,
    boolean auth,
    Duration accessTtl,
    Duration refreshTtl,
    String versionNumber,
    boolean v1620,
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
        + versionNumber
        + ", auth="
        + auth
        + ", accessTtl="
        + accessTtl
        + ", refreshTtl="
        + refreshTtl
        + "]";
  }
}
