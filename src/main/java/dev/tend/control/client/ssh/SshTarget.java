package dev.tend.control.client.ssh;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The host part of an {@code ssh://[user@]host[:port]} URL: what ssh is asked to connect to. Every
 * server on the same target shares one ssh connection.
 *
 * @param user the login name, or null for ssh's own choice ({@code ~/.ssh/config}, then the local
 *     user)
 * @param host a name ssh resolves itself (a {@code Host} alias of {@code ~/.ssh/config} works) or
 *     an address; an IPv6 address without brackets
 * @param port 1 to 65535, or 0 for ssh's own choice
 */
public record SshTarget(@Nullable String user, String host, int port) {

  public SshTarget {
    if (host.isEmpty() || host.startsWith("-")) {
      throw new IllegalArgumentException("not an ssh host: '" + host + "'");
    }
    if (user != null && (user.isEmpty() || user.startsWith("-"))) {
      throw new IllegalArgumentException("not an ssh user: '" + user + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("ssh port out of range: " + port);
    }
  }

  /** The arguments that name the destination on ssh's command line: {@code [-l U] [-p P] HOST}. */
  List<String> destination() {
    List<String> args = new ArrayList<>(5);
    if (user != null) {
      args.add("-l");
      args.add(user);
    }
    if (port != 0) {
      args.add("-p");
      args.add(Integer.toString(port));
    }
    args.add(host);
    return args;
  }

  /** {@code [user@]host[:port]}, as messages name it. */
  @Override
  public String toString() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return (user == null ? "" : user + "@") + h + (port == 0 ? "" : ":" + port);
  }
}
