package dev.tend.app;

import dev.tend.config.SupervisorConfig;
import dev.tend.config.SupervisordConfig;
import dev.tend.core.MainLog;
import dev.tend.core.OrphanStop;
import dev.tend.core.Orphans;
import dev.tend.core.Predecessor;
import dev.tend.core.Roster;
import dev.tend.core.RosterEntry;
import dev.tend.core.RosterFile;
import dev.tend.platform.HeldChild;
import dev.tend.platform.ProcessStart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A daemon taking over from the one before it on the same config: what the previous daemon's roster
 * names is found and sorted ({@link Predecessor}), what no program takes over is stopped, and this
 * daemon's roster starts with what is left running. After a clean stop there is no roster and
 * nothing to do.
 */
final class Succession implements AutoCloseable {
  private static final MainLog log = MainLog.of(Succession.class);

  private final @Nullable RosterFile rosterFile;
  private final Orphans orphans;

  private Succession(@Nullable RosterFile rosterFile, Orphans orphans) {
    this.rosterFile = rosterFile;
    this.orphans = orphans;
  }

  /**
   * Takes over from the previous daemon; {@code held} are the pipes something kept for it (by
   * roster key). Blocks while the processes no program takes over are stopped.
   */
  static Succession begin(SupervisorConfig config, Map<String, HeldChild> held) {
    SupervisordConfig sd = config.supervisord();
    Path path = RosterFile.beside(sd.pidfile());
    String boot = ProcessStart.bootId();
    List<RosterEntry> recorded;
    try {
      recorded = RosterFile.previous(path, boot);
    } catch (IOException e) {
      log.error("cannot read the roster " + path + ": " + e.getMessage());
      recorded = List.of();
    }
    Predecessor.Takeover takeover =
        Predecessor.takeOver(recorded, held, config, sd.crashRecovery().orphans());
    RosterFile roster;
    try {
      roster = RosterFile.start(path, boot, takeover.alive());
    } catch (IOException e) {
      log.critical(
          "cannot write the roster "
              + path
              + ": "
              + e.getMessage()
              + "; after a crash, the next daemon will not find what this one runs");
      roster = null;
    }
    OrphanStop.stopAll(takeover.toStop(), roster == null ? Roster.NONE : roster);
    return new Succession(roster, takeover.orphans());
  }

  Roster roster() {
    return rosterFile == null ? Roster.NONE : rosterFile;
  }

  Orphans orphans() {
    return orphans;
  }

  /** At the daemon's exit: the roster goes when nothing is left running. */
  @Override
  public void close() {
    if (rosterFile != null) {
      rosterFile.close();
    }
  }
}
