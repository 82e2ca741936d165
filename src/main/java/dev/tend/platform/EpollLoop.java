package dev.tend.platform;

import com.sun.jna.Memory;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread waiting in epoll_wait(2) over any number of fds, calling a handler per ready fd. Level
 * triggered. Registrations carry a token rather than the fd in the event data, so an event for an
 * fd closed (and maybe reused) earlier in the same batch is recognised as stale and dropped.
 */
final class EpollLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EpollLoop.class);
  private static final int MAX_EVENTS = 256;

  /** Told which events (EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP bits) are ready on its fd. */
  @FunctionalInterface
  interface Handler {
    void onReady(int events);
  }

  /** Runs on the loop thread after each wake-up: every batch of events, and each timeout. */
  @FunctionalInterface
  interface Tick {
    void afterWake();
  }

  private final int epfd;
  private final int wakeFd; // an eventfd; written by close() to interrupt epoll_wait
  private final Memory events = new Memory((long) LibC.EPOLL_EVENT_SIZE * MAX_EVENTS);
  private final Memory wakeBuffer = new Memory(8);
  private final Map<Long, Handler> handlers = new ConcurrentHashMap<>(); // token -> handler
  private final AtomicLong nextToken = new AtomicLong(1); // 0 is the wake fd
  private final Thread thread;
  private final int timeoutMillis;
  private final Tick tick;
  private volatile boolean running = true; // cleared by close()
  private final Object lifecycle = new Object(); // orders the wake-up write before the fd closes
  private boolean closed; // the loop thread has closed its fds; guarded by lifecycle

  EpollLoop(String threadName, int timeoutMillis, Tick tick) throws IOException {
    this.timeoutMillis = timeoutMillis;
    this.tick = tick;
    this.epfd = LibC.epoll_create1(LibC.O_CLOEXEC);
    if (epfd < 0) {
      throw new IOException("epoll_create1 failed: " + Errno.name(LibC.errno()));
    }
    this.wakeFd = LibC.eventfd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
    if (wakeFd < 0) {
      int errno = LibC.errno();
      LibC.close(epfd);
      throw new IOException("eventfd failed: " + Errno.name(errno));
    }
    control(LibC.EPOLL_CTL_ADD, wakeFd, LibC.EPOLLIN, 0);
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  boolean onLoopThread() {
    return Thread.currentThread() == thread;
  }

  /** Watches {@code fd} for {@code events}; returns the token naming this registration. */
  long register(int fd, int events, Handler handler) throws IOException {
    long token = nextToken.getAndIncrement();
    handlers.put(token, handler);
    try {
      control(LibC.EPOLL_CTL_ADD, fd, events, token);
    } catch (IOException e) {
      handlers.remove(token);
      throw e;
    }
    return token;
  }

  void modify(int fd, int events, long token) throws IOException {
    control(LibC.EPOLL_CTL_MOD, fd, events, token);
  }

  /** Stops watching; call before closing the fd. */
  void unregister(int fd, long token) {
    handlers.remove(token);
    synchronized (lifecycle) {
      if (!closed) {
        LibC.epoll_ctl(epfd, LibC.EPOLL_CTL_DEL, fd, null);
      }
    }
  }

  private void control(int op, int fd, int eventMask, long token) throws IOException {
    try (Memory ev = new Memory(LibC.EPOLL_EVENT_SIZE)) {
      ev.setInt(0, eventMask);
      ev.setLong(LibC.EPOLL_DATA_OFFSET, token);
      synchronized (lifecycle) {
        if (closed) {
          throw new IOException("the I/O loop is closed; cannot watch fd " + fd);
        }
        if (LibC.epoll_ctl(epfd, op, fd, ev) != 0) {
          throw new IOException(
              "epoll_ctl(" + op + ") of fd " + fd + ": " + Errno.name(LibC.errno()));
        }
      }
    }
  }

  private void run() {
    try {
      loop();
    } finally {
      synchronized (lifecycle) {
        handlers.clear();
        LibC.close(wakeFd);
        LibC.close(epfd);
        events.close();
        wakeBuffer.close();
        closed = true;
      }
    }
  }

  private void loop() {
    while (running) {
      int n = LibC.epoll_wait(epfd, events, MAX_EVENTS, timeoutMillis);
      if (n < 0) {
        int errno = LibC.errno();
        if (errno != Errno.EINTR) {
          log.error("epoll_wait failed: {}; the I/O loop stops", Errno.name(errno));
          return;
        }
        continue;
      }
      for (int i = 0; i < n && running; i++) {
        long at = (long) i * LibC.EPOLL_EVENT_SIZE;
        dispatch(events.getLong(at + LibC.EPOLL_DATA_OFFSET), events.getInt(at));
      }
      if (running) {
        guarded(tick::afterWake);
      }
    }
  }

  private void dispatch(long token, int ready) {
    if (token == 0) {
      LibC.read(wakeFd, wakeBuffer, 8);
      return;
    }
    @Nullable Handler h = handlers.get(token);
    if (h != null) {
      guarded(() -> h.onReady(ready));
    }
  }

  /** A failing callback is logged, never allowed to end the only I/O thread. */
  static void guarded(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError vme) {
        throw vme;
      }
      log.warn("callback on the I/O thread failed", e);
    }
  }

  /**
   * Stops the thread, which then closes the epoll fd; registered fds stay open (their owners close
   * them). Waits for the thread unless called on it.
   */
  @Override
  public void close() {
    running = false;
    synchronized (lifecycle) {
      if (!closed) {
        try (Memory one = new Memory(8)) {
          one.setLong(0, 1);
          LibC.write(wakeFd, one, 8);
        }
      }
    }
    if (!onLoopThread()) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
