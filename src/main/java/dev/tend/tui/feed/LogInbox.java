package dev.tend.tui.feed;

import dev.tend.api.LogStream;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.StreamKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Log lines on their way from follower threads to one pane: followers offer, the UI thread drains.
 * Posts one {@link ConsoleEvent.LogReady} per batch however many lines arrive (redraws coalesce).
 * Bounded: when the UI falls behind, the oldest waiting lines are dropped and counted, and the pane
 * shows how many. Lines of an older generation (the pane switched process) are ignored.
 *
 * <p>When a pane starts following, the histories of its streams come one by one; the inbox holds
 * everything while it waits for the ones it was told to expect (at most {@link #HOLD}), then gives
 * them in time order ({@link HistoryMerge}), and after them the live lines that came meanwhile.
 * Thread-safe.
 */
public final class LogInbox {

  /** What the UI thread takes: lines, the latest unfinished line per stream, what was dropped. */
  public record Drained(
      List<LogLine> lines, Map<StreamKey, @Nullable LogLine> partials, long dropped) {}

  /** How long a pane waits for the histories it expects before it shows what it has. */
  static final Duration HOLD = Duration.ofSeconds(2);

  private final int pane;
  private final int capacity;
  private final EventSink sink;
  private final Clock clock;
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
  // guarded by this. Streams whose history this generation still waits for; lines are held.
  private final Set<StreamKey> awaited = new HashSet<>();
  // guarded by this. Streams given up on: their history, when it comes, is not interleaved.
  private final Set<StreamKey> late = new HashSet<>();
  // guarded by this. Histories that came while others are awaited, in arrival order.
  private final List<HistoryMerge.Block> histories = new ArrayList<>();
  // guarded by this. Lines that were waiting when the hold began: they go before the histories.
  private int heldFrom;
  // guarded by this. System.nanoTime when the hold gives up (a monotonic wait, not a wall time).
  private long holdUntil;

  public LogInbox(int pane, int capacity, EventSink sink) {
    this(pane, capacity, sink, Clock.systemDefaultZone());
  }

  /**
   * @param clock the time of notices, and of the times lines begin with (its zone)
   */
  public LogInbox(int pane, int capacity, EventSink sink, Clock clock) {
    this.pane = pane;
    this.capacity = capacity;
    this.sink = sink;
    this.clock = clock;
  }

  /** Starts a new generation (the pane shows something else); forgets what waits. */
  public synchronized long newGeneration() {
    generation++;
    lines.clear();
    partials.clear();
    dropped = 0;
    awaited.clear();
    late.clear();
    histories.clear();
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

  /**
   * The histories of {@code keys} are coming (any thread, before their follows open): until they
   * all came, or {@link #HOLD} passed, the inbox holds its lines so that they can go in time order.
   */
  public void expectHistory(long gen, Collection<StreamKey> keys) {
    boolean wake;
    synchronized (this) {
      if (gen != generation || keys.isEmpty()) {
        return;
      }
      wake = awaited.isEmpty() && histories.isEmpty();
      if (wake) {
        heldFrom = lines.size();
        holdUntil = System.nanoTime() + HOLD.toNanos();
      }
      awaited.addAll(keys);
      late.removeAll(keys);
    }
    if (wake) { // the pane looks again when the hold runs out, whatever arrives meanwhile
      CompletableFuture.delayedExecutor(HOLD.toMillis() + 1, TimeUnit.MILLISECONDS)
          .execute(() -> sink.post(new ConsoleEvent.LogReady(pane)));
    }
  }

  /**
   * A stream's history (lines, and their times, see {@link HistoryMerge.Block}) and the line it is
   * still writing after it. An empty one says that none will come (the follow failed or ended).
   */
  public void offerHistory(long gen, HistoryMerge.Block history, @Nullable LogLine partial) {
    boolean post;
    synchronized (this) {
      if (gen != generation) {
        return;
      }
      StreamKey key = history.key();
      partials.put(key, partial);
      boolean expected = awaited.remove(key);
      if (!expected && late.remove(key) && !history.lines().isEmpty()) {
        keep(lateNotice(key));
      }
      if (!expected && histories.isEmpty()) {
        history.lines().forEach(this::keep); // nothing to interleave it with
      } else {
        histories.add(history);
        if (awaited.isEmpty()) {
          release();
        }
      }
      post = signal();
    }
    if (post) {
      sink.post(new ConsoleEvent.LogReady(pane));
    }
  }

  private LogLine lateNotice(StreamKey key) {
    String what = key.source() + (key.stream() == LogStream.STDERR ? " stderr" : "");
    return new LogLine(
        0,
        LogLine.Kind.NOTICE,
        null,
        key.source(),
        clock.millis(),
        "earlier output of " + what + ", not interleaved: it came after the pane's other logs",
        List.of(),
        0);
  }

  /** The histories go in, merged, after the lines that were waiting when the hold began. */
  private void release() {
    List<LogLine> merged =
        HistoryMerge.merge(
            histories, new LineTimestamps(clock.getZone(), clock.millis()), clock.millis());
    histories.clear();
    List<LogLine> all = new ArrayList<>(lines);
    int at = Math.min(heldFrom, all.size());
    all.addAll(at, merged);
    lines.clear();
    all.forEach(this::keep);
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

  /** Takes everything waiting; nothing while histories are awaited. */
  public synchronized Drained drain() {
    signalled = false;
    if (!awaited.isEmpty()) {
      if (System.nanoTime() - holdUntil < 0) {
        return new Drained(List.of(), Map.of(), 0);
      }
      late.addAll(awaited); // given up on: shown as they come, not interleaved
      awaited.clear();
    }
    if (!histories.isEmpty()) {
      release();
    }
    Drained d = new Drained(new ArrayList<>(lines), new LinkedHashMap<>(partials), dropped);
    lines.clear();
    partials.clear();
    dropped = 0;
    return d;
  }
}
