package dev.tend.control.server;

import dev.tend.config.UnixHttpServerConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The socket file of one {@code [unix_http_server]}, created so that nobody can connect before it
 * has its configured mode and owner: the server binds inside a fresh directory only the daemon's
 * user can enter, the socket gets its mode and owner there, and only then is it hard-linked onto
 * the configured path (a link, unlike a rename, never replaces another daemon's socket). A socket
 * already at the path that answers is refused with supervisord's message; one that does not answer
 * is stale and is replaced, saying {@code Unlinking stale socket <file>}. On close the file is
 * removed if it is still the one this server made.
 */
final class UnixSocketFile {
  /** Linux's limit on a socket path (sun_path less its terminating NUL). */
  static final int MAX_PATH_BYTES = 107;

  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;

  private final UnixHttpServerConfig config;
  private final Consumer<String> messages;
  private final Path target;
  // The private directory and the socket the listener binds in it; null once published or removed.
  private @Nullable Path tempDir;
  private @Nullable Path tempSocket;
  // The inode of the published socket, so close removes only our own file; written by the
  // thread that opens or closes the listener, read by the one that checks it.
  private volatile @Nullable Object publishedKey;

  UnixSocketFile(UnixHttpServerConfig config, Consumer<String> messages) {
    this.config = config;
    this.messages = messages;
    this.target = config.file().toAbsolutePath().normalize();
  }

  Path target() {
    return target;
  }

  /** Makes the private directory; returns where the server must bind. */
  Path bindPath() throws ControlServerException {
    if (pathBytes(target) > MAX_PATH_BYTES) {
      throw new ControlServerException(
          ControlServerException.Kind.CANNOT_OPEN,
          "Cannot open an HTTP server: the socket path "
              + target
              + " is longer than "
              + MAX_PATH_BYTES
              + " bytes ["
              + config.section()
              + "]");
    }
    Path parent = Objects.requireNonNull(target.getParent(), "an absolute path has a parent");
    try {
      Path dir =
          Files.createTempDirectory(
              parent, ".tend", PosixFilePermissions.asFileAttribute(ownerOnly()));
      tempDir = dir;
      Path socket = dir.resolve("s");
      if (pathBytes(socket) > MAX_PATH_BYTES) {
        // no room for the private directory: bind next to the file, as supervisord does
        Files.delete(dir);
        tempDir = null;
        socket = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid());
        Files.deleteIfExists(socket);
      }
      tempSocket = socket;
      return socket;
    } catch (IOException e) {
      throw cannotOpen(e);
    }
  }

  /** Mode, owner, then the link onto the configured path; the server is already listening. */
  void publish() throws ControlServerException {
    Path socket = Objects.requireNonNull(tempSocket, "bindPath() first");
    try {
      Files.setPosixFilePermissions(socket, permissions(config.chmod()));
    } catch (IOException e) {
      throw cannotOpen(e);
    }
    chown(socket);
    link(socket);
    try {
      publishedKey = key(target);
    } catch (IOException e) {
      throw cannotOpen(e);
    }
    removeTemporary();
  }

  private void chown(Path socket) throws ControlServerException {
    Integer uid = config.chownUid();
    Integer gid = config.chownGid();
    try {
      if (uid != null) {
        Files.setAttribute(socket, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
      }
      if (gid != null) {
        Files.setAttribute(socket, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
      }
    } catch (IOException e) {
      throw new ControlServerException(
          ControlServerException.Kind.CHOWN_NOT_PERMITTED,
          "Not permitted to chown "
              + target
              + " to uid/gid ("
              + (uid == null ? -1 : uid)
              + ", "
              + (gid == null ? -1 : gid)
              + "); adjust \"sockchown\" value in config file or on command line to values that"
              + " the current user ("
              + System.getProperty("user.name")
              + ") can successfully chown",
          e);
    }
  }

  private void link(Path socket) throws ControlServerException {
    for (int attempt = 0; ; attempt++) {
      try {
        Files.createLink(target, socket);
        return;
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 3) {
          throw cannotOpen(e); // another daemon keeps racing us for the name
        }
        replaceStale();
      } catch (IOException e) {
        throw cannotOpen(e);
      }
    }
  }

  private void replaceStale() throws ControlServerException {
    try {
      int mode = (Integer) Files.getAttribute(target, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      if ((mode & S_IFMT) != S_IFSOCK) {
        throw new ControlServerException(
            ControlServerException.Kind.CANNOT_OPEN,
            "Cannot open an HTTP server: "
                + target
                + " exists and is not a socket; remove it or configure another file ["
                + config.section()
                + "]");
      }
    } catch (IOException e) {
      return; // gone meanwhile: link again
    }
    if (answers(target)) {
      throw new ControlServerException(
          ControlServerException.Kind.ADDRESS_IN_USE,
          ControlServerException.ADDRESS_IN_USE_MESSAGE);
    }
    messages.accept("Unlinking stale socket " + target);
    try {
      Files.deleteIfExists(target);
    } catch (IOException e) {
      throw cannotOpen(e);
    }
  }

  /** Whether a server accepts connections on the socket (a full backlog counts as yes). */
  static boolean answers(Path socket) {
    CompletableFuture<Boolean> connected = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("tend-socket-probe")
        .start(
            () -> {
              try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                connected.complete(ch.connect(UnixDomainSocketAddress.of(socket)));
              } catch (ConnectException e) {
                connected.complete(false); // ECONNREFUSED: nobody listens, the file is stale
              } catch (IOException | RuntimeException e) {
                // no permission to connect proves nothing: only a refusal shows it is stale
                connected.complete(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
              }
            });
    try {
      return connected.get(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    } catch (Exception e) {
      return true; // no answer in time: something holds it
    }
  }

  /**
   * Whether the configured path still names the socket this server published (false when someone
   * deleted or replaced it: clients can no longer reach this listener).
   */
  boolean stillPublished() {
    Object key = publishedKey;
    if (key == null) {
      return false;
    }
    try {
      return key.equals(key(target));
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes the socket if it is still ours, and any temporary leftovers. Idempotent. */
  void remove() {
    Object key = publishedKey;
    publishedKey = null;
    if (key != null) {
      try {
        if (key.equals(key(target))) {
          Files.deleteIfExists(target);
        }
      } catch (IOException e) {
        // already gone, or replaced by another daemon's: not ours to remove
      }
    }
    removeTemporary();
  }

  private void removeTemporary() {
    try {
      if (tempSocket != null) {
        Files.deleteIfExists(tempSocket);
      }
      if (tempDir != null) {
        Files.deleteIfExists(tempDir);
      }
    } catch (IOException e) {
      // a leftover in a private directory harms nobody
    }
    tempSocket = null;
    tempDir = null;
  }

  private static Object key(Path p) throws IOException {
    return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
  }

  private ControlServerException cannotOpen(IOException e) {
    return new ControlServerException(
        ControlServerException.Kind.CANNOT_OPEN,
        "Cannot open an HTTP server: " + describe(e) + " [" + config.section() + "]",
        e);
  }

  static String describe(IOException e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      reason = f.getFile() + ": " + f.getReason();
    }
    return reason;
  }

  private static int pathBytes(Path p) {
    return p.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  private static Set<PosixFilePermission> ownerOnly() {
    return EnumSet.of(
        PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE);
  }

  /** The low nine bits of a chmod value (the rest means nothing for a socket). */
  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(order[bit]);
      }
    }
    return set;
  }
}
