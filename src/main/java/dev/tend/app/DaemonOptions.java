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

  /**
   * supervisord's options (the same letters, names and words as its {@code -h}), then tend's; the
   * long name of each {@code [supervisord]} override is the config option it overrides. Help and
   * the tend-daemon(8) man page are made from this table.
   */
  static final OptionTable TABLE =
      OptionTable.of(
          CommandOption.of("c", "configuration", "FILE", "configuration file"),
          CommandOption.flag(
              "n", "nodaemon", "run in the foreground (same as 'nodaemon=true' in config file)"),
          CommandOption.flag(
              "s", "silent", "no logs to stdout (maps to 'silent=true' in config file)"),
          CommandOption.flag("h?", "help", "print this usage message and exit"),
          CommandOption.flag("v", "version", "print supervisord version number and exit"),
          CommandOption.of("u", "user", "USER", "run supervisord as this user (or numeric uid)"),
          CommandOption.of(
              "m", "umask", "UMASK", "use this umask for daemon subprocess (default is 022)"),
          CommandOption.of("d", "directory", "DIRECTORY", "directory to chdir to when daemonized"),
          CommandOption.of("l", "logfile", "FILENAME", "use FILENAME as logfile path"),
          CommandOption.of(
              "y", "logfile_maxbytes", "BYTES", "use BYTES to limit the max size of logfile"),
          CommandOption.of(
              "z", "logfile_backups", "NUM", "number of backups to keep when max bytes reached"),
          CommandOption.of(
              "e", "loglevel", "LEVEL", "use LEVEL as log level (debug,info,warn,error,critical)"),
          CommandOption.of(
              "j", "pidfile", "FILENAME", "write a pid file for the daemon process to FILENAME"),
          CommandOption.of(
              "i", "identifier", "STR", "identifier used for this instance of supervisord"),
          CommandOption.of(
              "q", "childlogdir", "DIRECTORY", "the log directory for child process logs"),
          CommandOption.flag(
              "k",
              "nocleanup",
              "prevent the process from performing cleanup (removal of old automatic child log"
                  + " files) at startup."),
          CommandOption.of(
              "a", "minfds", "NUM", "the minimum number of file descriptors for start success"),
          CommandOption.flag("t", "strip_ansi", "strip ansi escape codes from process output"),
          CommandOption.of(
              "", "minprocs", "NUM", "the minimum number of processes available for start success"),
          CommandOption.of(
              "",
              "profile_options",
              "OPTIONS",
              "run supervisord under profiler and output results based on OPTIONS, which is a"
                  + " comma-sep'd list of 'cumulative', 'calls', and/or 'callers', e.g."
                  + " 'cumulative,callers')"),
          CommandOption.flag(
              "",
              "check",
              "load the config, print every process it defines and every warning, or every"
                  + " error; exit 0 or 2 (tend's own)"),
          CommandOption.flag("", DAEMONIZED_FLAG.substring(2), ""));

  static DaemonOptions parse(List<String> args) throws Getopt.GetoptException {
    Getopt.Result r = Getopt.parse(args, TABLE.shortSpec(), TABLE.longSpec());
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
          CommandOption option =
              TABLE
                  .find(o.name())
                  .orElseThrow(
                      () -> new Getopt.GetoptException("option " + o.name() + " not recognized"));
          overrides.put(option.name(), option.takesArgument() ? o.value() : "true");
          spelling.put(option.name(), o.name());
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
