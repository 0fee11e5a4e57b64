package dev.corekit.rac;

import java.util.UUID;
import reactor.core.publisher.Flux;

/** The {@code rac lock} mode: locks held in infobases. */
public interface LocksApi {

  /**
   * Lists every lock of the cluster ({@code lock list}).
   *
   * @return the locks
   */
  Flux<RacLock> list();

  /**
   * Lists the locks of one infobase ({@code lock list --infobase=}).
   *
   * @param infobaseId the infobase id
   * @return the locks
   */
  Flux<RacLock> listByInfobase(UUID infobaseId);

  /**
   * Lists the locks held by one connection ({@code lock list --connection=}).
   *
   * @param connectionId the connection id
   * @return the locks
   */
  Flux<RacLock> listByConnection(UUID connectionId);

  /**
   * Lists the locks held by one session ({@code lock list --session=}).
   *
   * @param sessionId the session id
   * @return the locks
   */
  Flux<RacLock> listBySession(UUID sessionId);
}
