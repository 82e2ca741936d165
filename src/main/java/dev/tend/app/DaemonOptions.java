package dev.tend.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * supervisord's command line (spec §5.1): {@code -c}, the {@code [supervisord]} overrides, help and
 * version; plus tend's {@code --check}. Overrides are handed to the config loader by option name.
 *
 * @param overrides {@code [supervisord]} option name to the value given on the command line
 * @param spelling {@code [supervisord]} option name to the option as typed ({@code -e})
 * @param daemonizedChild internal: this JVM is the detached copy started by a daemonizing parent
 */
record DaemonOptions(
    @Nullable String configFile,
    Map<String, String> overrides,
    Map<String, String> spelling,
    boolean help,
    boolean version,
    boolean check,
    boolean daemonizedChild) {

  static final String DAEMONIZED_FLAG = "--tend-daemonized";

  private static final String SHORT = "c:h?vnu:m:d:l:y:z:e:j:i:q:a:kts";
  private static final List<String> LONG =
      List.of(
          "configuration=",
          "help",
          "version",
          "nodaemon",
          "user=",
          "umask=",
          "directory=",
          "logfile=",
          "logfile_maxbytes=",
          "logfile_backups=",
          "loglevel=",
          "pidfile=",
          "identifier=",
          "childlogdir=",
          "minfds=",
          "minprocs=",
          "nocleanup",
          "strip_ansi",
          "profile_options=",
          "silent",
          "check",
          DAEMONIZED_FLAG.substring(2));

  /** Short letter to [supervisord] option name, for those that set one. */
  private static final Map<String, String> SHORT_NAMES =
      Map.ofEntries(
          Map.entry("-n", "nodaemon"),
          Map.entry("-u", "user"),
          Map.entry("-m", "umask"),
          Map.entry("-d", "directory"),
          Map.entry("-l", "logfile"),
          Map.entry("-y", "logfile_maxbytes"),
          Map.entry("-z", "logfile_backups"),
          Map.entry("-e", "loglevel"),
          Map.entry("-j", "pidfile"),
          Map.entry("-i", "identifier"),
          Map.entry("-q", "childlogdir"),
          Map.entry("-a", "minfds"),
          Map.entry("-k", "nocleanup"),
          Map.entry("-t", "strip_ansi"),
          Map.entry("-s", "silent"));

  private static final java.util.Set<String> FLAGS =
      java.util.Set.of("nodaemon", "nocleanup", "strip_ansi", "silent");

  static DaemonOptions parse(List<String> args) throws Getopt.GetoptException {
    Getopt.Result r = Getopt.parse(args, SHORT, LONG);
    if (!r.rest().isEmpty()) {
      throw new Getopt.GetoptException(
          "positional arguments are not supported: " + PythonList.of(r.rest()));
    }
    String config = null;
    Map<String, String> overrides = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    boolean help = false;
    boolean version = false;
    boolean check = false;
    boolean child = false;
    for (Getopt.Option o : r.options()) {
      switch (o.name()) {
        case "-c", "--configuration" -> config = o.value();
        case "-h", "-?", "--help" -> help = true;
        case "-v", "--version" -> version = true;
        case "--check" -> check = true;
        case DAEMONIZED_FLAG -> child = true;
        default -> {
          String name =
              o.name().startsWith("--") ? o.name().substring(2) : SHORT_NAMES.get(o.name());
          if (name == null) {
            throw new Getopt.GetoptException("option " + o.name() + " not recognized");
          }
          overrides.put(name, FLAGS.contains(name) ? "true" : o.value());
          spelling.put(name, o.name());
        }
      }
    }
    return new DaemonOptions(config, overrides, spelling, help, version, check, child);
  }

  /** supervisord's {@code invalid value for -e 'loud': ...} for the first bad override. */
  java.util.Optional<String> problem(dev.tend.config.CommandLineValues values) {
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      var problem = values.problem(e.getKey(), e.getValue());
      if (problem.isPresent()) {
        return java.util.Optional.of(
            "invalid value for "
                + spelling.get(e.getKey())
                + " "
                + PythonList.repr(e.getValue())
                + ": "
                + problem.get());
      }
    }
    return java.util.Optional.empty();
  }

  /** Python's repr of a list of strings, as supervisord prints positional arguments. */
  static final class PythonList {
    private PythonList() {}

    static String of(List<String> items) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        b.append(repr(items.get(i)));
      }
      return b.append(']').toString();
    }

    /** Python's repr of a string. */
    static String repr(String s) {
      char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
      return q + s.replace("\\", "\\\\").replace(String.valueOf(q), "\\" + q) + q;
    }
  }
}
