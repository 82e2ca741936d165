package dev.tend.platform;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * The parent's write end of a child's stdin pipe. Writers queue bytes from any thread; the I/O
 * thread writes them when epoll says the pipe has room. The pipe is watched even when idle, so the
 * child closing its end (EPOLLERR) is noticed at once and later writes fail.
 */
final class StdinPipe {
  private final int pid;
  private final int fd; // non-blocking, close-on-exec; closed once, by close()
  private final EpollLoop loop;
  private final ReadBuffer scratch; // the I/O thread's buffer, used only on that thread
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>(); // unwritten chunks; guarded by this
  private int headOffset; // bytes of queue.peekFirst() already written; guarded by this
  private long token; // loop registration; set once by register()
  private boolean armed; // EPOLLOUT requested; guarded by this
  private boolean closed; // no more writes; guarded by this

  StdinPipe(int pid, int fd, EpollLoop loop, ReadBuffer scratch) {
    this.pid = pid;
    this.fd = fd;
    this.loop = loop;
    this.scratch = scratch;
  }

  synchronized void register() throws IOException {
    token = loop.register(fd, 0, this::onReady);
  }

  synchronized void write(byte[] data) throws IOException {
    if (closed) {
      throw new IOException("stdin of pid " + pid + " is closed");
    }
    if (data.length == 0) {
      return;
    }
    queue.addLast(data.clone());
    if (!armed) {
      loop.modify(fd, LibC.EPOLLOUT, token);
      armed = true;
    }
  }

  private synchronized void onReady(int events) {
    if (closed) {
      return;
    }
    if ((events & LibC.EPOLLOUT) != 0) {
      flush();
    } else if ((events & (LibC.EPOLLERR | LibC.EPOLLHUP)) != 0) {
      close();
    }
  }

  private void flush() {
    while (!queue.isEmpty()) {
      byte[] head = queue.peekFirst();
      int length = (int) Math.min(head.length - headOffset, scratch.capacity());
      scratch.memory().write(0, head, headOffset, length);
      long n = LibC.write(fd, scratch.memory(), length);
      if (n < 0) {
        int errno = LibC.errno();
        if (errno == Errno.EAGAIN || errno == Errno.EINTR) {
          return;
        }
        close(); // EPIPE: the reader is gone; what is queued can never be delivered
        return;
      }
      headOffset += (int) n;
      if (headOffset == head.length) {
        queue.removeFirst();
        headOffset = 0;
      }
    }
    try {
      loop.modify(fd, 0, token);
      armed = false;
    } catch (IOException e) {
      close();
    }
  }

  /** Closes the pipe (the child sees EOF); later writes throw. */
  synchronized void close() {
    if (!closed) {
      closed = true;
      queue.clear();
      loop.unregister(fd, token);
      LibC.close(fd);
    }
  }
}
