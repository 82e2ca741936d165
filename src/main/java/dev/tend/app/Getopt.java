package dev.tend.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code getopt.getopt} (not GNU's): clustered short options, {@code -cFILE} or {@code -c
 * FILE}, long options as {@code --name=value} or {@code --name value}, unique prefixes of long
 * names, and parsing stops at the first word that is not an option. Its error texts are the ones
 * supervisord and supervisorctl print after {@code Error: }.
 */
final class Getopt {
  /** One parsed option: as written ({@code -c}, {@code --configuration}) and its value or "". */
  record Option(String name, String value) {}

  /** The options, and the words after them. */
  record Result(List<Option> options, List<String> rest) {}

  /** A usage error, worded as Python's getopt.GetoptError. */
  static final class GetoptException extends Exception {
    private static final long serialVersionUID = 1L;

    GetoptException(String message) {
      super(message);
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
      return java.util.Objects.requireNonNull(super.getMessage());
    }
  }

  private Getopt() {}

  /**
   * @param shortopts like {@code "c:nh"}: a letter, then {@code :} when it takes a value
   * @param longopts like {@code "configuration="}: a name, then {@code =} when it takes a value
   */
  static Result parse(List<String> args, String shortopts, List<String> longopts)
      throws GetoptException {
    return parse(args, shortopts, longopts, List.of());
  }

  /**
   * As {@link #parse(List, String, List)}, with {@code exactLongopts} too: tend's own long options,
   * which match only when written in full, so that prefixes keep meaning what they mean to the tool
   * tend copies ({@code --ser} is supervisorctl's {@code --serverurl}, not tend's {@code
   * --servers}).
   */
  static Result parse(
      List<String> args, String shortopts, List<String> longopts, List<String> exactLongopts)
      throws GetoptException {
    List<Option> options = new ArrayList<>();
    int i = 0;
    while (i < args.size()) {
      String a = args.get(i);
      if (a.equals("--")) {
        i++;
        break;
      }
      if (!a.startsWith("-") || a.equals("-")) {
        break;
      }
      if (a.startsWith("--")) {
        i = parseLong(args, i, longopts, exactLongopts, options);
      } else {
        i = parseShort(args, i, shortopts, options);
      }
    }
    return new Result(options, List.copyOf(args.subList(i, args.size())));
  }

  private static int parseLong(
      List<String> args, int i, List<String> longopts, List<String> exact, List<Option> out)
      throws GetoptException {
    String body = args.get(i).substring(2);
    String value = null;
    int eq = body.indexOf('=');
    if (eq >= 0) {
      value = body.substring(eq + 1);
      body = body.substring(0, eq);
    }
    String match = null;
    boolean takesValue = false;
    List<String> candidates = new ArrayList<>();
    for (String spec : exact) {
      if (spec.equals(body) || spec.equals(body + "=")) {
        candidates.add(spec);
      }
    }
    for (String spec : candidates.isEmpty() ? longopts : List.<String>of()) {
      String name = spec.endsWith("=") ? spec.substring(0, spec.length() - 1) : spec;
      if (name.equals(body)) {
        candidates = List.of(spec);
        break;
      }
      if (name.startsWith(body)) {
        candidates.add(spec);
      }
    }
    if (candidates.isEmpty()) {
      throw new GetoptException("option --" + body + " not recognized");
    }
    if (candidates.size() > 1) {
      throw new GetoptException("option --" + body + " not a unique prefix");
    }
    String spec = candidates.get(0);
    takesValue = spec.endsWith("=");
    match = takesValue ? spec.substring(0, spec.length() - 1) : spec;
    int next = i + 1;
    if (takesValue) {
      if (value == null) {
        if (next >= args.size()) {
          throw new GetoptException("option --" + match + " requires argument");
        }
        value = args.get(next);
        next++;
      }
    } else if (value != null) {
      throw new GetoptException("option --" + match + " must not have an argument");
    }
    out.add(new Option("--" + match, value == null ? "" : value));
    return next;
  }

  private static int parseShort(List<String> args, int i, String shortopts, List<Option> out)
      throws GetoptException {
    String a = args.get(i);
    int next = i + 1;
    for (int k = 1; k < a.length(); k++) {
      char c = a.charAt(k);
      int at = shortopts.indexOf(c);
      if (at < 0 || c == ':') {
        throw new GetoptException("option -" + c + " not recognized");
      }
      boolean takesValue = at + 1 < shortopts.length() && shortopts.charAt(at + 1) == ':';
      if (!takesValue) {
        out.add(new Option("-" + c, ""));
        continue;
      }
      String value;
      if (k + 1 < a.length()) {
        value = a.substring(k + 1);
      } else if (next < args.size()) {
        value = args.get(next);
        next++;
      } else {
        throw new GetoptException("option -" + c + " requires argument");
      }
      out.add(new Option("-" + c, value));
      break;
    }
    return next;
  }
}
