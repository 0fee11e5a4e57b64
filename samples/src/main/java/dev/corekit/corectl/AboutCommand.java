package dev.corekit.corectl;

import dev.corekit.core.CoreClient;
import dev.corekit.core.model.About;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code corectl about}: the server's name, id, version and uptime. */
@Command(
    name = "about",
    mixinStandardHelpOptions = true,
    description = "Show the server's name, id, version and uptime.")
final class AboutCommand extends CoreCommand {

  @Override
  int run() {
    try (CoreClient core = connect()) {
      About about = core.about().about().block();
      Printer p = printer();
      if (p.json()) {
        p.printJson(about);
        return 0;
      }
      Map<String, Object> f = Printer.map();
      f.put("url", core.baseUrl());
      f.put("app", about.app());
      f.put("name", about.name().orElse(""));
      f.put("id", about.id().orElse(""));
      f.put("version", about.version().number());
      f.put("uptime", about.uptimeSeconds().map(Format::seconds).orElse(""));
      f.put("auth", String.join(", ", about.auths()));
      p.fields(f);
      return 0;
    }
  }
}
