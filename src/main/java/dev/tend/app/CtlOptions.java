package dev.tend.app;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code tend ctl}'s command line, read as supervisorctl reads its own (Python getopt, options
 * taken in order): {@code -h}/{@code -?} wins where it stands, an option given twice is a conflict,
 * {@code -s} must look like a URL. Null fields were not given.
 *
 * <p>Beyond supervisorctl, for many servers: {@code -s} may be given many times, and may name a
 * server of the servers file instead of a URL ({@link #servers} keeps them as written; whether a
 * name is known is for the caller to say, which reports supervisorctl's "is not a URL" otherwise);
 * {@code -g NAME} a group of it; {@code --servers FILE}, {@code --serial}, {@code --stop-on-error}
 * (see {@link Many}). tend's long options match only when written in full, so that prefixes keep
 * supervisorctl's meaning.
 *
 * @param servers {@code -s} values in order: URLs, or names of the servers file
 * @param historyFile {@code -r}: unlike supervisorctl, where it is parsed and then ignored, tend
 *     keeps the shell's history there
 * @param many the options for many servers
 * @param args the action and its arguments
 */
record CtlOptions(
    boolean help,
    @Nullable String configFile,
    boolean interactive,
    List<String> servers,
    @Nullable String username,
    @Nullable String password,
    @Nullable String historyFile,
    Many many,
    List<String> args) {

  /** supervisorctl's options. */
  static final OptionTable SUPERVISORCTL =
      OptionTable.of(
          CommandOption.of(
              "c", "configuration", "FILENAME", "configuration file path (searches if not given)"),
          CommandOption.flag("h?", "help", "print usage message and exit"),
          CommandOption.flag(
              "i",
              "interactive",
              "ask before shutdown and reload, and for a login when the server wants one (as in"
                  + " supervisorctl, no shell follows an action)"),
          CommandOption.of(
              "s",
              "serverurl",
              "URL",
              "URL on which supervisord server is listening (default \"http://localhost:9001\")."
                  + " Beyond supervisorctl: may be given many times; may be"
                  + " ssh://[user@]host[:port]/socket, ssh://host (the server the config there"
                  + " names) or ssh://host?c=/path/to/config; or the NAME of a [server:NAME] of"
                  + " the servers file"),
          CommandOption.of(
              "u", "username", "USERNAME", "username to use for authentication with server"),
          CommandOption.of(
              "p", "password", "PASSWORD", "password to use for authentication with server"),
          CommandOption.of(
              "r",
              "history_file",
              "FILE",
              "keep the shell's history in FILE (supervisorctl ignores it and reads only"
                  + " [supervisorctl] history_file)"));

  /** tend's own options, for many servers; their long forms match only in full. */
  static final OptionTable TEND =
      OptionTable.of(
          CommandOption.of(
              "g", "group", "NAME", "the servers of [group:NAME] in the servers file; many times"),
          CommandOption.of(
              "",
              "servers",
              "FILE",
              "the servers file (default ~/.config/tend/servers.conf; see tend servers --help)"),
          CommandOption.flag(
              "", "serial", "one server after the other, in the order given (rolling restarts)"),
          CommandOption.flag(
              "",
              "stop-on-error",
              "with --serial: no server after one whose exit status is not 0"));

  /** Every option: help, completion and the tend-ctl(1) man page are made from it. */
  static final OptionTable TABLE = OptionTable.of(both(SUPERVISORCTL, TEND));

  private static CommandOption[] both(OptionTable a, OptionTable b) {
    List<CommandOption> all = new java.util.ArrayList<>(a.options());
    all.addAll(b.options());
    return all.toArray(new CommandOption[0]);
  }

  /**
   * The options for many servers.
   *
   * @param groups {@code -g}/{@code --group}: groups of the servers file, in order
   * @param serversFile {@code --servers}: the servers file instead of the default
   * @param serial {@code --serial}: one server after the other (rolling restarts), not all at once
   * @param stopOnError {@code --stop-on-error}: with {@code --serial}, none after one that failed
   */
  record Many(
      List<String> groups, @Nullable String serversFile, boolean serial, boolean stopOnError) {
    static final Many NONE = new Many(List.of(), null, false, false);
  }

  /** A usage error, worded as supervisorctl words it after {@code Error: }. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
      return java.util.Objects.requireNonNull(super.getMessage());
    }
  }

  /**
   * The {@code -s} URL when exactly one was given as a URL (what supervisorctl takes), else null.
   */
  @Nullable String serverurl() {
    return servers.size() == 1 && looksLikeUrl(servers.get(0)) ? servers.get(0) : null;
  }

  /** Parses with no servers file: every {@code -s} must be a URL, as in supervisorctl. */
  static CtlOptions parse(List<String> argv) throws UsageException {
    return parse(argv, NO_NAMES);
  }

  // a class, not a lambda: a lambda's bootstrap costs tend ctl start-up time
  private static final ServerNames NO_NAMES =
      new ServerNames() {
        @Override
        public boolean has(@Nullable String serversFile, String name) {
          return false;
        }
      };

  /**
   * @param isServerName whether a {@code -s} value that is not a URL names a server of the servers
   *     file; it gets the {@code --servers} file wherever that option stands
   */
  static CtlOptions parse(List<String> argv, ServerNames isServerName) throws UsageException {
    Getopt.Result parsed;
    try {
      parsed = Getopt.parse(argv, TABLE.shortSpec(), SUPERVISORCTL.longSpec(), TEND.longSpec());
    } catch (Getopt.GetoptException e) {
      throw new UsageException(e.getMessage());
    }
    String serversFile = null;
    for (Getopt.Option o : parsed.options()) {
      if (o.name().equals("--servers")) {
        serversFile = once(o, serversFile, o.value());
      }
    }
    String config = null;
    List<String> servers = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    String user = null;
    String pass = null;
    String history = null;
    boolean interactive = false;
    boolean serial = false;
    boolean stopOnError = false;
    for (Getopt.Option o : parsed.options()) {
      String v = o.value();
      switch (o.name()) {
        case "-h", "-?", "--help" -> {
          return new CtlOptions(
              true, null, false, List.of(), null, null, null, Many.NONE, List.of());
        }
        case "-c", "--configuration" -> config = once(o, config, v);
        case "-i", "--interactive" -> {
          once(o, interactive ? "" : null, "");
          interactive = true;
        }
        case "-s", "--serverurl" -> servers.add(server(o, v, serversFile, isServerName));
        case "-u", "--username" -> user = once(o, user, v);
        case "-p", "--password" -> pass = once(o, pass, v);
        case "-r", "--history_file" -> history = once(o, history, v);
        case "-g", "--group" -> groups.add(v);
        case "--servers" -> {}
        case "--serial" -> serial = true;
        case "--stop-on-error" -> stopOnError = true;
        default -> throw new IllegalStateException("getopt returned unknown option " + o.name());
      }
    }
    return new CtlOptions(
        false,
        config,
        interactive,
        List.copyOf(servers),
        user,
        pass,
        history,
        new Many(List.copyOf(groups), serversFile, serial, stopOnError),
        parsed.rest());
  }

  /** Says whether a name is a server of the servers file (null: the default one). */
  @FunctionalInterface
  interface ServerNames {
    boolean has(@Nullable String serversFile, String name) throws UsageException;
  }

  private static String server(
      Getopt.Option o, String value, @Nullable String serversFile, ServerNames names)
      throws UsageException {
    if (looksLikeUrl(value) || !names.has(serversFile, value)) {
      return url(o, value);
    }
    return value;
  }

  private static String once(Getopt.Option o, @Nullable String before, String value)
      throws UsageException {
    if (before != null) {
      throw new UsageException("conflicting command line option " + repr(o.name()));
    }
    return value;
  }

  /** supervisor's {@code datatypes.url}: a scheme, and a host or a path after it. */
  private static String url(Getopt.Option o, String value) throws UsageException {
    if (!looksLikeUrl(value)) {
      throw new UsageException(
          "invalid value for "
              + o.name()
              + " "
              + repr(value)
              + ": value "
              + repr(value)
              + " is not a URL");
    }
    return value;
  }

  static boolean looksLikeUrl(String value) {
    int colon = value.indexOf(':');
    boolean ok = colon > 0 && isScheme(value.substring(0, colon));
    if (ok) {
      String rest = value.substring(colon + 1);
      if (rest.startsWith("//")) {
        int hostEnd = indexOfAny(rest, "/?#", 2);
        ok = hostEnd > 2 || (hostEnd < rest.length() && rest.charAt(hostEnd) == '/');
      } else {
        ok = indexOfAny(rest, "?#", 0) > 0;
      }
    }
    return ok;
  }

  private static boolean isScheme(String s) {
    char first = s.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '-'
              || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The first index at or after {@code from} of any of {@code chars}, else the length. */
  private static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  /** Python's repr() of an option or value: single quotes unless the text holds one. */
  static String repr(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == q) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append(q).toString();
  }
}
