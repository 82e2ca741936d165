package dev.tend.core;

import dev.tend.platform.ExitStatus;
import dev.tend.platform.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Stops, before anything starts, the previous daemon's processes that no program takes over (their
 * program left the config, or is an event listener or fcgi program): each gets the stop signal it
 * was started with (to its group when it was started with stopasgroup), and SIGKILL (to its group
 * with killasgroup) when it outlives its stopwaitsecs. What they write meanwhile has no log to go
 * to: their pipes stay open, unread, until they are gone. Blocks the caller (the daemon's start).
 */
public final class OrphanStop {
  private static final MainLog log = MainLog.of(OrphanStop.class);
  // After SIGKILL: how long to wait for the kernel to end a process (it cannot refuse).
  private static final long KILL_WAIT_MILLIS = 10_000;
  // After the exit: how long its parent (systemd, init) may take to reap it, for its status.
  private static final long REAP_WAIT_MILLIS = 500;

  private OrphanStop() {}

  /** Stops every one of {@code orphans}, telling {@code roster} of each that is gone. */
  public static void stopAll(List<Orphan> orphans, Roster roster) {
    stopAll(orphans, roster, () -> System.nanoTime() / 1_000_000);
  }

  static void stopAll(List<Orphan> orphans, Roster roster, LongSupplier nowMillis) {
    List<Orphan> left = new ArrayList<>();
    long start = nowMillis.getAsLong();
    long deadline = start;
    for (Orphan o : orphans) {
      RosterEntry e = o.entry();
      int errno = o.process().signal(e.stopsignal(), e.stopasgroup());
      if (errno == 0) {
        left.add(o);
      } else {
        ended(o, roster);
      }
      deadline = Math.max(deadline, start + e.stopwaitsecs() * 1000L);
    }
    left = awaitAll(left, roster, deadline, nowMillis);
    for (Orphan o : left) {
      log.warn("killing '" + o.entry().namespec() + "' (" + o.entry().pid() + ") with SIGKILL");
      o.process().signal(Signal.KILL, o.entry().killasgroup());
    }
    left = awaitAll(left, roster, nowMillis.getAsLong() + KILL_WAIT_MILLIS, nowMillis);
    for (Orphan o : left) {
      log.error("'" + o.entry().namespec() + "' (" + o.entry().pid() + ") did not die of SIGKILL");
      o.discard();
    }
  }

  private static List<Orphan> awaitAll(
      List<Orphan> orphans, Roster roster, long deadline, LongSupplier nowMillis) {
    List<Orphan> left = new ArrayList<>();
    for (Orphan o : orphans) {
      long wait = Math.max(0, deadline - nowMillis.getAsLong());
      if (o.process().awaitExit(wait)) {
        ended(o, roster);
      } else {
        left.add(o);
      }
    }
    return left;
  }

  private static void ended(Orphan o, Roster roster) {
    ExitStatus how = reapedStatus(o);
    log.info(
        "stopped: '"
            + o.entry().namespec()
            + "' (pid "
            + o.entry().pid()
            + ", left by the previous daemon) ("
            + how.describe()
            + ")");
    roster.gone(o.entry().pid());
    o.discard();
  }

  /** Its status, if its parent reaps it within a moment (and the kernel keeps it). */
  private static ExitStatus reapedStatus(Orphan o) {
    return o.process().awaitExitStatus(REAP_WAIT_MILLIS).orElse(ExitStatus.UNKNOWN);
  }
}
