package dev.tend.platform;

/**
 * A pipe(2) whose both ends are close-on-exec (the child gets its end through dup2, which clears
 * the flag on the copy) and never use fds 0-2, so a daemon started with closed stdio cannot have a
 * dup2 onto 0/1/2 clobber another pipe end.
 */
record Pipe(int readFd, int writeFd) {

  /** Opens a pipe; {@code nonBlockingEnd} is the parent's end: 0 = read end, 1 = write end. */
  static Pipe open(int nonBlockingEnd) throws SpawnException {
    int[] fds = new int[2];
    if (LibC.pipe2(fds, LibC.O_CLOEXEC) != 0) {
      int errno = LibC.errno();
      throw new SpawnException(
          errno, Errno.name(errno), "cannot make a pipe: " + LibC.describe(errno));
    }
    try {
      fds[0] = aboveStdio(fds[0]);
      fds[1] = aboveStdio(fds[1]);
      int parentEnd = fds[nonBlockingEnd];
      int flags = LibC.fcntl(parentEnd, LibC.F_GETFL, 0);
      if (flags < 0 || LibC.fcntl(parentEnd, LibC.F_SETFL, flags | LibC.O_NONBLOCK) < 0) {
        int errno = LibC.errno();
        throw new SpawnException(
            errno, Errno.name(errno), "fcntl O_NONBLOCK: " + Errno.name(errno));
      }
    } catch (SpawnException e) {
      LibC.close(fds[0]);
      LibC.close(fds[1]);
      throw e;
    }
    return new Pipe(fds[0], fds[1]);
  }

  private static int aboveStdio(int fd) throws SpawnException {
    if (fd > 2) {
      return fd;
    }
    int moved = LibC.fcntl(fd, LibC.F_DUPFD_CLOEXEC, 3);
    if (moved < 0) {
      int errno = LibC.errno(); // fd stays open: the caller closes it
      throw new SpawnException(errno, Errno.name(errno), "cannot move fd " + fd + " above 2");
    }
    LibC.close(fd);
    return moved;
  }

  void close() {
    closeQuietly(readFd);
    closeQuietly(writeFd);
  }

  static void closeQuietly(int fd) {
    if (fd >= 0) {
      LibC.close(fd);
    }
  }
}
