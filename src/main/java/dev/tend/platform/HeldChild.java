package dev.tend.platform;

/**
 * A child's pidfd and pipe ends as something outside the daemon held them (a keeper, systemd's fd
 * store), handed back to the next daemon, who owns them. The pidfd is -1 when none was held.
 */
public record HeldChild(int pidfd, HeldPipes pipes) {

  /** Closes everything (when nobody takes it). */
  public void close() {
    Pipe.closeQuietly(pidfd);
    pipes.close();
  }

  /** The fds in the order they travel, with a mask saying which are there ({@code 1101}). */
  static String mask(int pidfd, HeldPipes p) {
    return bit(pidfd) + bit(p.stdout()) + bit(p.stderr()) + bit(p.stdin());
  }

  static int[] present(int pidfd, HeldPipes p) {
    // a plain loop: this runs at every spawn, and a stream pipeline cost more than the send
    int[] all = {pidfd, p.stdout(), p.stderr(), p.stdin()};
    int n = 0;
    for (int fd : all) {
      if (fd >= 0) {
        all[n++] = fd;
      }
    }
    return java.util.Arrays.copyOf(all, n);
  }

  /** The inverse of {@link #mask} and {@link #present}; null when they do not fit. */
  static @org.jspecify.annotations.Nullable HeldChild of(String mask, int[] fds) {
    if (mask.length() != 4 || mask.chars().filter(c -> c == '1').count() != fds.length) {
      return null;
    }
    int[] slot = {-1, -1, -1, -1};
    int next = 0;
    for (int i = 0; i < 4; i++) {
      if (mask.charAt(i) == '1') {
        slot[i] = fds[next++];
      }
    }
    return new HeldChild(slot[0], new HeldPipes(slot[1], slot[2], slot[3]));
  }

  private static String bit(int fd) {
    return fd >= 0 ? "1" : "0";
  }
}
