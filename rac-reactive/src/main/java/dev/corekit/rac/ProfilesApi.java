package dev.corekit.rac;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code rac profile} mode: security profiles and their access lists. */
public interface ProfilesApi {

  /**
   * Lists the security profiles ({@code profile list}).
   *
   * @return the profiles
   */
  Flux<RacProfile> list();

  /**
   * Creates or changes a security profile ({@code profile update --name=}).
   *
   * @param profile the profile
   * @return completes when saved
   */
  Mono<Void> update(RacProfileSpec profile);

  /**
   * Removes a security profile ({@code profile remove --name=}).
   *
   * @param name the profile name
   * @return completes when removed
   */
  Mono<Void> remove(String name);

  /**
   * Returns one access list of a profile ({@code profile acl --name=<profile> <kind>}).
   *
   * @param profile the profile name
   * @param kind the access list
   * @return the access list API
   */
  ProfileAclApi acl(String profile, RacAclKind kind);
}
