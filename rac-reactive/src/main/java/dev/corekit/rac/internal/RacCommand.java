package dev.corekit.rac.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code rac} command line (without the executable), with its secret values marked so that
 * every printable form masks them as {@code ***}.
 */
public final class RacCommand {

  /** Replaces secret values in printable forms of a command. */
  public static final String MASK = "***";

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private final List<String> arguments;
  private final List<String> masked;
  private final List<String> secrets;

  private RacCommand(List<String> arguments, List<String> masked, List<String> secrets) {
    this.arguments = List.copyOf(arguments);
    this.masked = List.copyOf(masked);
    this.secrets = List.copyOf(secrets);
  }

  /**
   * Starts a command; the first arguments are usually {@code host:port} and the mode.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tells whether an option carries a secret: names ending in {@code pwd} or {@code password}, and
   * {@code permission-code} (the code that lets a session into a locked infobase).
   *
   * @param name the option name, without dashes
   * @return true for secret options
   */
  public static boolean isSecretName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith("pwd") || lower.endsWith("password") || lower.equals("permission-code");
  }

  /**
   * Makes a command from raw arguments; values of options whose name ends in {@code pwd} or {@code
   * password} are treated as secrets.
   *
   * @param arguments the arguments after the executable
   * @return the command
   */
  public static RacCommand raw(List<String> arguments) {
    Builder b = builder();
    for (String a : arguments) {
      Objects.requireNonNull(a, "argument");
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 2 && isSecretName(a.substring(2, eq))) {
        b.secret(a.substring(2, eq), Optional.of(a.substring(eq + 1)));
      } else {
        b.word(a);
      }
    }
    return b.build();
  }

  /**
   * Returns the real arguments, secrets included: only for starting the process.
   *
   * @return the arguments after the executable
   */
  public List<String> arguments() {
    return arguments;
  }

  /**
   * Returns the arguments with secret values replaced by {@code ***}.
   *
   * @return the printable arguments
   */
  public List<String> masked() {
    return masked;
  }

  /**
   * Returns the secret values, to scrub them from text such as stderr.
   *
   * @return the non-empty secret values
   */
  public List<String> secrets() {
    return secrets;
  }

  /**
   * Removes every secret value of this command from a text.
   *
   * @param text any text, e.g. what rac wrote to stderr
   * @return the text with secrets replaced by {@code ***}
   */
  public String scrub(String text) {
    String result = text;
    for (String s : secrets) {
      result = result.replace(s, MASK);
    }
    return result;
  }

  /**
   * The mode and command words, without the address and options: {@code infobase summary list}.
   *
   * @return the words, space separated
   */
  public String label() {
    StringBuilder words = new StringBuilder();
    for (int i = 1; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (!argument.startsWith("-")) {
        words.append(words.length() == 0 ? "" : " ").append(argument);
      }
    }
    return words.toString();
  }

  @Override
  public String toString() {
    return String.join(" ", masked);
  }

  /** Appends arguments in order; options are single {@code --name=value} tokens. */
  public static final class Builder {
    private final List<String> arguments = new ArrayList<>();
    private final List<String> masked = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    private Builder() {}

    /**
     * Appends a word (address, mode, command) as is.
     *
     * @param word the word
     * @return this builder
     */
    public Builder word(String word) {
      Objects.requireNonNull(word, "word");
      arguments.add(word);
      masked.add(word);
      return this;
    }

    /**
     * Appends {@code --name}.
     *
     * @param name the option name without dashes
     * @return this builder
     */
    public Builder flag(String name) {
      return word("--" + name);
    }

    /**
     * Appends {@code --name=value}.
     *
     * @param name the option name without dashes
     * @param value the value, passed intact (spaces and quotes included)
     * @return this builder
     */
    public Builder option(String name, Object value) {
      Objects.requireNonNull(value, name);
      if (isSecretName(name)) {
        return secret(name, Optional.of(String.valueOf(value)));
      }
      return word("--" + name + "=" + value);
    }

    /**
     * Appends {@code --name=value} when the value is present.
     *
     * @param name the option name
     * @param value the value, or empty
     * @return this builder
     */
    public Builder option(String name, Optional<?> value) {
      value.ifPresent(v -> option(name, v));
      return this;
    }

    /**
     * Appends {@code --name=value} for each entry.
     *
     * @param options option names (without dashes) to values
     * @return this builder
     */
    public Builder options(Map<String, String> options) {
      options.forEach(this::option);
      return this;
    }

    /**
     * Appends a secret {@code --name=value}, printed as {@code --name=***}.
     *
     * @param name the option name
     * @param value the secret, or empty
     * @return this builder
     */
    public Builder secret(String name, Optional<String> value) {
      value.ifPresent(
          v -> {
            arguments.add("--" + name + "=" + v);
            masked.add("--" + name + "=" + MASK);
            if (!v.isEmpty()) {
              secrets.add(v);
            }
          });
      return this;
    }

    /**
     * Appends a boolean as {@code yes}/{@code no}.
     *
     * @param name the option name
     * @param value the flag, or empty
     * @return this builder
     */
    public Builder yesNo(String name, Optional<Boolean> value) {
      return option(name, value.map(v -> v ? "yes" : "no"));
    }

    /**
     * Appends a boolean as {@code on}/{@code off}.
     *
     * @param name the option name
     * @param value the flag, or empty
     * @return this builder
     */
    public Builder onOff(String name, Optional<Boolean> value) {
      return option(name, value.map(v -> v ? "on" : "off"));
    }

    /**
     * Appends a boolean as {@code allow}/{@code deny}.
     *
     * @param name the option name
     * @param value the flag, or empty
     * @return this builder
     */
    public Builder allowDeny(String name, Optional<Boolean> value) {
      return option(name, value.map(v -> v ? "allow" : "deny"));
    }

    /**
     * Appends a boolean as {@code analyze}/{@code not-analyze}.
     *
     * @param name the option name
     * @param value the flag, or empty
     * @return this builder
     */
    public Builder analyze(String name, Optional<Boolean> value) {
      return option(name, value.map(v -> v ? "analyze" : "not-analyze"));
    }

    /**
     * Appends a date-time as {@code YYYY-MM-DDTHH:MM:SS}.
     *
     * @param name the option name
     * @param value the date-time, or empty
     * @return this builder
     */
    public Builder date(String name, Optional<LocalDateTime> value) {
      return option(name, value.map(DATE_TIME::format));
    }

    /**
     * Finishes the command.
     *
     * @return the command
     */
    public RacCommand build() {
      return new RacCommand(arguments, masked, secrets);
    }
  }

  /**
   * Returns an unmodifiable view of a list; for callers building printable argv lists.
   *
   * @param head the first element (the executable)
   * @param tail the rest
   * @return the joined list
   */
  static List<String> prepend(String head, List<String> tail) {
    List<String> all = new ArrayList<>(tail.size() + 1);
    all.add(head);
    all.addAll(tail);
    return Collections.unmodifiableList(all);
  }
}
