package dev.tend.control.client;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a supervisor listens, as supervisorctl's {@code serverurl} says it (spec §1.8): {@code
 * unix:///abs/path} (the path normalized, {@code ~} expanded) or {@code http://host[:port]} (port
 * 80 by default; any path is ignored, every call goes to {@code /RPC2}).
 */
public final class ServerUrl {
  private final String text;
  private final @Nullable Path socket;
  private final String host;
  private final int port;

  private ServerUrl(String text, @Nullable Path socket, String host, int port) {
    this.text = text;
    this.socket = socket;
    this.host = host;
    this.port = port;
  }

  /**
   * Parses a serverurl.
   *
   * @throws IllegalArgumentException naming the URL and what is wrong with it
   */
  public static ServerUrl parse(String url) {
    if (url.startsWith("unix://")) {
      String path = url.substring("unix://".length());
      if (path.isEmpty()) {
        throw new IllegalArgumentException("serverurl '" + url + "' has no socket path");
      }
      if (path.equals("~") || path.startsWith("~/")) {
        path = System.getProperty("user.home") + path.substring(1);
      }
      Path normalized = Path.of(path).toAbsolutePath().normalize();
      return new ServerUrl("unix://" + normalized, normalized, "localhost", 0);
    }
    if (url.startsWith("http://")) {
      return parseHttp(url);
    }
    throw new IllegalArgumentException(
        "serverurl '" + url + "' must start with unix:// or http://");
  }

  private static ServerUrl parseHttp(String url) {
    String rest = url.substring("http://".length());
    int authorityEnd = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < authorityEnd) {
        authorityEnd = i;
      }
    }
    String authority = rest.substring(0, authorityEnd);
    authority = authority.substring(authority.lastIndexOf('@') + 1); // user info is ignored
    String host;
    String portText = "";
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("serverurl '" + url + "' has an unclosed '['");
      }
      host = authority.substring(1, close);
      String after = authority.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        throw new IllegalArgumentException("serverurl '" + url + "' has junk after ']'");
      }
      portText = after.isEmpty() ? "" : after.substring(1);
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? "" : authority.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("serverurl '" + url + "' has no host");
    }
    return new ServerUrl(url, null, host.toLowerCase(Locale.ROOT), port(portText, url));
  }

  private static int port(String text, String url) {
    if (text.isEmpty()) {
      return 80;
    }
    int port = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9' || i >= 5) {
        throw new IllegalArgumentException("serverurl '" + url + "' has a bad port '" + text + "'");
      }
      port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "serverurl '" + url + "' has a port out of range: " + port);
    }
    return port;
  }

  public boolean isUnix() {
    return socket != null;
  }

  /** The socket file of a {@code unix://} URL. */
  public Path socketPath() {
    if (socket == null) {
      throw new IllegalStateException(text + " is not a unix socket URL");
    }
    return socket;
  }

  /** The host of an {@code http://} URL; {@code localhost} for a unix socket. */
  public String host() {
    return host;
  }

  /** The port of an {@code http://} URL; 0 for a unix socket. */
  public int port() {
    return port;
  }

  /**
   * The {@code Host} header: {@code localhost} over a unix socket (as supervisorctl sends, since
   * the socket path may be too long for a host name), else {@code host[:port]}.
   */
  public String hostHeader() {
    if (socket != null) {
      return "localhost";
    }
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == 80 ? h : h + ":" + port;
  }

  /** The URL as supervisorctl shows it in messages ({@code unix://} paths normalized). */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServerUrl u
        && u.text.equals(text)
        && Objects.equals(u.socket, socket)
        && u.host.equals(host)
        && u.port == port;
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
