package dev.tend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnsTest {
  @Test
  void helpListsTheVerbsAsPythonsCmdDoes() {
    // supervisorctl 4.2.5's `help`, cells padded to their column's width, the last ones too
    assertEquals(
        List.of(
            "add    exit      open  reload  restart   start   tail   ",
            "avail  fg        pid   remove  shutdown  status  update ",
            "clear  maintail  quit  reread  signal    stop    version"),
        Columns.layout(Verbs.DOCUMENTED, 79));
  }

  @Test
  void oneWordNoneAndWordsTooWideForTwoColumns() {
    assertEquals(List.of("only"), Columns.layout(List.of("only"), 79));
    assertEquals(List.of("<empty>"), Columns.layout(List.of(), 79));
    String wide = "x".repeat(50);
    assertEquals(List.of(wide, wide + "y"), Columns.layout(List.of(wide, wide + "y"), 79));
  }
}
