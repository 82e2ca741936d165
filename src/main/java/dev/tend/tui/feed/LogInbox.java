package dev.tend.tui.feed;

import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.StreamKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Log lines on their way from follower threads to one pane: followers offer, the UI thread drains.
 * Posts one {@link ConsoleEvent.LogReady} per batch however many lines arrive (redraws coalesce).
 * Bounded: when the UI falls behind, the oldest waiting lines are dropped and counted, and the pane
 * shows how many. Lines of an older generation (the pane switched process) are ignored.
 * Thread-safe.
 */
public final class LogInbox {

  /** What the UI thread takes: lines, the latest unfinished line per stream, what was dropped. */
  public record Drained(
      List<LogLine> lines, Map<StreamKey, @Nullable LogLine> partials, long dropped) {}

  private final int pane;
  private final int capacity;
  private final EventSink sink;
  // guarded by this. Lines waiting, oldest first.
  private final ArrayDeque<LogLine> lines = new ArrayDeque<>();
  // guarded by this. Latest unfinished line per stream; a null value means "none any more".
  private final Map<StreamKey, @Nullable LogLine> partials = new LinkedHashMap<>();
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

  /** One complete line (or a notice); a line also ends its stream's unfinished line. */
  public void offer(long gen, LogLine line) {
    boolean post;
    synchronized (this) {
      if (gen != generation) {
        return;
      }
      add(line);
      post = signal();
    }
    if (post) {
      sink.post(new ConsoleEvent.LogReady(pane));
    }
  }

  /**
   * A stream's complete lines from one read, and the line it is still writing after them (null:
   * none).
   */
  public void offer(long gen, List<LogLine> complete, StreamKey key, @Nullable LogLine partial) {
    boolean post;
    synchronized (this) {
      if (gen != generation) {
        return;
      }
      for (LogLine l : complete) {
        keep(l);
      }
      partials.put(key, partial); // after these lines, this is what the stream is writing
      post = signal();
    }
    if (post) {
      sink.post(new ConsoleEvent.LogReady(pane));
    }
  }

  private void add(LogLine line) {
    keep(line);
    if (line.stream() != null) {
      partials.put(new StreamKey(line.source(), line.stream()), null);
    }
  }

  private void keep(LogLine line) {
    lines.addLast(line);
    if (lines.size() > capacity) {
      lines.removeFirst();
      dropped++;
    }
  }

  private boolean signal() {
    boolean post = !signalled;
    signalled = true;
    return post;
  }

  /** Takes everything waiting. */
  public synchronized Drained drain() {
    signalled = false;
    Drained d = new Drained(new ArrayList<>(lines), new LinkedHashMap<>(partials), dropped);
    lines.clear();
    partials.clear();
    dropped = 0;
    return d;
  }
}
