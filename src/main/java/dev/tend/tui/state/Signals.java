package dev.tend.tui.state;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Linux signal names and numbers, for exit reasons, the signal menu and the command line. */
public final class Signals {
  private static final String[] NAMES = {
    "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
    "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
    "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"
  };

  /** The signal menu ({@code K}), most useful first. */
  public static final List<String> MENU =
      List.of("HUP", "INT", "TERM", "QUIT", "USR1", "USR2", "KILL", "CONT", "STOP", "WINCH");

  private Signals() {}

  /** {@code SIGTERM} for 15, {@code signal 64} for a number without a name. */
  public static String describe(int number) {
    return number > 0 && number < NAMES.length ? "SIG" + NAMES[number] : "signal " + number;
  }

  /**
   * The canonical name (no {@code SIG}) of a signal given as a name, with or without {@code SIG},
   * or a number, as supervisord accepts; empty when it is none.
   */
  public static Optional<String> canonical(String signal) {
    String s = signal.strip().toUpperCase(Locale.ROOT);
    if (s.startsWith("SIG")) {
      s = s.substring(3);
    }
    try {
      int n = Integer.parseInt(s);
      return n > 0 && n < NAMES.length ? Optional.of(NAMES[n]) : Optional.empty();
    } catch (NumberFormatException e) {
      for (int i = 1; i < NAMES.length; i++) {
        if (NAMES[i].equals(s)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /** Every signal name, for completion. */
  public static List<String> names() {
    return java.util.Arrays.stream(NAMES).skip(1).toList();
  }
}
