package dev.tend.core;

import dev.tend.config.ProcessConfig;

/**
 * Where the daemon records what it runs, so that the next daemon, after this one died, finds the
 * processes it left running (see {@link Predecessor}). Called on the loop thread (running) and on
 * the platform's I/O thread (gone); implementations never throw: a roster that cannot be written
 * costs only what a crash would then leave unknown.
 */
public interface Roster {

  /** A process of {@code config} in {@code group} runs with this pid (spawned, or adopted). */
  void running(String group, ProcessConfig config, int pid, long startTime);

  /** The process with this pid was reaped. */
  void gone(int pid);

  /** Records nothing. */
  Roster NONE =
      new Roster() {
        @Override
        public void running(String group, ProcessConfig config, int pid, long startTime) {}

        @Override
        public void gone(int pid) {}
      };
}
