package dev.tend.control.server;

import dev.tend.core.MainLog;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the listeners serving and the refusal log's minutes summed up, waking only when there is
 * something to do: a listener reports its socket broken ({@link #poke}), a socket file's directory
 * changes under a socket's name (inotify, through the JDK's {@link WatchService}, which blocks in
 * the kernel), a refusal minute that held lines back ends, or (only while a listener cannot be
 * opened again) once a second to try again. An idle daemon is never woken by it. If the kernel
 * refuses a watch (inotify limits), it looks at the socket files once a second instead, as tend did
 * before, and says so in the main log.
 */
final class Watchdog {
  private static final MainLog log = MainLog.of(ControlServer.class);
  private static final long RETRY_NANOS = 1_000_000_000L;

  private final HttpListeners listeners;
  private final RefusalLog refusals;
  private final @Nullable WatchService watcher;
  private final Thread loop;
  // Socket file names by the directory watched for them; written by the loop, read by the
  // watcher's thread.
  private final Map<Path, Set<String>> watchedNames = new ConcurrentHashMap<>();
  // The watch of each directory in watchedNames; the loop's own.
  private final Map<Path, WatchKey> keys = new HashMap<>();
  // Set by poke(), cleared by the loop before it looks: something may need doing.
  private volatile boolean pending = true;
  // Set when a watch could not be made: the loop then looks once a second.
  private volatile boolean polling;
  // Set once by close().
  private volatile boolean closed;

  Watchdog(HttpListeners listeners, RefusalLog refusals) {
    this.listeners = listeners;
    this.refusals = refusals;
    this.watcher = newWatcher();
    this.polling = watcher == null;
    this.loop = Thread.ofVirtual().name("tend-http-watchdog").unstarted(this::run);
  }

  private static @Nullable WatchService newWatcher() {
    try {
      return FileSystems.getDefault().newWatchService();
    } catch (IOException | UnsupportedOperationException e) {
      log.warn("control server: cannot watch the socket files (" + e + "); looking once a second");
      return null;
    }
  }

  void start() {
    loop.start();
    WatchService w = watcher;
    if (w != null) {
      Thread.ofVirtual().name("tend-http-socket-watch").start(() -> watch(w));
    }
  }

  /** Something may need doing at once: a listener broke, the listeners changed. */
  void poke() {
    pending = true;
    LockSupport.unpark(loop);
  }

  void close() {
    closed = true;
    LockSupport.unpark(loop);
    WatchService w = watcher;
    if (w != null) {
      try {
        w.close();
      } catch (IOException ignored) {
        // closing: the watcher's thread ends either way
      }
    }
  }

  private void run() {
    while (!closed) {
      if (!pending) {
        long wait = nanosToWait();
        if (wait == Long.MAX_VALUE) {
          LockSupport.park(this);
        } else if (wait > 0) {
          LockSupport.parkNanos(this, wait);
        }
      }
      pending = false;
      if (closed) {
        return;
      }
      try {
        // watched first, then looked at: a file removed before its directory was watched is
        // found by this heal, one removed after by the event
        follow(listeners.socketFiles());
        listeners.heal();
        refusals.flush();
        follow(listeners.socketFiles());
      } catch (RuntimeException e) {
        log.error("control server: looking after the listeners failed: " + e);
        pending = false;
        LockSupport.parkNanos(this, RETRY_NANOS);
      }
    }
  }

  /** How long the watchdog sleeps when it has nothing to do now (Long.MAX_VALUE: until told). */
  long nanosToWait() {
    long wait = refusals.nanosToFlush();
    if (polling || listeners.failing()) {
      wait = Math.min(wait, RETRY_NANOS);
    }
    return wait;
  }

  /**
   * Watches the directories of {@code files} for their names, and no other directory. Each is
   * registered again every time: the same directory gives the same key back, and one made anew at
   * the same path (after it was moved away) gets a new one, the old one's watch then cancelled.
   */
  private void follow(Set<Path> files) {
    WatchService w = watcher;
    if (w == null) {
      return;
    }
    Map<Path, Set<String>> wanted = new HashMap<>();
    for (Path f : files) {
      Path dir = f.getParent();
      Path name = f.getFileName();
      if (dir != null && name != null) {
        wanted.computeIfAbsent(dir, d -> new HashSet<>()).add(name.toString());
      }
    }
    keys.entrySet()
        .removeIf(
            e -> {
              boolean unwanted = !wanted.containsKey(e.getKey());
              if (unwanted) {
                e.getValue().cancel();
                watchedNames.remove(e.getKey());
              }
              return unwanted;
            });
    boolean failed = false;
    for (Map.Entry<Path, Set<String>> e : wanted.entrySet()) {
      watchedNames.put(e.getKey(), Set.copyOf(e.getValue()));
      failed |= !register(w, e.getKey());
    }
    polling = failed;
  }

  private boolean register(WatchService w, Path dir) {
    WatchKey old = keys.get(dir);
    try {
      WatchKey key =
          dir.register(
              w, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
      keys.put(dir, key);
      if (old != null && old != key) {
        old.cancel();
      }
      return true;
    } catch (IOException | RuntimeException e) {
      if (!polling) {
        log.warn("control server: cannot watch " + dir + " (" + e + "); looking once a second");
      }
      return false;
    }
  }

  /** The watcher's thread: pokes the loop when a socket's name changes in a watched directory. */
  private void watch(WatchService w) {
    try {
      while (!closed) {
        WatchKey key = w.take();
        boolean touched = false;
        Set<String> names = watchedNames.getOrDefault((Path) key.watchable(), Set.of());
        for (WatchEvent<?> event : key.pollEvents()) {
          Object name = event.context();
          touched |=
              event.kind() == StandardWatchEventKinds.OVERFLOW
                  || (name instanceof Path p && names.contains(p.toString()));
        }
        if (!key.reset() || touched) {
          poke(); // the directory went away, or a socket's name was removed or replaced
        }
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // closing
    }
  }
}
