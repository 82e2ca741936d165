package dev.tend.core;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.SupervisorState;
import dev.tend.config.ConfigException;
import dev.tend.config.GroupConfig;
import dev.tend.config.SupervisorConfig;
import java.util.function.Consumer;

/**
 * The supervisor's configs and its moods: the start, the ordered stop of shutdown and restart, and
 * the start again after a restart with the config read anew. Loop thread only, except the hooks
 * (set before the start, from any thread) and the loading of configs, which happens on the caller's
 * thread.
 */
final class Lifecycle {
  private static final MainLog log = MainLog.of(Lifecycle.class);

  private final SupervisorCore core;
  private final ChangeJournal journal;
  private final EventHub events;
  private final ConfigSource configSource;
  // The config the running groups came from, and the last one read (reread). Loop thread only.
  private SupervisorConfig active;
  private SupervisorConfig available;
  // Told when a shutdown has stopped every process. Set before start(), read on the loop.
  private volatile Runnable onShutdown = () -> {};
  // Told during a restart, after every group was removed and before the new ones are added.
  private volatile Consumer<SupervisorConfig> beforeRestart = c -> {};
  // Told after a restart re-read the config and started again. Set before start().
  private volatile Consumer<SupervisorConfig> onRestart = c -> {};

  Lifecycle(
      SupervisorConfig config,
      SupervisorCore core,
      ChangeJournal journal,
      EventHub events,
      ConfigSource configSource) {
    this.active = config;
    this.available = config;
    this.core = core;
    this.journal = journal;
    this.events = events;
    this.configSource = configSource;
  }

  SupervisorConfig active() {
    return active;
  }

  SupervisorConfig available() {
    return available;
  }

  /** After a reread: what {@code addProcessGroup} and a restart will use. */
  void setAvailable(SupervisorConfig next) {
    available = next;
  }

  void onShutdownComplete(Runnable action) {
    onShutdown = action;
  }

  void beforeRestartAdds(Consumer<SupervisorConfig> action) {
    beforeRestart = action;
  }

  void onRestarted(Consumer<SupervisorConfig> action) {
    onRestart = action;
  }

  /** FaultException SHUTDOWN_STATE unless the supervisor is running. */
  void checkMood() {
    if (core.mood().code() < SupervisorState.RUNNING.code()) {
      throw new FaultException(Fault.SHUTDOWN_STATE);
    }
  }

  /** Adds the groups, says the supervisor runs, then starts what autostarts. */
  void start() {
    for (GroupConfig g : active.groups()) {
      core.addGroup(g).forEach(journal::put);
    }
    events.supervisorRunning();
    for (GroupConfig g : active.groups()) {
      core.autostart(g.name());
    }
  }

  /** The config read again, or the fault CANT_REREAD. Any thread. */
  SupervisorConfig loadOrFault() {
    try {
      return configSource.load();
    } catch (ConfigException e) {
      throw new FaultException(Fault.CANT_REREAD, e.errors().get(0).message());
    }
  }

  /**
   * The config read again, or null (logged) when it no longer loads: then everything keeps running,
   * where supervisord would stop every program and exit. Any thread.
   */
  @org.jspecify.annotations.Nullable
  SupervisorConfig loadForSignal() {
    try {
      return configSource.load();
    } catch (ConfigException e) {
      log.error(
          "not restarting: the config no longer loads: "
              + e.errors().get(0).describe()
              + "; everything keeps running");
      return null;
    }
  }

  /** SIGHUP once the config loaded: a restart, unless already stopping. */
  void restartFromSignal(SupervisorConfig next) {
    if (core.mood() == SupervisorState.RUNNING) {
      available = next;
      beginStop(SupervisorState.RESTARTING);
    }
  }

  /** The restart call: with {@code next} once everything stopped. */
  void restart(SupervisorConfig next) {
    available = next;
    beginStop(SupervisorState.RESTARTING);
  }

  void beginStop(SupervisorState mood) {
    if (core.stopping()) {
      if (mood == SupervisorState.SHUTDOWN) {
        core.setMood(mood); // a shutdown during a restart wins
        journal.state(mood);
      }
      return;
    }
    journal.state(mood);
    events.supervisorStopping();
    core.stopEverything(mood, this::afterEverythingStopped);
  }

  private void afterEverythingStopped() {
    if (core.mood() == SupervisorState.SHUTDOWN) {
      onShutdown.run();
      return;
    }
    for (String gone : core.removeAllGroups()) {
      journal.remove(gone);
    }
    active = available;
    beforeRestart.accept(active);
    core.setMood(SupervisorState.RUNNING);
    journal.state(SupervisorState.RUNNING);
    start();
    onRestart.accept(active);
  }
}
