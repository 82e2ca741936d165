package dev.tend.tui.state;

import dev.tend.api.LogStream;
import dev.tend.tui.text.DisplayWidth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One log pane: what it shows (a process or a merged set, which streams), the lines it keeps, and
 * how they are looked at (follow and scroll, wrap, timestamps, search, filter).
 *
 * <p>Lines are addressed by position: the buffer's sequence numbers; one before the oldest, a
 * notice saying how many older lines the ring let go (when it did); after the newest, the lines
 * each stream is still writing. Owned by the UI thread; only visible lines are ever laid out. The
 * reads are pure; the view draws {@link #rowsOnScreen} once the controller set the viewport.
 */
public final class LogPane implements ShownLines {

  /** Which of the processes' streams the pane shows ({@code E} cycles). */
  public enum Streams {
    BOTH("stdout+stderr"),
    STDOUT("stdout"),
    STDERR("stderr");

    private final String label;

    Streams(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public Streams next() {
      return values()[(ordinal() + 1) % values().length];
    }

    public boolean includes(@Nullable LogStream s) {
      return s == null || this == BOTH || (this == STDOUT) == (s == LogStream.STDOUT);
    }
  }

  private final int id;
  private final LogBuffer buffer;
  private final LogScroll scroll = new LogScroll();
  // all below: UI thread only
  private PaneSource source;
  private List<String> members = List.of();
  // the members followed: all of them, or a bounded number for a large merged pane
  private List<String> followed = List.of();
  private SourcePalette palette = new SourcePalette();
  private Streams streams = Streams.BOTH;
  // the unfinished last line of each followed stream, shown below the kept lines until it ends
  private final Map<StreamKey, LogLine> partial = new LinkedHashMap<>();
  // partial.values() as a list, rebuilt whenever partial changes
  private List<LogLine> partialList = List.of();
  private boolean wrap = true;
  private boolean timestamps;
  // columns skipped at the left of each line when not wrapping
  private int hscroll;
  private @Nullable LogQuery search;
  // position of the line the last n/N landed on; -1 for none
  private long searchPos = -1;
  // non-null while a filter is on
  private @Nullable MatchCache filter;
  // the notice for the lines the ring let go (null: none let go), and how many it counts; rebuilt
  // when lines are added and the count changed
  private @Nullable LogLine droppedNotice;
  private long droppedNoticeCount;

  public LogPane(int id, PaneSource source, int maxLines, long maxChars) {
    this.id = id;
    this.source = source;
    this.buffer = new LogBuffer(maxLines, maxChars);
  }

  public int id() {
    return id;
  }

  public PaneSource source() {
    return source;
  }

  /** Shows something else: forgets the old lines (and the search position), follows the end. */
  public void show(PaneSource newSource) {
    if (!newSource.equals(source)) {
      palette = new SourcePalette();
    }
    source = newSource;
    members = List.of();
    followed = List.of();
    clearView();
  }

  /**
   * The processes whose lines the pane shows, and those of them it follows (a merged pane follows a
   * bounded number); the followed get their prefix colours in this order, so they are stable.
   */
  public void setMembers(List<String> all, List<String> followedNames) {
    members = List.copyOf(all);
    followed = List.copyOf(followedNames);
    followed.forEach(palette::slotOf);
  }

  /** Every process the source names now. */
  public List<String> members() {
    return members;
  }

  /** The processes followed (all members, unless there are too many). */
  public List<String> followed() {
    return followed;
  }

  /** The prefix colour slot of a process in this pane. */
  public int sourceSlot(String name) {
    return palette.slotIfGiven(name); // the followed got theirs in setMembers
  }

  /** Columns of the name prefix of a merged pane (0 for one process): the longest name, capped. */
  public int prefixWidth() {
    if (!source.merged()) {
      return 0;
    }
    int w = 4;
    for (String m : followed) {
      w = Math.max(w, DisplayWidth.of(m));
    }
    return Math.min(w, 24) + 1;
  }

  public LogBuffer buffer() {
    return buffer;
  }

  public Streams streams() {
    return streams;
  }

  public void cycleStreams() {
    setStreams(streams.next());
  }

  public void setStreams(Streams s) {
    streams = s;
    scroll.clamp(this);
  }

  public boolean following() {
    return scroll.following();
  }

  public boolean wraps() {
    return wrap;
  }

  public void toggleWrap() {
    wrap = !wrap;
    hscroll = 0;
    scroll.resetSub();
  }

  public boolean showsTimestamps() {
    return timestamps;
  }

  public void toggleTimestamps() {
    timestamps = !timestamps;
  }

  /** Columns hidden at the left when not wrapping. */
  public int hscroll() {
    return hscroll;
  }

  /** Scrolls sideways by {@code columns} (negative: left); only when not wrapping. */
  public boolean scrollSideways(int columns) {
    if (wrap) {
      return false;
    }
    hscroll = Math.max(0, hscroll + columns);
    return true;
  }

  /** Adds a complete line; it replaces its stream's unfinished line. */
  public void append(LogLine line) {
    appendAll(List.of(line));
  }

  /** Adds complete lines, in order; each replaces its stream's unfinished line. */
  public void appendAll(List<LogLine> lines) {
    boolean partialsChanged = false;
    for (LogLine line : lines) {
      LogStream s = line.stream();
      partialsChanged |= s != null && partial.remove(new StreamKey(line.source(), s)) != null;
      buffer.add(line);
    }
    if (partialsChanged) {
      partialList = List.copyOf(partial.values());
    }
    if (buffer.dropped() != droppedNoticeCount) {
      droppedNotice = buffer.dropped() > 0 ? droppedNotice(buffer.dropped()) : null;
      droppedNoticeCount = buffer.dropped();
    }
    scroll.clamp(this);
  }

  /** Sets (or with null, removes) the line a stream is still writing. */
  public void setPartial(StreamKey key, @Nullable LogLine line) {
    if (line == null) {
      partial.remove(key);
    } else {
      partial.put(key, line);
    }
    partialList = List.copyOf(partial.values());
  }

  /** Clears what the pane shows (not the log file). */
  public void clearView() {
    buffer.clear();
    partial.clear();
    partialList = List.of();
    droppedNotice = null;
    droppedNoticeCount = 0;
    searchPos = -1;
    if (filter != null) {
      filter.clear();
    }
    scroll.toBottom();
  }

  // -- search and filter --

  public @Nullable LogQuery search() {
    return search;
  }

  /** Highlights matches of {@code q} (null: none); n/N then start from the screen. */
  public void setSearch(@Nullable LogQuery q) {
    search = q;
    searchPos = -1;
  }

  /** The position n/N last landed on, or -1. */
  public long searchPosition() {
    return searchPos;
  }

  public @Nullable LogQuery filter() {
    MatchCache f = filter;
    return f == null ? null : f.query();
  }

  /** Shows only lines that match {@code q} (null: every line); markers and notices stay. */
  public void setFilter(@Nullable LogQuery q) {
    filter = q == null ? null : new MatchCache(q, buffer.capacity());
    scroll.clamp(this);
    scroll.resumeAtEnd(this);
  }

  /** How n/N went. */
  public enum Jump {
    FOUND,
    WRAPPED,
    NONE
  }

  /**
   * Moves to the next matching line, newer (down) or older (up), from the last match or else from
   * the screen (older starts at its bottom, newer at its top), wrapping around at the ends.
   */
  public Jump jumpToMatch(boolean newer) {
    LogQuery q = search;
    if (q == null) {
      return Jump.NONE;
    }
    long from = searchPos >= startPos() && searchPos < endPos() ? searchPos : screenEdge(newer);
    long found = LogMatches.find(this, q, from, newer);
    boolean wrapped = false;
    if (found < 0) {
      found = LogMatches.find(this, q, newer ? startPos() - 1 : endPos(), newer);
      wrapped = found >= 0;
    }
    if (found < 0) {
      return Jump.NONE;
    }
    searchPos = found;
    scroll.reveal(this, found);
    return wrapped ? Jump.WRAPPED : Jump.FOUND;
  }

  private long screenEdge(boolean newer) {
    List<LogRow> rows = scroll.rows(this);
    if (rows.isEmpty()) {
      return newer ? startPos() - 1 : endPos();
    }
    return newer
        ? positionOf(rows.get(0).line()) - 1
        : positionOf(rows.get(rows.size() - 1).line()) + 1;
  }

  // -- scrolling (see LogScroll) --

  /**
   * The text area's size at the next frame (the controller sets it from what the view measured).
   */
  public void setViewport(int textWidth, int rows) {
    scroll.setViewport(textWidth, rows);
    scroll.clamp(this);
  }

  public void setFollow(boolean on) {
    scroll.setFollow(this, on);
  }

  public void toggleFollow() {
    scroll.setFollow(this, !scroll.following());
  }

  /** Scrolls by rows (negative is up); up pauses follow, reaching the end resumes it. */
  public void scroll(int rows) {
    scroll.scroll(this, rows);
  }

  public void pageUp() {
    scroll.scroll(this, -Math.max(1, scroll.height() - 1));
  }

  public void pageDown() {
    scroll.scroll(this, Math.max(1, scroll.height() - 1));
  }

  public void halfPageUp() {
    scroll.scroll(this, -Math.max(1, scroll.height() / 2));
  }

  public void halfPageDown() {
    scroll.scroll(this, Math.max(1, scroll.height() / 2));
  }

  /** The oldest line kept, follow paused. */
  public void toTop() {
    scroll.toTop(this);
  }

  /** The newest line, following. */
  public void toBottom() {
    scroll.toBottom();
  }

  /** Shows the line at a position (pausing follow unless it is on screen already). */
  public void reveal(long pos) {
    scroll.reveal(this, pos);
  }

  /** Sets the viewport and returns the rows to draw in it. */
  public List<LogRow> viewport(int textWidth, int rows) {
    setViewport(textWidth, rows);
    return rowsOnScreen();
  }

  /** The rows on screen at the viewport's size. */
  public List<LogRow> rowsOnScreen() {
    return scroll.rows(this);
  }

  // -- positions --

  /** The first position: the dropped-lines notice when the ring let lines go, else the oldest. */
  @Override
  public long startPos() {
    return buffer.first() - (buffer.dropped() > 0 ? 1 : 0);
  }

  /** One past the last position (the last unfinished line). */
  @Override
  public long endPos() {
    return buffer.next() + partial.size();
  }

  /** The line at a position, or null. */
  @Override
  public @Nullable LogLine lineAt(long pos) {
    if (pos < buffer.next()) {
      return pos == buffer.first() - 1 ? droppedNotice : buffer.get(pos);
    }
    int i = (int) (pos - buffer.next());
    return i < partialList.size() ? partialList.get(i) : null;
  }

  /** The position of a line this pane holds. */
  @Override
  public long positionOf(LogLine l) {
    if (l == droppedNotice) {
      return buffer.first() - 1;
    }
    if (buffer.get(l.seq()) == l) {
      return l.seq();
    }
    return buffer.next() + Math.max(0, partialList.indexOf(l));
  }

  /** Whether a line is shown: its stream is, and it matches the filter; notices always are. */
  @Override
  public boolean visible(LogLine l) {
    if (l.kind() != LogLine.Kind.TEXT) {
      return true;
    }
    if (!streams.includes(l.stream())) {
      return false;
    }
    MatchCache f = filter;
    if (f == null) {
      return true;
    }
    return buffer.get(l.seq()) == l ? f.matches(l) : f.query().matches(l.text());
  }

  /** The line's rows: one when not wrapping (from the sideways offset), else as many as needed. */
  @Override
  public List<LogRow> split(LogLine l, int width) {
    String t = l.text();
    if (!wrap || t.isEmpty() || l.kind() != LogLine.Kind.TEXT) {
      int start = l.kind() == LogLine.Kind.TEXT ? DisplayWidth.fit(t, 0, hscroll) : 0;
      return List.of(new LogRow(l, start, t.length(), true));
    }
    List<LogRow> rows = new ArrayList<>(2);
    int start = 0;
    while (start < t.length()) {
      int end = DisplayWidth.fit(t, start, width);
      if (end == start) {
        end = start + Character.charCount(t.codePointAt(start)); // wider than the pane: show it
      }
      rows.add(new LogRow(l, start, end, end >= t.length()));
      start = end;
    }
    return rows;
  }

  /** The line before the oldest kept, saying how many the ring let go. */
  private LogLine droppedNotice(long n) {
    String text =
        n + (n == 1 ? " older line" : " older lines") + " let go: the pane's buffer is full";
    return new LogLine(buffer.first() - 1, LogLine.Kind.NOTICE, null, "", 0, text, List.of(), 0);
  }
}
