package dev.tend.app;

import dev.tend.config.CrashRecovery.PipeKeeping;
import dev.tend.config.SupervisordConfig;
import dev.tend.core.MainLog;
import dev.tend.platform.HeldChild;
import dev.tend.platform.KeeperLink;
import dev.tend.platform.PipeKeeper;
import dev.tend.platform.SystemdNotifier;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who holds the children's pipes while no daemon runs ({@code pipe_keeper}): systemd's fd store
 * when the daemon runs under systemd with one, else a keeper process, or nothing. At the start it
 * also takes back what a previous daemon's store or keeper held, and afterwards drops from it what
 * no program took over. See docs/CRASH.md.
 */
final class PipeCustody implements AutoCloseable {
  private static final MainLog log = MainLog.of(PipeCustody.class);
  private static final Duration LIST_TIMEOUT = Duration.ofSeconds(5);

  private final PipeKeeper keeper;
  private final @Nullable KeeperLink link; // the keeper this daemon uses, if any
  private final @Nullable SystemdNotifier systemd;
  private final Map<String, HeldChild> handedBack;

  private PipeCustody(
      PipeKeeper keeper,
      @Nullable KeeperLink link,
      @Nullable SystemdNotifier systemd,
      Map<String, HeldChild> handedBack) {
    this.keeper = keeper;
    this.link = link;
    this.systemd = systemd;
    this.handedBack = handedBack;
  }

  /** Takes back what was held for a previous daemon, and chooses who holds from now on. */
  static PipeCustody arrange(SupervisordConfig sd, Map<String, String> environment) {
    SystemdNotifier systemd = notifier(environment);
    Map<String, HeldChild> back = new HashMap<>(SystemdNotifier.takeBack(environment));
    String name = KeeperLink.nameFor(sd.pidfile());
    KeeperLink previous = previousKeeper(name, back);
    PipeKeeping mode = sd.crashRecovery().pipeKeeper();
    boolean store =
        systemd != null
            && (mode == PipeKeeping.SYSTEMD
                || (mode == PipeKeeping.AUTO && systemd.capacity() > 0));
    if (store || mode != PipeKeeping.AUTO) {
      if (previous != null) {
        previous.quit(); // what it held is taken back; the keeper is not wanted any more
      }
      if (mode == PipeKeeping.SYSTEMD && systemd == null) {
        log.warn("pipe_keeper = systemd, but tend does not run under systemd: nothing keeps pipes");
      }
      log.info(
          store
              ? "systemd's fd store keeps the programs' pipes across a daemon crash"
              : "nothing keeps the programs' pipes across a daemon crash (pipe_keeper = "
                  + mode.name().toLowerCase(java.util.Locale.ROOT)
                  + ")");
      PipeKeeper keeper = store && systemd != null ? systemd : PipeKeeper.NONE;
      return new PipeCustody(keeper, null, systemd, back);
    }
    KeeperLink link = previous != null ? previous : startKeeper(name);
    return new PipeCustody(link == null ? PipeKeeper.NONE : link, link, systemd, back);
  }

  private static @Nullable SystemdNotifier notifier(Map<String, String> environment) {
    try {
      return SystemdNotifier.of(environment).orElse(null);
    } catch (IOException e) {
      log.warn("cannot reach systemd's notification socket: " + e.getMessage());
      return null;
    }
  }

  /** A keeper left by the previous daemon, after taking back what it holds; null when none. */
  private static @Nullable KeeperLink previousKeeper(String name, Map<String, HeldChild> back) {
    try {
      KeeperLink k = KeeperLink.reach(name).orElse(null);
      if (k != null) {
        Map<String, HeldChild> held = k.takeBack(LIST_TIMEOUT);
        log.info(
            "the previous daemon's keeper handed back the pipes of " + held.size() + " processes");
        back.putAll(held);
      }
      return k;
    } catch (IOException e) {
      log.warn("cannot take back what the previous daemon's keeper holds: " + e.getMessage());
      return null;
    }
  }

  private static @Nullable KeeperLink startKeeper(String name) {
    try {
      KeeperLink k = KeeperLink.start(name, KeeperCommand.command(name));
      log.info(
          "a keeper (pid " + k.keeperPid() + ") holds the programs' pipes across a daemon crash");
      return k;
    } catch (IOException e) {
      log.warn("cannot start a keeper: " + e.getMessage() + "; nothing keeps the programs' pipes");
      return null;
    }
  }

  PipeKeeper keeper() {
    return keeper;
  }

  /** The pipes held for the previous daemon's processes, by {@code pid.startTime}. */
  Map<String, HeldChild> handedBack() {
    return handedBack;
  }

  /** What was held for processes no program took over goes from the store or keeper. */
  void dropAllBut(Set<String> adopted) {
    for (String key : handedBack.keySet()) {
      if (!adopted.contains(key)) {
        String[] parts = key.split("\\.");
        int pid = Integer.parseInt(parts[0]);
        long start = Long.parseLong(parts[1]);
        if (link != null) {
          link.release(pid, start);
        }
        if (systemd != null) {
          systemd.release(pid, start);
        }
      }
    }
  }

  void ready() {
    if (systemd != null) {
      systemd.ready();
    }
  }

  /** The daemon stops cleanly: its keeper quits. */
  @Override
  public void close() {
    if (link != null) {
      link.quit();
    }
    if (systemd != null) {
      systemd.close();
    }
  }
}
