package dev.corekit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.Version;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The starter is tested on Spring Boot's own dependency versions. The root pom pins three artifacts
 * directly, and its {@code spring-boot.*.version} properties replace them with Boot's here: when
 * {@code spring-boot.version} moves without them, the versions no longer agree and this fails.
 */
class BootStackTest {
  private static final String HINT =
      "set the root pom's spring-boot.*.version properties to what spring-boot-dependencies"
          + " manages";

  @Test
  void reactorNettyHttpMatchesReactorNettyCore() {
    assertThat(version(reactor.netty.http.client.HttpClient.class))
        .as(HINT)
        .isNotNull()
        .isEqualTo(version(reactor.netty.tcp.TcpClient.class));
  }

  @Test
  void everyNettyArtifactHasOneVersion() {
    Set<String> versions =
        Version.identify().values().stream()
            .map(Version::artifactVersion)
            .collect(Collectors.toSet());
    assertThat(versions).as(HINT).hasSize(1);
  }

  @Test
  void logbackClassicMatchesLogbackCore() {
    assertThat(version(ch.qos.logback.classic.Logger.class))
        .as(HINT)
        .isNotNull()
        .isEqualTo(version(ch.qos.logback.core.Appender.class));
  }

  private static String version(Class<?> type) {
    return type.getPackage().getImplementationVersion();
  }
}
