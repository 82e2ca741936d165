package dev.tend.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * When a process started, as the kernel counts it ({@code starttime}, field 22 of {@code
 * /proc/PID/stat}, in clock ticks since boot), and which boot this is. A pid names one process only
 * together with these two: after the process is gone its pid is given to another, which started
 * later (or in another boot).
 */
public final class ProcessStart {
  private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");
  private static final Path STAT = Path.of("/proc/stat");
  // USER_HZ: /proc reports times in these ticks; 100 on every Linux tend runs on.
  private static final long TICKS_PER_SECOND = 100;

  private ProcessStart() {}

  /** The start time of {@code pid} in ticks since boot, or -1 when there is no such process. */
  public static long of(int pid) {
    return ProcTable.readStat(ProcTable.PROC.resolve(Integer.toString(pid)))
        .map(ProcStat::startTime)
        .orElse(-1L);
  }

  /** Whether {@code pid} is that process, alive or a zombie not yet reaped. */
  public static boolean isSame(int pid, long startTime) {
    return startTime >= 0 && of(pid) == startTime;
  }

  /**
   * Whether {@code pid} is that process and has not ended: a zombie has ended, and when it is not
   * this process's child (a dead daemon's orphan, left unreaped by an init that does not reap
   * promptly) nothing here can learn how.
   */
  public static boolean isRunning(int pid, long startTime) {
    return startTime >= 0
        && ProcTable.readStat(ProcTable.PROC.resolve(Integer.toString(pid)))
            .map(s -> s.startTime() == startTime && !s.isZombie())
            .orElse(false);
  }

  /** This boot's random id; empty when the kernel does not say. */
  public static String bootId() {
    try {
      return Files.readString(BOOT_ID, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** The wall time (milliseconds since the epoch) a start time in ticks stands for. */
  public static long wallMillis(long startTicks) {
    return bootWallMillis() + startTicks * 1000 / TICKS_PER_SECOND;
  }

  /** When this boot began, wall time ({@code btime} of /proc/stat), or 0 when unknown. */
  private static long bootWallMillis() {
    try {
      for (String line : Files.readAllLines(STAT, StandardCharsets.US_ASCII)) {
        if (line.startsWith("btime ")) {
          return Long.parseLong(line.substring(6).trim()) * 1000;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through: unknown
    }
    return 0;
  }
}
