package dev.tend.tui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SavedLayoutTest {

  @Test
  void everyKindOfPaneReadsBackAsWritten() {
    PaneLayout tree = PaneLayout.parse("v(45:0,55:h(25:1,25:2,25:3,25:4,25:5))");
    SavedLayout saved =
        new SavedLayout(
            tree,
            Map.of(
                1, new SavedLayout.Pane(null, LogPane.Streams.BOTH, true, false),
                2,
                    new SavedLayout.Pane(
                        new PaneSource.Process("web:web_00"), LogPane.Streams.STDERR, false, true),
                3,
                    new SavedLayout.Pane(
                        new PaneSource.Group("web"), LogPane.Streams.STDOUT, true, false),
                4,
                    new SavedLayout.Pane(
                        new PaneSource.Tagged(List.of("a", "b:c")),
                        LogPane.Streams.BOTH,
                        true,
                        true),
                5, new SavedLayout.Pane(new PaneSource.All(), LogPane.Streams.BOTH, true, false)),
            3);
    String text = saved.encode();
    assertTrue(text.contains("pane 2 = stderr nowrap time process web:web_00\n"), text);
    assertTrue(text.contains("pane 4 = both wrap time tagged a b:c\n"), text);
    assertEquals(saved, SavedLayout.parse("# a comment\n\n" + text));
  }

  @Test
  void aFileThatDoesNotAddUpIsRefusedNamingTheLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SavedLayout.parse("layout = v(50:0,50:1)\npane 1 = both wrap sometimes all\n"));
    assertEquals(
        "line 2 (pane 1 = both wrap sometimes all): 'time' or 'notime' expected, got sometimes",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SavedLayout.parse("layout = v(50:0,50:1)\n"),
        "pane 1 is in the layout but not described");
    assertThrows(IllegalArgumentException.class, () -> SavedLayout.parse("focus = 1\n"));
  }

  @Test
  void aFocusThatIsNotThereFallsBackToTheTable() {
    SavedLayout s = SavedLayout.parse("layout = 0\nfocus = 7\n");
    assertEquals(Panes.TABLE, s.focus());
  }
}
