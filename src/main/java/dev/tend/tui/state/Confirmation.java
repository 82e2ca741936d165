package dev.tend.tui.state;

import java.util.Locale;

/**
 * How an action is confirmed, scaled with its reach: nothing for a start of one process, y/n for
 * one process (or a start of many), a typed word for a group, all, several tagged processes or
 * SIGKILL.
 */
public sealed interface Confirmation {

  record None() implements Confirmation {}

  /** Press y to go on, anything else to cancel. */
  record YesNo(String question) implements Confirmation {}

  /** Type {@code word} and Enter to go on (case does not matter). */
  record Typed(String question, String word) implements Confirmation {
    public boolean accepts(String typed) {
      return typed.strip().equalsIgnoreCase(word);
    }
  }

  /** The confirmation a request needs. */
  public static Confirmation required(ProcessRequest r) {
    boolean one = r.target() instanceof Target.One;
    boolean kill = "KILL".equals(r.signal());
    String question = capitalised(r.describe()) + "?";
    if (!r.verb().dangerous()) {
      return one ? new None() : new YesNo(question);
    }
    if (one && !kill) {
      return new YesNo(question);
    }
    String word = r.signal() != null ? r.signal().toLowerCase(Locale.ROOT) : r.verb().word();
    return new Typed(question, word);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
