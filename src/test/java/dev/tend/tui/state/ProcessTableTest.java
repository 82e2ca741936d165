package dev.tend.tui.state;

import static dev.tend.tui.state.Infos.NOW;
import static dev.tend.tui.state.Infos.delta;
import static dev.tend.tui.state.Infos.full;
import static dev.tend.tui.state.Infos.info;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ProcessState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessTableTest {
  private final ProcessTable table = new ProcessTable();

  private List<String> names() {
    return table.visibleRows(NOW).stream().map(ProcessRow::namespec).toList();
  }

  private String selected() {
    return table.selected(NOW).orElseThrow().namespec();
  }

  private void threeWebAndAnApi() {
    table.apply(
        full(
            info("api", "api", ProcessState.FATAL),
            info("web", "w1", ProcessState.RUNNING, NOW - 50),
            info("web", "w2", ProcessState.RUNNING, NOW - 5),
            info("web", "w3", ProcessState.STOPPED)));
  }

  @Test
  void rowsAreKeyedByNamespecAndAFullBatchReplacesThem() {
    threeWebAndAnApi();
    assertEquals(List.of("api", "web:w1", "web:w2", "web:w3"), names());
    table.apply(full(info("web", "w1", ProcessState.RUNNING)));
    assertEquals(List.of("web:w1"), names());
  }

  @Test
  void selectionStaysOnItsProcessAcrossUpdatesAndSorts() {
    threeWebAndAnApi();
    table.move(2, NOW);
    assertEquals("web:w2", selected());
    table.apply(delta(List.of(info("web", "w2", ProcessState.STOPPED)), List.of()));
    assertEquals("web:w2", selected());
    table.sortBy(Column.NAME); // second press: descending
    assertEquals(List.of("web:w3", "web:w2", "web:w1", "api"), names());
    assertEquals("web:w2", selected());
    assertEquals(1, table.selectedIndex(NOW));
  }

  @Test
  void whenTheSelectedProcessGoesTheRowAtItsPlaceIsSelected() {
    threeWebAndAnApi();
    table.move(2, NOW);
    table.apply(delta(List.of(), List.of("web:w2")));
    assertEquals("web:w3", selected());
    table.apply(delta(List.of(), List.of("web:w3")));
    assertEquals("web:w1", selected());
  }

  @Test
  void filterMatchesNamesAndStatesAndKeepsSelectionWhenItCan() {
    threeWebAndAnApi();
    table.move(1, NOW);
    table.setFilter("w1");
    assertEquals(List.of("web:w1"), names());
    assertEquals("web:w1", selected());
    table.setFilter("FAT");
    assertEquals(List.of("api"), names());
    table.setFilter("");
    assertEquals(4, names().size());
  }

  @Test
  void hideStoppedKeepsFailures() {
    threeWebAndAnApi();
    table.apply(delta(List.of(Infos.exited("ok", 0, 0), Infos.exited("bad", 2, 0)), List.of()));
    table.toggleHideStopped();
    assertEquals(List.of("api", "bad", "web:w1", "web:w2"), names());
  }

  @Test
  void tagsToggleAreListedInOrderAndVanishWithTheirProcess() {
    threeWebAndAnApi();
    table.move(3, NOW);
    table.toggleTag(NOW);
    table.moveToTop(NOW);
    table.toggleTag(NOW);
    assertEquals(List.of("web:w3", "api"), table.tagged());
    table.toggleTag(NOW);
    assertEquals(List.of("web:w3"), table.tagged());
    table.apply(delta(List.of(), List.of("web:w3")));
    assertEquals(List.of(), table.tagged());
  }

  @Test
  void nextFailingWrapsAroundAndSaysWhenThereIsNone() {
    threeWebAndAnApi();
    table.move(1, NOW);
    assertTrue(table.selectNextFailing(NOW));
    assertEquals("api", selected());
    table.apply(full(info("web", "w1", ProcessState.RUNNING)));
    assertFalse(table.selectNextFailing(NOW));
  }

  @Test
  void sortByStatePutsProblemsFirst() {
    threeWebAndAnApi();
    table.sortBy(Column.STATE);
    assertEquals(List.of("api", "web:w1", "web:w2", "web:w3"), names());
    table.sortBy(Column.UPTIME);
    assertEquals(List.of("api", "web:w3", "web:w2", "web:w1"), names());
  }

  @Test
  void countsArePerStateOverAllRows() {
    threeWebAndAnApi();
    table.setFilter("w1");
    assertEquals(
        Map.of(ProcessState.FATAL, 1, ProcessState.RUNNING, 2, ProcessState.STOPPED, 1),
        table.counts());
  }

  @Test
  void frozenTableShowsTheRowsOfTheMomentItFroze() {
    threeWebAndAnApi();
    table.setFrozen(true);
    table.apply(delta(List.of(info("web", "w1", ProcessState.STOPPED)), List.of("api")));
    assertEquals(ProcessState.RUNNING, table.visibleRows(NOW).get(1).state());
    assertEquals(4, names().size());
    table.setFrozen(false);
    assertEquals(List.of("web:w1", "web:w2", "web:w3"), names());
  }

  @Test
  void scrollTopKeepsTheSelectionInView() {
    for (int i = 0; i < 30; i++) {
      table.apply(
          delta(List.of(info("g", String.format("p%02d", i), ProcessState.RUNNING)), List.of()));
    }
    assertEquals(0, table.scrollTop(10, NOW));
    table.move(15, NOW);
    assertEquals(6, table.scrollTop(10, NOW));
    table.moveToTop(NOW);
    assertEquals(0, table.scrollTop(10, NOW));
  }

  @Test
  void statsMergeIntoRowsAndAreRememberedAsAvailable() {
    threeWebAndAnApi();
    assertFalse(table.hasStats());
    table.applyStats(List.of(new dev.tend.api.ProcessStats("web:w1", 105, 12.5, 1 << 20, 2)));
    assertTrue(table.hasStats());
    assertEquals("12.5", Column.CPU.cell(table.row("web:w1").orElseThrow(), NOW));
    assertEquals("-", Column.CPU.cell(table.row("web:w2").orElseThrow(), NOW));
  }

  @Test
  void groupsAreCounted() {
    threeWebAndAnApi();
    assertEquals(Map.of("api", 1, "web", 3), table.groups());
  }

  @Test
  void aRestartAskedOnOneOfSeveralServersIsNotCountedOnItButASpawnOnAnotherIs() {
    for (String server : List.of("web1", "web2")) {
      table.apply(server, full(info("django", "django", ProcessState.RUNNING, NOW - 100)));
    }
    table.spawnAsked("web1", new Target.One("django"));
    for (String server : List.of("web1", "web2")) {
      table.apply(server, full(info("django", "django", ProcessState.RUNNING, NOW - 10)));
    }
    assertEquals(0, table.row("django@web1").orElseThrow().restarts(), "asked for on web1");
    assertEquals(1, table.row("django@web2").orElseThrow().restarts(), "web2 restarted it itself");
  }
}
