package dev.tend.platform;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A listening stream socket made for children to accept on (an fcgi-program's fd 0): bound and
 * listening as supervisord's socket manager makes it (a unix socket replaces any file at its path,
 * then gets its owner and mode; a TCP one is IPv4 with SO_REUSEADDR). Blocking, close-on-exec (a
 * child gets it only through the dup2 onto its fd 0), never on fds 0-2. {@link #close} closes it
 * and removes a unix socket's file. Errors read as Python's ({@code [Errno 98] Address already in
 * use}), which supervisord puts in its {@code Could not create FastCGI socket} message.
 */
public final class ListeningSocket implements AutoCloseable {
  private static final int UNIX_PATH_MAX = 108;

  private final int fd;
  private final @Nullable Path file;
  // Set once by close(); the owner's thread only.
  private boolean closed;

  private ListeningSocket(int fd, @Nullable Path file) {
    this.fd = fd;
    this.file = file;
  }

  /** A unix socket at {@code path}; {@code uid}/{@code gid} null leave the owner as made. */
  public static ListeningSocket unix(
      Path path, int backlog, @Nullable Integer uid, @Nullable Integer gid, int mode)
      throws IOException {
    byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
    if (name.length >= UNIX_PATH_MAX) {
      throw new IOException("AF_UNIX path too long");
    }
    byte[] addr = new byte[2 + name.length + 1];
    addr[0] = (byte) LibC.AF_UNIX; // sa_family_t, little-endian on the ABIs tend runs on
    System.arraycopy(name, 0, addr, 2, name.length);
    Files.deleteIfExists(path);
    int fd = open(LibC.AF_UNIX);
    try {
      check(LibC.bind(fd, addr, addr.length));
      try {
        if (uid != null) {
          Files.setAttribute(path, "unix:uid", uid);
        }
        if (gid != null) {
          Files.setAttribute(path, "unix:gid", gid);
        }
        Files.setPosixFilePermissions(path, permissions(mode));
      } catch (IOException | UnsupportedOperationException e) {
        Files.deleteIfExists(path);
        throw new IOException("Could not change owner or permissions of socket file: " + e, e);
      }
      check(LibC.listen(fd, backlog));
    } catch (IOException e) {
      LibC.close(fd);
      throw e;
    }
    return new ListeningSocket(fd, path);
  }

  /**
   * An IPv4 TCP socket on {@code host}:{@code port} (a name is resolved, as Python's bind does).
   */
  public static ListeningSocket tcp(String host, int port, int backlog) throws IOException {
    byte[] ip = ipv4(host);
    byte[] addr = new byte[16];
    addr[0] = (byte) LibC.AF_INET;
    addr[2] = (byte) (port >> 8); // network order
    addr[3] = (byte) port;
    System.arraycopy(ip, 0, addr, 4, 4);
    int fd = open(LibC.AF_INET);
    try {
      check(LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_REUSEADDR, new int[] {1}, 4));
      check(LibC.bind(fd, addr, addr.length));
      check(LibC.listen(fd, backlog));
    } catch (IOException e) {
      LibC.close(fd);
      throw e;
    }
    return new ListeningSocket(fd, null);
  }

  /** The descriptor to give a child as its fd 0. */
  public int fd() {
    return fd;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    LibC.close(fd);
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a file tend cannot remove is left where it was: the next bind replaces it
      }
    }
  }

  private static int open(int family) throws IOException {
    int fd = LibC.socket(family, LibC.SOCK_STREAM | LibC.SOCK_CLOEXEC, 0);
    check(fd);
    try {
      return Pipe.aboveStdio(fd);
    } catch (SpawnException e) {
      LibC.close(fd);
      throw new IOException(e.getMessage(), e);
    }
  }

  private static void check(int rc) throws IOException {
    if (rc < 0) {
      int errno = LibC.errno();
      throw new IOException("[Errno " + errno + "] " + LibC.strerror(errno));
    }
  }

  private static byte[] ipv4(String host) throws IOException {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (a instanceof Inet4Address) {
          return a.getAddress();
        }
      }
    } catch (UnknownHostException e) {
      // as Python's gaierror
    }
    throw new IOException("[Errno -2] Name or service not known");
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
    for (int i = 0; i < 9; i++) {
      if ((mode & (0400 >> i)) != 0) {
        set.add(bits[i]);
      }
    }
    return set;
  }
}
