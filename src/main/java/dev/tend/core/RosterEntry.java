package dev.tend.core;

import dev.tend.platform.Signal;
import java.util.Optional;

/**
 * One process a daemon runs, as its roster records it: enough to find the process again after the
 * daemon died (its pid and start time), to know which program it is and whether that program
 * changed since (its identity), and to stop it as it was meant to be stopped when its program is
 * gone from the config.
 *
 * @param startTime ticks since boot ({@link dev.tend.platform.ProcessStart#of})
 * @param identity {@link ProgramIdentity} of its program when it was started
 */
public record RosterEntry(
    int pid,
    long startTime,
    String group,
    String name,
    String identity,
    Signal stopsignal,
    int stopwaitsecs,
    boolean stopasgroup,
    boolean killasgroup) {

  /** {@code pid.startTime}: names the process for good, also in a keeper or fd store. */
  public String key() {
    return key(pid, startTime);
  }

  public static String key(int pid, long startTime) {
    return pid + "." + startTime;
  }

  /** {@code group:name}, or {@code name} when they are the same. */
  public String namespec() {
    return dev.tend.api.ProcessInfo.namespec(group, name);
  }

  /** The line of the roster file (after its {@code +}); fields never hold blanks. */
  String line() {
    return String.join(
        " ",
        Integer.toString(pid),
        Long.toString(startTime),
        escape(group),
        escape(name),
        identity,
        stopsignal.name(),
        Integer.toString(stopwaitsecs),
        stopasgroup ? "1" : "0",
        killasgroup ? "1" : "0");
  }

  /** Parses {@link #line()}; empty when it is not one (a torn or foreign line). */
  static Optional<RosterEntry> parse(String line) {
    String[] f = line.split(" ");
    if (f.length != 9) {
      return Optional.empty();
    }
    try {
      Optional<Signal> signal = Signal.byName(f[5]);
      if (signal.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new RosterEntry(
              Integer.parseInt(f[0]),
              Long.parseLong(f[1]),
              unescape(f[2]),
              unescape(f[3]),
              f[4],
              signal.get(),
              Integer.parseInt(f[6]),
              f[7].equals("1"),
              f[8].equals("1")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Percent-escapes blanks, line ends and the percent sign. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        b.append('%').append(String.format(java.util.Locale.ROOT, "%02X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
