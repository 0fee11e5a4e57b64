package dev.corekit.spring;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code corekit.core.url} or {@code corekit.core.urls} is set (to text that is not
 * blank), so that a client of one server and a client of a cluster are configured alike. Both set
 * matches too: the client bean then fails with a message naming both.
 */
final class OnCoreUrlCondition extends SpringBootCondition {
  static final String URL = "corekit.core.url";
  static final String URLS = "corekit.core.urls";

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    Binder binder = Binder.get(context.getEnvironment());
    ConditionMessage.Builder message = ConditionMessage.forCondition("corekit Core URL");
    if (isSet(binder.bind(URL, String.class).orElse(null))) {
      return ConditionOutcome.match(message.found("property").items(URL));
    }
    if (areSet(binder.bind(URLS, Bindable.listOf(String.class)).orElse(List.of()))) {
      return ConditionOutcome.match(message.found("property").items(URLS));
    }
    return ConditionOutcome.noMatch(message.didNotFind("property").items(URL, URLS));
  }

  /** Whether {@code corekit.core.url} is set: to text that is not blank. */
  static boolean isSet(@Nullable String url) {
    return url != null && !url.isBlank();
  }

  /** Whether {@code corekit.core.urls} is set: to a list with a URL that is not blank. */
  static boolean areSet(List<String> urls) {
    return urls.stream().anyMatch(OnCoreUrlCondition::isSet);
  }
}
