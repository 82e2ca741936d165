package dev.tend.tui.state;

import java.util.ArrayList;
import java.util.List;

/** The {@code :} lines entered this session, newest last; Up and Down walk them. */
public final class CommandHistory {
  private static final int MAX = 200;

  // UI thread only; oldest first, no two equal neighbours
  private final List<String> lines = new ArrayList<>();
  // UI thread only; lines.size() when not walking the history
  private int position;
  // UI thread only; what was typed before walking started, restored when walking past the end
  private String draft = "";

  public void add(String line) {
    String l = line.strip();
    if (!l.isEmpty() && (lines.isEmpty() || !lines.get(lines.size() - 1).equals(l))) {
      lines.add(l);
      if (lines.size() > MAX) {
        lines.remove(0);
      }
    }
    position = lines.size();
  }

  /** The line before the current one, or {@code current} when there is none. */
  public String previous(String current) {
    if (position == lines.size()) {
      draft = current;
    }
    if (position == 0) {
      return lines.isEmpty() ? current : lines.get(0);
    }
    return lines.get(--position);
  }

  /** The line after the current one, or what was typed before walking. */
  public String next() {
    if (position >= lines.size() - 1) {
      position = lines.size();
      return draft;
    }
    return lines.get(++position);
  }

  /** Stops walking: the next {@link #previous} starts from the newest line. */
  public void reset() {
    position = lines.size();
    draft = "";
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }
}
