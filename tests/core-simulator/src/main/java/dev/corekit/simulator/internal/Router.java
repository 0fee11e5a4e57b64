package dev.corekit.simulator.internal;

import dev.corekit.simulator.CoreVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Route templates such as {@code /api/v3/process/{id}} or {@code /api/v3/fs/{storage}/{path...}},
 * matched on raw path segments; parameters are percent-decoded after matching, so an encoded {@code
 * %2F} stays inside its parameter. Literal segments win over parameters.
 */
final class Router {
  /** A handler producing a reply; may throw {@link ApiError}. */
  interface Handler {
    Mono<Reply> handle(Exchange ex);
  }

  /**
   * One route.
   *
   * @param since the first Core release that has it
   * @param cluster whether it exists only when clustering is on
   */
  record Route(
      String method,
      String template,
      String[] parts,
      boolean isPublic,
      CoreVersion since,
      boolean cluster,
      Handler handler) {}

  /** A match, or a path that exists only for other methods. */
  record Match(@Nullable Route route, Map<String, String> params, boolean otherMethod) {}

  private final List<Route> routes = new ArrayList<>();

  void add(
      String method,
      String template,
      boolean isPublic,
      CoreVersion since,
      boolean cluster,
      Handler h) {
    routes.add(
        new Route(
            method, template, template.substring(1).split("/", -1), isPublic, since, cluster, h));
  }

  Match match(
      String method, List<String> rawSegments, java.util.function.Predicate<Route> enabled) {
    Route best = null;
    Map<String, String> bestParams = Map.of();
    int bestScore = -1;
    boolean other = false;
    for (Route r : routes) {
      if (!enabled.test(r)) {
        continue;
      }
      Map<String, String> params = matchParts(r.parts, rawSegments);
      if (params == null) {
        continue;
      }
      if (!r.method.equals(method)) {
        other = true;
        continue;
      }
      int score = 0;
      for (String p : r.parts) {
        if (!p.startsWith("{")) {
          score++;
        }
      }
      if (score > bestScore) {
        best = r;
        bestParams = params;
        bestScore = score;
      }
    }
    return new Match(best, bestParams, best == null && other);
  }

  private static @Nullable Map<String, String> matchParts(String[] parts, List<String> raw) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.startsWith("{") && p.endsWith("...}")) {
        if (i >= raw.size()) {
          return null;
        }
        List<String> rest = new ArrayList<>();
        for (String s : raw.subList(i, raw.size())) {
          rest.add(Exchange.decodePath(s));
        }
        params.put(p.substring(1, p.length() - 4), String.join("/", rest));
        return params;
      }
      if (i >= raw.size()) {
        return null;
      }
      String seg = raw.get(i);
      if (p.startsWith("{")) {
        if (seg.isEmpty()) {
          return null;
        }
        params.put(p.substring(1, p.length() - 1), Exchange.decodePath(seg));
      } else if (!p.equals(seg)) {
        return null;
      }
    }
    return parts.length == raw.size() ? params : null;
  }
}
