package dev.corekit.rac;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code rac process} mode: working processes and the licenses they hold. */
public interface ProcessesApi {

  /**
   * Lists the working processes of the cluster ({@code process list}).
   *
   * @return the processes
   */
  Flux<RacProcess> list();

  /**
   * Lists the working processes of one server ({@code process list --server=}).
   *
   * @param serverId the server id
   * @return the processes
   */
  Flux<RacProcess> list(UUID serverId);

  /**
   * Describes one working process ({@code process info --process=}).
   *
   * @param processId the process id
   * @return the process
   */
  Mono<RacProcess> info(UUID processId);

  /**
   * Lists the licenses held by the working processes ({@code process list --licenses}).
   *
   * @return one record per license
   */
  Flux<RacLicense> licenses();

  /**
   * Lists the licenses held by the working processes of one server ({@code process list --server=
   * --licenses}).
   *
   * @param serverId the server id
   * @return one record per license
   */
  Flux<RacLicense> licenses(UUID serverId);

  /**
   * Lists the licenses held by one working process ({@code process info --process= --licenses}).
   *
   * @param processId the process id
   * @return one record per license
   */
  Flux<RacLicense> processLicenses(UUID processId);
}
