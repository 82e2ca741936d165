package dev.tend.platform;

/** Starts children. The native implementation uses posix_spawn; tests use a fake. */
public interface ProcessLauncher {

  /**
   * Starts a child as described; returns once it exists (its pid is known). The request's sinks and
   * exit listener are then called on the platform's I/O thread.
   */
  ChildProcess spawn(SpawnRequest request) throws SpawnException;

  /**
   * Watches a process a previous daemon started as if this launcher had spawned it (see {@link
   * AdoptRequest}); takes the request's handle and pipes. Launchers that cannot refuse.
   */
  default ChildProcess adopt(AdoptRequest request) throws SpawnException {
    request.process().close();
    request.pipes().close();
    throw new SpawnException(Errno.ENOSYS, "ENOSYS", "this launcher cannot adopt processes");
  }
}
