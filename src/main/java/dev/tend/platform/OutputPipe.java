package dev.tend.platform;

import java.io.IOException;

/** The parent's read end of a child's stdout or stderr pipe, drained into its sink. */
final class OutputPipe {
  /**
   * What a pipe grows to once its writer has filled the default 64 KiB: the writer then runs ahead
   * of the I/O thread by up to 1 MiB instead of sleeping (and waking the reader) every 64 KiB, and
   * each wake-up reads up to 1 MiB in one call. Pipes of programs that write lines keep 64 KiB.
   */
  static final int BULK_PIPE_SIZE = 1 << 20;

  private static final int DEFAULT_PIPE_SIZE = 64 * 1024;
  private static final int READS_PER_WAKE = 4; // up to 4 MiB at a time for a bulk writer

  private final int fd; // non-blocking, close-on-exec; closed once, by finish()
  private final OutputSink sink;
  private final PipeGrowth growth;
  private long token; // the loop registration; set once by register(), before it is watched
  private boolean open = true; // I/O thread only once registered
  private boolean askedToGrow; // tried to grow once already (granted or not); I/O thread only
  private boolean grown; // holds a place of growth, given back at close; I/O thread only
  private boolean urgent; // registered in the loop's urgent set; I/O thread only

  OutputPipe(int fd, OutputSink sink, PipeGrowth growth) {
    this.fd = fd;
    this.sink = sink;
    this.growth = growth;
  }

  void register(EpollLoop loop, ReadBuffer buffer) throws IOException {
    // The token is noted before the fd is watched: the handler, on the I/O thread, moves the
    // registration by it (a token not yet seen there would read as the loop's own wake-up fd).
    token = loop.newToken();
    loop.register(fd, LibC.EPOLLIN, token, events -> onReadable(loop, buffer));
  }

  private void onReadable(EpollLoop loop, ReadBuffer buffer) {
    read(loop, buffer, READS_PER_WAKE, true);
    if (open && sink.urgent() != urgent) {
      try {
        loop.setUrgent(fd, LibC.EPOLLIN, token, !urgent);
        urgent = !urgent;
      } catch (IOException e) {
        // No room for another watch (ENOMEM, max_user_watches): it stays where it was, still read.
      }
    }
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
        if (n >= DEFAULT_PIPE_SIZE && !askedToGrow) {
          grow();
        }
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

  /**
   * The writer filled the pipe: it writes in bulk. Best effort: with all places of growth taken, or
   * refused by the kernel (an unprivileged user past {@code pipe-user-pages-soft}), it keeps 64
   * KiB.
   */
  private void grow() {
    askedToGrow = true;
    if (growth.take()) {
      grown = LibC.fcntl(fd, LibC.F_SETPIPE_SZ, BULK_PIPE_SIZE) >= 0;
      if (!grown) {
        growth.giveBack();
      }
    }
  }

  private void close(EpollLoop loop) {
    open = false;
    loop.unregister(fd, token);
    LibC.close(fd);
    if (grown) {
      grown = false;
      growth.giveBack();
    }
  }

  /** Stops reading (EOF, or the child was reaped and drained) and tells the sink, once. */
  void end(EpollLoop loop) {
    if (open) {
      close(loop);
      sink.onEof();
    }
  }

  /** Closes without telling the sink (the launcher is shutting down). */
  void abandon(EpollLoop loop) {
    if (open) {
      close(loop);
    }
  }
}
