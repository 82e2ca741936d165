package dev.tend.tui.state;

/**
 * A one-line text field with a cursor: the {@code :} command line, the filter, typed confirmations.
 * Owned by the UI thread.
 */
public final class LineEditor {
  private static final int MAX = 1000;

  // UI thread only
  private final StringBuilder text = new StringBuilder();
  // UI thread only; 0..text.length()
  private int cursor;

  public String text() {
    return text.toString();
  }

  public int cursor() {
    return cursor;
  }

  public void set(String s) {
    text.setLength(0);
    text.append(s, 0, Math.min(s.length(), MAX));
    cursor = text.length();
  }

  public void insert(char c) {
    if (text.length() < MAX && c >= ' ') {
      text.insert(cursor++, c);
    }
  }

  /** Replaces characters [from, to) with {@code s}, cursor after it. */
  public void replace(int from, int to, String s) {
    text.replace(from, to, s);
    cursor = from + s.length();
  }

  public void backspace() {
    if (cursor > 0) {
      text.deleteCharAt(--cursor);
    }
  }

  public void delete() {
    if (cursor < text.length()) {
      text.deleteCharAt(cursor);
    }
  }

  public void left() {
    cursor = Math.max(0, cursor - 1);
  }

  public void right() {
    cursor = Math.min(text.length(), cursor + 1);
  }

  public void home() {
    cursor = 0;
  }

  public void end() {
    cursor = text.length();
  }

  /** Ctrl-U: deletes from the start to the cursor. */
  public void deleteToStart() {
    text.delete(0, cursor);
    cursor = 0;
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }
}
