package dev.tend.tui.model;

import dev.tend.api.LogStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Log lines on their way from a follower thread to one pane: the follower offers, the UI thread
 * drains. Posts one {@link ConsoleEvent.LogReady} per batch however many lines arrive (redraws
 * coalesce). Bounded: when the UI falls behind, the oldest waiting lines are dropped and counted,
 * and the pane shows how many. Lines of an older generation (the pane switched process) are
 * ignored. Thread-safe.
 */
public final class LogInbox {

  /** What the UI thread takes: lines, the latest unfinished line per stream, what was dropped. */
  public record Drained(
      List<LogLine> lines, Map<LogStream, @Nullable LogLine> partials, long dropped) {}

  private final int pane;
  private final int capacity;
  private final EventSink sink;
  // guarded by this. Lines waiting, oldest first.
  private final ArrayDeque<LogLine> lines = new ArrayDeque<>();
  // guarded by this. Latest unfinished line per stream; a null value means "none any more".
  private final Map<LogStream, @Nullable LogLine> partials = new EnumMap<>(LogStream.class);
  // guarded by this
  private long dropped;
  // guarded by this. Offers for another generation are stale.
  private long generation;
  // guarded by this. True from the LogReady post until the next drain.
  private boolean signalled;

  public LogInbox(int pane, int capacity, EventSink sink) {
    this.pane = pane;
    this.capacity = capacity;
    this.sink = sink;
  }

  /** Starts a new generation (the pane shows something else); forgets what waits. */
  public synchronized long newGeneration() {
    generation++;
    lines.clear();
    partials.clear();
    dropped = 0;
    return generation;
  }

  public synchronized long generation() {
    return generation;
  }

  /** A complete line; it also ends its stream's unfinished line. */
  public void offer(long gen, LogLine line) {
    boolean post;
    synchronized (this) {
      if (gen != generation) {
        return;
      }
      lines.addLast(line);
      if (line.stream() != null) {
        partials.put(line.stream(), null);
      }
      while (lines.size() > capacity) {
        lines.removeFirst();
        dropped++;
      }
      post = !signalled;
      signalled = true;
    }
    if (post) {
      sink.post(new ConsoleEvent.LogReady(pane));
    }
  }

  /** The line a stream is still writing (null: none). */
  public void offerPartial(long gen, LogStream stream, @Nullable LogLine line) {
    boolean post;
    synchronized (this) {
      if (gen != generation) {
        return;
      }
      partials.put(stream, line);
      post = !signalled;
      signalled = true;
    }
    if (post) {
      sink.post(new ConsoleEvent.LogReady(pane));
    }
  }

  /** Takes everything waiting. */
  public synchronized Drained drain() {
    signalled = false;
    Drained d = new Drained(new ArrayList<>(lines), new EnumMap<>(partials), dropped);
    lines.clear();
    partials.clear();
    dropped = 0;
    return d;
  }
}
