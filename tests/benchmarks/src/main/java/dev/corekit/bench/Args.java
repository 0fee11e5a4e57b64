package dev.corekit.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code --name value} options of a benchmark's main, and the command line that ran it. */
final class Args {
  private final Map<String, String> values = new HashMap<>();
  private final String command;

  Args(Class<?> main, String... args) {
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      String name = args[i].substring(2);
      String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
      values.put(name, value);
    }
    List<String> words = new ArrayList<>();
    words.add("java");
    words.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    words.add("-cp tests/benchmarks/target/benchmarks.jar");
    words.add(main.getName());
    for (String arg : args) {
      String word = arg.startsWith("http://") || arg.startsWith("https://") ? "<url>" : arg;
      if (word.length() > 60) {
        word = word.substring(0, 57) + "...";
      }
      words.add(word.contains(" ") ? "'" + word + "'" : word);
    }
    this.command = String.join(" ", words);
  }

  String command() {
    return command;
  }

  @Nullable String get(String name) {
    return values.get(name);
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(get(name, Integer.toString(fallback)));
  }

  long number(String name, long fallback) {
    return Long.parseLong(get(name, Long.toString(fallback)).replace("_", ""));
  }

  Duration seconds(String name, double fallback) {
    return Duration.ofMillis(
        (long) (Double.parseDouble(get(name, Double.toString(fallback))) * 1000));
  }

  List<Integer> integers(String name, String fallback) {
    List<Integer> out = new ArrayList<>();
    for (String part : get(name, fallback).split(",")) {
      out.add(Integer.parseInt(part.trim()));
    }
    return out;
  }

  List<String> words(String name, String fallback) {
    return List.of(get(name, fallback).split(","));
  }

  Target target() {
    return Target.of(required("url"), get("user", "admin"), get("password", "secret"));
  }
}
