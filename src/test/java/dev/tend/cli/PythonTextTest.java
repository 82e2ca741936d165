package dev.tend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonTextTest {
  @Test
  void splitsAndStripsOnPythonsWhitespace() {
    assertEquals(List.of("a", "b:*", "c"), PythonText.split("  a\tb:*\u001fc \n"));
    assertEquals(List.of(), PythonText.split(" \u00a0 "));
    assertEquals("x y", PythonText.strip("\u2028 x y\u3000"));
  }

  @Test
  void reprQuotesAsPython() {
    assertEquals("'bogus'", PythonText.repr("bogus"));
    assertEquals("\"it's\"", PythonText.repr("it's"));
    assertEquals("'both \\' and \"'", PythonText.repr("both ' and \""));
    assertEquals("'tab\\tnl\\n\\x1b\\xa0\u00e9'", PythonText.repr("tab\tnl\n\u001b\u00a0\u00e9"));
  }

  @Test
  void parsesIntegersAsPythonsInt() {
    assertEquals(100, PythonText.parseInt("100"));
    assertEquals(-5, PythonText.parseInt("-5"));
    assertEquals(10, PythonText.parseInt(" +1_0 "));
    for (String bad : List.of("", "-", "f", "1__0", "_1", "1_", "0x10", "1.5")) {
      assertThrows(NumberFormatException.class, () -> PythonText.parseInt(bad), bad);
    }
    assertThrows(ArithmeticException.class, () -> PythonText.parseInt("99999999999999999999"));
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
