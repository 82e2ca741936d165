package dev.tend.platform;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The keeper process's work ({@code tend keeper}): holds copies of the daemon's children's pidfds
 * and pipe ends, so that when the daemon dies no child loses its pipe reader (it would die of
 * SIGPIPE at its next write; with the keeper it blocks once the pipe is full, until the next daemon
 * reads again), and hands them to the next daemon. It reads nothing and writes nothing to the
 * pipes. One daemon at a time, of its own user (SO_PEERCRED), talks to it:
 *
 * <pre>
 * HOLD key mask  + fds   keep these (mask: which of pidfd, stdout, stderr, stdin come)
 * DROP key               the child is gone and drained: close them
 * LIST                   answered by HELD key mask + fds, one per child, then END count
 * QUIT                   close everything and exit (the daemon stops cleanly)
 * </pre>
 *
 * It ends on QUIT, when its daemon goes while it holds nothing, or when, with no daemon there,
 * every child it holds has ended and left nothing unread in its pipes: then nothing is left to keep
 * for a daemon that may never come back.
 */
public final class Keeper {
  private final UnixSocket server;
  private final int uid = LibC.geteuid();
  // Held fds by key; only the serving thread.
  private final Map<String, Holding> held = new HashMap<>();

  private static final long FIONREAD = 0x541B;

  private record Holding(String mask, int[] fds) {
    void close() {
      for (int fd : fds) {
        LibC.close(fd);
      }
    }

    /** The pidfd, or -1. */
    int pidfd() {
      return mask.charAt(0) == '1' ? fds[0] : -1;
    }

    /** Whether its child has ended and its output pipes hold nothing more to read. */
    boolean spent() {
      int pidfd = pidfd();
      if (pidfd < 0 || !PidHandle.Pollable.ready(pidfd, 0)) {
        return false;
      }
      int i = 0;
      for (int slot = 0; slot < 4; slot++) {
        if (mask.charAt(slot) == '1') {
          boolean output = slot == 1 || slot == 2;
          if (output && unread(fds[i]) != 0) {
            return false;
          }
          i++;
        }
      }
      return true;
    }
  }

  /** Bytes waiting in a pipe, or -1 when it cannot tell. */
  static int unread(int fd) {
    try (com.sun.jna.Memory n = new com.sun.jna.Memory(4)) {
      n.setInt(0, 0);
      return LibCVarargs.C.ioctl(fd, FIONREAD, n) == 0 ? n.getInt(0) : -1;
    }
  }

  private Keeper(UnixSocket server) {
    this.server = server;
  }

  /** Serves on an inherited listening socket; returns why it ended. */
  public static String serveInherited(int listeningFd) throws IOException {
    return new Keeper(UnixSocket.adopt(listeningFd)).serve();
  }

  private String serve() throws IOException {
    try (server) {
      while (true) {
        if (!awaitDaemon()) {
          return "every child it held ended and left nothing to read";
        }
        try (UnixSocket daemon = server.accept()) {
          UnixSocket.Peer peer = daemon.peer();
          if (peer.uid() != uid && peer.uid() != 0) {
            continue; // not our daemon's user: nothing to say to it
          }
          if (session(daemon)) {
            return "told to quit";
          }
        }
        if (held.isEmpty()) {
          return "its daemon went while it held nothing";
        }
      }
    } finally {
      held.values().forEach(Holding::close);
      held.clear();
    }
  }

  /**
   * Waits for a daemon to connect while watching the children held: false when none is left alive
   * and nothing is left unread (nothing to keep), true when a daemon is there.
   */
  private boolean awaitDaemon() throws IOException {
    int listening = server.fdForPoll();
    while (true) {
      java.util.List<Integer> alive = new java.util.ArrayList<>();
      boolean spent = true;
      for (Holding h : held.values()) {
        if (!h.spent()) {
          spent = false;
          if (h.pidfd() >= 0 && !PidHandle.Pollable.ready(h.pidfd(), 0)) {
            alive.add(h.pidfd());
          }
        }
      }
      if (spent && !held.isEmpty()) {
        return false;
      }
      if (PidHandle.Pollable.anyReady(listening, alive)) {
        return true;
      }
    }
  }

  /** One daemon's connection, until it ends; true on QUIT. */
  private boolean session(UnixSocket daemon) throws IOException {
    while (true) {
      FdMessage m = daemon.receive(-1);
      if (m == null) {
        return false;
      }
      String[] words = m.text().split(" ");
      switch (words[0]) {
        case "HOLD" -> hold(words, m.fds());
        case "DROP" -> drop(words);
        case "LIST" -> list(daemon);
        case "QUIT" -> {
          return true;
        }
        default -> closeAll(m.fds());
      }
    }
  }

  private void hold(String[] words, int[] fds) {
    if (words.length != 3 || HeldChild.of(words[2], fds) == null) {
      closeAll(fds);
      return;
    }
    @Nullable Holding before = held.put(words[1], new Holding(words[2], fds));
    if (before != null) {
      before.close();
    }
  }

  private void drop(String[] words) {
    @Nullable Holding h = words.length == 2 ? held.remove(words[1]) : null;
    if (h != null) {
      h.close();
    }
  }

  private void list(UnixSocket daemon) {
    for (Map.Entry<String, Holding> e : held.entrySet()) {
      daemon.sendBlocking("HELD " + e.getKey() + " " + e.getValue().mask(), e.getValue().fds());
    }
    daemon.sendBlocking("END " + held.size());
  }

  private static void closeAll(int[] fds) {
    for (int fd : fds) {
      LibC.close(fd);
    }
  }
}
