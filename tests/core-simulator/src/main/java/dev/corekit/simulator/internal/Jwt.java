package dev.corekit.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** HS256 tokens with Core's claims: exi, exp, iat, iss, jti, sub, usefor. */
final class Jwt {
  static final String ISSUER = "datarhei-core";
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();
  private static final String HEADER =
      ENC.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  /** Valid claims of a verified token. */
  record Claims(String subject, String usefor, String jti, long exp) {}

  private final Mac prototype;
  private final Clock clock;

  Jwt(String secret, Clock clock) {
    this.clock = clock;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.doFinal(new byte[1]); // warm up the provider off the event loop
      this.prototype = mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * Issues a token; exp is rounded up to the next second so the lifetime is at least {@code ttl}.
   */
  String issue(String subject, String usefor, Duration ttl) {
    long now = clock.millis();
    long iat = now / 1000;
    long exp = (now + ttl.toMillis() + 999) / 1000;
    long exi = Math.max(1, (ttl.toMillis() + 999) / 1000);
    String claims =
        "{\"exi\":"
            + exi
            + ",\"exp\":"
            + exp
            + ",\"iat\":"
            + iat
            + ",\"iss\":\""
            + ISSUER
            + "\",\"jti\":\""
            + randomUuid()
            + "\",\"sub\":"
            + Json.F.textNode(subject)
            + ",\"usefor\":\""
            + usefor
            + "\"}";
    String signingInput =
        HEADER + "." + ENC.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    return signingInput + "." + ENC.encodeToString(sign(signingInput));
  }

  /** Verifies signature, issuer and expiry; returns null for any invalid token. */
  @Nullable Claims verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      byte[] sig = DEC.decode(parts[2]);
      if (!MessageDigest.isEqual(sig, sign(parts[0] + "." + parts[1]))) {
        return null;
      }
      JsonNode header = Json.MAPPER.readTree(DEC.decode(parts[0]));
      if (!"HS256".equals(header.path("alg").asText())) {
        return null;
      }
      JsonNode c = Json.MAPPER.readTree(DEC.decode(parts[1]));
      long exp = c.path("exp").asLong(0);
      if (clock.millis() >= exp * 1000 || !ISSUER.equals(c.path("iss").asText())) {
        return null;
      }
      return new Claims(
          c.path("sub").asText(""), c.path("usefor").asText(""), c.path("jti").asText(""), exp);
    } catch (IllegalArgumentException | java.io.IOException e) {
      return null;
    }
  }

  private byte[] sign(String input) {
    try {
      Mac mac = (Mac) prototype.clone();
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A random UUID without SecureRandom (which may block on an event loop). */
  static String randomUuid() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** A 22-character id like Go's shortuuid. */
  static String shortId() {
    String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder sb = new StringBuilder(22);
    for (int i = 0; i < 22; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
