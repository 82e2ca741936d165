package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Python's {@code %} against a dict, as supervisord expands values. Expected values were taken from
 * Python 3.11 ({@code PythonCrossCheckIT} compares a larger table with the real thing).
 */
class PercentFormatTest {
  private static final Map<String, Object> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("here", "/h");
    NAMES.put("n", 3L);
    NAMES.put("s", "ab");
    NAMES.put("neg", -42L);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "%(here)s/x|/h/x",
        "%(n)d|3",
        "%(n)02d|03",
        "%(n)-4d!|'3   !'",
        "%(n)+d|+3",
        "%(n).3d|003",
        "%(n)05.3d|00003",
        "%(n)#x|0x3",
        "%(n)#o|0o3",
        "%(n)#05x|0x003",
        "%(neg)05d|-0042",
        "%(neg)#x|-0x2a",
        "%(n)e|3.000000e+00",
        "%(n).0e|3e+00",
        "%(n)g|3",
        "%(n)#g|3.00000",
        "%(n).2f|3.00",
        "%(n)#.0f|3.",
        "%(s)r|'''ab'''",
        "%(s).1s|a",
        "%(s)5s!|'   ab!'",
        "%(s)-5s!|'ab   !'",
        "%(s)05s|'   ab'",
        "100%%|100%",
        "%(n)hd|3",
        "a%(n)d%(n)03d%%x|a3003%x",
      })
  void formatsLikePython(String template, String expected) throws Exception {
    assertEquals(expected, PercentFormat.format(template, NAMES));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "100%|incomplete format",
        "%(n|incomplete format key",
        "%(n)|incomplete format",
        "%(n)z|unsupported format character 'z' (0x7a) at index 4",
        "%(n)%|unsupported format character '%' (0x25) at index 4",
        "%(s)d|%d format: a real number is required, not str",
        "%(s)x|%x format: an integer is required, not str",
        "%(s)f|must be real number, not str",
        "%(s)c|%c requires int or char",
        "%s %s|not enough arguments for format string",
        "%(n)s %s|not enough arguments for format string",
        "%*d|* wants int",
        "% d|%d format: a real number is required, not dict",
      })
  void failsLikePython(String template, String message) {
    PercentFormat.BadFormat e =
        assertThrows(PercentFormat.BadFormat.class, () -> PercentFormat.format(template, NAMES));
    assertEquals(message, e.getMessage());
  }

  @Test
  void bareSFormatsTheWholeDict() throws Exception {
    assertEquals(
        "date +{'here': '/h', 'n': 3, 's': 'ab', 'neg': -42}",
        PercentFormat.format("date +%s", NAMES));
  }

  @Test
  void missingNameIsSupervisordsMessageWithSortedNames() {
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () -> PercentFormat.expand("x %(foo)s", NAMES, "program:a.command"));
    assertEquals(
        "Format string 'x %(foo)s' for 'program:a.command' contains names ('foo') which cannot be"
            + " expanded. Available names: here, n, neg, s",
        e.getMessage());
  }

  @Test
  void badFormatIsSupervisordsMessage() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> PercentFormat.expand("100%", NAMES, "x"));
    assertEquals(
        "Format string '100%' for 'x' is badly formatted: incomplete format", e.getMessage());
  }

  @Test
  void nestedParenthesesBelongToTheKey() throws Exception {
    assertEquals("AB", PercentFormat.format("%(a(b))s", Map.of("a(b)", "AB")));
  }

  @Test
  void theFirstProblemFromTheLeftWins() {
    assertThrows(PercentFormat.MissingName.class, () -> PercentFormat.format("%(zz)s 100%", NAMES));
    assertThrows(PercentFormat.BadFormat.class, () -> PercentFormat.format("100% %(zz)s", NAMES));
  }
}
