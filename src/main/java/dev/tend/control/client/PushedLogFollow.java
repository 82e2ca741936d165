package dev.tend.control.client;

import dev.tend.api.ConnectionException;
import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LineTimes;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Follows a process log on a tend server: a loop of {@code tend.followProcessLog} long-polls on a
 * virtual thread. The server holds each call until bytes arrive (or its timeout), and says how many
 * bytes were lost when the asked position had already left its buffer, so the listener sees every
 * byte once, in order, and every loss.
 *
 * <p>With an interval ({@link ClientSettings#followInterval()}), a log that trickles (a line every
 * few milliseconds) does not cost a call per line: after a small answer the next call waits until
 * the interval after the previous one began, so bytes gather on the server meanwhile. A large
 * answer means the reader is behind: the next call goes at once. So a quiet log costs one waiting
 * call, a chatty one at most one call per interval, and a flood as many as it needs. Without an
 * interval each write is handed over as soon as it arrives.
 */
final class PushedLogFollow implements LogFollow {
  /** One answer of {@code tend.followProcessLog}. */
  record Chunk(byte[] data, String position, long lost, @Nullable LineTimes times) {}

  /** The server's {@code tend.followProcessLog(name, stream, position, history, timeout)}. */
  interface Source {
    Chunk follow(String position, int historyBytes, int timeoutSeconds);
  }

  /** Long enough to keep calls rare, short enough to notice a dead server in reasonable time. */
  static final int POLL_SECONDS = 25;

  /** An answer this big means more is waiting: the next call goes at once. */
  static final int BIG_ANSWER = 64 * 1024;

  private final Source source;
  private final LogListener listener;
  private final String name;
  private final long intervalNanos; // calls that bring little start at least this far apart
  private volatile boolean closed; // set by close() from any thread
  private volatile @Nullable Thread thread; // the follow loop, once started

  PushedLogFollow(Source source, LogListener listener, String name, Duration interval) {
    this.source = source;
    this.listener = listener;
    this.name = name;
    this.intervalNanos = interval.toNanos();
  }

  PushedLogFollow start(long historyBytes) {
    int history = (int) Math.min(Integer.MAX_VALUE, historyBytes);
    thread = Thread.ofVirtual().name("tend-follow " + name).start(() -> run(history));
    return this;
  }

  private void run(int historyBytes) {
    String reason = "closed";
    String position = ""; // "" asks for the history first
    try {
      while (!closed) {
        long began = System.nanoTime();
        Chunk c = source.follow(position, historyBytes, POLL_SECONDS);
        if (closed) {
          break;
        }
        if (c.lost() != 0) {
          listener.onGap(c.lost());
        }
        if (position.isEmpty()) {
          LineTimes t = c.times();
          listener.onHistory(c.data(), t != null ? t : LineTimes.none(StreamedLogFollow.NO_TIMES));
        } else if (c.data().length > 0) {
          listener.onData(c.data());
        }
        position = c.position();
        if (intervalNanos > 0 && c.data().length > 0 && c.data().length < BIG_ANSWER) {
          long wait = began + intervalNanos - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        }
      }
    } catch (InterruptedException e) {
      reason = "closed"; // close() interrupts a wait between calls
    } catch (FaultException e) {
      reason =
          closed ? "closed" : e.is(Fault.BAD_NAME) ? name + " no longer exists" : e.faultString();
    } catch (ConnectionException e) {
      reason = closed ? "closed" : "connection lost: " + e.getMessage();
    } catch (RuntimeException e) {
      reason = "failed: " + e;
    }
    listener.onClosed(reason);
  }

  @Override
  public void close() {
    closed = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }
}
