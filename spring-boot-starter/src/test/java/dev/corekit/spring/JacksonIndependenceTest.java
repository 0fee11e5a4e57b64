package dev.corekit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.corekit.core.CoreClient;
import dev.corekit.simulator.CoreSimulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Boot 4 configures Jackson 3 for the application; the SDK decodes Core's JSON with its own
 * Jackson 2 mapper, adds no mapper bean of either kind, and is not changed by the application's.
 */
class JacksonIndependenceTest {
  private static CoreSimulator sim;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  JacksonAutoConfiguration.class, CorekitAutoConfiguration.class));

  @BeforeAll
  static void startCore() {
    sim = CoreSimulator.builder().user("admin").password("jackson-secret").build().start();
  }

  @AfterAll
  static void stopCore() {
    sim.close();
  }

  private ApplicationContextRunner withCore() {
    return runner.withPropertyValues(
        "corekit.core.url=" + sim.baseUrl(),
        "corekit.core.user=admin",
        "corekit.core.password=jackson-secret",
        // the application's own Jackson 3 settings, which must not reach the SDK
        "spring.jackson.property-naming-strategy=SNAKE_CASE",
        "spring.jackson.deserialization.fail-on-unknown-properties=true");
  }

  private static void decodesCoresAnswers(CoreClient client) {
    StepVerifier.create(client.about().about())
        .assertNext(about -> assertThat(about.version().number()).isEqualTo("16.20.0"))
        .expectComplete()
        .verify(Duration.ofSeconds(10));
    StepVerifier.create(client.processes().list()).expectComplete().verify(Duration.ofSeconds(10));
  }

  @Test
  void addsNoMapperBeanAndLeavesTheApplicationsJackson3MapperAsItIs() {
    withCore()
        .run(
            context -> {
              assertThat(context).hasSingleBean(JsonMapper.class);
              assertThat(context).doesNotHaveBean(ObjectMapper.class);
              JsonMapper appMapper = context.getBean(JsonMapper.class);
              decodesCoresAnswers(context.getBean(CoreClient.class));
              assertThat(context.getBean(JsonMapper.class)).isSameAs(appMapper);
              // the application's naming strategy is still the application's
              assertThat(appMapper.writeValueAsString(new Probe("x")))
                  .isEqualTo("{\"some_field\":\"x\"}");
            });
  }

  @Test
  void decodesWithItsOwnMapperWhateverJackson2MapperTheApplicationDefines() {
    withCore()
        .withBean(
            ObjectMapper.class,
            () ->
                new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
        .run(context -> decodesCoresAnswers(context.getBean(CoreClient.class)));
  }

  /** A value for the application's mapper. */
  record Probe(String someField) {}
}
