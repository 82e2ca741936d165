package dev.tend.core;

import dev.tend.config.CrashRecovery.OrphanPolicy;
import dev.tend.config.GroupConfig;
import dev.tend.config.GroupKind;
import dev.tend.config.ProcessConfig;
import dev.tend.config.SupervisorConfig;
import dev.tend.platform.HeldChild;
import dev.tend.platform.HeldPipes;
import dev.tend.platform.PidHandle;
import dev.tend.platform.ProcessStart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a previous daemon on this config left running, found again at start-up and sorted: each
 * process its roster names is looked for (by pid and start time, so a pid since given to another
 * process is not mistaken for it), and is then adopted by its program as it is, replaced (stopped,
 * and its program started anew), or stopped before anything starts. The main log says which, and
 * why, for each; and which were not found.
 */
public final class Predecessor {
  private static final MainLog log = MainLog.of(Predecessor.class);

  private Predecessor() {}

  /** What becomes of one found process. */
  enum Fate {
    ADOPT,
    REPLACE,
    STOP
  }

  /** A fate and why (empty for an adoption). */
  record Verdict(Fate fate, String why) {}

  /**
   * The outcome.
   *
   * @param alive every process found (the new roster starts with them)
   * @param orphans those their programs take over (adopted or replaced)
   * @param toStop those to stop before anything starts
   */
  public record Takeover(List<RosterEntry> alive, Orphans orphans, List<Orphan> toStop) {}

  /** Finds what {@code recorded} names, with the {@code held} pipes (by key), and sorts it. */
  public static Takeover takeOver(
      List<RosterEntry> recorded,
      Map<String, HeldChild> held,
      SupervisorConfig config,
      OrphanPolicy policy) {
    Map<String, HeldChild> unclaimed = new HashMap<>(held);
    List<RosterEntry> alive = new ArrayList<>();
    List<Orphan> toTakeOver = new ArrayList<>();
    List<Orphan> toStop = new ArrayList<>();
    Set<String> namespecs = new HashSet<>();
    int notFound = 0;
    for (RosterEntry e : newestFirst(recorded)) {
      Orphan found = find(e, unclaimed.remove(e.key()));
      if (found == null) {
        log.info("not found: '" + e.namespec() + "' (pid " + e.pid() + ") is no longer running");
        notFound++;
        continue;
      }
      alive.add(e);
      Verdict v = namespecs.add(e.namespec()) ? decide(e, config, policy) : duplicate();
      log.info(describe(e, found, v));
      if (v.fate() == Fate.STOP) {
        toStop.add(found);
      } else {
        toTakeOver.add(v.fate() == Fate.REPLACE ? replacing(found) : found);
      }
    }
    unclaimed.values().forEach(HeldChild::close);
    if (!recorded.isEmpty()) {
      log.info(summary(toTakeOver, toStop.size(), notFound));
    }
    return new Takeover(alive, new Orphans(toTakeOver), toStop);
  }

  private static List<RosterEntry> newestFirst(List<RosterEntry> recorded) {
    List<RosterEntry> sorted = new ArrayList<>(recorded);
    sorted.sort((a, b) -> Long.compare(b.startTime(), a.startTime()));
    return sorted;
  }

  /** The process, alive or (with a held pidfd) ended while no daemon ran; null when gone. */
  private static @Nullable Orphan find(RosterEntry e, @Nullable HeldChild held) {
    PidHandle handle = null;
    HeldPipes pipes = HeldPipes.NONE;
    if (held != null) {
      pipes = held.pipes();
      int heldPid = held.pidfd() < 0 ? 0 : PidHandle.pidOf(held.pidfd());
      if (heldPid == e.pid() || heldPid == -1) {
        handle = PidHandle.ofFd(held.pidfd(), e.pid(), e.startTime());
      } else if (held.pidfd() >= 0) {
        PidHandle.ofFd(held.pidfd(), 0, -1).close(); // not that process: not to be trusted
      }
    }
    if (handle == null) {
      if (!ProcessStart.isRunning(e.pid(), e.startTime())) {
        pipes.close(); // gone, or a zombie nothing here may reap: it ended, nothing to take over
        return null;
      }
      Optional<PidHandle> opened = PidHandle.open(e.pid(), e.startTime());
      if (opened.isEmpty()) {
        pipes.close();
        return null;
      }
      handle = opened.get();
    }
    return new Orphan(e, handle, pipes, ProcessStart.wallMillis(e.startTime()), false);
  }

  private static Orphan replacing(Orphan o) {
    return new Orphan(o.entry(), o.process(), o.pipes(), o.startedWallMillis(), true);
  }

  /** Whether the process is adopted, replaced or stopped, and why; no I/O. */
  static Verdict decide(RosterEntry e, SupervisorConfig config, OrphanPolicy policy) {
    GroupConfig group = config.group(e.group()).orElse(null);
    ProcessConfig program = group == null ? null : processNamed(group, e.name());
    if (group == null || program == null) {
      return new Verdict(Fate.STOP, "its program is no longer in the config");
    }
    if (group.kind() == GroupKind.EVENT_LISTENER) {
      return new Verdict(Fate.STOP, "an event listener is never adopted");
    }
    if (group.kind() == GroupKind.FCGI_PROGRAM) {
      return new Verdict(
          Fate.STOP, "an fcgi program is never adopted (its socket is the daemon's)");
    }
    if (policy == OrphanPolicy.STOP) {
      return new Verdict(Fate.REPLACE, "the config says orphans = stop");
    }
    if (!ProgramIdentity.of(program).equals(e.identity())) {
      return new Verdict(Fate.REPLACE, "its program changed since it was started");
    }
    return new Verdict(Fate.ADOPT, "");
  }

  private static Verdict duplicate() {
    return new Verdict(Fate.STOP, "a newer process of the same program was found");
  }

  private static @Nullable ProcessConfig processNamed(GroupConfig group, String name) {
    for (ProcessConfig p : group.processes()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  private static String describe(RosterEntry e, Orphan found, Verdict v) {
    String what =
        "found: '"
            + e.namespec()
            + "' (pid "
            + e.pid()
            + ")"
            + (found.process().exited() ? ", ended while no daemon ran," : "")
            + " left by the previous daemon";
    return switch (v.fate()) {
      case ADOPT ->
          what + "; adopting it" + (found.pipes().any() ? "" : " (its output pipes were lost)");
      case REPLACE -> what + "; replacing it: " + v.why();
      case STOP -> what + "; stopping it: " + v.why();
    };
  }

  private static String summary(List<Orphan> takenOver, int stopped, int notFound) {
    long replaced = takenOver.stream().filter(Orphan::replace).count();
    return "the previous daemon's processes: "
        + (takenOver.size() - replaced)
        + " adopted, "
        + replaced
        + " replaced, "
        + stopped
        + " stopped, "
        + notFound
        + " not found";
  }
}
