package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RawConfigParser's line rules as supervisord configures them (spec §1.2). */
class IniParserTest {
  private final IniDocument doc = new IniDocument();
  private final Diagnostics diagnostics = new Diagnostics();

  private IniDocument parse(String text) {
    IniParser.read(doc, Path.of("f.conf"), text, diagnostics);
    return doc;
  }

  private String value(String text, String section, String key) {
    IniDocument.Entry e = parse(text).get(section, key);
    return e == null ? null : e.value();
  }

  @Test
  void inlineCommentNeedsWhitespaceBeforeIt() {
    assertEquals("b", value("[s]\na=b ;c\n", "s", "a"));
    assertEquals("b;c", value("[s]\na=b;c\n", "s", "a"));
    assertEquals("b#c", value("[s]\na=b#c\n", "s", "a"));
    assertEquals("b", value("[s]\na=b\t# c\n", "s", "a"));
  }

  @Test
  void quotesDoNotProtectFromComments() {
    assertEquals("bash -c 'a", value("[s]\ncommand=bash -c 'a ; b'\n", "s", "command"));
  }

  @Test
  void pythonFindsCommentsInRoundsSoALaterHashCanWin() {
    // ';' occurrences at 1,2,3,4 and 6 (6 qualifies); '#' at 9 qualifies in the first round
    assertEquals(9, IniParser.commentStart("x;;;; ;y #z"));
    assertEquals(2, IniParser.commentStart("x ;y #z"));
  }

  @Test
  void fullLineCommentsAndBlankLinesAreSkipped() {
    parse("; c\n# c\n[s]\n  ; indented comment\na=1\n\n#x\nb=2\n");
    assertEquals("1", doc.get("s", "a").value());
    assertEquals("2", doc.get("s", "b").value());
  }

  @Test
  void keysAreLowerCasedAndSectionsAreNot() {
    parse("[Program:X]\nCommand = ls\n");
    assertEquals("ls", doc.get("Program:X", "command").value());
    assertFalse(doc.hasSection("program:x"));
  }

  @Test
  void theFirstEqualsOrColonSeparates() {
    assertEquals("b=c", value("[s]\na:b=c\n", "s", "a"));
    assertEquals(
        "supervisor.rpcinterface:make_main_rpcinterface",
        value(
            "[s]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
            "s",
            "supervisor.rpcinterface_factory"));
    assertEquals("", value("[s]\nempty =\n", "s", "empty"));
  }

  @Test
  void continuationLinesJoinWithNewlines() {
    assertEquals("A=1,\nB=2", value("[s]\nenv=A=1,\n  B=2\nnext=x\n", "s", "env"));
  }

  @Test
  void blankLinesInsideAValueAreKeptAndTrailingOnesDropped() {
    assertEquals("a\n\nb", value("[s]\nk=a\n\n  b\n\n\n", "s", "k"));
  }

  @Test
  void anIndentedHeaderUnderAValueIsAContinuation() {
    parse("[s]\nk=a\n  [t]\n");
    assertEquals("a\n[t]", doc.get("s", "k").value());
    assertFalse(doc.hasSection("t"));
  }

  @Test
  void laterValuesWinAndSectionsMerge() {
    parse("[s]\na=1\nb=2\n[t]\n[s]\na=3\nc=4\n");
    assertEquals("3", doc.get("s", "a").value());
    assertEquals(6, doc.get("s", "a").line());
    assertEquals(List.of("s", "t"), doc.sectionNames());
    assertEquals(
        List.of("a", "b", "c"), doc.entries("s").stream().map(IniDocument.Entry::key).toList());
  }

  @Test
  void defaultSectionFillsEverySection() {
    parse("[DEFAULT]\nautostart=false\n[program:a]\ncommand=x\n");
    assertEquals("false", doc.get("program:a", "autostart").value());
    assertEquals(List.of("program:a"), doc.sectionNames());
  }

  @Test
  void headerRunsToTheLastClosingBracket() {
    parse("[a]b] trailing\nk=v\n");
    assertTrue(doc.hasSection("a]b"));
  }

  @Test
  void linesRememberFileAndLine() {
    parse("\n[s]\n\nkey = value\n");
    IniDocument.Entry e = doc.get("s", "key");
    assertEquals(Path.of("f.conf"), e.file());
    assertEquals(4, e.line());
  }

  @Test
  void aLineWithoutSeparatorIsPythonsParsingError() {
    parse("[s]\nbogus\nok=1\n=x\n");
    List<Diagnostic> errors = diagnostics.failure().errors();
    assertEquals(
        "Source contains parsing errors: 'f.conf'\n\t[line  2]: 'bogus\\n'",
        errors.get(0).message());
    assertEquals(
        "Source contains parsing errors: 'f.conf'\n\t[line  4]: '=x\\n'", errors.get(1).message());
    assertEquals("1", doc.get("s", "ok").value());
  }

  @Test
  void optionsBeforeAnyHeaderAreReportedOnce() {
    parse("a=1\nb=2\n[s]\nc=3\n");
    List<Diagnostic> errors = diagnostics.failure().errors();
    assertEquals(1, errors.size());
    assertEquals(
        "File contains no section headers.\nfile: 'f.conf', line: 1\n'a=1\\n'",
        errors.get(0).message());
    assertEquals("3", doc.get("s", "c").value());
  }

  @Test
  void crLfAndByteOrderMarkAreRead() {
    parse("\uFEFF[s]\r\na=1\r\nb=2\r");
    assertEquals("1", doc.get("s", "a").value());
    assertEquals("2", doc.get("s", "b").value());
    assertFalse(diagnostics.hasErrors());
  }

  @Test
  void replaceHereSubstitutesTextually() {
    parse("[s]\na=%(here)s/x\nb=%%(here)s\n");
    doc.replaceHere("/d");
    assertEquals("/d/x", doc.get("s", "a").value());
    assertEquals("%/d", doc.get("s", "b").value());
    assertNull(doc.get("s", "c"));
  }
}
