package dev.tend.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code cmd.Cmd.columnize}: words in as few rows as fit {@code width}, filled column by
 * column, two spaces apart, each cell padded (the last of a row too).
 */
final class Columns {
  private Columns() {}

  static List<String> layout(List<String> words, int width) {
    int size = words.size();
    if (size == 0) {
      return List.of("<empty>");
    }
    if (size == 1) {
      return List.of(words.get(0));
    }
    int rows = size;
    int[] widths = {0};
    for (int r = 1; r < size; r++) {
      int[] w = widths(words, r, width);
      if (w != null) {
        rows = r;
        widths = w;
        break;
      }
    }
    int cols = rows == size ? 1 : (size + rows - 1) / rows;
    List<String> lines = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      List<String> cells = new ArrayList<>(cols);
      for (int c = 0; c < cols; c++) {
        int i = r + rows * c;
        cells.add(i < size ? words.get(i) : "");
      }
      while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
        cells.remove(cells.size() - 1);
      }
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cells.size(); c++) {
        if (c > 0) {
          line.append("  ");
        }
        line.append(PythonFormat.padRight(cells.get(c), widths[c]));
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** The column widths with {@code rows} rows, or null when they do not fit {@code width}. */
  private static int @org.jspecify.annotations.Nullable [] widths(
      List<String> words, int rows, int width) {
    int size = words.size();
    int cols = (size + rows - 1) / rows;
    int[] widths = new int[cols];
    int total = -2;
    for (int c = 0; c < cols; c++) {
      int w = 0;
      for (int r = 0; r < rows; r++) {
        int i = r + rows * c;
        if (i >= size) {
          break;
        }
        w = Math.max(w, PythonFormat.length(words.get(i)));
      }
      widths[c] = w;
      total += w + 2;
      if (total > width) {
        return null;
      }
    }
    return widths;
  }
}
