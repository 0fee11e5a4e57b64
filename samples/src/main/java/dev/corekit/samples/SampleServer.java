package dev.corekit.samples;

import dev.corekit.core.CoreClient;
import dev.corekit.simulator.CoreSimulator;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a sample's {@code main} connects: {@code CORE_URL}, {@code CORE_USER}, {@code
 * CORE_PASSWORD} when {@code CORE_URL} is set, else an embedded Core simulator on a free loopback
 * port (closed with this).
 */
final class SampleServer implements AutoCloseable {
  private final String url;
  private final @Nullable String user;
  private final @Nullable String password;
  private final @Nullable CoreSimulator simulator;

  private SampleServer(
      String url,
      @Nullable String user,
      @Nullable String password,
      @Nullable CoreSimulator simulator) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.simulator = simulator;
  }

  static SampleServer fromEnvironment() {
    String url = System.getenv("CORE_URL");
    if (url != null && !url.isBlank()) {
      return new SampleServer(
          url, System.getenv("CORE_USER"), System.getenv("CORE_PASSWORD"), null);
    }
    String secret = UUID.randomUUID().toString();
    CoreSimulator sim = CoreSimulator.builder().user("admin").password(secret).build().start();
    System.out.println("CORE_URL is not set: using an embedded Core simulator at " + sim.baseUrl());
    return new SampleServer(sim.baseUrl(), sim.user(), sim.password(), sim);
  }

  String url() {
    return url;
  }

  @Nullable String user() {
    return user;
  }

  @Nullable String password() {
    return password;
  }

  @Nullable CoreSimulator simulator() {
    return simulator;
  }

  CoreClient client() {
    CoreClient.Builder builder = CoreClient.builder().baseUrl(url);
    if (user != null && password != null) {
      builder.credentials(user, password);
    }
    return builder.build();
  }

  @Override
  public void close() {
    if (simulator != null) {
      simulator.close();
    }
  }
}
