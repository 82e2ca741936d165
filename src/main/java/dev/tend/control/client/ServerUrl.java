package dev.tend.control.client;

import dev.tend.control.client.ssh.SshTarget;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a supervisor listens, as supervisorctl's {@code serverurl} says it (spec §1.8): {@code
 * unix:///abs/path} (the path normalized, {@code ~} expanded) or {@code http://host[:port]} (port
 * 80 by default; any path is ignored, every call goes to {@code /RPC2}); and tend's {@code
 * ssh://[user@]host[:port][/path/to/socket][?c=/path/to/config]}: a unix socket on another host,
 * reached through the user's ssh. Without a socket path it is the one supervisorctl would use
 * there, or the one the config named by {@code c} says. Paths are percent-decoded.
 */
public final class ServerUrl {
  private final String text;
  private final @Nullable Path socket;
  private final String host;
  private final int port;
  private final @Nullable SshTarget ssh;
  private final @Nullable String remoteSocket;
  private final @Nullable String remoteConfig;

  private ServerUrl(String text, @Nullable Path socket, String host, int port) {
    this(text, socket, host, port, null, null, null);
  }

  private ServerUrl(
      String text,
      @Nullable Path socket,
      String host,
      int port,
      @Nullable SshTarget ssh,
      @Nullable String remoteSocket,
      @Nullable String remoteConfig) {
    this.text = text;
    this.socket = socket;
    this.host = host;
    this.port = port;
    this.ssh = ssh;
    this.remoteSocket = remoteSocket;
    this.remoteConfig = remoteConfig;
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
    if (url.startsWith("ssh://")) {
      return parseSsh(url);
    }
    throw new IllegalArgumentException(
        "serverurl '" + url + "' must start with unix://, http:// or ssh://");
  }

  private static ServerUrl parseSsh(String url) {
    String rest = url.substring("ssh://".length());
    String query = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : decode(rest.substring(slash), url);
    int at = authority.lastIndexOf('@');
    String user = at < 0 ? null : decode(authority.substring(0, at), url);
    String[] hostPort = hostAndPort(authority.substring(at + 1), url);
    int port = hostPort[1].isEmpty() ? 0 : port(hostPort[1], url);
    String config = null;
    if (query != null && !query.isEmpty()) {
      if (!query.startsWith("c=") || query.length() == 2 || query.indexOf('&') >= 0) {
        throw new IllegalArgumentException(
            "serverurl '" + url + "': the only query ssh:// takes is ?c=/path/to/config");
      }
      config = decode(query.substring(2), url);
    }
    if (path.equals("/")) {
      path = "";
    }
    if (!path.isEmpty() && config != null) {
      throw new IllegalArgumentException(
          "serverurl '" + url + "' names both a socket and a config; give one");
    }
    if (path.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "serverurl '" + url + "': ssh cannot forward a socket whose path holds ':'");
    }
    SshTarget target;
    try {
      target = new SshTarget(user, hostPort[0], port);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("serverurl '" + url + "': " + e.getMessage(), e);
    }
    return new ServerUrl(url, null, "localhost", 0, target, path.isEmpty() ? null : path, config);
  }

  /** Host (brackets of an IPv6 address removed) and port text of an authority. */
  private static String[] hostAndPort(String authority, String url) {
    String host;
    String portText;
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
    return new String[] {host, portText};
  }

  /** Percent-decoding (UTF-8); a {@code +} stays a {@code +}. */
  private static String decode(String s, String url) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
      int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("serverurl '" + url + "' has a bad %-escape");
      }
      out.write(hi * 16 + lo);
      i += 2;
    }
    return out.toString(StandardCharsets.UTF_8);
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
    String[] hostPort = hostAndPort(authority, url);
    String host = hostPort[0];
    String portText = hostPort[1];
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

  /** Whether this is an {@code ssh://} URL. */
  public boolean isSsh() {
    return ssh != null;
  }

  /** The host of an {@code ssh://} URL, as ssh is asked to reach it. */
  public SshTarget sshTarget() {
    if (ssh == null) {
      throw new IllegalStateException(text + " is not an ssh URL");
    }
    return ssh;
  }

  /** The socket path on the far host of an {@code ssh://} URL, or null when it is to be found. */
  public @Nullable String remoteSocket() {
    return remoteSocket;
  }

  /** The config on the far host named by {@code ?c=}, or null. */
  public @Nullable String remoteConfig() {
    return remoteConfig;
  }

  /** The socket file of a {@code unix://} URL. */
  public Path socketPath() {
    if (socket == null) {
      throw new IllegalStateException(text + " is not a unix socket URL");
    }
    return socket;
  }

  /** The host of an {@code http://} URL; {@code localhost} for a unix socket or ssh. */
  public String host() {
    return host;
  }

  /** The port of an {@code http://} URL; 0 for a unix socket. */
  public int port() {
    return port;
  }

  /**
   * The {@code Host} header: {@code localhost} over a unix socket (as supervisorctl sends, since
   * the socket path may be too long for a host name) and over ssh, else {@code host[:port]}.
   */
  public String hostHeader() {
    if (socket != null || ssh != null) {
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
