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
 *
 * <p>An fd can be made urgent: it then sits in a second epoll set, itself watched by the first, so
 * it is served as any other, and also during a {@link #pause}, which serves only urgent fds. That
 * lets the thread gather the output of programs nobody watches while a followed one is read the
 * moment it writes.
 */
final class EpollLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EpollLoop.class);
  private static final int MAX_EVENTS = 256;
  private static final long URGENT_TOKEN = -1; // the urgent set's own registration in the main set

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
  private final int urgentEpfd; // the urgent fds (and the wake fd), watched by epfd
  private final int wakeFd; // an eventfd; written by close() to interrupt epoll_wait
  private final Memory events = new Memory((long) LibC.EPOLL_EVENT_SIZE * MAX_EVENTS);
  private final Memory urgentEvents = new Memory((long) LibC.EPOLL_EVENT_SIZE * MAX_EVENTS);
  private final Memory wakeBuffer = new Memory(8);
  private final Memory controlEvent = new Memory(LibC.EPOLL_EVENT_SIZE); // guarded by lifecycle
  private final Map<Long, Handler> handlers = new ConcurrentHashMap<>(); // token -> handler
  private final AtomicLong nextToken = new AtomicLong(1); // 0 is the wake fd
  private final Thread thread;
  private final int timeoutMillis;
  private final Tick tick;
  private volatile boolean running = true; // cleared by close(), or when epoll_wait fails
  private final Object lifecycle = new Object(); // orders the wake-up write before the fd closes
  private boolean closed; // the loop thread has closed its fds; guarded by lifecycle

  EpollLoop(String threadName, int timeoutMillis, Tick tick) throws IOException {
    this.timeoutMillis = timeoutMillis;
    this.tick = tick;
    this.epfd = LibC.epoll_create1(LibC.O_CLOEXEC);
    if (epfd < 0) {
      throw new IOException("epoll_create1 failed: " + Errno.name(LibC.errno()));
    }
    this.urgentEpfd = LibC.epoll_create1(LibC.O_CLOEXEC);
    this.wakeFd = LibC.eventfd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
    if (urgentEpfd < 0 || wakeFd < 0) {
      int errno = LibC.errno();
      closeAll(epfd, urgentEpfd, wakeFd);
      throw new IOException("epoll_create1 or eventfd failed: " + Errno.name(errno));
    }
    try {
      control(epfd, LibC.EPOLL_CTL_ADD, wakeFd, LibC.EPOLLIN, 0);
      control(urgentEpfd, LibC.EPOLL_CTL_ADD, wakeFd, LibC.EPOLLIN, 0);
      control(epfd, LibC.EPOLL_CTL_ADD, urgentEpfd, LibC.EPOLLIN, URGENT_TOKEN);
    } catch (IOException e) {
      closeAll(epfd, urgentEpfd, wakeFd);
      throw e;
    }
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
    long token = newToken();
    register(fd, events, token, handler);
    return token;
  }

  /** A token for {@link #register(int, int, long, Handler)}. */
  long newToken() {
    return nextToken.getAndIncrement();
  }

  /**
   * Watches {@code fd} under a token taken beforehand, so the caller can note it before the handler
   * can run: what it wrote before this call is visible to the handler on the loop thread.
   */
  void register(int fd, int events, long token, Handler handler) throws IOException {
    handlers.put(token, handler);
    try {
      control(epfd, LibC.EPOLL_CTL_ADD, fd, events, token);
    } catch (IOException e) {
      handlers.remove(token);
      throw e;
    }
  }

  /** Changes the events of a registration that is not urgent. */
  void modify(int fd, int events, long token) throws IOException {
    control(epfd, LibC.EPOLL_CTL_MOD, fd, events, token);
  }

  /**
   * Moves a registration into the urgent set or back. On the loop thread only, so the fd cannot be
   * closed (and its number reused) meanwhile.
   */
  void setUrgent(int fd, int events, long token, boolean urgent) throws IOException {
    int from = urgent ? epfd : urgentEpfd;
    int to = urgent ? urgentEpfd : epfd;
    control(to, LibC.EPOLL_CTL_ADD, fd, events, token);
    synchronized (lifecycle) {
      if (!closed) {
        LibC.epoll_ctl(from, LibC.EPOLL_CTL_DEL, fd, null);
      }
    }
  }

  /** Stops watching (in whichever set the fd is); call before closing the fd. */
  void unregister(int fd, long token) {
    handlers.remove(token);
    synchronized (lifecycle) {
      if (!closed && LibC.epoll_ctl(epfd, LibC.EPOLL_CTL_DEL, fd, null) != 0) {
        LibC.epoll_ctl(urgentEpfd, LibC.EPOLL_CTL_DEL, fd, null);
      }
    }
  }

  /**
   * Serves only the urgent fds for about {@code nanos} (to the next millisecond), then returns; on
   * the loop thread, from a {@link Tick}. Other fds wait, and gather more to read in one go.
   */
  void pause(long nanos) {
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos; left > 0 && running; left = deadline - System.nanoTime()) {
      int millis = (int) Math.max(1, (left + 999_999) / 1_000_000);
      if (!serve(urgentEpfd, urgentEvents, millis)) {
        return;
      }
    }
  }

  private void control(int set, int op, int fd, int eventMask, long token) throws IOException {
    synchronized (lifecycle) {
      if (closed) {
        throw new IOException("the I/O loop is closed; cannot watch fd " + fd);
      }
      controlEvent.setInt(0, eventMask);
      controlEvent.setLong(LibC.EPOLL_DATA_OFFSET, token);
      if (LibC.epoll_ctl(set, op, fd, controlEvent) != 0) {
        throw new IOException(
            "epoll_ctl(" + op + ") of fd " + fd + ": " + Errno.name(LibC.errno()));
      }
    }
  }

  private void run() {
    try {
      loop();
    } finally {
      synchronized (lifecycle) {
        handlers.clear();
        closeAll(epfd, urgentEpfd, wakeFd);
        events.close();
        urgentEvents.close();
        wakeBuffer.close();
        controlEvent.close();
        closed = true;
      }
    }
  }

  private void loop() {
    while (running && serve(epfd, events, timeoutMillis)) {
      if (running) {
        guarded(tick::afterWake);
      }
    }
  }

  /** One epoll_wait on {@code set} and its events handled; false when the loop must stop. */
  private boolean serve(int set, Memory buffer, int timeout) {
    int n = LibC.epoll_wait(set, buffer, MAX_EVENTS, timeout);
    if (n < 0) {
      int errno = LibC.errno();
      if (errno != Errno.EINTR) {
        log.error("epoll_wait failed: {}; the I/O loop stops", Errno.name(errno));
        running = false;
        return false;
      }
      return true;
    }
    for (int i = 0; i < n && running; i++) {
      long at = (long) i * LibC.EPOLL_EVENT_SIZE;
      dispatch(buffer.getLong(at + LibC.EPOLL_DATA_OFFSET), buffer.getInt(at));
    }
    return true;
  }

  private void dispatch(long token, int ready) {
    if (token == 0) {
      LibC.read(wakeFd, wakeBuffer, 8);
      return;
    }
    if (token == URGENT_TOKEN) {
      serve(urgentEpfd, urgentEvents, 0);
      return;
    }
    @Nullable Handler h = handlers.get(token);
    if (h != null) {
      guarded(() -> h.onReady(ready));
    }
  }

  private static void closeAll(int... fds) {
    for (int fd : fds) {
      if (fd >= 0) {
        LibC.close(fd);
      }
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
