package dev.corekit.core.internal;

import java.util.Locale;

/** Names of headers whose values may be secrets (tokens, passwords, cookies). */
public final class SecretHeaders {
  private SecretHeaders() {}

  /**
   * Tells whether a header may carry a secret.
   *
   * @param name the header name
   * @return true for Authorization, cookies and names mentioning tokens, secrets, passwords or keys
   */
  public static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("authorization")
        || lower.equals("proxy-authorization")
        || lower.equals("cookie")
        || lower.equals("set-cookie")
        || lower.contains("token")
        || lower.contains("secret")
        || lower.contains("password")
        || lower.contains("api-key");
  }
}
