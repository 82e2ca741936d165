package dev.tend.control.client;

import dev.tend.api.ConnectionException;
import dev.tend.api.Fault;
import dev.tend.api.LineTimes;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Follows a process log on a tend server that streams ({@code GET /tend/follow}, docs/PROTOCOL.md):
 * one endless response carries every write as it happens, on a virtual thread of its own; no call
 * per batch. When the connection drops (the server's listener was reopened, say), the follow asks
 * again from the last position it had, so nothing is lost or repeated; when that fails too, or the
 * server ends the follow with a fault, the listener hears why.
 */
final class StreamedLogFollow implements LogFollow {
  /** How the follow opens its stream: {@code position} "" asks for {@code history} bytes first. */
  interface Source {
    XmlRpcClient.OpenStream open(String position, long history);
  }

  /** The waits before each new attempt in a row that brings nothing: about 3 s in all. */
  private static final java.time.Duration[] RETRIES = {
    java.time.Duration.ofMillis(50),
    java.time.Duration.ofMillis(200),
    java.time.Duration.ofMillis(750),
    java.time.Duration.ofSeconds(2)
  };

  /** Why a tend daemon's history has no times: it is older than the times frame. */
  static final String NO_TIMES = "this tend daemon keeps no line times";

  private final Source source;
  private final LogListener listener;
  private final String name;
  // Set by close() from any thread.
  private volatile boolean closed;
  // The stream being read, closed by close() to wake the reader.
  private volatile XmlRpcClient.@Nullable OpenStream current;
  // Owned by the follow's thread: where to resume, and why the server ended the follow.
  private String position = "";
  private @Nullable String ended;
  private boolean progressed;
  // Owned by the follow's thread: the history's times, from the frame before it.
  private @Nullable LineTimes historyTimes;

  StreamedLogFollow(Source source, LogListener listener, String name) {
    this.source = source;
    this.listener = listener;
    this.name = name;
  }

  StreamedLogFollow start(long historyBytes) {
    Thread.ofVirtual().name("tend-follow " + name).start(() -> run(historyBytes));
    return this;
  }

  private void run(long historyBytes) {
    String reason;
    try {
      reason = follow(historyBytes);
    } catch (RuntimeException e) {
      reason = closed ? "closed" : "failed: " + e;
    }
    listener.onClosed(reason);
  }

  /** Reads streams until the follow ends; returns why. */
  private String follow(long historyBytes) {
    String lastLoss = "the server ended the stream";
    int failures = 0; // opens in a row that brought nothing
    while (!closed) {
      progressed = false;
      boolean history = position.isEmpty();
      try (XmlRpcClient.OpenStream s = source.open(position, historyBytes)) {
        current = s;
        if (closed) {
          break;
        }
        read(s, history);
        if (ended != null) {
          return ended;
        }
        lastLoss = "the server ended the stream";
      } catch (ConnectionException e) {
        lastLoss = String.valueOf(e.getMessage());
      } catch (IOException e) {
        lastLoss = HttpConnection.describe(e);
      } catch (FollowFrames.FrameException e) {
        return closed ? "closed" : "not a follow stream: " + e.getMessage();
      } finally {
        current = null;
      }
      failures = progressed ? 0 : failures + 1;
      if (closed || failures > RETRIES.length || !pause(failures)) {
        break;
      }
    }
    return closed ? "closed" : "connection lost: " + lastLoss;
  }

  /**
   * Waits before the {@code failures}-th attempt in a row (a listener being reopened is back within
   * milliseconds; a daemon restarting takes longer); false when closed meanwhile.
   */
  private boolean pause(int failures) {
    if (failures == 0) {
      return true;
    }
    try {
      Thread.sleep(RETRIES[failures - 1]);
      return !closed;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private void read(XmlRpcClient.OpenStream s, boolean history)
      throws IOException, FollowFrames.FrameException {
    boolean[] first = {history}; // the first data frame of a stream opened from "" is the history
    FollowFrames frames =
        new FollowFrames(
            new FollowFrames.Handler() {
              @Override
              public void data(byte[] data, String next, long lost) {
                progressed = true;
                position = next;
                if (closed) {
                  return;
                }
                if (lost != 0) {
                  listener.onGap(lost);
                }
                if (first[0]) {
                  first[0] = false;
                  LineTimes t = historyTimes;
                  listener.onHistory(data, t != null ? t : LineTimes.none(NO_TIMES));
                } else if (data.length > 0) {
                  listener.onData(data);
                }
              }

              @Override
              public void times(LineTimes times) {
                historyTimes = times;
              }

              @Override
              public void fault(int code, String text) {
                ended = code == Fault.BAD_NAME.code() ? name + " no longer exists" : text;
              }
            });
    for (ByteBuffer piece = s.response().nextPiece();
        piece != null && ended == null && !closed;
        piece = s.response().nextPiece()) {
      frames.feed(piece);
    }
  }

  @Override
  public void close() {
    closed = true;
    XmlRpcClient.OpenStream s = current;
    if (s != null) {
      s.close(); // wakes the reader
    }
  }
}
