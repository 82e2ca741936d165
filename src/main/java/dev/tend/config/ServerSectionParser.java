package dev.tend.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code [unix_http_server]} and {@code [inet_http_server]} sections (spec §1.6, §1.7): every
 * section whose name starts with either, in file order. Only the unix socket's {@code file} sees
 * {@code %(here)s}; the other keys expand {@code ENV_*} only.
 */
final class ServerSectionParser {
  private final IniDocument doc;
  private final Diagnostics diagnostics;
  private final Map<String, Object> envNames;
  private final String here;
  private final HostValueTypes host;
  private final boolean resolveOwner;

  /**
   * @param resolveOwner whether to look {@code chown} up in the user database (the daemon does; the
   *     ctl reader leaves it unresolved)
   */
  ServerSectionParser(
      IniDocument doc,
      Diagnostics diagnostics,
      Map<String, Object> envNames,
      String here,
      HostValueTypes host,
      boolean resolveOwner) {
    this.doc = doc;
    this.diagnostics = diagnostics;
    this.envNames = envNames;
    this.here = here;
    this.host = host;
    this.resolveOwner = resolveOwner;
  }

  List<InetHttpServerConfig> inetServers() {
    List<InetHttpServerConfig> servers = new ArrayList<>();
    for (String section : doc.sectionNames()) {
      if (section.startsWith("inet_http_server")) {
        SectionReader r = new SectionReader(doc, section, diagnostics, envNames, "");
        HttpAuth auth = r.attempt(null, null, () -> auth(r));
        ValueTypes.InetAddress address =
            r.attempt(
                "port",
                null,
                () -> {
                  String port = r.get("port", null, Map.of());
                  if (port == null) {
                    throw new InvalidValueException("section [" + section + "] has no port value");
                  }
                  return ValueTypes.inetAddress(port);
                });
        if (address != null) {
          servers.add(new InetHttpServerConfig(section, address.host(), address.port(), auth));
        }
      }
    }
    return servers;
  }

  List<UnixHttpServerConfig> unixServers() {
    List<UnixHttpServerConfig> servers = new ArrayList<>();
    for (String section : doc.sectionNames()) {
      if (section.startsWith("unix_http_server")) {
        UnixHttpServerConfig server = unixServer(section);
        if (server != null) {
          servers.add(server);
        }
      }
    }
    return servers;
  }

  private @Nullable UnixHttpServerConfig unixServer(String section) {
    SectionReader r = new SectionReader(doc, section, diagnostics, envNames, "");
    String file =
        r.attempt(
            "file",
            null,
            () -> {
              String f = r.get("file", null, Map.of("here", here));
              if (f == null) {
                throw new InvalidValueException("section [" + section + "] has no file value");
              }
              return PythonText.strip(f);
            });
    HttpAuth auth = r.attempt(null, null, () -> auth(r));
    int[] owner =
        !resolveOwner
            ? null
            : r.optional(
                "chown",
                Map.of(),
                text -> {
                  try {
                    return host.userGroup(text);
                  } catch (InvalidValueException e) {
                    throw new InvalidValueException("Invalid sockchown value " + text);
                  }
                });
    Integer chmod =
        r.optional(
            "chmod",
            Map.of(),
            text -> {
              try {
                return ValueTypes.octal(text);
              } catch (InvalidValueException e) {
                throw new InvalidValueException("Invalid chmod value " + text);
              }
            });
    if (file == null) {
      return null;
    }
    return new UnixHttpServerConfig(
        section,
        host.normalize(file),
        chmod == null ? 0700 : chmod,
        owner == null ? null : owner[0],
        owner == null || owner[1] < 0 ? null : owner[1],
        auth);
  }

  /** Both or neither of username and password; an empty username means no authentication. */
  private static @Nullable HttpAuth auth(SectionReader r) throws InvalidValueException {
    String username = r.get("username", null, Map.of());
    String password = r.get("password", null, Map.of());
    if ((username == null) != (password == null)) {
      throw new InvalidValueException(
          "Section ["
              + r.section()
              + "] contains incomplete authentication: If a username or a password is"
              + " specified, both the username and password must be specified");
    }
    return username == null || username.isEmpty() ? null : new HttpAuth(username, password);
  }
}
