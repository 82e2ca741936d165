package dev.tend.cli;

import java.util.Locale;

/** {@code open URL}: talks to another server from now on, and shows its status. */
final class OpenVerb implements Verb {
  @Override
  public String help() {
    return """
        open <url>\tConnect to a remote supervisord process.
        \t\t(for UNIX domain socket, use unix:///socket/path)
        """;
  }

  @Override
  public Completes completes() {
    return Completes.NOTHING;
  }

  @Override
  public void run(CtlSession s, String arg) {
    String scheme = scheme(arg);
    if (!scheme.equals("unix") && !scheme.equals("http")) {
      s.println("ERROR: url must be http:// or unix://");
      s.exit(Lsb.GENERIC);
      return;
    }
    s.switchServer(arg);
    int before = s.exitStatus();
    new StatusVerb().run(s, "");
    s.exit(before);
  }

  /** The scheme as Python's {@code urlparse} finds it (lower-cased), or "". */
  static String scheme(String url) {
    int colon = url.indexOf(':');
    if (colon <= 0 || !Character.isLetter(url.charAt(0)) || url.charAt(0) > 'z') {
      return "";
    }
    for (int i = 1; i < colon; i++) {
      char c = url.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '-'
              || c == '.';
      if (!ok) {
        return "";
      }
    }
    return url.substring(0, colon).toLowerCase(Locale.ROOT);
  }
}
