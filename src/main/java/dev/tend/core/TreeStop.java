package dev.tend.core;

import dev.tend.config.ProcessConfig;
import dev.tend.platform.Signal;
import org.jspecify.annotations.Nullable;

/**
 * The descendants of a program stopped with stopasgroup or killasgroup, taken when the stop begins,
 * so nothing of its tree outlives it: not even processes that left its process group (supervisord
 * issue #1101). Loop thread only.
 */
final class TreeStop {
  private static final MainLog log = MainLog.of(TreeStop.class);

  private final ProcessTrees.Tree tree;
  private final ProcessConfig config;

  private TreeStop(ProcessTrees.Tree tree, ProcessConfig config) {
    this.tree = tree;
    this.config = config;
  }

  /** The tree of {@code pid} now, or null when the program's stops do not reach its group. */
  static @Nullable TreeStop begin(ProcessTrees trees, ProcessConfig config, int pid) {
    return config.stopasgroup() || config.killasgroup()
        ? new TreeStop(trees.snapshot(pid), config)
        : null;
  }

  /** stopwaitsecs passed with the program still alive: killasgroup kills the rest of the tree. */
  void stopwaitElapsed() {
    if (config.killasgroup()) {
      tree.signalRemaining(Signal.KILL);
    }
  }

  /**
   * The program was reaped: whatever is left of its tree (processes that escaped the process group,
   * or children still shutting down) gets the stop signal now and SIGKILL after stopwaitsecs.
   */
  void reaped(CoreLoop loop) {
    int left = tree.signalRemaining(config.stopsignal());
    if (left > 0) {
      log.info(
          "stopped: "
              + config.name()
              + " left "
              + left
              + " descendant(s) behind; sent them "
              + config.stopsignal().fullName());
      loop.schedule(config.stopwaitsecs() * 1000L, () -> tree.signalRemaining(Signal.KILL));
    }
  }
}
