package dev.tend.control.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/**
 * The reading side of one connection: request heads and bodies from a blocking channel, through a
 * buffer that keeps what a pipelining client sent ahead. Every wait is under the connection's
 * {@link Deadline}: when it expires, the sweeper shuts the input down, the read here ends, and the
 * request is refused with 408 (or, between requests, the connection just closes). Used by the
 * connection's own thread only.
 */
final class RequestInput {
  private static final int INITIAL_BYTES = 2048;
  private static final int MAX_CHUNK_LINE = 1024;

  private final SocketChannel channel;
  private final Deadline deadline;
  private final ServerLimits limits;
  private final BodyBudget budget;
  // Received bytes not yet consumed are buf[start, end); grown up to the head limit.
  private byte[] buf = new byte[INITIAL_BYTES];
  private ByteBuffer view = ByteBuffer.wrap(buf);
  private int start;
  private int end;
  // Where the content of the line last read by line() starts.
  private int lineFrom;

  RequestInput(SocketChannel channel, Deadline deadline, ServerLimits limits, BodyBudget budget) {
    this.channel = channel;
    this.deadline = deadline;
    this.limits = limits;
    this.budget = budget;
  }

  /** A request's body: {@code bytes[0, length)}, holding {@code reserved} of the budget. */
  record Body(byte[] bytes, int length, long reserved) {}

  /**
   * The next request's head, waiting for it up to the idle timeout and then for the rest of it up
   * to the header timeout.
   *
   * @return null when the client closed (or stayed idle too long) before sending a byte of it
   */
  @Nullable RequestHead readHead() throws IOException, HttpError {
    compact();
    int scan = start;
    int lineStart = start;
    boolean lineChecked = false;
    boolean begun = end > start;
    deadline.arm(begun ? Deadline.Phase.HEAD : Deadline.Phase.IDLE, headNanos(begun));
    while (true) {
      for (; scan < end; scan++) {
        if (buf[scan] != '\n') {
          continue;
        }
        int contentEnd = RequestHead.trimCr(buf, lineStart, scan);
        if (!lineChecked && contentEnd == lineStart) {
          start = scan + 1; // an empty line before the request line: ignored (RFC 9112 2.2)
        } else if (!lineChecked) {
          RequestHead.checkLine(buf, lineStart, contentEnd);
          lineChecked = true;
        } else if (contentEnd == lineStart) {
          if (!deadline.disarm()) {
            throw new HttpError(Refusal.HEAD_TIMEOUT, "head complete after its deadline");
          }
          RequestHead head = RequestHead.parse(buf, start, scan + 1, limits);
          start = scan + 1;
          return head;
        }
        lineStart = scan + 1;
      }
      if (end - start > limits.maxHeaderBytes()) {
        throw new HttpError(
            lineChecked ? HttpStatus.HEADERS_TOO_LARGE : HttpStatus.URI_TOO_LONG,
            Refusal.HEAD_TOO_LARGE,
            "head over " + limits.maxHeaderBytes() + " bytes");
      }
      if (end == buf.length && start > 0) {
        int shift = start; // blank lines skipped: make room
        compact();
        scan -= shift;
        lineStart -= shift;
      }
      if (fill(limits.maxHeaderBytes() + 1024) < 0) {
        return endOfHead(end > start);
      }
      if (!begun) {
        begun = true;
        deadline.arm(Deadline.Phase.HEAD, limits.headerTimeout().toNanos());
      }
    }
  }

  private long headNanos(boolean begun) {
    return (begun ? limits.headerTimeout() : limits.idleTimeout()).toNanos();
  }

  /** The input ended in a head: a timeout, a client that gave up half-way, or a clean close. */
  private @Nullable RequestHead endOfHead(boolean partial) throws HttpError {
    boolean expired = !deadline.disarm();
    if (!partial) {
      return null;
    }
    if (expired) {
      throw new HttpError(Refusal.HEAD_TIMEOUT, "head not complete in time");
    }
    throw HttpError.malformed("connection closed in the request head");
  }

  /**
   * The whole body of {@code head}, within the body timeout, the size limit and the budget.
   *
   * @throws HttpError 413, 408, 503 (budget), or 400 for a body cut short or badly chunked
   */
  Body readBody(RequestHead head) throws IOException, HttpError {
    if (head.contentLength > limits.maxBodyBytes()) {
      throw new HttpError(Refusal.BODY_TOO_LARGE, "declared " + head.contentLength + " bytes");
    }
    deadline.arm(Deadline.Phase.BODY, limits.bodyTimeout().toNanos());
    Body body = head.chunked ? readChunked() : readLength((int) Math.max(0, head.contentLength));
    if (!deadline.disarm()) {
      budget.release(body.reserved());
      throw new HttpError(Refusal.BODY_TIMEOUT, "body complete after its deadline");
    }
    return body;
  }

  private Body readLength(int length) throws IOException, HttpError {
    if (!budget.reserve(length)) {
      throw new HttpError(Refusal.BODY_MEMORY, "no budget for " + length + " bytes");
    }
    byte[] body = new byte[length];
    try {
      readFully(body, 0, length);
    } catch (IOException | HttpError e) {
      budget.release(length);
      throw e;
    }
    return new Body(body, length, length);
  }

  /** Fills {@code into[at, at + n)} from the buffer, then straight from the channel. */
  private void readFully(byte[] into, int at, int n) throws IOException, HttpError {
    int buffered = Math.min(n, end - start);
    System.arraycopy(buf, start, into, at, buffered);
    start += buffered;
    ByteBuffer rest = ByteBuffer.wrap(into, at + buffered, n - buffered);
    while (rest.hasRemaining()) {
      if (channel.read(rest) < 0) {
        throw endOfBody();
      }
    }
  }

  private HttpError endOfBody() {
    return deadline.expired()
        ? new HttpError(Refusal.BODY_TIMEOUT, "body not complete in time")
        : HttpError.malformed("connection closed in the request body");
  }

  private Body readChunked() throws IOException, HttpError {
    byte[] body = new byte[0];
    int length = 0;
    long reserved = 0;
    try {
      for (long size = chunkSize(); size > 0; size = chunkSize()) {
        if (length + size > limits.maxBodyBytes()) {
          throw new HttpError(Refusal.BODY_TOO_LARGE, "chunked body over the limit");
        }
        int need = length + (int) size;
        if (need > body.length) {
          int grown = Math.min(limits.maxBodyBytes(), Math.max(need, body.length * 2));
          if (!budget.reserve(grown - body.length)) {
            throw new HttpError(Refusal.BODY_MEMORY, "no budget for a chunked body");
          }
          reserved += grown - body.length;
          body = java.util.Arrays.copyOf(body, grown);
        }
        readFully(body, length, (int) size);
        length = need;
        if (line() != 0) {
          throw HttpError.malformed("chunk data not followed by CRLF");
        }
      }
      while (line() != 0) {
        // trailer fields: read and dropped
      }
    } catch (IOException | HttpError e) {
      budget.release(reserved);
      throw e;
    }
    return new Body(body, length, reserved);
  }

  /** Reads a chunk-size line; its extensions are ignored. */
  private long chunkSize() throws IOException, HttpError {
    int length = line();
    int from = lineFrom;
    int to = from + length;
    int semi = RequestHead.indexOf(buf, from, to, (byte) ';');
    if (semi >= 0) {
      to = semi;
    }
    while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
      to--;
    }
    if (to == from || to - from > 15) {
      throw HttpError.malformed("bad chunk size");
    }
    long size = 0;
    for (int i = from; i < to; i++) {
      int digit = Character.digit(buf[i], 16);
      if (digit < 0) {
        throw HttpError.malformed("bad chunk size");
      }
      size = size * 16 + digit;
    }
    return size;
  }

  /**
   * Consumes one line of the body's framing; returns the length of its content (without CR LF),
   * which starts at {@link #lineFrom} and stays there until the next read.
   */
  private int line() throws IOException, HttpError {
    int scan = start;
    while (true) {
      int lf = RequestHead.indexOf(buf, scan, end, (byte) '\n');
      if (lf >= 0) {
        lineFrom = start;
        start = lf + 1;
        return RequestHead.trimCr(buf, lineFrom, lf) - lineFrom;
      }
      if (end - start > MAX_CHUNK_LINE) {
        throw HttpError.malformed("chunk line too long");
      }
      scan = end - start;
      compact();
      scan += start;
      if (fill(MAX_CHUNK_LINE + 16) < 0) {
        throw endOfBody();
      }
    }
  }

  /**
   * Reads whatever a client still sends after a refusal, so that closing does not reset the
   * connection before it has read the answer (TCP sends RST when unread data is discarded); at most
   * {@code maxBytes}, within the deadline the caller armed.
   */
  void drain(long maxBytes) {
    ByteBuffer sink = ByteBuffer.wrap(buf);
    long total = 0;
    try {
      while (total < maxBytes) {
        sink.clear();
        int n = channel.read(sink);
        if (n < 0) {
          return;
        }
        total += n;
      }
    } catch (IOException e) {
      // closed by the deadline or by the client: done either way
    }
  }

  /** Moves unread bytes to the front of the buffer. */
  private void compact() {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
  }

  /**
   * Reads more into the buffer (growing it up to {@code maxBuffer} first when it is full; callers
   * compact); the count, or -1 at the end of input.
   */
  private int fill(int maxBuffer) throws IOException {
    if (end == buf.length && buf.length < maxBuffer) {
      buf = java.util.Arrays.copyOf(buf, Math.min(maxBuffer, buf.length * 2));
      view = ByteBuffer.wrap(buf);
    }
    view.limit(buf.length).position(end);
    int n = channel.read(view);
    if (n > 0) {
      end += n;
    }
    return n;
  }
}
