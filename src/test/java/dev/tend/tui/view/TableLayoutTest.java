package dev.tend.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.tui.state.Column;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableLayoutTest {

  private static List<Column> columns(List<TableLayout.Placed> p) {
    return p.stream().map(TableLayout.Placed::column).toList();
  }

  /** The columns with one server: all but SERVER. */
  private static final List<Column> ONE_SERVER =
      java.util.Arrays.stream(Column.values()).filter(c -> c != Column.SERVER).toList();

  @Test
  void withSeveralServersTheServerColumnComesFirstAsWideAsTheLongestName() {
    List<TableLayout.Placed> p = TableLayout.fit(80, 20, 40, true, false, 9);
    assertEquals(Column.SERVER, p.get(0).column());
    assertEquals(9, p.get(0).width());
    assertEquals(Column.NAME, p.get(1).column());
    assertEquals(80, right(p));
    assertEquals(withoutHealth(), columns(TableLayout.fit(200, 20, 40, true, false, 0)));
  }

  private static int right(List<TableLayout.Placed> p) {
    TableLayout.Placed last = p.get(p.size() - 1);
    return last.x() + last.width();
  }

  @Test
  void at80ColumnsDescriptionGoesFirstThenCpuAndRss() {
    List<Column> all = withoutHealth();
    assertEquals(all, columns(TableLayout.fit(120, 20, 40, true, false)));
    assertEquals(all.subList(0, all.size() - 1), columns(TableLayout.fit(95, 20, 40, true, false)));
    List<TableLayout.Placed> p = TableLayout.fit(80, 20, 40, true, false);
    assertEquals(all.subList(0, 6), columns(p));
    assertEquals(80, right(p));
    assertEquals(20, p.get(0).width());
    assertEquals(24, p.get(5).width());
  }

  @Test
  void withoutStatsCpuAndRssAreLeftOut() {
    assertEquals(
        List.of(
            Column.NAME,
            Column.STATE,
            Column.PID,
            Column.UPTIME,
            Column.RESTARTS,
            Column.REASON,
            Column.DESCRIPTION),
        columns(TableLayout.fit(200, 20, 40, false, false)));
  }

  @Test
  void roomGoesToNameThenReasonThenDescription() {
    List<TableLayout.Placed> p = TableLayout.fit(200, 24, 30, true, false);
    assertEquals(withoutHealth().size(), p.size());
    assertEquals(24, p.get(0).width());
    TableLayout.Placed reason =
        p.stream().filter(x -> x.column() == Column.REASON).findFirst().get();
    assertEquals(30, reason.width());
    assertEquals(200, right(p));
  }

  @Test
  void neverWiderThanTheScreenEvenWhenTiny() {
    for (int w = 20; w <= 220; w++) {
      for (boolean health : new boolean[] {false, true}) {
        assertTrue(
            right(TableLayout.fit(w, 30, 60, true, health)) <= Math.max(w, 2 + 10 + 1 + 8 + 1 + 14),
            "w=" + w);
      }
    }
  }

  private static List<Column> withoutHealth() {
    return Arrays.stream(Column.values())
        .filter(c -> c != Column.HEALTH && c != Column.SERVER)
        .toList();
  }

  @Test
  void healthComesAfterTheStateWhenAProcessHasACheck() {
    assertEquals(ONE_SERVER, columns(TableLayout.fit(220, 20, 40, true, true)));
    assertEquals(withoutHealth(), columns(TableLayout.fit(220, 20, 40, true, false)));
  }

  @Test
  void at80ColumnsHealthStaysAfterRestartsAndUptimeGo() {
    List<TableLayout.Placed> p = TableLayout.fit(80, 20, 40, true, true);
    assertEquals(
        List.of(Column.NAME, Column.STATE, Column.HEALTH, Column.PID, Column.REASON), columns(p));
    assertEquals(80, right(p));
    assertEquals(
        List.of(Column.NAME, Column.STATE, Column.REASON),
        columns(TableLayout.fit(50, 20, 40, true, true)));
  }
}
