package dev.tend.config;

import dev.tend.api.PythonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code [unix_http_server]} and {@code [inet_http_server]} sections (spec §1.6, §1.7): every
 * section whose name starts with either, in file order. Only the unix socket's {@code file} sees
 * {@code %(here)s}; the other keys expand {@code ENV_*} only. Written without lambdas: the ctl
 * reader runs this on {@code tend ctl}'s start-up path.
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
      if (!section.startsWith("inet_http_server")) {
        continue;
      }
      SectionReader r = new SectionReader(doc, section, diagnostics, envNames, "");
      HttpAuth auth = auth(r);
      try {
        String port = r.get("port", null, Map.of());
        if (port == null) {
          throw new InvalidValueException("section [" + section + "] has no port value");
        }
        ValueTypes.InetAddress address = ValueTypes.inetAddress(port);
        servers.add(new InetHttpServerConfig(section, address.host(), address.port(), auth));
      } catch (InvalidValueException e) {
        r.error("port", e.getMessage());
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
    String file = r.expanded("file", null, Map.of("here", here));
    if (file == null && !diagnostics.hasErrorFor(section, "file")) {
      r.error("file", "section [" + section + "] has no file value");
    }
    HttpAuth auth = auth(r);
    int[] owner = resolveOwner ? owner(r) : null;
    Integer chmod = null;
    String mode = r.expanded("chmod", null, Map.of());
    if (mode != null) {
      try {
        chmod = ValueTypes.octal(mode);
      } catch (InvalidValueException e) {
        r.error("chmod", "Invalid chmod value " + mode);
      }
    }
    if (file == null) {
      return null;
    }
    return new UnixHttpServerConfig(
        section,
        host.normalize(PythonText.strip(file)),
        chmod == null ? 0700 : chmod,
        owner == null ? null : owner[0],
        owner == null || owner[1] < 0 ? null : owner[1],
        auth);
  }

  private int @Nullable [] owner(SectionReader r) {
    String chown = r.expanded("chown", null, Map.of());
    if (chown == null) {
      return null;
    }
    try {
      return host.userGroup(chown);
    } catch (InvalidValueException e) {
      r.error("chown", "Invalid sockchown value " + chown);
      return null;
    }
  }

  /** Both or neither of username and password; an empty username means no authentication. */
  private static @Nullable HttpAuth auth(SectionReader r) {
    String username = r.expanded("username", null, Map.of());
    String password = r.expanded("password", null, Map.of());
    if ((username == null) != (password == null)) {
      r.error(
          null,
          "Section ["
              + r.section()
              + "] contains incomplete authentication: If a username or a password is"
              + " specified, both the username and password must be specified");
      return null;
    }
    return username == null || username.isEmpty() ? null : new HttpAuth(username, password);
  }
}
