package dev.tend.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's end of its keeper ({@link Keeper}): gives it copies of each child's pidfd and pipe
 * ends as the child starts, tells it when they can go, takes back what a previous daemon's keeper
 * held, and tells it to quit when the daemon stops cleanly. A send that would block is dropped (a
 * stalled keeper must never stall the daemon): that child is then not protected, which is logged.
 */
public final class KeeperLink implements PipeKeeper {
  private static final Logger log = LoggerFactory.getLogger(KeeperLink.class);
  private static final int KEEPER_FD = 3;

  private final UnixSocket socket;
  private final int keeperPid; // its pid when this daemon started it, else 0
  private final AtomicInteger failures = new AtomicInteger(); // sends lost since the last success

  private KeeperLink(UnixSocket socket, int keeperPid) {
    this.socket = socket;
    this.keeperPid = keeperPid;
  }

  /** The name of the keeper of the daemon whose pidfile is {@code pidfile}: per user and path. */
  public static String nameFor(java.nio.file.Path pidfile) {
    String path = pidfile.toAbsolutePath().normalize().toString();
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "@tend-keeper-" + LibC.geteuid() + "-" + java.util.HexFormat.of().formatHex(d, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The keeper a previous daemon left, if one listens on {@code name} and runs as this user (or
   * root); empty otherwise.
   */
  public static Optional<KeeperLink> reach(String name) throws IOException {
    Optional<UnixSocket> s = UnixSocket.connect(name);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    UnixSocket.Peer peer = s.get().peer();
    if (peer.uid() != LibC.geteuid() && peer.uid() != 0) {
      s.get().close();
      throw new IOException(
          "the keeper socket " + name + " belongs to uid " + peer.uid() + ", not to this user");
    }
    return Optional.of(new KeeperLink(s.get(), 0));
  }

  /**
   * Starts a keeper: this process binds {@code name}, so a second keeper cannot take it, and the
   * keeper (in a session of its own, stdio on /dev/null) inherits the listening socket as fd 3.
   *
   * @param command the keeper's command line (argv[0] an absolute path)
   */
  public static KeeperLink start(String name, List<String> command) throws IOException {
    UnixSocket listening = UnixSocket.listen(name);
    int fd = listening.release();
    int pid;
    try {
      pid =
          new PosixSpawn(command.get(0), command, List.of("PATH=/usr/bin:/bin"))
              .newSession()
              .open(0, "/dev/null", LibC.O_RDONLY)
              .open(1, "/dev/null", LibC.O_WRONLY)
              .open(2, "/dev/null", LibC.O_WRONLY)
              .move(fd, KEEPER_FD)
              .start();
    } catch (SpawnException e) {
      throw new IOException("cannot start the keeper: " + e.getMessage(), e);
    } finally {
      LibC.close(fd);
    }
    Optional<UnixSocket> s = UnixSocket.connect(name);
    if (s.isEmpty()) {
      throw new IOException("the keeper (pid " + pid + ") does not listen on " + name);
    }
    return new KeeperLink(s.get(), pid);
  }

  /** The keeper's pid when this daemon started it; 0 when it was reached. */
  public int keeperPid() {
    return keeperPid;
  }

  /**
   * What the keeper holds (a previous daemon's children), by {@code pid.startTime}: copies that are
   * the caller's now; the keeper keeps its own until told to drop them.
   */
  public Map<String, HeldChild> takeBack(Duration timeout) throws IOException {
    Map<String, HeldChild> back = new HashMap<>();
    if (socket.sendBlocking("LIST") != 0) {
      throw new IOException("the keeper does not answer");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      FdMessage m = socket.receive(left);
      if (m == null) {
        back.values().forEach(HeldChild::close);
        throw new IOException("the keeper did not list what it holds within " + timeout);
      }
      String[] w = m.text().split(" ");
      if (w[0].equals("END")) {
        return back;
      }
      @Nullable HeldChild h = w.length == 3 ? HeldChild.of(w[2], m.fds()) : null;
      if (h == null) {
        for (int fd : m.fds()) {
          LibC.close(fd);
        }
      } else {
        back.put(w[1], h);
      }
    }
  }

  @Override
  public void hold(int pid, long startTime, int pidfd, HeldPipes pipes) {
    sent(
        socket.send(
            "HOLD " + pid + "." + startTime + " " + HeldChild.mask(pidfd, pipes),
            HeldChild.present(pidfd, pipes)),
        pid);
  }

  @Override
  public void release(int pid, long startTime) {
    sent(socket.send("DROP " + pid + "." + startTime), pid);
  }

  /** Tells the keeper to drop one entry by key (one nobody took back). */
  public void drop(String key) {
    socket.send("DROP " + key);
  }

  private void sent(int errno, int pid) {
    if (errno == 0) {
      if (failures.getAndSet(0) > 0) {
        log.info("the keeper takes messages again");
      }
    } else if (failures.getAndIncrement() == 0) {
      log.warn(
          "the keeper did not take a message about pid {} ({}); a daemon crash now may cost the"
              + " output, or the life, of the children started meanwhile",
          pid,
          Errno.name(errno));
    }
  }

  /** The daemon stops cleanly: the keeper closes what it holds and exits. */
  public void quit() {
    socket.sendBlocking("QUIT");
    socket.close();
    if (keeperPid > 0) {
      int pidfd = Pidfd.open(keeperPid);
      if (pidfd >= 0) {
        PidHandle.Pollable.ready(pidfd, 5_000);
        LibC.close(pidfd);
        LibC.waitpid(keeperPid, new int[1], LibC.WNOHANG);
      }
    }
  }

  /** Leaves the keeper be (holding what it holds), closing only this end. */
  public void detach() {
    socket.close();
  }
}
