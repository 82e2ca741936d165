package dev.tend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected strings are what Python 3 prints for the same values. */
class PythonTextTest {
  @Test
  void whitespaceIsPythonsIncludingTheSeparatorControls() {
    for (int c :
        new int[] {' ', '\t', '\n', 0x0b, '\f', '\r', 0x1c, 0x1f, 0x85, 0xa0, 0x2009, 0x3000}) {
      assertTrue(PythonText.isSpace(c), Integer.toHexString(c));
    }
    for (int c : new int[] {'a', 0x00, 0x1b, 0x200b, 0xfeff}) {
      assertFalse(PythonText.isSpace(c), Integer.toHexString(c));
    }
  }

  @Test
  void splitsAndStripsOnPythonsWhitespace() {
    assertEquals(List.of("a", "b:*", "c"), PythonText.split("  a\tb:*\u001fc \n"));
    assertEquals(List.of(), PythonText.split(" \u00a0 "));
    assertEquals("x y", PythonText.strip("\u2028 x y\u3000"));
    assertEquals("\u00a0x", PythonText.rstrip("\u00a0x\u00a0 "));
  }

  @Test
  void reprPicksItsQuoteByContentAndEscapesWhatIsNotPrintable() {
    assertEquals("'web'", PythonText.repr("web"));
    assertEquals("\"it's\"", PythonText.repr("it's"));
    assertEquals("'both \\' and \"'", PythonText.repr("both ' and \""));
    assertEquals("'tab\\tnl\\nbs\\\\ \\x01'", PythonText.repr("tab\tnl\nbs\\ \u0001"));
    assertEquals(
        "'\\x1b\\xa0\u00e9\\u200b\u4e2d'", PythonText.repr("\u001b\u00a0\u00e9\u200b\u4e2d"));
    assertEquals("'\\xe9\\u4e2d\\U0001f600'", PythonText.ascii("\u00e9\u4e2d\ud83d\ude00"));
  }

  @Test
  void intIsPythonsInBases10And8() {
    assertEquals(10, PythonInt.parse(" +1_0 ", 10));
    assertEquals(-5, PythonInt.parse("-5", 10));
    assertEquals(42, PythonInt.parse("\u0664\u0662", 10)); // Arabic-Indic digits, as int() takes
    assertEquals(15, PythonInt.parse("0o_17", 8));
    assertEquals(18, PythonInt.parse("022", 8));
    for (String bad : List.of("", "-", "f", "1__0", "_1", "1_", "0x10", "1.5")) {
      NumberFormatException e =
          assertThrows(NumberFormatException.class, () -> PythonInt.parse(bad, 10), bad);
      assertEquals(
          "invalid literal for int() with base 10: " + PythonText.repr(bad), e.getMessage());
    }
    assertThrows(NumberFormatException.class, () -> PythonInt.parse("8", 8));
    assertThrows(ArithmeticException.class, () -> PythonInt.parse("99999999999999999999", 10));
  }
}
