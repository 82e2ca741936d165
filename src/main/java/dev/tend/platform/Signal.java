package dev.tend.platform;

import java.util.Locale;
import java.util.Optional;

/** A POSIX signal: its Linux number and its name without {@code SIG}. */
public record Signal(int number, String name) {

  public static final Signal HUP = new Signal(1, "HUP");
  public static final Signal INT = new Signal(2, "INT");
  public static final Signal QUIT = new Signal(3, "QUIT");
  public static final Signal KILL = new Signal(9, "KILL");
  public static final Signal USR1 = new Signal(10, "USR1");
  public static final Signal USR2 = new Signal(12, "USR2");
  public static final Signal TERM = new Signal(15, "TERM");
  public static final Signal CHLD = new Signal(17, "CHLD");
  public static final Signal CONT = new Signal(18, "CONT");
  public static final Signal STOP = new Signal(19, "STOP");

  // Linux (x86_64, aarch64) numbering; index = number.
  private static final String[] NAMES = {
    null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
    "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
    "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"
  };

  /** {@code SIGTERM}: the form supervisord prints. */
  public String fullName() {
    return "SIG" + name;
  }

  /** By name, with or without {@code SIG}, any case; {@code IOT}, {@code POLL}, {@code CLD} too. */
  public static Optional<Signal> byName(String text) {
    String n = text.trim().toUpperCase(Locale.ROOT);
    if (n.startsWith("SIG")) {
      n = n.substring(3);
    }
    n =
        switch (n) {
          case "IOT" -> "ABRT";
          case "POLL" -> "IO";
          case "CLD" -> "CHLD";
          default -> n;
        };
    for (int i = 1; i < NAMES.length; i++) {
      if (NAMES[i].equals(n)) {
        return Optional.of(new Signal(i, NAMES[i]));
      }
    }
    return Optional.empty();
  }

  /** By number; real-time signals (34..64) are named {@code RTMIN+n}. */
  public static Optional<Signal> byNumber(int number) {
    if (number >= 1 && number < NAMES.length) {
      return Optional.of(new Signal(number, NAMES[number]));
    }
    if (number >= 34 && number <= 64) {
      return Optional.of(new Signal(number, "RTMIN+" + (number - 34)));
    }
    return Optional.empty();
  }

  /** The name or number supervisord's {@code signal} type accepts, as a signal. */
  public static Optional<Signal> parse(String text) {
    String t = text.trim();
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
      try {
        return byNumber(Integer.parseInt(t));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return byName(t);
  }

  /** Names of the classic signals (1..31), in number order, for menus and completion. */
  public static java.util.List<Signal> standard() {
    java.util.List<Signal> all = new java.util.ArrayList<>();
    for (int i = 1; i < NAMES.length; i++) {
      all.add(new Signal(i, NAMES[i]));
    }
    return all;
  }
}
