package dev.tend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonFormatTest {
  @Test
  void parsesIntegersAsPythonsInt() {
    assertEquals(100, PythonFormat.parseInt("100"));
    assertEquals(-5, PythonFormat.parseInt("-5"));
    assertEquals(10, PythonFormat.parseInt(" +1_0 "));
    for (String bad : List.of("", "-", "f", "1__0", "_1", "1_", "0x10", "1.5")) {
      assertThrows(NumberFormatException.class, () -> PythonFormat.parseInt(bad), bad);
    }
    ArithmeticException tooBig =
        assertThrows(
            ArithmeticException.class, () -> PythonFormat.parseInt("99999999999999999999"));
    assertEquals("int exceeds XML-RPC limits", tooBig.getMessage());
  }

  @Test
  void namespecsSplitAsSupervisorctlDoes() {
    assertEquals(new Namespec("web", "web"), Namespec.parse("web"));
    assertEquals(new Namespec("web", null), Namespec.parse("web:*"));
    assertEquals(new Namespec("web", null), Namespec.parse("web:"));
    assertEquals(new Namespec("", "x"), Namespec.parse(":x"));
    assertEquals(new Namespec("a", "b:c"), Namespec.parse("a:b:c"));
    assertEquals("grp:None", Namespec.parse("grp:").display());
    assertEquals("cat", Namespec.parse("cat:cat").display());
  }
}
