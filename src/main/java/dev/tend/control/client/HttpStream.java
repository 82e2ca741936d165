package dev.tend.control.client;

import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pumps an endless HTTP body (supervisord's {@code /logtail} answers) into a {@link LogListener} on
 * a virtual thread of its own, until the server ends it, the connection breaks, or {@link #close}
 * is called. The listener hears {@link LogListener#onClosed} exactly once.
 */
final class HttpStream implements LogFollow {
  private final HttpConnection connection;
  private final HttpResponse response;
  private final LogListener listener;
  private final AtomicBoolean closedByCaller = new AtomicBoolean(); // set once by close()

  private HttpStream(HttpConnection connection, HttpResponse response, LogListener listener) {
    this.connection = connection;
    this.response = response;
    this.listener = listener;
  }

  static HttpStream start(
      HttpConnection connection, HttpResponse response, LogListener listener, String path) {
    HttpStream s = new HttpStream(connection, response, listener);
    Thread.ofVirtual().name("tend-stream " + path).start(s::pump);
    return s;
  }

  private void pump() {
    String reason;
    try {
      for (ByteBuffer piece = response.nextPiece(); piece != null; piece = response.nextPiece()) {
        byte[] data = new byte[piece.remaining()];
        piece.get(data);
        if (closedByCaller.get()) {
          break;
        }
        listener.onData(data);
      }
      reason = closedByCaller.get() ? "closed" : "the server ended the stream";
    } catch (IOException e) {
      reason =
          closedByCaller.get()
              ? "closed"
              : "connection to " + connection.url() + " lost: " + HttpConnection.describe(e);
    } catch (RuntimeException e) {
      reason = "listener failed: " + e;
    }
    connection.close();
    listener.onClosed(reason); // the pump is the only caller: exactly once
  }

  @Override
  public void close() {
    if (closedByCaller.compareAndSet(false, true)) {
      connection.close(); // wakes the pump, which reports onClosed("closed")
    }
  }
}
