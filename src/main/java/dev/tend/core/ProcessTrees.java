package dev.tend.core;

import dev.tend.platform.Signal;

/**
 * Descendants of a stopped program, so a stop with stopasgroup/killasgroup leaves nothing of its
 * tree alive — not even processes that left its process group (supervisord issue #1101).
 */
@FunctionalInterface
public interface ProcessTrees {

  /** The process and its descendants as they are now (taken when a stop begins). */
  Tree snapshot(int pid);

  /** A snapshot; its members may die or have children of their own since. */
  @FunctionalInterface
  interface Tree {
    /** Signals every member still alive and their new children; returns how many it signalled. */
    int signalRemaining(Signal signal);
  }

  /** For tests and platforms without /proc: no tree tracking. */
  ProcessTrees NONE = pid -> signal -> 0;
}
