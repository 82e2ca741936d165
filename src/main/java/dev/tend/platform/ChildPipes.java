package dev.tend.platform;

import org.jspecify.annotations.Nullable;

/** The pipes of one spawn: the child's ends go to 0/1/2, the parent keeps the others. */
final class ChildPipes {
  final @Nullable Pipe stdin; // null when the request gives its own stdin fd
  final Pipe stdout;
  final @Nullable Pipe stderr; // null when stderr joins stdout

  private ChildPipes(@Nullable Pipe stdin, Pipe stdout, @Nullable Pipe stderr) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static ChildPipes open(boolean withStdin, boolean withStderr) throws SpawnException {
    Pipe in = null;
    Pipe out = null;
    try {
      in = withStdin ? Pipe.open(1) : null;
      out = Pipe.open(0);
      Pipe err = withStderr ? Pipe.open(0) : null;
      return new ChildPipes(in, out, err);
    } catch (SpawnException e) {
      if (in != null) {
        in.close();
      }
      if (out != null) {
        out.close();
      }
      throw e;
    }
  }

  /** Adds the dup2s onto 0, 1 and 2 to the spawn. */
  PosixSpawn wire(PosixSpawn spawn, int stdinFd) {
    spawn.move(stdin != null ? stdin.readFd() : stdinFd, 0);
    spawn.move(stdout.writeFd(), 1);
    spawn.move(stderr != null ? stderr.writeFd() : stdout.writeFd(), 2);
    return spawn;
  }

  void closeChildEnds() {
    if (stdin != null) {
      Pipe.closeQuietly(stdin.readFd());
    }
    Pipe.closeQuietly(stdout.writeFd());
    if (stderr != null) {
      Pipe.closeQuietly(stderr.writeFd());
    }
  }

  void closeParentEnds() {
    if (stdin != null) {
      Pipe.closeQuietly(stdin.writeFd());
    }
    Pipe.closeQuietly(stdout.readFd());
    if (stderr != null) {
      Pipe.closeQuietly(stderr.readFd());
    }
  }
}
