package dev.tend.control.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The web page's guard against requests forged by other sites: each browser gets a random session
 * id in a cookie ({@code HttpOnly; SameSite=Strict}), and every form carries a token derived from
 * that id with a key only this daemon knows (HMAC-SHA256). A POST acts only when its token matches
 * its cookie. Nothing is stored per session: a page from before a daemon restart simply asks to be
 * reloaded. The key makes the pair unforgeable even by a page that can set cookies for this host
 * (another port of the same host shares its cookies), which a plain "cookie equals token" check
 * would not be. Thread-safe.
 */
final class WebSession {
  static final String COOKIE = "tend_session";
  private static final int ID_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random;
  private final SecretKeySpec key;

  WebSession(SecureRandom random) {
    this.random = random;
    byte[] k = new byte[32];
    random.nextBytes(k);
    this.key = new SecretKeySpec(k, "HmacSHA256");
  }

  /** A new session id. */
  String newId() {
    byte[] id = new byte[ID_BYTES];
    random.nextBytes(id);
    return B64.encodeToString(id);
  }

  /** The {@code Set-Cookie} header line that gives the browser {@code id}. */
  static String setCookie(String id) {
    return "Set-Cookie: " + COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict";
  }

  /** The session id of a {@code Cookie} header, or null when it has none that is well formed. */
  static @Nullable String id(@Nullable String cookieHeader) {
    if (cookieHeader == null) {
      return null;
    }
    for (String part : cookieHeader.split(";")) {
      String p = part.strip();
      if (p.startsWith(COOKIE + "=")) {
        String v = p.substring(COOKIE.length() + 1);
        if (wellFormed(v)) {
          return v;
        }
      }
    }
    return null;
  }

  private static boolean wellFormed(String v) {
    if (v.length() != 43) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The form token of session {@code id}. */
  String token(String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return B64.encodeToString(mac.doFinal(id.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  /** Whether {@code token} is the token of session {@code id} (compared in constant time). */
  boolean valid(@Nullable String id, @Nullable String token) {
    if (id == null || token == null) {
      return false;
    }
    return MessageDigest.isEqual(
        token(id).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
  }
}
