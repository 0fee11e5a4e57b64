package dev.corekit.simulator.internal;

import java.util.regex.Pattern;

/**
 * Glob patterns as Core uses them, with {@code /} as separator: {@code *} (no separator), {@code
 * **} (anything), {@code ?}, {@code [abc]}, {@code [!abc]}, {@code {a,b}}.
 */
final class Glob {
  private final Pattern pattern;

  private Glob(Pattern pattern) {
    this.pattern = pattern;
  }

  static Glob compile(String glob) {
    StringBuilder re = new StringBuilder("^");
    int depth = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            re.append(".*");
            i++;
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            re.append("\\[");
          } else {
            String set = glob.substring(i + 1, end);
            if (set.startsWith("!")) {
              set = "^" + set.substring(1);
            }
            re.append('[').append(set.replace("\\", "\\\\")).append(']');
            i = end;
          }
        }
        case '{' -> {
          depth++;
          re.append("(?:");
        }
        case '}' -> {
          if (depth > 0) {
            depth--;
            re.append(')');
          } else {
            re.append("\\}");
          }
        }
        case ',' -> re.append(depth > 0 ? "|" : ",");
        case '\\' -> {
          if (i + 1 < glob.length()) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    while (depth-- > 0) {
      re.append(')');
    }
    return new Glob(Pattern.compile(re.append('$').toString()));
  }

  boolean matches(String s) {
    return pattern.matcher(s).matches();
  }

  /** Matches, where an empty pattern matches everything. */
  static boolean matches(String glob, String s) {
    return glob.isEmpty() || compile(glob).matches(s);
  }
}
