package dev.corekit.samples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The service: {@code GET /processes} and {@code GET /processes/{id}/state} (server-sent events),
 * plus the actuator's {@code /actuator/health} with Core's health. The {@code CoreClient} comes
 * from the starter, configured by {@code corekit.core.url}, {@code .user} and {@code .password}.
 */
@SpringBootApplication
public class ProcessesApplication {

  /** Created by Spring. */
  public ProcessesApplication() {}

  /**
   * Starts the service.
   *
   * @param args Spring Boot arguments, such as {@code --corekit.core.url=http://127.0.0.1:8080}
   */
  public static void main(String[] args) {
    SpringApplication.run(ProcessesApplication.class, args);
  }
}
