package dev.corekit.rac;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code rac session} mode: sessions of infobases. */
public interface SessionsApi {

  /**
   * Lists every session of the cluster ({@code session list}).
   *
   * @return the sessions, streamed
   */
  Flux<RacInfobaseSession> list();

  /**
   * Lists the sessions of one infobase ({@code session list --infobase=}).
   *
   * @param infobaseId the infobase id
   * @return the sessions, streamed
   */
  Flux<RacInfobaseSession> listByInfobase(UUID infobaseId);

  /**
   * Describes one session ({@code session info --session=}).
   *
   * @param sessionId the session id
   * @return the session
   */
  Mono<RacInfobaseSession> info(UUID sessionId);

  /**
   * Lists the licenses held by every session ({@code session list --licenses}).
   *
   * @return one record per license
   */
  Flux<RacLicense> licenses();

  /**
   * Lists the licenses held by the sessions of one infobase ({@code session list --infobase=
   * --licenses}).
   *
   * @param infobaseId the infobase id
   * @return one record per license
   */
  Flux<RacLicense> licensesByInfobase(UUID infobaseId);

  /**
   * Lists the licenses held by one session ({@code session info --session= --licenses}).
   *
   * @param sessionId the session id
   * @return one record per license
   */
  Flux<RacLicense> sessionLicenses(UUID sessionId);

  /**
   * Ends a session ({@code session terminate --session=}).
   *
   * @param sessionId the session id
   * @return completes when terminated
   */
  Mono<Void> terminate(UUID sessionId);

  /**
   * Ends a session, showing a message to its user ({@code --error-message=}).
   *
   * @param sessionId the session id
   * @param message the message shown to the user
   * @return completes when terminated
   */
  Mono<Void> terminate(UUID sessionId, String message);

  /**
   * Interrupts the server call the session is running ({@code session
   * interrupt-current-server-call}).
   *
   * @param sessionId the session id
   * @param message the error message the interrupted call raises
   * @return completes when interrupted
   */
  Mono<Void> interruptCurrentServerCall(UUID sessionId, String message);
}
