package dev.tend.app;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code tend ctl}'s command line, read as supervisorctl reads its own (Python getopt, options
 * taken in order): {@code -h}/{@code -?} wins where it stands, an option given twice is a conflict,
 * {@code -s} must look like a URL. Null fields were not given.
 *
 * @param historyFile {@code -r}: unlike supervisorctl, where it is parsed and then ignored, tend
 *     keeps the shell's history there
 * @param args the action and its arguments
 */
record CtlOptions(
    boolean help,
    @Nullable String configFile,
    boolean interactive,
    @Nullable String serverurl,
    @Nullable String username,
    @Nullable String password,
    @Nullable String historyFile,
    List<String> args) {

  /** supervisorctl's options; help, completion and the tend-ctl(1) man page are made from it. */
  static final OptionTable TABLE =
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
              "URL on which supervisord server is listening (default \"http://localhost:9001\")."),
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

  static CtlOptions parse(List<String> argv) throws UsageException {
    Getopt.Result parsed;
    try {
      parsed = Getopt.parse(argv, TABLE.shortSpec(), TABLE.longSpec());
    } catch (Getopt.GetoptException e) {
      throw new UsageException(e.getMessage());
    }
    String config = null;
    String url = null;
    String user = null;
    String pass = null;
    String history = null;
    boolean interactive = false;
    for (Getopt.Option o : parsed.options()) {
      String v = o.value();
      switch (o.name()) {
        case "-h", "-?", "--help" -> {
          return new CtlOptions(true, null, false, null, null, null, null, List.of());
        }
        case "-c", "--configuration" -> config = once(o, config, v);
        case "-i", "--interactive" -> {
          once(o, interactive ? "" : null, "");
          interactive = true;
        }
        case "-s", "--serverurl" -> url = once(o, url, url(o, v));
        case "-u", "--username" -> user = once(o, user, v);
        case "-p", "--password" -> pass = once(o, pass, v);
        case "-r", "--history_file" -> history = once(o, history, v);
        default -> throw new IllegalStateException("getopt returned unknown option " + o.name());
      }
    }
    return new CtlOptions(false, config, interactive, url, user, pass, history, parsed.rest());
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
    if (!ok) {
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
