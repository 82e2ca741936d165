package dev.tend.control.server;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The writing side of one connection: gathered writes (a response's head and body go out in one
 * system call when they are small), each under the write timeout, so a client that stops reading
 * costs the server nothing but its connection. Large heap buffers go out in slices, which keeps the
 * JDK's per-thread temporary direct buffers small. Used by the connection's own thread only.
 */
final class ResponseOutput {
  private static final int SLICE = 64 * 1024;

  private final SocketChannel channel;
  private final Deadline deadline;
  private final long writeNanos;

  ResponseOutput(SocketChannel channel, Deadline deadline, ServerLimits limits) {
    this.channel = channel;
    this.deadline = deadline;
    this.writeNanos = limits.writeTimeout().toNanos();
  }

  /** Writes every remaining byte of {@code parts}, in order. */
  void write(ByteBuffer... parts) throws IOException {
    long total = 0;
    for (ByteBuffer b : parts) {
      total += b.remaining();
    }
    deadline.arm(Deadline.Phase.WRITE, writeNanos);
    try {
      if (total <= SLICE) {
        while (total > 0) {
          total -= channel.write(parts);
        }
      } else {
        for (ByteBuffer b : parts) {
          writeSliced(b);
        }
      }
    } finally {
      if (!deadline.disarm()) {
        throw new InterruptedIOException("the client took no bytes within the write timeout");
      }
    }
  }

  private void writeSliced(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      int n = Math.min(b.remaining(), SLICE);
      ByteBuffer slice = b.slice(b.position(), n);
      while (slice.hasRemaining()) {
        channel.write(slice);
      }
      b.position(b.position() + n);
    }
  }
}
