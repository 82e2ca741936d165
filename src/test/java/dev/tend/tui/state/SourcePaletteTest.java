package dev.tend.tui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourcePaletteTest {

  @Test
  void aNameHasTheSameColourInEveryPaneWhenNothingElseClaimedIt() {
    int web = SourcePalette.preferred("web:web_00");
    assertEquals(web, new SourcePalette().slotOf("web:web_00"));
    assertEquals(web, new SourcePalette().slotOf("web:web_00"));
  }

  @Test
  void namesThatHashAlikeGetDifferentColoursUntilTheyRunOut() {
    SourcePalette p = new SourcePalette();
    Set<Integer> slots = new HashSet<>();
    for (int i = 0; i < SourcePalette.SLOTS; i++) {
      slots.add(p.slotOf("proc_" + i));
    }
    assertEquals(SourcePalette.SLOTS, slots.size());
    int again = p.slotOf("proc_3");
    assertEquals(again, p.slotOf("proc_3"), "a slot once given stays");
    int ninth = p.slotOf("proc_99");
    assertEquals(SourcePalette.preferred("proc_99"), ninth, "when all are taken, its own");
    assertNotEquals(-1, ninth);
  }
}
