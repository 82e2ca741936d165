package dev.tend.platform;

/**
 * Told, on the I/O thread, that the orphan sweep reaped a process the launcher did not start (a
 * grandchild re-parented to the subreaper daemon), for supervisord's {@code reaped unknown pid N
 * (exit status X)} log line.
 */
@FunctionalInterface
public interface UnknownChildListener {
  void onUnknownChildReaped(int pid, ExitStatus status);
}
