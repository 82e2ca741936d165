package dev.tend.platform;

import java.io.IOException;

/** The parent's read end of a child's stdout or stderr pipe, drained into its sink. */
final class OutputPipe {
  private final int fd; // non-blocking, close-on-exec; closed once, by finish()
  private final OutputSink sink;
  private long token; // the loop registration; set once after register()
  private boolean open = true; // I/O thread only once registered

  OutputPipe(int fd, OutputSink sink) {
    this.fd = fd;
    this.sink = sink;
  }

  void register(EpollLoop loop, ReadBuffer buffer) throws IOException {
    token = loop.register(fd, LibC.EPOLLIN, events -> read(loop, buffer, 16, true));
  }

  /** Reads everything the pipe holds, up to {@code maxReads} reads; ends the pipe at EOF. */
  void drain(EpollLoop loop, ReadBuffer buffer, int maxReads) {
    read(loop, buffer, maxReads, false);
  }

  /**
   * Reads what the pipe holds now, at most {@code maxReads} times (a level-triggered loop comes
   * back for the rest, which keeps one chatty child from starving the others); ends the pipe at
   * EOF. With {@code untilShort}, a read that did not fill the buffer ends it: the pipe was empty
   * then, and the loop reports anything written since, so the read that would only say EAGAIN (one
   * syscall in two for a program writing lines) is skipped.
   */
  private void read(EpollLoop loop, ReadBuffer buffer, int maxReads, boolean untilShort) {
    for (int i = 0; i < maxReads && open; i++) {
      long n = LibC.read(fd, buffer.memory(), buffer.capacity());
      if (n > 0) {
        buffer.counted(n);
        sink.onData(buffer.view((int) n));
        if (untilShort && n < buffer.capacity()) {
          return;
        }
      } else if (n == 0) {
        end(loop);
      } else {
        int errno = LibC.errno();
        if (errno == Errno.EAGAIN) {
          return;
        }
        if (errno != Errno.EINTR) {
          end(loop);
        }
      }
    }
  }

  /** Stops reading (EOF, or the child was reaped and drained) and tells the sink, once. */
  void end(EpollLoop loop) {
    if (open) {
      open = false;
      loop.unregister(fd, token);
      LibC.close(fd);
      sink.onEof();
    }
  }

  /** Closes without telling the sink (the launcher is shutting down). */
  void abandon(EpollLoop loop) {
    if (open) {
      open = false;
      loop.unregister(fd, token);
      LibC.close(fd);
    }
  }
}
