package dev.tend.platform;

/** Starts children. The native implementation uses posix_spawn; tests use a fake. */
public interface ProcessLauncher {

  /**
   * Starts a child as described; returns once it exists (its pid is known). The request's sinks and
   * exit listener are then called on the platform's I/O thread.
   */
  ChildProcess spawn(SpawnRequest request) throws SpawnException;
}
