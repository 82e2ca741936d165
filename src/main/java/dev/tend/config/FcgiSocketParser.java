package dev.tend.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The socket options of an {@code [fcgi-program:x]} section (supervisord's group-level reads and
 * {@code parse_fcgi_socket}): {@code socket}, {@code socket_backlog}, {@code socket_owner}, {@code
 * socket_mode}, and the {@code user} that owns a unix socket by default.
 */
final class FcgiSocketParser {
  /** Python's socket.SOMAXCONN, what supervisord listens with when socket_backlog is unset. */
  static final int SOMAXCONN = 4096;

  private static final Pattern TCP = Pattern.compile("tcp://([^\\s:]+):(\\d+)\\n?");

  private final HostValueTypes host;
  private final String here;
  private final int currentUid;

  FcgiSocketParser(HostValueTypes host, String here, int currentUid) {
    this.host = host;
    this.here = here;
    this.currentUid = currentUid;
  }

  /** The socket, or null after reporting why there is none. */
  @Nullable FcgiSocketConfig parse(SectionReader r, String programName) {
    Map<String, Object> hereOnly = Map.of("here", here);
    String section = r.section();
    String user = r.attemptOrNull("user", () -> r.get("user", null, hereOnly));
    Integer procUid = user == null ? null : r.attemptOrNull("user", () -> host.uid(user));
    Integer backlog = backlog(r, hereOnly);
    int[] owner =
        r.optional(
            "socket_owner",
            hereOnly,
            text -> {
              try {
                return host.userGroup(text);
              } catch (InvalidValueException e) {
                throw new InvalidValueException("Invalid socket_owner value " + text);
              }
            });
    Integer mode =
        r.optional(
            "socket_mode",
            hereOnly,
            text -> {
              try {
                return ValueTypes.octal(text);
              } catch (InvalidValueException e) {
                throw new InvalidValueException("Invalid socket_mode value " + text);
              }
            });
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("program_name", programName);
    names.put("here", here);
    String socket = r.attemptOrNull("socket", () -> r.get("socket", null, names));
    if (socket == null || socket.isEmpty()) {
      if (!r.has("socket") || (socket != null && socket.isEmpty())) {
        r.error("socket", "[" + section + "] section requires a \"socket\" line");
      }
      return null;
    }
    boolean ownerGiven = r.has("socket_owner");
    boolean modeGiven = r.has("socket_mode");
    return r.attemptOrNull(
        "socket",
        () -> {
          try {
            return socket(socket, procUid, owner, ownerGiven, mode, modeGiven, backlog);
          } catch (InvalidValueException e) {
            throw new InvalidValueException(e.getMessage() + " in [" + section + "] socket");
          }
        });
  }

  private static @Nullable Integer backlog(SectionReader r, Map<String, Object> hereOnly) {
    return r.optional(
        "socket_backlog",
        hereOnly,
        text -> {
          int b = ValueTypes.integer(text);
          if (b < 1 || b > 65535) {
            throw new InvalidValueException("Invalid socket_backlog value " + b);
          }
          return b;
        });
  }

  private FcgiSocketConfig socket(
      String socket,
      @Nullable Integer procUid,
      int @Nullable [] owner,
      boolean ownerGiven,
      @Nullable Integer mode,
      boolean modeGiven,
      @Nullable Integer backlog)
      throws InvalidValueException {
    int listenBacklog = backlog == null ? SOMAXCONN : backlog;
    if (socket.startsWith("unix://")) {
      String path = socket.substring(7);
      if (!path.startsWith("/")) {
        throw new InvalidValueException("Unix socket path " + path + " is not an absolute path");
      }
      Integer uid = owner == null ? null : owner[0];
      Integer gid = owner == null || owner[1] < 0 ? null : owner[1];
      if (owner == null && procUid != null && procUid != currentUid) {
        uid = procUid;
        gid = host.gidForUid(procUid);
      }
      return new FcgiSocketConfig(
          "unix://" + host.normalize(path), listenBacklog, uid, gid, mode == null ? 0700 : mode);
    }
    if (ownerGiven || modeGiven) {
      throw new InvalidValueException(
          "socket_owner and socket_mode params should only be used with a Unix domain socket");
    }
    Matcher m = TCP.matcher(socket);
    if (m.matches()) {
      String hostName = m.group(1).toLowerCase(Locale.ROOT);
      int port = ValueTypes.portNumber(m.group(2));
      return new FcgiSocketConfig("tcp://" + hostName + ":" + port, listenBacklog, null, null, 0);
    }
    throw new InvalidValueException("Bad socket format " + socket);
  }
}
