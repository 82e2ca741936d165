package dev.tend.platform;

/**
 * Something outside the daemon that holds a copy of each child's pipe ends and pidfd while the
 * child runs, so that a daemon that dies leaves no child without a reader (a child writing to a
 * pipe nobody holds open for reading dies of SIGPIPE) and the next daemon can take them back:
 * systemd's file descriptor store, or a keeper process. The launcher calls it on the thread that
 * spawns (hold) and on its I/O thread (release); implementations must be quick and thread-safe, and
 * must never throw: a keeper that fails only costs the protection, never a spawn.
 */
public interface PipeKeeper {

  /**
   * Keeps copies of the child's pidfd and pipe ends (the caller keeps its own and still owns them).
   *
   * @param pid the child
   * @param startTime its start time ({@link ProcessStart#of}), which with the pid names it
   */
  void hold(int pid, long startTime, int pidfd, HeldPipes pipes);

  /** The child was reaped and its pipes drained: the copies can go. */
  void release(int pid, long startTime);

  /** Nothing is kept: a daemon that dies takes its children's pipe readers with it. */
  PipeKeeper NONE =
      new PipeKeeper() {
        @Override
        public void hold(int pid, long startTime, int pidfd, HeldPipes pipes) {}

        @Override
        public void release(int pid, long startTime) {}
      };
}
