package dev.tend.core;

import dev.tend.platform.ChildProcess;
import dev.tend.platform.ExitListener;
import dev.tend.platform.OutputSink;
import org.jspecify.annotations.Nullable;

/** How a process's child comes to be, given the sinks of its run: spawned, or adopted. */
@FunctionalInterface
interface ChildBirth {
  ChildProcess of(OutputSink stdout, @Nullable OutputSink stderr, ExitListener onExit)
      throws Spawner.Refused;
}
