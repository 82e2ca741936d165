package dev.tend.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The sections and keys supervisord reads (plus tend's own), so that an unknown one, which
 * supervisord silently ignores, becomes a warning naming the closest known spelling.
 */
final class KnownKeys {
  private KnownKeys() {}

  private static final List<String> PROCESS =
      Stream.concat(
              Stream.of(
                  "command",
                  "process_name",
                  "numprocs",
                  "numprocs_start",
                  "priority",
                  "autostart",
                  "autorestart",
                  "startsecs",
                  "startretries",
                  "exitcodes",
                  "stopsignal",
                  "stopwaitsecs",
                  "stopasgroup",
                  "killasgroup",
                  "user",
                  "redirect_stderr",
                  "stdout_logfile",
                  "stdout_logfile_maxbytes",
                  "stdout_logfile_backups",
                  "stdout_capture_maxbytes",
                  "stdout_events_enabled",
                  "stdout_syslog",
                  "stderr_logfile",
                  "stderr_logfile_maxbytes",
                  "stderr_logfile_backups",
                  "stderr_capture_maxbytes",
                  "stderr_events_enabled",
                  "stderr_syslog",
                  "environment",
                  "directory",
                  "umask",
                  "serverurl",
                  // tend only; supervisord ignores them
                  "stdout_logfile_timestamps",
                  "stderr_logfile_timestamps"),
              TendKeysParser.KEYS.stream())
          .toList();

  /** Section type (the name, or its prefix up to and including the colon) to its keys. */
  private static final Map<String, List<String>> KEYS =
      Map.ofEntries(
          Map.entry(
              "supervisord",
              List.of(
                  "logfile",
                  "logfile_maxbytes",
                  "logfile_backups",
                  "loglevel",
                  "pidfile",
                  "umask",
                  "nodaemon",
                  "silent",
                  "minfds",
                  "minprocs",
                  "nocleanup",
                  "childlogdir",
                  "user",
                  "directory",
                  "strip_ansi",
                  "environment",
                  "identifier",
                  "profile_options")),
          Map.entry("unix_http_server", List.of("file", "chmod", "chown", "username", "password")),
          Map.entry("inet_http_server", List.of("port", "username", "password")),
          Map.entry(
              "supervisorctl",
              List.of("serverurl", "username", "password", "prompt", "history_file")),
          Map.entry("include", List.of("files")),
          Map.entry("group:", List.of("programs", "priority")),
          Map.entry("program:", PROCESS),
          Map.entry(
              "fcgi-program:",
              Stream.concat(
                      PROCESS.stream(),
                      Stream.of("socket", "socket_backlog", "socket_owner", "socket_mode"))
                  .toList()),
          Map.entry(
              "eventlistener:",
              Stream.concat(
                      PROCESS.stream(),
                      Stream.of("events", "buffer_size", "result_handler", TendEvents.KEY))
                  .toList()));

  /** Types whose keys are free-form (passed to a Python factory). */
  private static final Set<String> FREE_FORM = Set.of("rpcinterface:", "ctlplugin:");

  private static final List<String> TYPES =
      List.of(
          "supervisord",
          "unix_http_server",
          "inet_http_server",
          "supervisorctl",
          "include",
          "program:",
          "group:",
          "fcgi-program:",
          "eventlistener:",
          "rpcinterface:",
          "ctlplugin:");

  /** Warns about every unknown section type and every unknown key of a known one. */
  static void check(IniDocument doc, Diagnostics diagnostics) {
    for (String section : doc.sectionNames()) {
      IniDocument.Section s = doc.existingSection(section);
      String type = typeOf(section);
      if (type == null) {
        diagnostics.warning(unknownSection(section), s.file, s.line, section, null, null);
        continue;
      }
      List<String> keys = KEYS.get(type);
      if (keys == null || FREE_FORM.contains(type)) {
        continue;
      }
      for (IniDocument.Entry e : s.entries().values()) {
        if (!keys.contains(e.key())) {
          String near = closest(e.key(), keys);
          diagnostics.warning(
              "unknown key '"
                  + e.key()
                  + "' in ["
                  + section
                  + "]"
                  + (near == null ? "" : " (did you mean '" + near + "'?)"),
              e.file(),
              e.line(),
              section,
              e.key(),
              e.value());
        }
      }
    }
  }

  /** The type supervisord gives the section, or null when it ignores it. */
  static @Nullable String typeOf(String section) {
    for (String t : TYPES) {
      boolean prefix = t.endsWith(":") || t.endsWith("_server");
      if (prefix ? section.startsWith(t) : section.equals(t)) {
        return t;
      }
    }
    return null;
  }

  private static String unknownSection(String section) {
    int colon = section.indexOf(':');
    String head = colon < 0 ? section : section.substring(0, colon + 1);
    String tail = colon < 0 ? "" : section.substring(colon + 1);
    String near = closest(head, TYPES);
    if (near == null && colon < 0) {
      near = closest(head + ":", TYPES);
    }
    String suggestion = null;
    if (near != null) {
      suggestion = near.endsWith(":") ? near + (tail.isEmpty() ? "NAME" : tail) : near;
    }
    return "unknown section ["
        + section
        + "]"
        + (suggestion == null ? "" : " (did you mean [" + suggestion + "]?)");
  }

  /** The known word within a small edit distance (transpositions count one), or null. */
  static @Nullable String closest(String word, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    for (String k : known) {
      int d = distance(word.toLowerCase(java.util.Locale.ROOT), k);
      if (d <= limit && d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
