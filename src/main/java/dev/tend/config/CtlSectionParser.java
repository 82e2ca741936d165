package dev.tend.config;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code [supervisorctl]} section as supervisorctl reads it (spec §1.8): {@code serverurl} and
 * {@code history_file} see {@code %(here)s}, every key sees {@code ENV_*}, a {@code unix://} path
 * is normalized. Absent keys take supervisorctl's defaults.
 */
final class CtlSectionParser {
  static final String SECTION = "supervisorctl";

  private CtlSectionParser() {}

  /** The section, or null when the document has none. */
  static @Nullable CtlConfig parse(
      IniDocument doc, SectionReader r, HostValueTypes host, String here) {
    if (!doc.hasSection(SECTION)) {
      return null;
    }
    Map<String, Object> hereOnly = Map.of("here", here);
    String serverurl = r.expanded("serverurl", CtlConfig.DEFAULT_SERVERURL, hereOnly);
    if (serverurl == null) {
      serverurl = CtlConfig.DEFAULT_SERVERURL;
    } else if (serverurl.startsWith("unix://")) {
      serverurl = "unix://" + host.normalize(serverurl.substring(7));
    }
    String prompt = r.expanded("prompt", "supervisor", Map.of());
    String username = r.expanded("username", null, Map.of());
    String password = r.expanded("password", null, Map.of());
    String history = r.expanded("history_file", null, hereOnly);
    return new CtlConfig(
        serverurl,
        username,
        password,
        prompt == null ? "supervisor" : prompt,
        history == null || history.isEmpty() ? null : host.normalize(history));
  }
}
