package dev.corekit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.corekit.core.CoreClient;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.test.StepVerifier;

/**
 * The password and tokens of {@code corekit.core.*} appear in no log line (everything at DEBUG, the
 * client at TRACE) and in no {@code toString()} of the starter's beans, through a login, a rejected
 * token and a health check.
 */
class SecretsTest {
  private static final String PASSWORD = "pw-canary-5d1e9";
  private static final String ACCESS = "at-canary-77c2b";
  private static final String REFRESH = "rt-canary-0f3a4";

  @Test
  void secretsOfThePropertiesNeverReachLogsOrToString() {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger corekit = (Logger) LoggerFactory.getLogger("dev.corekit");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    Level rootBefore = root.getLevel();
    Level corekitBefore = corekit.getLevel();
    root.addAppender(captured);
    root.setLevel(Level.DEBUG);
    corekit.setLevel(Level.TRACE);
    List<String> shown = new ArrayList<>();
    try (CoreSimulator sim =
        CoreSimulator.builder().user("admin").password(PASSWORD).build().start()) {
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  CorekitAutoConfiguration.class,
                  CorekitSyncAutoConfiguration.class,
                  CorekitHealthAutoConfiguration.class))
          .withPropertyValues(
              "corekit.core.url=" + sim.baseUrl(),
              "corekit.core.user=admin",
              "corekit.core.password=" + PASSWORD,
              // not a token the server accepts: the client falls back to refreshing, then logging
              // in
              "corekit.core.access-token=" + ACCESS,
              "corekit.core.refresh-token=" + REFRESH)
          .run(
              context -> {
                CoreClient client = context.getBean(CoreClient.class);
                StepVerifier.create(client.processes().list())
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
                StepVerifier.create(context.getBean(CoreHealthIndicator.class).health())
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
                for (String name : context.getBeanDefinitionNames()) {
                  Object bean = context.getBean(name);
                  if (bean.getClass().getName().startsWith("dev.corekit")) {
                    shown.add(name + ": " + bean);
                  }
                }
              });
      assertThat(sim.stats().logins()).isPositive();
    } finally {
      root.detachAppender(captured);
      root.setLevel(rootBefore);
      corekit.setLevel(corekitBefore);
    }
    for (ILoggingEvent event : captured.list) {
      shown.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        shown.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      shown.add(String.valueOf(event.getMDCPropertyMap()));
    }
    assertThat(shown).anySatisfy(line -> assertThat(line).contains("CoreProperties{"));
    assertThat(captured.list).isNotEmpty();
    assertThat(shown)
        .allSatisfy(line -> assertThat(line).doesNotContain(PASSWORD, ACCESS, REFRESH));
  }
}
