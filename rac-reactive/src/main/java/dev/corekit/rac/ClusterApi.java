package dev.corekit.rac;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Everything scoped to one cluster: every command sends {@code --cluster=<id>} and, when given, the
 * cluster administrator credentials, as mode options (between the mode and the command, like
 * racpy).
 */
public interface ClusterApi {

  /**
   * Returns the cluster id.
   *
   * @return the id sent as {@code --cluster=}
   */
  UUID id();

  /**
   * Describes this cluster ({@code cluster info}).
   *
   * @return the cluster
   */
  Mono<RacCluster> info();

  /**
   * Removes this cluster ({@code cluster remove}).
   *
   * @return completes when removed
   */
  Mono<Void> remove();

  /**
   * Returns the administrators of this cluster ({@code cluster admin}).
   *
   * @return the cluster administrators API
   */
  AdminsApi admins();

  /**
   * Returns the cluster managers ({@code manager}).
   *
   * @return the managers API
   */
  ManagersApi managers();

  /**
   * Returns the working servers ({@code server}).
   *
   * @return the servers API
   */
  ServersApi servers();

  /**
   * Returns the working processes ({@code process}).
   *
   * @return the processes API
   */
  ProcessesApi processes();

  /**
   * Returns the manager services ({@code service}).
   *
   * @return the services API
   */
  ServicesApi services();

  /**
   * Returns the infobases ({@code infobase}).
   *
   * @return the infobases API
   */
  InfobasesApi infobases();

  /**
   * Returns the connections ({@code connection}).
   *
   * @return the connections API
   */
  ConnectionsApi connections();

  /**
   * Returns the infobase sessions ({@code session}).
   *
   * @return the sessions API
   */
  SessionsApi sessions();

  /**
   * Returns the locks ({@code lock}).
   *
   * @return the locks API
   */
  LocksApi locks();

  /**
   * Returns the requirements (assignment rules) of working servers ({@code rule}).
   *
   * @return the rules API
   */
  RulesApi rules();

  /**
   * Returns the security profiles ({@code profile}).
   *
   * @return the profiles API
   */
  ProfilesApi profiles();

  /**
   * Returns the resource consumption counters ({@code counter}).
   *
   * @return the counters API
   */
  CountersApi counters();

  /**
   * Returns the resource consumption limits ({@code limit}).
   *
   * @return the limits API
   */
  LimitsApi limits();
}
