package dev.tend.logs;

import dev.tend.api.LineTimes;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One follow of one stream: delivers the history, then every byte appended after it, in order, on a
 * virtual thread of its own (so a slow listener never holds up the writer or other followers). A
 * listener that falls more than the buffer's capacity behind is told the gap. Ends with exactly one
 * {@link LogListener#onClosed}; a call in progress when {@link #close} is called completes first.
 *
 * <p>A listener that {@link LogListener#copiesOnly() only copies} is called inline instead: on the
 * writer's thread as each append is published (and on the starting thread for the history), so a
 * chatty program costs no thread wake-up per line.
 */
final class LogFollower implements LogFollow {
  private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);
  private static final int CHUNK = 64 * 1024;
  private static final Duration IDLE_CHECK = Duration.ofMinutes(1);

  private final String name;
  private final TailBuffer tail;
  private final LogListener listener;
  private final Consumer<LogFollower> onEnd;
  // Null while following; set once to why it ended.
  private final AtomicReference<@Nullable String> ended = new AtomicReference<>();
  // Set once by start() under this object's monitor; null for a follow that ended before starting.
  private @Nullable Thread thread;
  // Inline follows: called by the tail buffer after each append; null for a threaded follow.
  private final TailBuffer.@Nullable AppendListener inline;
  // Inline follows, guarded by this: where the next delivery starts.
  private long inlinePos;

  LogFollower(String name, TailBuffer tail, LogListener listener, Consumer<LogFollower> onEnd) {
    this.name = name;
    this.tail = tail;
    this.listener = listener;
    this.onEnd = onEnd;
    this.inline = listener.copiesOnly() ? end -> deliverInline() : null;
  }

  synchronized void start(LogChunk history, LineTimes times) {
    if (isEnded()) {
      return; // ended before it began: end() already said so
    }
    TailBuffer.AppendListener appended = inline;
    if (appended != null) {
      inlinePos = history.end();
      if (!call(() -> listener.onHistory(history.bytes(), times))) {
        return;
      }
      tail.addListener(appended);
      deliverInline(); // what was appended between the history and the listener's registration
      if (isEnded()) {
        tail.removeListener(appended); // ended meanwhile: end() may have looked before we added it
      }
      return;
    }
    Thread t =
        Thread.ofVirtual().name("tend-follow " + name).unstarted(() -> deliver(history, times));
    thread = t;
    t.start();
  }

  /** Ends the follow with {@code reason} (the first reason given wins). */
  void end(String reason) {
    if (ended.compareAndSet(null, reason)) {
      TailBuffer.AppendListener appended = inline;
      if (appended != null) {
        tail.removeListener(appended);
        synchronized (this) {
          finish(); // after a delivery in progress, which holds the monitor
        }
        return;
      }
      Thread t;
      synchronized (this) {
        t = thread;
      }
      if (t == null) {
        finish();
      } else {
        LockSupport.unpark(t);
      }
    }
  }

  @Override
  public void close() {
    end("closed");
  }

  boolean isEnded() {
    return ended.get() != null;
  }

  private void deliver(LogChunk history, LineTimes times) {
    long pos = history.end();
    try {
      listener.onHistory(history.bytes(), times);
      while (!isEnded()) {
        if (!tail.awaitBeyond(pos, IDLE_CHECK, this::isEnded) || isEnded()) {
          continue;
        }
        if (tail.isClosed()) {
          end("process removed");
          break;
        }
        LogChunk c = tail.read(pos, CHUNK);
        if (c.lost() > 0) {
          listener.onGap(c.lost());
        }
        if (c.length() > 0) {
          listener.onData(c.bytes());
        }
        pos = c.end();
      }
    } catch (InterruptedException e) {
      end("interrupted");
    } catch (RuntimeException e) {
      LOG.warn("follower of {} failed; the follow ends", name, e);
      end("listener failed: " + e);
    }
    finish();
  }

  /** Inline: delivers whatever lies beyond the last delivery, on the calling thread. */
  private synchronized void deliverInline() {
    while (!isEnded()) {
      LogChunk c = tail.read(inlinePos, CHUNK);
      if (c.end() == inlinePos && c.lost() == 0) {
        return;
      }
      inlinePos = c.end();
      if (c.lost() > 0 && !call(() -> listener.onGap(c.lost()))) {
        return;
      }
      if (c.length() > 0 && !call(() -> listener.onData(c.bytes()))) {
        return;
      }
    }
  }

  /** Calls the listener; a failure ends the follow (returns false). */
  private boolean call(Runnable r) {
    try {
      r.run();
      return true;
    } catch (RuntimeException e) {
      LOG.warn("follower of {} failed; the follow ends", name, e);
      end("listener failed: " + e);
      return false;
    }
  }

  private void finish() {
    onEnd.accept(this);
    try {
      String reason = ended.get();
      listener.onClosed(reason == null ? "closed" : reason);
    } catch (RuntimeException e) {
      LOG.warn("follower of {} failed while closing", name, e);
    }
  }
}
