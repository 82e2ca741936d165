package dev.tend.control.server;

import dev.tend.config.HttpAuth;
import dev.tend.config.InetHttpServerConfig;
import dev.tend.config.SupervisorConfig;
import dev.tend.config.UnixHttpServerConfig;
import dev.tend.core.MainLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The listeners of the current config, one per server section, in config order (unix first). A
 * reload keeps every listener whose section did not change, so its clients see no refusal; the
 * others are closed and the new ones opened. {@link #heal} replaces a listener that broke or whose
 * socket file was removed. Thread-safe.
 */
final class HttpListeners {
  private static final MainLog log = MainLog.of(ControlServer.class);

  private final Connections connections;
  private final Consumer<String> messages;
  private final Runnable onBroken;
  // Guarded by this: the open listeners by their section, in config order.
  private final Map<Object, Listener> open = new LinkedHashMap<>();
  // Guarded by this: sections that could not be reopened, so the failure is logged once.
  private final Map<Object, String> failing = new LinkedHashMap<>();

  HttpListeners(Connections connections, Consumer<String> messages, Runnable onBroken) {
    this.connections = connections;
    this.messages = messages;
    this.onBroken = onBroken;
  }

  /** The sections of a config that listen, unix servers first. */
  static List<Object> sections(SupervisorConfig config) {
    List<Object> all = new ArrayList<>(config.unixHttpServers());
    all.addAll(config.inetHttpServers());
    return all;
  }

  /**
   * Makes the open listeners those of {@code config}: keeps the unchanged, closes the rest (their
   * connections end after their answers), opens the new. On failure the listeners opened by this
   * call are closed again and the exception says why; the kept ones stay.
   */
  synchronized void reconcile(SupervisorConfig config) throws ControlServerException {
    List<Object> wanted = sections(config);
    for (Map.Entry<Object, Listener> e : List.copyOf(open.entrySet())) {
      if (!wanted.contains(e.getKey())) {
        open.remove(e.getKey());
        e.getValue().close(true);
      }
    }
    failing.keySet().retainAll(wanted);
    Map<Object, Listener> next = new LinkedHashMap<>();
    List<Listener> opened = new ArrayList<>();
    try {
      for (Object section : wanted) {
        Listener l = open.get(section);
        if (l == null) {
          l = Listener.open(section, connections, messages, onBroken);
          opened.add(l);
          warnIfOpen(section);
        }
        next.put(section, l);
      }
    } catch (ControlServerException | RuntimeException e) {
      opened.forEach(l -> l.close(true));
      throw e;
    }
    open.clear();
    open.putAll(next);
  }

  private static void warnIfOpen(Object section) {
    HttpAuth auth =
        switch (section) {
          case UnixHttpServerConfig u -> u.auth();
          case InetHttpServerConfig i -> i.auth();
          default -> null;
        };
    if (auth == null) {
      String name =
          section instanceof UnixHttpServerConfig u
              ? u.section()
              : ((InetHttpServerConfig) section).section();
      log.critical("Server '" + name + "' running without any HTTP authentication checking");
    }
  }

  /**
   * Replaces every listener that broke or lost its socket file; the connections it accepted go on.
   * Called by the {@link Watchdog} when a listener reports itself broken or a socket file's name
   * changed, and once a second while {@link #failing}.
   */
  synchronized void heal() {
    for (Map.Entry<Object, Listener> e : List.copyOf(open.entrySet())) {
      String trouble = e.getValue().trouble();
      if (trouble != null) {
        replace(e.getKey(), e.getValue(), trouble);
      }
    }
  }

  private void replace(Object section, Listener old, String trouble) {
    Listener fresh;
    try {
      old.close(false);
      fresh = Listener.open(section, connections, messages, onBroken);
    } catch (ControlServerException | RuntimeException e) {
      String why = String.valueOf(e.getMessage());
      if (!why.equals(failing.put(section, why))) {
        log.critical(
            "control server "
                + old.url()
                + ": "
                + trouble
                + "; cannot open it again ("
                + why
                + "), will keep trying");
      }
      return;
    }
    failing.remove(section);
    open.put(section, fresh);
    log.warn("control server " + old.url() + ": " + trouble + "; opened it again");
  }

  /** Whether a listener could not be opened again yet (then {@link #heal} should try again). */
  synchronized boolean failing() {
    return !failing.isEmpty();
  }

  /** The socket files of the unix listeners, to be watched. */
  synchronized Set<Path> socketFiles() {
    Set<Path> files = new HashSet<>();
    for (Listener l : open.values()) {
      Path f = l.socketFile();
      if (f != null) {
        files.add(f);
      }
    }
    return files;
  }

  /** {@code unix:///path} and {@code http://host:port}, in config order. */
  synchronized List<String> urls() {
    return open.values().stream().map(Listener::url).toList();
  }

  synchronized @Nullable Listener find(String url) {
    for (Listener l : open.values()) {
      if (l.url().equals(url)) {
        return l;
      }
    }
    return null;
  }

  /** Stops listening and removes the socket files; connections are the caller's to end. */
  synchronized void close() {
    for (Listener l : open.values()) {
      l.close(false);
    }
    open.clear();
  }
}
