package dev.tend.tui.model;

import dev.tend.api.LogStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One log pane: what it shows (a process, which streams), the lines it keeps, and how it is looked
 * at (follow, scroll position, wrap, timestamps). Follow is sticky-bottom: scrolling up pauses it
 * and the view stays on the same lines while new ones arrive; scrolling back to the end, {@code G}
 * or {@code f} resumes it. Owned by the UI thread; only visible lines are ever laid out.
 */
public final class LogPane {

  /** Which of the process's streams the pane shows ({@code E} cycles). */
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

  /** One screen row of a pane: the characters [start, end) of a line; {@code last} ends it. */
  public record Row(LogLine line, int start, int end, boolean last) {}

  private final int id;
  private final LogBuffer buffer;
  // all below: UI thread only
  private String namespec;
  private Streams streams = Streams.BOTH;
  // the unfinished last line of each stream, shown below the kept lines until it ends
  private final Map<LogStream, LogLine> partial = new EnumMap<>(LogStream.class);
  private boolean follow = true;
  // top of the view when not following: a position (see lineAt) and a wrapped row within it
  private long topPos;
  private int topSub;
  private boolean wrap = true;
  private boolean timestamps;
  // size of the text area at the last render, for scrolling by pages
  private int width = 80;
  private int height = 10;

  public LogPane(int id, String namespec, int maxLines, long maxChars) {
    this.id = id;
    this.namespec = namespec;
    this.buffer = new LogBuffer(maxLines, maxChars);
  }

  public int id() {
    return id;
  }

  public String namespec() {
    return namespec;
  }

  /** Shows another process: forgets the old lines. */
  public void show(String newNamespec) {
    namespec = newNamespec;
    buffer.clear();
    partial.clear();
    follow = true;
  }

  public LogBuffer buffer() {
    return buffer;
  }

  public Streams streams() {
    return streams;
  }

  public void cycleStreams() {
    streams = streams.next();
    clampAnchor();
  }

  public boolean following() {
    return follow;
  }

  public boolean wraps() {
    return wrap;
  }

  public void toggleWrap() {
    wrap = !wrap;
    topSub = 0;
  }

  public boolean showsTimestamps() {
    return timestamps;
  }

  public void toggleTimestamps() {
    timestamps = !timestamps;
  }

  /** Adds a complete line; it replaces its stream's unfinished line. */
  public void append(LogLine line) {
    if (line.stream() != null) {
      partial.remove(line.stream());
    }
    buffer.add(line);
  }

  /** Sets (or with null, removes) the line a stream is still writing. */
  public void setPartial(LogStream stream, @Nullable LogLine line) {
    if (line == null) {
      partial.remove(stream);
    } else {
      partial.put(stream, line);
    }
  }

  /** Clears what the pane shows (not the log file). */
  public void clearView() {
    buffer.clear();
    partial.clear();
    follow = true;
  }

  /** Remembers the text area's size at render, for page-sized scrolling. */
  public void setViewport(int textWidth, int rows) {
    width = Math.max(1, textWidth);
    height = Math.max(1, rows);
  }

  public void setFollow(boolean on) {
    if (on) {
      follow = true;
    } else if (follow) {
      anchorAtCurrentTop();
    }
  }

  public void toggleFollow() {
    setFollow(!follow);
  }

  /** Scrolls by rows (negative is up); up pauses follow, reaching the end resumes it. */
  public void scroll(int rows) {
    if (rows < 0) {
      if (follow) {
        anchorAtCurrentTop();
      }
      for (int i = 0; i < -rows && up(); i++) {
        // one row per step
      }
    } else if (!follow) {
      for (int i = 0; i < rows && down(); i++) {
        // one row per step
      }
      if (rowsFromAnchor(height + 1) <= height) {
        follow = true;
      }
    }
  }

  public void pageUp() {
    scroll(-Math.max(1, height - 1));
  }

  public void pageDown() {
    scroll(Math.max(1, height - 1));
  }

  public void halfPageUp() {
    scroll(-Math.max(1, height / 2));
  }

  public void halfPageDown() {
    scroll(Math.max(1, height / 2));
  }

  /** The oldest line kept, follow paused. */
  public void toTop() {
    follow = false;
    topPos = buffer.first();
    topSub = 0;
    clampAnchor();
  }

  /** The newest line, following. */
  public void toBottom() {
    follow = true;
  }

  /** The rows to draw in a text area of {@code width} columns and {@code height} rows. */
  public List<Row> viewport(int textWidth, int rows) {
    setViewport(textWidth, rows);
    return follow ? bottomRows() : rowsFrom(topPos, topSub, height);
  }

  private List<Row> bottomRows() {
    List<Row> reversed = new ArrayList<>();
    for (long pos = end() - 1; pos >= buffer.first() && reversed.size() < height; pos--) {
      LogLine l = lineAt(pos);
      if (l != null && visible(l)) {
        List<Row> lr = split(l);
        for (int i = lr.size() - 1; i >= 0 && reversed.size() < height; i--) {
          reversed.add(lr.get(i));
        }
      }
    }
    List<Row> out = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      out.add(reversed.get(i));
    }
    return out;
  }

  private List<Row> rowsFrom(long pos, int sub, int limit) {
    List<Row> out = new ArrayList<>();
    int skip = sub;
    for (long p = Math.max(pos, buffer.first()); p < end() && out.size() < limit; p++) {
      LogLine l = lineAt(p);
      if (l == null || !visible(l)) {
        continue;
      }
      List<Row> lr = split(l);
      for (int i = Math.min(skip, lr.size() - 1); i < lr.size() && out.size() < limit; i++) {
        out.add(lr.get(i));
      }
      skip = 0;
    }
    return out;
  }

  private int rowsFromAnchor(int limit) {
    return rowsFrom(topPos, topSub, limit).size();
  }

  /** The line's rows: one when not wrapping, else as many as its width needs. */
  List<Row> split(LogLine l) {
    String t = l.text();
    if (!wrap || t.isEmpty()) {
      return List.of(new Row(l, 0, t.length(), true));
    }
    List<Row> rows = new ArrayList<>(2);
    int start = 0;
    while (start < t.length()) {
      int end = DisplayWidth.fit(t, start, width);
      if (end == start) {
        end = start + Character.charCount(t.codePointAt(start)); // wider than the pane: show it
      }
      rows.add(new Row(l, start, end, end >= t.length()));
      start = end;
    }
    return rows;
  }

  private boolean visible(LogLine l) {
    return streams.includes(l.stream());
  }

  /** Positions: the buffer's sequence numbers, then the unfinished lines after them. */
  private @Nullable LogLine lineAt(long pos) {
    if (pos < buffer.next()) {
      return buffer.get(pos);
    }
    int i = (int) (pos - buffer.next());
    List<LogLine> extra = new ArrayList<>(partial.values());
    return i < extra.size() ? extra.get(i) : null;
  }

  private long end() {
    return buffer.next() + partial.size();
  }

  private void anchorAtCurrentTop() {
    List<Row> rows = bottomRows();
    follow = false;
    if (rows.isEmpty()) {
      topPos = buffer.first();
      topSub = 0;
      return;
    }
    Row first = rows.get(0);
    topPos = positionOf(first.line());
    topSub = split(first.line()).indexOf(first);
    topSub = Math.max(0, topSub);
  }

  private long positionOf(LogLine l) {
    if (buffer.get(l.seq()) == l) {
      return l.seq();
    }
    List<LogLine> extra = new ArrayList<>(partial.values());
    return buffer.next() + Math.max(0, extra.indexOf(l));
  }

  private boolean up() {
    if (topSub > 0) {
      topSub--;
      return true;
    }
    for (long p = topPos - 1; p >= buffer.first(); p--) {
      LogLine l = lineAt(p);
      if (l != null && visible(l)) {
        topPos = p;
        topSub = split(l).size() - 1;
        return true;
      }
    }
    return false;
  }

  private boolean down() {
    LogLine here = lineAt(topPos);
    if (here != null && visible(here) && topSub < split(here).size() - 1) {
      topSub++;
      return true;
    }
    for (long p = topPos + 1; p < end(); p++) {
      LogLine l = lineAt(p);
      if (l != null && visible(l)) {
        topPos = p;
        topSub = 0;
        return true;
      }
    }
    return false;
  }

  private void clampAnchor() {
    if (topPos < buffer.first()) {
      topPos = buffer.first();
      topSub = 0;
    }
  }
}
