package dev.corekit.corectl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corekit.core.CoreClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code corectl config get}: the server's configuration, secrets masked. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Core's configuration.",
    subcommands = {ConfigCommand.Get.class})
final class ConfigCommand extends CoreCommand {

  @Override
  int run() {
    throw missingCommand();
  }

  /** {@code config get [PATH] [--show-secrets]}. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = {
        "Print Core's configuration (YAML; JSON with --json), or the part at PATH (e.g. api.auth).",
        "Passwords, tokens, keys and secrets are printed as *** unless --show-secrets is given."
      })
  static final class Get extends CoreCommand {
    @Parameters(
        arity = "0..1",
        paramLabel = "PATH",
        description = "A dotted path in the config, e.g. storage.memory.")
    @Nullable String path;

    @Override
    int run() {
      try (CoreClient core = connect()) {
        JsonNode info = Json.tree(core.config().get().block());
        boolean showSecrets = root().showSecrets;
        JsonNode shown = showSecrets ? info : Secrets.mask(info);
        if (path != null) {
          shown = shown.path("config");
          for (String part : path.split("\\.")) {
            shown = shown.path(part);
          }
          if (shown.isMissingNode()) {
            throw new UsageException("the config has no " + path);
          }
        }
        Printer p = printer();
        if (p.json()) {
          p.printJson(shown);
        } else if (shown.isValueNode()) {
          p.line(shown.asText());
        } else {
          p.stream().print(p.shown(Json.yaml(shown)));
        }
        return 0;
      }
    }
  }
}
