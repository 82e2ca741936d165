package dev.tend.tui.feed;

import dev.tend.api.LineTimes;
import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.SupervisorApi;
import dev.tend.tui.state.LogLine;
import dev.tend.tui.state.ServerKey;
import dev.tend.tui.state.StreamKey;
import dev.tend.tui.text.Durations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Follows the logs a pane shows: both streams of each of its processes, history then live, decoded
 * into lines and offered to the pane's {@link LogInbox}. Opening and closing follows is API work,
 * so it runs on its own single thread (in order); the UI thread only asks. Asking again before the
 * previous request ran replaces it (scrolling through the table does not open every log). A follow
 * this class closed says nothing more, not even that it ended.
 */
public final class LogFollower implements AutoCloseable {
  private final SupervisorApi api;
  private final ExecutorService worker;
  private final Clock clock;
  private final int maxLineChars;
  private final long historyBytes;
  // the server's name in the console ("" with one): lines carry ServerKey.of(server, namespec)
  private final String server;
  // worker thread only: the open follows of each pane, by process
  private final Map<Integer, Map<String, List<Opened>>> open = new HashMap<>();

  /** An open follow and the switch that silences its listener once it is closed. */
  private record Opened(LogFollow follow, StreamListener listener) {
    void close() {
      listener.cancelled = true;
      try {
        follow.close();
      } catch (RuntimeException e) {
        // the server may be gone already; the follow is over either way
      }
    }
  }

  /**
   * @param worker a single-thread executor this follower owns (it is shut down on close)
   */
  public LogFollower(
      SupervisorApi api, ExecutorService worker, Clock clock, int maxLineChars, long historyBytes) {
    this(api, worker, clock, maxLineChars, historyBytes, "");
  }

  /** A follower of one of several servers: its lines name their process {@code namespec@server}. */
  public LogFollower(
      SupervisorApi api,
      ExecutorService worker,
      Clock clock,
      int maxLineChars,
      long historyBytes,
      String server) {
    this.server = server;
    this.api = api;
    this.worker = worker;
    this.clock = clock;
    this.maxLineChars = maxLineChars;
    this.historyBytes = historyBytes;
  }

  /**
   * Follows {@code namespecs} into {@code inbox} from their history (UI thread); whatever the pane
   * followed stops and what it had waiting is dropped.
   */
  public void follow(int pane, LogInbox inbox, List<String> namespecs) {
    long gen = inbox.newGeneration();
    List<String> names = List.copyOf(namespecs);
    inbox.expectHistory(gen, keys(names));
    submit(
        () -> {
          closeFollows(pane);
          if (gen == inbox.generation()) { // else a newer request for this pane is queued
            open(pane, inbox, gen, names);
          }
        });
  }

  /**
   * Makes the pane follow {@code namespecs} (UI thread): processes it already follows go on without
   * a seam, new ones start from their history, the others stop.
   */
  public void update(int pane, LogInbox inbox, List<String> namespecs) {
    long gen = inbox.generation();
    List<String> names = List.copyOf(namespecs);
    submit(
        () -> {
          if (gen != inbox.generation()) {
            return; // a follow() replaced everything after this was asked
          }
          Map<String, List<Opened>> now = open.getOrDefault(pane, Map.of());
          for (String gone : new ArrayList<>(now.keySet())) {
            List<Opened> follows = names.contains(gone) ? null : now.remove(gone);
            if (follows != null) {
              follows.forEach(Opened::close);
            }
          }
          List<String> added = names.stream().filter(n -> !now.containsKey(n)).toList();
          inbox.expectHistory(gen, keys(added));
          open(pane, inbox, gen, added);
        });
  }

  /** Stops following for a pane (UI thread). */
  public void stop(int pane, LogInbox inbox) {
    inbox.newGeneration();
    submit(() -> closeFollows(pane));
  }

  /**
   * As {@link #follow}, under generation {@code gen} that the caller started: several servers'
   * followers fill one pane's inbox, and only the first request may start a generation. An empty
   * list stops what this follower had for the pane.
   */
  public void followAs(int pane, LogInbox inbox, long gen, List<String> namespecs) {
    List<String> names = List.copyOf(namespecs);
    inbox.expectHistory(gen, keys(names));
    submit(
        () -> {
          closeFollows(pane);
          if (gen == inbox.generation() && !names.isEmpty()) {
            open(pane, inbox, gen, names);
          }
        });
  }

  /** The streams of {@code names} as the pane's lines name them. */
  private List<StreamKey> keys(List<String> names) {
    List<StreamKey> keys = new ArrayList<>(names.size() * 2);
    for (String n : names) {
      for (LogStream s : LogStream.values()) {
        keys.add(new StreamKey(ServerKey.of(server, n), s));
      }
    }
    return keys;
  }

  /**
   * Follows {@code namespecs} of the pane again after the server came back (UI thread): their old
   * follows (ended with the connection) are dropped, the new ones leave out what their history
   * repeats of {@code seen} (the pane's last lines per stream); the pane's other follows go on.
   */
  public void resume(
      int pane, LogInbox inbox, List<String> namespecs, Map<StreamKey, List<String>> seen) {
    long gen = inbox.generation();
    List<String> names = List.copyOf(namespecs);
    Map<StreamKey, List<String>> known = Map.copyOf(seen);
    submit(
        () -> {
          if (gen != inbox.generation()) {
            return; // a follow() replaced everything after this was asked
          }
          Map<String, List<Opened>> now = open.getOrDefault(pane, Map.of());
          for (String n : names) {
            List<Opened> old = now.get(n);
            if (old != null) {
              old.forEach(Opened::close);
            }
          }
          open(pane, inbox, gen, names, known);
        });
  }

  private void open(int pane, LogInbox inbox, long gen, List<String> names) {
    open(pane, inbox, gen, names, null);
  }

  /** Opens follows; with {@code seen} (a resume) each starts after the lines the pane has. */
  private void open(
      int pane,
      LogInbox inbox,
      long gen,
      List<String> names,
      @Nullable Map<StreamKey, List<String>> seen) {
    Map<String, List<Opened>> byName = open.computeIfAbsent(pane, p -> new LinkedHashMap<>());
    for (String namespec : names) {
      List<Opened> follows = new ArrayList<>(2);
      for (LogStream s : LogStream.values()) {
        StreamKey key = new StreamKey(ServerKey.of(server, namespec), s);
        List<String> known = seen == null ? null : seen.getOrDefault(key, List.of());
        StreamListener l = new StreamListener(inbox, gen, namespec, s, known);
        try {
          follows.add(new Opened(api.followProcessLog(namespec, s, historyBytes, l), l));
        } catch (RuntimeException e) {
          String label = ServerKey.of(server, namespec);
          l.noHistory();
          inbox.offer(
              gen, notice(label, label + ": cannot follow " + s.word() + ": " + FaultWords.of(e)));
        }
      }
      byName.put(namespec, follows);
    }
  }

  private void submit(Runnable task) {
    try {
      worker.execute(task);
    } catch (RejectedExecutionException e) {
      // closing: nothing more to follow
    }
  }

  private void closeFollows(int pane) {
    Map<String, List<Opened>> old = open.remove(pane);
    if (old != null) {
      old.values().forEach(list -> list.forEach(Opened::close));
    }
  }

  /** One stream's listener: decodes on the API's thread, offers lines to the inbox. */
  private final class StreamListener implements LogListener {
    private final LogInbox inbox;
    private final long gen;
    private final String namespec;
    // the process as the console names it: namespec@server with several servers
    private final String label;
    private final LogStream stream;
    private final StreamKey key;
    private final LogDecoder decoder = new LogDecoder(maxLineChars);
    // set by the worker when it closes the follow; the listener then stays silent
    volatile boolean cancelled;
    // the API's thread: true until the first bytes (the history) arrived
    private boolean first = true;
    // a resume's: the pane's last lines of this stream, which the history repeats; else null
    private final @Nullable List<String> seen;

    StreamListener(
        LogInbox inbox, long gen, String namespec, LogStream stream, @Nullable List<String> seen) {
      this.seen = seen;
      this.inbox = inbox;
      this.gen = gen;
      this.namespec = namespec;
      this.label = ServerKey.of(server, namespec);
      this.stream = stream;
      this.key = new StreamKey(label, stream);
    }

    @Override
    public void onHistory(byte[] data, LineTimes times) {
      if (cancelled || !first) {
        return;
      }
      first = false;
      int cut = cutFirstLine(data);
      byte[] kept = java.util.Arrays.copyOfRange(data, cut, data.length);
      LogDecoder.Result r = decoder.decode(kept);
      long now = clock.millis();
      if (seen != null) {
        offerResumed(r, now);
        return;
      }
      long[] starts = lineStarts(kept, r.lines().size());
      List<LogLine> lines = new ArrayList<>(r.lines().size());
      long[] at = new long[r.lines().size()];
      for (int i = 0; i < at.length; i++) {
        long t = times.at(starts[i] + cut);
        at[i] = t == Long.MIN_VALUE ? HistoryMerge.UNTIMED : t;
        lines.add(text(r.lines().get(i), t == Long.MIN_VALUE ? now : t));
      }
      LogDecoder.Line p = r.partial();
      inbox.offerHistory(
          gen,
          new HistoryMerge.Block(key, lines, at, times.why()),
          p == null ? null : text(p, now));
    }

    /**
     * A resume's history goes on after the pane's lines, as live lines: the pane has its history
     * already, and nothing waits for this one.
     */
    private void offerResumed(LogDecoder.Result r, long now) {
      offerLive(resumed(r.lines()), r.partial(), now);
    }

    /** Lines as they come, with the unfinished one after them, to the inbox. */
    private void offerLive(List<LogDecoder.Line> decoded, LogDecoder.@Nullable Line p, long now) {
      List<LogLine> lines = new ArrayList<>(decoded.size());
      for (LogDecoder.Line l : decoded) {
        lines.add(text(l, now));
      }
      inbox.offer(gen, lines, key, p == null ? null : text(p, now));
    }

    /** Says that no history comes: the follow could not open, or ended first. */
    void noHistory() {
      if (first && seen == null) {
        first = false;
        inbox.offerHistory(gen, new HistoryMerge.Block(key, List.of(), new long[0], ""), null);
      }
    }

    @Override
    public void onData(byte[] data) {
      if (cancelled) {
        return;
      }
      if (first) { // a follow that does not tell its history apart: it is untimed
        onHistory(data, LineTimes.none("the server sent no line times"));
        return;
      }
      LogDecoder.Result r = decoder.decode(data);
      offerLive(r.lines(), r.partial(), clock.millis());
    }

    @Override
    public void onGap(long bytes) {
      if (cancelled) {
        return;
      }
      String what = bytes < 0 ? "some bytes" : Durations.bytes(bytes);
      inbox.offer(
          gen,
          notice(
              label,
              label
                  + ": "
                  + what
                  + " of "
                  + stream.word()
                  + " lost (log rotated, cleared, or written faster than it was read)"));
    }

    @Override
    public void onClosed(String reason) {
      if (cancelled) {
        return;
      }
      noHistory();
      LogDecoder.Line rest = decoder.flush();
      if (rest != null) {
        inbox.offer(gen, text(rest, clock.millis()));
      }
      inbox.offer(gen, notice(label, label + ": " + stream.word() + " follow ended: " + reason));
    }

    /** A resume's history without what the pane has already; all of it with a notice if lost. */
    private List<LogDecoder.Line> resumed(List<LogDecoder.Line> lines) {
      List<String> known = seen;
      if (known == null) {
        return lines;
      }
      int from = LogResume.after(known, lines.stream().map(LogDecoder.Line::text).toList());
      if (from >= 0) {
        return lines.subList(from, lines.size());
      }
      inbox.offer(
          gen,
          notice(
              label,
              label
                  + ": "
                  + stream.word()
                  + " went on beyond the "
                  + Durations.bytes(historyBytes)
                  + " read again: lines written meanwhile may be missing"));
      return lines;
    }

    private LogLine text(LogDecoder.Line l, long now) {
      return new LogLine(
          0, LogLine.Kind.TEXT, stream, label, now, l.text(), l.spans(), l.cutChars());
    }
  }

  /**
   * History that fills its whole window started inside a line (the log is longer): that piece of a
   * line is dropped, as {@code tail -n} would never show it. Returns how many bytes to drop.
   */
  private int cutFirstLine(byte[] history) {
    if (historyBytes <= 0 || history.length < historyBytes) {
      return 0;
    }
    for (int i = 0; i < history.length; i++) {
      if (history[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }

  /** Where each of the first {@code n} lines of {@code bytes} starts: after each newline. */
  private static long[] lineStarts(byte[] bytes, int n) {
    long[] starts = new long[n];
    int line = 1;
    for (int i = 0; i < bytes.length && line < n; i++) {
      if (bytes[i] == '\n') {
        starts[line++] = i + 1;
      }
    }
    for (; line < n; line++) {
      starts[line] = starts[line - 1]; // a line the decoder split otherwise: its neighbour's time
    }
    return starts;
  }

  private LogLine notice(String source, String text) {
    return new LogLine(0, LogLine.Kind.NOTICE, null, source, clock.millis(), text, List.of(), 0);
  }

  @Override
  public void close() {
    submit(
        () -> {
          for (Integer pane : new ArrayList<>(open.keySet())) {
            closeFollows(pane);
          }
        });
    worker.shutdown();
  }
}
