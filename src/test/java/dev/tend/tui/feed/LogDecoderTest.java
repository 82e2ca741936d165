package dev.tend.tui.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tend.tui.state.LogLine;
import dev.tend.tui.theme.Style;
import dev.tend.tui.theme.TermColour;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogDecoderTest {
  private final LogDecoder decoder = new LogDecoder(64);

  private List<String> texts(String input) {
    return decoder.decode(input.getBytes(StandardCharsets.UTF_8)).lines().stream()
        .map(LogDecoder.Line::text)
        .toList();
  }

  @Test
  void splitsLinesAndKeepsTheUnfinishedOneAsPartial() {
    LogDecoder.Result r = decoder.decode("one\ntwo\nthr".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("one", "two"), r.lines().stream().map(LogDecoder.Line::text).toList());
    assertEquals("thr", r.partial().text());
    LogDecoder.Result r2 = decoder.decode("ee\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("three", r2.lines().get(0).text());
    assertNull(r2.partial());
  }

  @Test
  void utf8SplitAcrossChunksIsDecodedWholeAndBadBytesBecomeReplacementChars() {
    byte[] euro = "€\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), decoder.decode(Arrays.copyOfRange(euro, 0, 2)).lines());
    assertEquals(
        "€", decoder.decode(Arrays.copyOfRange(euro, 2, euro.length)).lines().get(0).text());
    byte[] bad = {'a', (byte) 0xff, 'b', '\n'};
    assertEquals("a\uFFFDb", decoder.decode(bad).lines().get(0).text());
  }

  @Test
  void sgrColoursBecomeSpansAndCarryOverLines() {
    LogDecoder.Result r =
        decoder.decode(
            "plain \u001b[1;31mred\u001b[0m done\n\u001b[32mgreen\nnext\u001b[m\n"
                .getBytes(StandardCharsets.UTF_8));
    LogDecoder.Line first = r.lines().get(0);
    assertEquals("plain red done", first.text());
    Style red = Style.PLAIN.withFg(new TermColour.Ansi(1)).withBold(true);
    assertEquals(List.of(new LogLine.Span(6, 9, red)), first.spans());
    Style green = Style.PLAIN.withFg(new TermColour.Ansi(2));
    assertEquals(List.of(new LogLine.Span(0, 5, green)), r.lines().get(1).spans());
    assertEquals(List.of(new LogLine.Span(0, 4, green)), r.lines().get(2).spans());
  }

  @Test
  void extendedColoursInBothForms() {
    LogDecoder.Result r =
        decoder.decode(
            "\u001b[38;5;208mA\u001b[48;2;1;2;3mB\u001b[38:2::9:8:7mC\n"
                .getBytes(StandardCharsets.UTF_8));
    List<LogLine.Span> spans = r.lines().get(0).spans();
    assertEquals(new TermColour.Indexed(208), spans.get(0).style().fg());
    assertEquals(new TermColour.Rgb(1, 2, 3), spans.get(1).style().bg());
    assertEquals(new TermColour.Rgb(9, 8, 7), spans.get(2).style().fg());
  }

  @Test
  void everyOtherEscapeAndControlIsNeutralised() {
    String evil =
        "a\u001b[2J\u001b[H\u001b[10;20Hb\u001b]0;pwned title\u0007c\u001b]8;;http://x\u001b\\d"
            + "\u001bPqsixel\u001b\\e\u001b(Bf\u0007\u0000\u0008g\u007f\u009b5mh\u001b[?1049hi\n";
    assertEquals(List.of("abcdefghi"), texts(evil));
  }

  @Test
  void escapeSplitAcrossChunksIsStillRecognised() {
    decoder.decode("x\u001b[3".getBytes(StandardCharsets.UTF_8));
    LogDecoder.Result r = decoder.decode("1mred\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("xred", r.lines().get(0).text());
    assertEquals(new TermColour.Ansi(1), r.lines().get(0).spans().get(0).style().fg());
  }

  @Test
  void carriageReturnRedrawsTheLineButCrLfIsANewline() {
    assertEquals(List.of("100%", "next"), texts(" 10%\r 50%\r100%\nnext\r\n"));
    decoder.decode("win\r".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("win"), texts("\n"));
  }

  @Test
  void tabsExpandToEightColumnStops() {
    assertEquals(List.of("ab      c"), texts("ab\tc\n"));
  }

  @Test
  void longLinesAreCutAndSayHowMuch() {
    String longLine = "x".repeat(100) + "\n";
    LogDecoder.Line l = decoder.decode(longLine.getBytes(StandardCharsets.UTF_8)).lines().get(0);
    assertEquals(64, l.text().length());
    assertEquals(36, l.cutChars());
  }

  @Test
  void zeroWidthAndCombiningCharactersAreDroppedWideOnesKept() {
    assertEquals(List.of("e\u65e5\uD83D\uDE80"), texts("e\u0301\u200b\u65e5\uD83D\uDE80\uFE0F\n"));
  }

  @Test
  void flushEndsTheUnfinishedLine() {
    decoder.decode("tail".getBytes(StandardCharsets.UTF_8));
    assertEquals("tail", decoder.flush().text());
    assertNull(decoder.flush());
  }
}
