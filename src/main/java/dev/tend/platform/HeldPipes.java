package dev.tend.platform;

/**
 * A child's pipe ends as a previous daemon held them, handed back (by a keeper or systemd's fd
 * store): the read ends of its stdout and stderr pipes and the write end of its stdin pipe, each -1
 * when there is none. Whoever is given them owns them.
 */
public record HeldPipes(int stdout, int stderr, int stdin) {

  /** Nothing was held: the child's output pipes lost their reader with the daemon that died. */
  public static final HeldPipes NONE = new HeldPipes(-1, -1, -1);

  public boolean any() {
    return stdout >= 0 || stderr >= 0 || stdin >= 0;
  }

  /** Closes every end (when they are not wanted after all). */
  public void close() {
    Pipe.closeQuietly(stdout);
    Pipe.closeQuietly(stderr);
    Pipe.closeQuietly(stdin);
  }
}
