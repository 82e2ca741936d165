package dev.tend.tui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaneLayoutTest {

  @Test
  void splittingStacksAndSideBySideBuildsATreeInReadingOrder() {
    PaneLayout l =
        PaneLayout.single(0)
            .split(0, PaneLayout.Direction.STACKED, 1, 50)
            .split(1, PaneLayout.Direction.SIDE_BY_SIDE, 2, 50)
            .split(2, PaneLayout.Direction.SIDE_BY_SIDE, 3, 50);
    assertEquals(List.of(0, 1, 2, 3), l.panes());
    Map<Integer, Rect> r = l.place(new Rect(0, 0, 120, 40));
    assertEquals(new Rect(0, 0, 120, 20), r.get(0));
    assertEquals(new Rect(0, 20, 60, 20), r.get(1));
    assertEquals(new Rect(60, 20, 30, 20), r.get(2));
    assertEquals(new Rect(90, 20, 30, 20), r.get(3));
  }

  @Test
  void closingGivesTheRoomBackAndCollapsesSingleChildSplits() {
    PaneLayout l =
        PaneLayout.single(0)
            .split(0, PaneLayout.Direction.STACKED, 1, 55)
            .split(1, PaneLayout.Direction.SIDE_BY_SIDE, 2, 50);
    PaneLayout closed = l.close(2);
    assertEquals(List.of(0, 1), closed.panes());
    assertEquals(new Rect(0, 10, 80, 14), closed.place(new Rect(0, 0, 80, 24)).get(1));
    assertEquals(PaneLayout.single(0), closed.close(1));
    assertEquals(PaneLayout.single(0), PaneLayout.single(0).close(0));
  }

  @Test
  void sizesAddUpExactly() {
    PaneLayout l = PaneLayout.single(0).split(0, PaneLayout.Direction.STACKED, 1, 55);
    for (int h = 0; h < 70; h++) {
      Map<Integer, Rect> r = l.place(new Rect(0, 0, 80, h));
      assertEquals(h, r.get(0).height() + r.get(1).height());
    }
  }

  @Test
  void resizingMovesRoomBetweenNeighboursAndKeepsEachATenth() {
    PaneLayout l =
        PaneLayout.single(0)
            .split(0, PaneLayout.Direction.STACKED, 1, 50)
            .split(1, PaneLayout.Direction.SIDE_BY_SIDE, 2, 50);
    PaneLayout grown = l.resize(2, 10);
    assertEquals(new Rect(0, 20, 40, 20), grown.place(new Rect(0, 0, 100, 40)).get(1));
    assertEquals(new Rect(40, 20, 60, 20), grown.place(new Rect(0, 0, 100, 40)).get(2));
    PaneLayout squeezed = l;
    for (int i = 0; i < 30; i++) {
      squeezed = squeezed.resize(1, -5);
    }
    assertEquals(10, squeezed.place(new Rect(0, 0, 100, 40)).get(1).width());
    assertEquals(
        l.place(new Rect(0, 0, 100, 40)), squeezed.equalize(2).place(new Rect(0, 0, 100, 40)));
    assertEquals(PaneLayout.single(0), PaneLayout.single(0).resize(0, 5));
  }

  @Test
  void aLayoutReadsBackWhatItWrites() {
    PaneLayout l =
        PaneLayout.single(0)
            .split(0, PaneLayout.Direction.STACKED, 1, 45)
            .split(1, PaneLayout.Direction.SIDE_BY_SIDE, 2, 50)
            .split(2, PaneLayout.Direction.STACKED, 3, 30);
    assertEquals("v(55:0,45:h(50:1,50:v(70:2,30:3)))", l.encode());
    assertEquals(l, PaneLayout.parse(l.encode()));
  }

  @Test
  void aBrokenLayoutIsRefusedSayingWhere() {
    for (String bad :
        List.of("", "v(", "v(50:0)", "v(50:0,50:0)", "x", "v(0:0,1:1)", "h(1:2,1:3)x")) {
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class, () -> PaneLayout.parse(bad), bad);
      org.junit.jupiter.api.Assertions.assertTrue(
          e.getMessage().startsWith("bad layout '" + bad + "' at character "), e.getMessage());
    }
  }
}
