package dev.tend.tui.view;

import dev.tend.tui.state.Column;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the table's columns to a width: drops the least important first (DESCRIPTION, then RSS and
 * CPU together, then RESTARTS, UPTIME, HEALTH, PID) until the minimum widths and a readable NAME
 * and REASON fit (their longest values, up to 24 each), then gives the room left to NAME (up to its
 * longest value), to EXIT/REASON, and the rest to DESCRIPTION or, without it, REASON. Columns are
 * separated by one space, after a two-character gutter for the tag mark.
 */
public final class TableLayout {
  /** Tag mark and a space before the first column. */
  public static final int GUTTER = 2;

  private static final List<List<Column>> DROP_ORDER =
      List.of(
          List.of(Column.DESCRIPTION),
          List.of(Column.RSS, Column.CPU),
          List.of(Column.RESTARTS),
          List.of(Column.UPTIME),
          List.of(Column.HEALTH),
          List.of(Column.PID));

  /** NAME and REASON get this much of their longest value before less important columns stay. */
  private static final int NAME_WANTED = 24;

  private static final int REASON_WANTED = 24;

  /** A column and its width on screen. */
  public record Placed(Column column, int x, int width) {}

  private TableLayout() {}

  /**
   * @param longestName the widest namespec among the rows (NAME grows to it, not beyond)
   * @param longestReason the widest reason text among the rows
   * @param withStats whether CPU% and RSS have anything to show
   * @param withHealth whether a process has a health check (else HEALTH is left out)
   */
  public static List<Placed> fit(
      int width, int longestName, int longestReason, boolean withStats, boolean withHealth) {
    return fit(width, longestName, longestReason, withStats, withHealth, 0);
  }

  /**
   * As {@link #fit(int, int, int, boolean, boolean)}, with a SERVER column first as wide as {@code
   * longestServer} (up to 16) when it is above 0 (the console has several servers).
   */
  public static List<Placed> fit(
      int width,
      int longestName,
      int longestReason,
      boolean withStats,
      boolean withHealth,
      int longestServer) {
    List<Column> columns = new ArrayList<>(List.of(Column.values()));
    if (longestServer <= 0) {
      columns.remove(Column.SERVER);
    }
    if (!withStats) {
      columns.remove(Column.CPU);
      columns.remove(Column.RSS);
    }
    if (!withHealth) {
      columns.remove(Column.HEALTH);
    }
    int extra =
        Math.max(0, Math.min(longestName, NAME_WANTED) - Column.NAME.minWidth())
            + Math.max(0, Math.min(longestReason, REASON_WANTED) - Column.REASON.minWidth());
    for (List<Column> drop : DROP_ORDER) {
      if (needed(columns) + extra <= width) {
        break;
      }
      columns.removeAll(drop);
    }
    Map<Column, Integer> widths = new EnumMap<>(Column.class);
    columns.forEach(c -> widths.put(c, c.minWidth()));
    int spare = width - needed(columns);
    spare = grow(widths, Column.SERVER, Math.min(longestServer, 16), spare);
    spare = grow(widths, Column.NAME, Math.min(longestName, 40), spare);
    spare = grow(widths, Column.REASON, Math.min(longestReason, 48), spare);
    Column last = columns.contains(Column.DESCRIPTION) ? Column.DESCRIPTION : Column.REASON;
    if (spare > 0) {
      widths.merge(last, spare, Integer::sum);
    }
    List<Placed> placed = new ArrayList<>();
    int x = GUTTER;
    for (Column c : columns) {
      int w = Math.max(0, Math.min(widths.getOrDefault(c, 0), width - x));
      placed.add(new Placed(c, x, w));
      x += w + 1;
    }
    return placed;
  }

  private static int grow(Map<Column, Integer> widths, Column c, int wanted, int spare) {
    Integer w = widths.get(c);
    if (w == null || spare <= 0 || wanted <= w) {
      return spare;
    }
    int add = Math.min(spare, wanted - w);
    widths.put(c, w + add);
    return spare - add;
  }

  private static int needed(List<Column> columns) {
    int sum = GUTTER + columns.size() - 1;
    for (Column c : columns) {
      sum += c.minWidth();
    }
    return sum;
  }
}
