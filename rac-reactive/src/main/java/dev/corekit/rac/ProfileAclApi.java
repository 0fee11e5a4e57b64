package dev.corekit.rac;

import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One access list of a security profile ({@code rac profile acl --name=<profile> <kind> ...}). */
public interface ProfileAclApi {

  /**
   * Lists the entries ({@code ... <kind> list}).
   *
   * @return the entries
   */
  Flux<RacAclEntry> list();

  /**
   * Creates or changes an entry ({@code ... <kind> update --alias=|--name= ...}).
   *
   * @param key the entry's alias (directories) or name (the other lists)
   * @param options further options, names without {@code --} (e.g. {@code physicalPath} as {@code
   *     "physical-path"}), in the order given
   * @return completes when saved
   */
  Mono<Void> update(String key, Map<String, String> options);

  /**
   * Removes an entry ({@code ... <kind> remove --alias=|--name=}).
   *
   * @param key the entry's alias (directories) or name (the other lists)
   * @return completes when removed
   */
  Mono<Void> remove(String key);
}
