package dev.corekit.rac;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code rac rule} mode: requirements (assignment rules) of working servers. */
public interface RulesApi {

  /**
   * Lists the rules of a server ({@code rule list --server=}).
   *
   * @param serverId the server id
   * @return the rules
   */
  Flux<RacRule> list(UUID serverId);

  /**
   * Describes one rule ({@code rule info --server= --rule=}).
   *
   * @param serverId the server id
   * @param ruleId the rule id
   * @return the rule
   */
  Mono<RacRule> info(UUID serverId, UUID ruleId);

  /**
   * Adds a rule at a position ({@code rule insert --server= --position=}).
   *
   * @param serverId the server id
   * @param rule the rule
   * @return the id of the new rule
   */
  Mono<UUID> insert(UUID serverId, RacRuleSpec rule);

  /**
   * Changes a rule ({@code rule update --server= --rule=}).
   *
   * @param serverId the server id
   * @param ruleId the rule id
   * @param rule the new settings
   * @return completes when changed
   */
  Mono<Void> update(UUID serverId, UUID ruleId, RacRuleSpec rule);

  /**
   * Removes a rule ({@code rule remove --server= --rule=}).
   *
   * @param serverId the server id
   * @param ruleId the rule id
   * @return completes when removed
   */
  Mono<Void> remove(UUID serverId, UUID ruleId);

  /**
   * Applies the rules to the running processes fully ({@code rule apply --full}).
   *
   * @return completes when applied
   */
  Mono<Void> applyFull();

  /**
   * Applies the rules to the running processes partially ({@code rule apply --partial}).
   *
   * @return completes when applied
   */
  Mono<Void> applyPartial();
}
