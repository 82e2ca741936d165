package dev.tend.control.server;

import dev.tend.config.HttpAuth;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * HTTP basic authentication as supervisord checks it (one user; the password in clear or as {@code
 * {SHA}} + hex SHA-1), compared in constant time: both sides are reduced to SHA-256 digests first,
 * so neither the content nor the length of the secret shows in the timing.
 */
final class BasicAuth {
  /** What a request's {@code Authorization} header amounts to. */
  enum Outcome {
    ALLOWED,
    /** Missing, another scheme, or wrong credentials: 401. */
    DENIED,
    /** Basic credentials that are not base64: 400, as medusa answers. */
    MALFORMED
  }

  private static final String SHA_PREFIX = "{SHA}";

  private final byte[] userDigest;
  private final byte[] secretDigest;
  private final boolean sha1;

  BasicAuth(HttpAuth auth) {
    this.userDigest = sha256(auth.username().getBytes(StandardCharsets.UTF_8));
    String password = auth.password();
    this.sha1 = password.startsWith(SHA_PREFIX);
    String secret =
        sha1 ? password.substring(SHA_PREFIX.length()).toLowerCase(Locale.ROOT) : password;
    this.secretDigest = sha256(secret.getBytes(StandardCharsets.UTF_8));
  }

  Outcome check(@Nullable String authorization) {
    if (authorization == null) {
      return Outcome.DENIED;
    }
    String header = authorization.strip();
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("basic")) {
      return Outcome.DENIED;
    }
    byte[] decoded;
    try {
      decoded = Base64.getMimeDecoder().decode(header.substring(space + 1).strip());
    } catch (IllegalArgumentException e) {
      return Outcome.MALFORMED;
    }
    String credentials = new String(decoded, StandardCharsets.UTF_8);
    int colon = credentials.indexOf(':');
    if (colon < 0) {
      return Outcome.DENIED;
    }
    byte[] user = credentials.substring(0, colon).getBytes(StandardCharsets.UTF_8);
    byte[] password = credentials.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
    byte[] secret =
        sha1
            ? HexFormat.of().formatHex(sha1(password)).getBytes(StandardCharsets.US_ASCII)
            : password;
    // both comparisons always run: no early exit tells which half was wrong
    boolean userOk = MessageDigest.isEqual(sha256(user), userDigest);
    boolean secretOk = MessageDigest.isEqual(sha256(secret), secretDigest);
    return userOk & secretOk ? Outcome.ALLOWED : Outcome.DENIED;
  }

  private static byte[] sha256(byte[] data) {
    return digest("SHA-256", data);
  }

  private static byte[] sha1(byte[] data) {
    return digest("SHA-1", data);
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has " + algorithm, e);
    }
  }
}
