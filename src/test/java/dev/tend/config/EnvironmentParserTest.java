package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code environment=} with supervisord 4.2.5's legacy shlex and its quirks (spec §1.15). */
class EnvironmentParserTest {
  private static Map<String, String> parse(String text) throws Exception {
    return EnvironmentParser.parse(text);
  }

  private static String failure(String text) {
    return assertThrows(InvalidValueException.class, () -> EnvironmentParser.parse(text))
        .getMessage();
  }

  @Test
  void pairsInOrder() throws Exception {
    assertEquals(
        java.util.List.of("A", "B", "PATH"),
        java.util.List.copyOf(parse("A=1,B=two,PATH=/usr/bin:/bin").keySet()));
    assertEquals("/usr/bin:/bin", parse("PATH=/usr/bin:/bin").get("PATH"));
  }

  @Test
  void quotesAreStripped() throws Exception {
    assertEquals("x y", parse("A=\"x y\"").get("A"));
    assertEquals("q,r", parse("B='q,r'").get("B"));
    assertEquals("", parse("A=\"\"").get("A"));
  }

  @Test
  void wordCharactersIncludePathPunctuation() throws Exception {
    assertEquals("a.b+c-d(e):f/g", parse("K=a.b+c-d(e):f/g").get("K"));
  }

  @Test
  void anyTokenCountsAsTheSeparator() throws Exception {
    assertEquals(Map.of("A", "1", "B", "2"), parse("A=1;B=2"));
    assertEquals(Map.of("A", "1"), parse("A=1,"));
    assertEquals(Map.of("A", "x"), parse("A=\"x\"y"));
  }

  @Test
  void hashStartsAComment() throws Exception {
    assertEquals(Map.of("A", "x"), parse("A=x#y"));
    assertEquals(Map.of("A", "x", "B", "2"), parse("A=x#y\n,B=2"));
  }

  @Test
  void continuationLinesAreSeparatedByNewlines() throws Exception {
    assertEquals(Map.of("A", "1", "B", "2"), parse("A=1,\nB=2"));
  }

  @Test
  void unquotedSpecialCharactersEndThePairs() {
    assertEquals("Unexpected end of key/value pairs in value 'A=1,,B=2'", failure("A=1,,B=2"));
    assertEquals("Unexpected end of key/value pairs in value 'A='", failure("A="));
    assertEquals("Unexpected end of key/value pairs in value 'A=café,B=2'", failure("A=café,B=2"));
  }

  @Test
  void aSpaceEndsAnUnquotedValueAndTheNextWordIsTakenAsSeparator() throws Exception {
    assertEquals(Map.of("A", "a"), parse("A=a b"));
  }

  @Test
  void escapedQuotesAreNotSupported() throws Exception {
    assertEquals("No closing quotation", failure("A=\"unclosed"));
    assertEquals(Map.of("A", "a\\"), parse("A=\"a\\\"b\""));
  }

  @Test
  void emptyIsNoPairs() throws Exception {
    assertEquals(Map.of(), parse(""));
    assertEquals(Map.of(), parse("  "));
  }
}
