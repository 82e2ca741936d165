package dev.tend.platform;

import org.jspecify.annotations.Nullable;

/**
 * The fields of {@code /proc/PID/stat} tend uses. Times are in clock ticks (USER_HZ, 100 on Linux),
 * rss in pages.
 */
record ProcStat(
    int pid,
    char state,
    int ppid,
    int pgid,
    int sid,
    long utime,
    long stime,
    long cutime,
    long cstime,
    long startTime,
    long rssPages) {

  /** Parses a stat line; null if it is not one (the process vanished mid-read). */
  static @Nullable ProcStat parse(String line) {
    // The command name sits in parentheses and may itself hold spaces and parentheses.
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 1 || close < open || close + 2 >= line.length()) {
      return null;
    }
    String[] f = line.substring(close + 2).trim().split(" ");
    if (f.length < 22) {
      return null;
    }
    try {
      return new ProcStat(
          Integer.parseInt(line.substring(0, open).trim()),
          f[0].charAt(0),
          Integer.parseInt(f[1]),
          Integer.parseInt(f[2]),
          Integer.parseInt(f[3]),
          Long.parseLong(f[11]),
          Long.parseLong(f[12]),
          Long.parseLong(f[13]),
          Long.parseLong(f[14]),
          Long.parseLong(f[19]),
          Long.parseLong(f[21]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  boolean isZombie() {
    return state == 'Z' || state == 'X';
  }

  /** CPU ticks of this process plus its reaped children. */
  long cpuTicks() {
    return utime + stime + cutime + cstime;
  }
}
