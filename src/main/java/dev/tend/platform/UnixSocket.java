package dev.tend.platform;

import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A unix socket that carries file descriptors (SCM_RIGHTS) with each message: a listening or
 * connected SOCK_SEQPACKET socket (message boundaries kept, the peer's end seen at once), or a
 * datagram socket to systemd's notification socket. Names starting with {@code @} are in the
 * abstract namespace. Each side can ask who the peer is (SO_PEERCRED), which is how a keeper and a
 * daemon make sure the other runs as the same user.
 *
 * <p>Sends never block ({@link #send} fails with EAGAIN instead: a stalled peer must not stall the
 * daemon) and never raise SIGPIPE. One thread at a time receives; sends are safe from any thread.
 */
public final class UnixSocket implements AutoCloseable {
  private static final int MAX_TEXT = 4096;

  /** The most fds one message carries. */
  public static final int MAX_FDS = 8;

  private final Object lock = new Object();
  private int fd; // -1 once closed; guarded by lock

  private UnixSocket(int fd) {
    this.fd = fd;
  }

  /** The peer's credentials. */
  public record Peer(int pid, int uid, int gid) {}

  /** A SOCK_SEQPACKET socket listening on {@code name}. */
  public static UnixSocket listen(String name) throws IOException {
    int s = open(LibSocket.SOCK_SEQPACKET);
    try (Memory addr = address(name)) {
      if (LibSocket.bind(s, addr, addressLength(name)) != 0 || LibSocket.listen(s, 8) != 0) {
        int errno = LibC.errno();
        LibC.close(s);
        throw new IOException("cannot listen on " + name + ": " + LibC.describe(errno));
      }
    }
    return new UnixSocket(s);
  }

  /** A SOCK_SEQPACKET socket connected to {@code name}; empty when nothing listens there. */
  public static Optional<UnixSocket> connect(String name) throws IOException {
    int s = open(LibSocket.SOCK_SEQPACKET);
    try (Memory addr = address(name)) {
      if (LibSocket.connect(s, addr, addressLength(name)) != 0) {
        int errno = LibC.errno();
        LibC.close(s);
        if (errno == Errno.ENOENT || errno == ECONNREFUSED) {
          return Optional.empty();
        }
        throw new IOException("cannot connect to " + name + ": " + LibC.describe(errno));
      }
    }
    return Optional.of(new UnixSocket(s));
  }

  private static final int ECONNREFUSED = 111;

  /** A datagram socket bound to {@code name}: a stand-in for systemd's, in tests. */
  static UnixSocket datagramBound(String name) throws IOException {
    int s = open(LibSocket.SOCK_DGRAM);
    try (Memory addr = address(name)) {
      if (LibSocket.bind(s, addr, addressLength(name)) != 0) {
        int errno = LibC.errno();
        LibC.close(s);
        throw new IOException("cannot bind " + name + ": " + LibC.describe(errno));
      }
    }
    return new UnixSocket(s);
  }

  /** A datagram socket connected to {@code name} (systemd's NOTIFY_SOCKET). */
  public static UnixSocket datagram(String name) throws IOException {
    int s = open(LibSocket.SOCK_DGRAM);
    try (Memory addr = address(name)) {
      if (LibSocket.connect(s, addr, addressLength(name)) != 0) {
        int errno = LibC.errno();
        LibC.close(s);
        throw new IOException("cannot reach " + name + ": " + LibC.describe(errno));
      }
    }
    return new UnixSocket(s);
  }

  private static int open(int type) throws IOException {
    int s = LibSocket.socket(LibSocket.AF_UNIX, type | LibSocket.SOCK_CLOEXEC, 0);
    if (s < 0) {
      throw new IOException("socket(AF_UNIX): " + LibC.describe(LibC.errno()));
    }
    return s;
  }

  private static Memory address(String name) throws IOException {
    byte[] path = name.getBytes(StandardCharsets.UTF_8);
    if (path.length > LibSocket.SUN_PATH_MAX) {
      throw new IOException("unix socket name too long (" + path.length + " bytes): " + name);
    }
    Memory addr = new Memory(LibSocket.SOCKADDR_UN_SIZE);
    addr.clear();
    addr.setShort(0, (short) LibSocket.AF_UNIX);
    addr.write(2, path, 0, path.length);
    if (name.startsWith("@")) {
      addr.setByte(2, (byte) 0);
    }
    return addr;
  }

  private static int addressLength(String name) {
    int len = name.getBytes(StandardCharsets.UTF_8).length;
    return name.startsWith("@") ? 2 + len : 2 + len + 1;
  }

  /** Waits for the next connection (blocking); its peer is checked by the caller. */
  public UnixSocket accept() throws IOException {
    int s = fd();
    while (true) {
      int c = LibSocket.accept4(s, null, null, LibSocket.SOCK_CLOEXEC);
      if (c >= 0) {
        return new UnixSocket(c);
      }
      int errno = LibC.errno();
      if (errno != Errno.EINTR) {
        throw new IOException("accept: " + LibC.describe(errno));
      }
    }
  }

  /** Who is at the other end. */
  public Peer peer() throws IOException {
    try (Memory cred = new Memory(12)) {
      int[] len = {12};
      if (LibSocket.getsockopt(fd(), LibSocket.SOL_SOCKET, LibSocket.SO_PEERCRED, cred, len) != 0) {
        throw new IOException("SO_PEERCRED: " + LibC.describe(LibC.errno()));
      }
      return new Peer(cred.getInt(0), cred.getInt(4), cred.getInt(8));
    }
  }

  /**
   * Sends {@code text} with copies of {@code fds}; never blocks. Returns 0, or the errno (EAGAIN
   * when the peer's queue is full, EPIPE or ECONNREFUSED when it is gone).
   */
  public int send(String text, int... fds) {
    return send(text, LibSocket.MSG_DONTWAIT | LibSocket.MSG_NOSIGNAL, fds);
  }

  /** As {@link #send}, but waits while the peer's queue is full (the keeper answering a LIST). */
  int sendBlocking(String text, int... fds) {
    return send(text, LibSocket.MSG_NOSIGNAL, fds);
  }

  /** Takes an inherited socket (the keeper's listening socket, made by the daemon). */
  static UnixSocket adopt(int fd) {
    return new UnixSocket(fd);
  }

  /** The fd, still owned by this socket, to poll on. */
  int fdForPoll() throws IOException {
    return fd();
  }

  /** Hands the socket's fd to the caller (to pass to a child), who closes it. */
  int release() {
    synchronized (lock) {
      int f = fd;
      fd = -1;
      return f;
    }
  }

  private int send(String text, int flags, int[] fds) {
    if (fds.length > MAX_FDS) {
      throw new IllegalArgumentException("at most " + MAX_FDS + " fds, got " + fds.length);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int control = fds.length == 0 ? 0 : LibSocket.cmsgSpace(fds.length);
    try (Memory data = new Memory(Math.max(1, bytes.length));
        Memory iov = new Memory(16);
        Memory msg = new Memory(LibSocket.MSGHDR_SIZE);
        Memory cmsg = new Memory(Math.max(1, control))) {
      data.write(0, bytes, 0, bytes.length);
      iov.setPointer(0, data);
      iov.setLong(8, bytes.length);
      msg.clear();
      msg.setPointer(LibSocket.MSG_IOV, iov);
      msg.setLong(LibSocket.MSG_IOVLEN, 1);
      if (control > 0) {
        cmsg.clear();
        cmsg.setLong(0, LibSocket.CMSG_DATA + 4L * fds.length);
        cmsg.setInt(8, LibSocket.SOL_SOCKET);
        cmsg.setInt(12, LibSocket.SCM_RIGHTS);
        for (int i = 0; i < fds.length; i++) {
          cmsg.setInt(LibSocket.CMSG_DATA + 4L * i, fds[i]);
        }
        msg.setPointer(LibSocket.MSG_CONTROL, cmsg);
        msg.setLong(LibSocket.MSG_CONTROLLEN, control);
      }
      synchronized (lock) {
        if (fd < 0) {
          return Errno.EBADF;
        }
        long n;
        do {
          n = LibSocket.sendmsg(fd, msg, flags);
        } while (n < 0 && LibC.errno() == Errno.EINTR);
        return n < 0 ? LibC.errno() : 0;
      }
    }
  }

  /**
   * The next message, waiting up to {@code timeoutMillis} (-1: for ever); null when the peer closed
   * its end or the time ran out. The fds that came with it are the caller's, close-on-exec.
   */
  public @Nullable FdMessage receive(long timeoutMillis) throws IOException {
    int s = fd();
    if (timeoutMillis >= 0 && !PidHandle.Pollable.ready(s, timeoutMillis)) {
      return null;
    }
    int control = LibSocket.cmsgSpace(MAX_FDS);
    try (Memory data = new Memory(MAX_TEXT);
        Memory iov = new Memory(16);
        Memory msg = new Memory(LibSocket.MSGHDR_SIZE);
        Memory cmsg = new Memory(control)) {
      iov.setPointer(0, data);
      iov.setLong(8, MAX_TEXT);
      msg.clear();
      msg.setPointer(LibSocket.MSG_IOV, iov);
      msg.setLong(LibSocket.MSG_IOVLEN, 1);
      cmsg.clear();
      msg.setPointer(LibSocket.MSG_CONTROL, cmsg);
      msg.setLong(LibSocket.MSG_CONTROLLEN, control);
      long n;
      do {
        n = LibSocket.recvmsg(s, msg, LibSocket.MSG_CMSG_CLOEXEC);
      } while (n < 0 && LibC.errno() == Errno.EINTR);
      if (n < 0) {
        throw new IOException("recvmsg: " + LibC.describe(LibC.errno()));
      }
      int[] fds = receivedFds(msg, cmsg);
      if (n == 0 && fds.length == 0) {
        return null; // the peer closed its end
      }
      return new FdMessage(new String(data.getByteArray(0, (int) n), StandardCharsets.UTF_8), fds);
    }
  }

  private static int[] receivedFds(Memory msg, Memory cmsg) {
    long controlLen = msg.getLong(LibSocket.MSG_CONTROLLEN);
    if (controlLen < LibSocket.CMSG_DATA
        || cmsg.getInt(8) != LibSocket.SOL_SOCKET
        || cmsg.getInt(12) != LibSocket.SCM_RIGHTS) {
      return new int[0];
    }
    int count = (int) ((cmsg.getLong(0) - LibSocket.CMSG_DATA) / 4);
    int[] fds = new int[count];
    for (int i = 0; i < count; i++) {
      fds[i] = cmsg.getInt(LibSocket.CMSG_DATA + 4L * i);
    }
    return fds;
  }

  private int fd() throws IOException {
    synchronized (lock) {
      if (fd < 0) {
        throw new IOException("the socket is closed");
      }
      return fd;
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (fd >= 0) {
        LibC.close(fd);
        fd = -1;
      }
    }
  }
}
