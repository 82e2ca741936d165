package dev.tend.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whole-process accounting from {@code /proc}: CPU (ticks from {@code stat}, and nanoseconds summed
 * over the live threads' {@code schedstat}), memory and threads from {@code status}.
 */
final class ProcStats {
  /** USER_HZ: the unit of utime/stime in /proc/PID/stat on every Linux this runs on. */
  static final long NANOS_PER_TICK = 10_000_000L;

  private ProcStats() {}

  /** One reading of a live process; -1 in a field that could not be read. */
  record Sample(long cpuTicks, long schedNanos, long rssKiB, long hwmKiB, int threads) {
    /** CPU in nanoseconds: the precise thread sum when it is at least the tick count. */
    long cpuNanos() {
      return Math.max(cpuTicks * NANOS_PER_TICK, schedNanos);
    }
  }

  static Sample sample(long pid) {
    Path dir = Path.of("/proc", Long.toString(pid));
    long ticks = -1;
    long rss = -1;
    long hwm = -1;
    int threads = -1;
    try {
      ticks = cpuTicks(Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII), 13);
      for (String line : Files.readAllLines(dir.resolve("status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmRSS:")) {
          rss = kib(line);
        } else if (line.startsWith("VmHWM:")) {
          hwm = kib(line);
        } else if (line.startsWith("Threads:")) {
          threads = Integer.parseInt(line.substring(8).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone or unreadable: the fields stay -1
    }
    return new Sample(ticks, schedNanos(dir), rss, hwm, threads);
  }

  /**
   * The CPU ticks of children this process has reaped (cutime + cstime of /proc/self/stat): a
   * finished child's whole CPU, once the JVM has waited for it.
   */
  static long reapedChildrenTicks() {
    try {
      return cpuTicks(Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII), 15);
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Two adjacent fields of /proc/PID/stat, {@code field} counted from 0 (utime is 13, cutime 15).
   */
  private static long cpuTicks(String stat, int field) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // after ") " comes field 2 (state, counted from 0), so field N is at index N - 2
    int i = field - 2;
    return Long.parseLong(f[i]) + Long.parseLong(f[i + 1]);
  }

  private static long schedNanos(Path dir) {
    long sum = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(dir.resolve("task"))) {
      for (Path task : tasks) {
        try {
          String s = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII);
          sum += Long.parseLong(s.substring(0, s.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return sum;
  }

  private static long kib(String line) {
    String v = line.substring(line.indexOf(':') + 1).trim();
    return Long.parseLong(v.substring(0, v.indexOf(' ')));
  }
}
