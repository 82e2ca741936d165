package dev.tend.config;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code tend ctl} and the console read from a config file: the {@code [supervisorctl]}
 * section and where the daemon's HTTP servers listen.
 *
 * @param ctl null when the file has no {@code [supervisorctl]} section
 * @param unixHttpServers the {@code [unix_http_server]} sections; chown is left unresolved (null)
 * @param problems errors in the server sections, which supervisorctl does not read and so must not
 *     stop {@code tend ctl}
 */
public record CtlFileConfig(
    Path file,
    @Nullable CtlConfig ctl,
    List<UnixHttpServerConfig> unixHttpServers,
    List<InetHttpServerConfig> inetHttpServers,
    List<Diagnostic> problems) {

  public CtlFileConfig {
    unixHttpServers = List.copyOf(unixHttpServers);
    inetHttpServers = List.copyOf(inetHttpServers);
    problems = List.copyOf(problems);
  }

  /**
   * The server this config names, as tend's console and {@code ssh://host} look for it: {@code
   * [supervisorctl] serverurl} when set to something other than supervisorctl's default, else the
   * daemon's {@code [unix_http_server] file}, else its {@code [inet_http_server]} (a host left
   * empty is {@code localhost}), else the default {@code http://localhost:9001}.
   */
  public String serverUrl() {
    String url = ctl == null ? CtlConfig.DEFAULT_SERVERURL : ctl.serverurl();
    if (ctl != null && !url.equals(CtlConfig.DEFAULT_SERVERURL)) {
      return url;
    }
    for (UnixHttpServerConfig u : unixHttpServers) {
      return "unix://" + u.file();
    }
    for (InetHttpServerConfig i : inetHttpServers) {
      return "http://" + (i.host().isEmpty() ? "localhost" : i.host()) + ":" + i.port();
    }
    return url;
  }

  /** The {@code [supervisorctl]} section, or supervisorctl's error when the file lacks it. */
  public CtlConfig requireCtl() throws ConfigException {
    if (ctl == null) {
      throw new ConfigException(
          List.of(
              new Diagnostic(
                  Diagnostic.Severity.ERROR,
                  ".ini file does not include supervisorctl section",
                  file,
                  0,
                  null,
                  null,
                  null)));
    }
    return ctl;
  }
}
