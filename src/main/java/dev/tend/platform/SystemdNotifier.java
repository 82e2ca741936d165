package dev.tend.platform;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service manager's notification socket ({@code $NOTIFY_SOCKET}), for a daemon run by systemd:
 * readiness, and the file descriptor store ({@code FDSTORE=1}): copies of each child's pidfd and
 * pipe ends kept by systemd itself, which gives them back to the service's next start (see {@link
 * #takeBack}), so a daemon that crashes and is restarted loses no child and no output. Stored with
 * {@code FDPOLL=0}: systemd must not drop a pipe when its writer ends, since the pipe may still
 * hold output to read. Needs {@code FileDescriptorStoreMax=} in the unit (systemd 254+ says how
 * many it allows in {@code $FDSTORE}), {@code NotifyAccess=main} (or {@code Type=notify}), and
 * {@code KillMode=process}, so a crash of the daemon does not end its children.
 */
public final class SystemdNotifier implements PipeKeeper, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SystemdNotifier.class);
  private static final String PREFIX = "tend.";
  private static final String[] KINDS = {"pid", "out", "err", "in"};

  private final UnixSocket socket;
  private final int capacity; // $FDSTORE, or 0 when systemd does not say
  private final AtomicInteger stored = new AtomicInteger(); // fds sent and not removed
  private final AtomicInteger failures = new AtomicInteger(); // sends lost since the last success

  private SystemdNotifier(UnixSocket socket, int capacity) {
    this.socket = socket;
    this.capacity = capacity;
  }

  /** The notifier of {@code environment}'s NOTIFY_SOCKET; empty when not run by systemd. */
  public static Optional<SystemdNotifier> of(Map<String, String> environment) throws IOException {
    String name = environment.get("NOTIFY_SOCKET");
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SystemdNotifier(UnixSocket.datagram(name), storeCapacity(environment)));
  }

  /** {@code $FDSTORE}: how many fds the store takes (systemd 254+); 0 when unknown. */
  public static int storeCapacity(Map<String, String> environment) {
    try {
      return Integer.parseInt(environment.getOrDefault("FDSTORE", "0").trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public int capacity() {
    return capacity;
  }

  /** {@code READY=1}: the daemon serves (for {@code Type=notify}). */
  public void ready() {
    socket.send("READY=1\nSTATUS=running");
  }

  @Override
  public void hold(int pid, long startTime, int pidfd, HeldPipes pipes) {
    int[] fds = {pidfd, pipes.stdout(), pipes.stderr(), pipes.stdin()};
    for (int i = 0; i < fds.length; i++) {
      if (fds[i] >= 0) {
        String store = "FDSTORE=1\nFDPOLL=0\nFDNAME=" + name(pid, startTime, KINDS[i]);
        int errno = socket.send(store, fds[i]);
        sent(errno, pid);
        if (errno == 0 && capacity > 0 && stored.incrementAndGet() == capacity + 1) {
          log.warn(
              "more than FileDescriptorStoreMax={} fds for systemd to keep: a daemon crash now"
                  + " may cost the output, or the life, of the children started last",
              capacity);
        }
      }
    }
  }

  @Override
  public void release(int pid, long startTime) {
    for (String kind : KINDS) {
      socket.send("FDSTOREREMOVE=1\nFDNAME=" + name(pid, startTime, kind));
    }
    stored.updateAndGet(n -> Math.max(0, n - 4));
  }

  /** Removes one child's fds by key (one nobody took back). */
  public void drop(String key) {
    for (String kind : KINDS) {
      socket.send("FDSTOREREMOVE=1\nFDNAME=" + PREFIX + key + "." + kind);
    }
  }

  private static String name(int pid, long startTime, String kind) {
    return PREFIX + pid + "." + startTime + "." + kind;
  }

  private void sent(int errno, int pid) {
    if (errno == 0) {
      failures.set(0);
    } else if (failures.getAndIncrement() == 0) {
      log.warn(
          "systemd did not take the fds of pid {} ({}): a daemon crash now may cost its output",
          pid,
          Errno.name(errno));
    }
  }

  /**
   * The fds systemd handed this process at its start ({@code LISTEN_FDS}, {@code LISTEN_FDNAMES},
   * for this pid), those tend stored, by {@code pid.startTime}; they are the caller's now (made
   * close-on-exec). The others are left alone. Empty when systemd passed none.
   */
  public static Map<String, HeldChild> takeBack(Map<String, String> environment) {
    Map<String, HeldChild> back = new HashMap<>();
    String pid = environment.get("LISTEN_PID");
    String count = environment.get("LISTEN_FDS");
    if (pid == null || count == null || !pid.trim().equals(Integer.toString(LibC.getpid()))) {
      return back;
    }
    String[] names = environment.getOrDefault("LISTEN_FDNAMES", "").split(":", -1);
    int n;
    try {
      n = Integer.parseInt(count.trim());
    } catch (NumberFormatException e) {
      return back;
    }
    Map<String, int[]> slots = new HashMap<>();
    for (int i = 0; i < n && i < names.length; i++) {
      int fd = 3 + i;
      String @Nullable [] parts = parse(names[i]);
      if (parts == null) {
        continue;
      }
      LibCVarargs.C.fcntl(fd, LibC.F_SETFD, 1); // FD_CLOEXEC: the children must not inherit it
      int[] slot = slots.computeIfAbsent(parts[0], k -> new int[] {-1, -1, -1, -1});
      slot[kindIndex(parts[1])] = fd;
    }
    slots.forEach((key, s) -> back.put(key, new HeldChild(s[0], new HeldPipes(s[1], s[2], s[3]))));
    return back;
  }

  /** {@code tend.PID.START.KIND} as {key, kind}; null for a name that is not tend's. */
  static String @Nullable [] parse(String name) {
    if (!name.startsWith(PREFIX)) {
      return null;
    }
    int dot = name.lastIndexOf('.');
    String key = name.substring(PREFIX.length(), dot);
    String kind = name.substring(dot + 1);
    return kindIndex(kind) < 0 || !key.matches("\\d+\\.\\d+") ? null : new String[] {key, kind};
  }

  private static int kindIndex(String kind) {
    for (int i = 0; i < KINDS.length; i++) {
      if (KINDS[i].equals(kind)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() {
    socket.close();
  }
}
