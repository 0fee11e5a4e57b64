package dev.corekit.corectl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreClient;
import dev.corekit.core.model.Skills;
import java.util.Iterator;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code corectl skills}: what the server's ffmpeg can do. */
@Command(
    name = "skills",
    mixinStandardHelpOptions = true,
    description =
        "Show the capabilities of Core's ffmpeg (version; counts of codecs, formats, ...). --json: all.")
final class SkillsCommand extends CoreCommand {

  @Override
  int run() {
    try (CoreClient core = connect()) {
      Skills skills = core.skills().get().block();
      Printer p = printer();
      if (p.json()) {
        p.printJson(skills);
        return 0;
      }
      Map<String, Object> f = Printer.map();
      f.put("ffmpeg", skills.ffmpeg().version());
      JsonNode tree = Json.tree(skills);
      for (Iterator<Map.Entry<String, JsonNode>> it = tree.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isArray()) {
          f.put(e.getKey(), e.getValue().size());
        } else if (e.getValue().isObject() && !e.getKey().equals("ffmpeg")) {
          StringBuilder counts = new StringBuilder();
          e.getValue()
              .properties()
              .forEach(
                  sub -> {
                    if (sub.getValue().isArray()) {
                      counts
                          .append(counts.length() == 0 ? "" : ", ")
                          .append(sub.getValue().size())
                          .append(' ')
                          .append(sub.getKey());
                    }
                  });
          f.put(e.getKey(), counts.toString());
        }
      }
      p.fields(f);
      return 0;
    }
  }
}
