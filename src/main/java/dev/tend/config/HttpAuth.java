package dev.tend.config;

/**
 * Basic-auth credentials of an HTTP server section.
 *
 * @param password cleartext, or {@code {SHA}} followed by the hex SHA-1 of the password
 */
public record HttpAuth(String username, String password) {
  @Override
  public String toString() {
    return "HttpAuth[" + username + ", ***]";
  }
}
