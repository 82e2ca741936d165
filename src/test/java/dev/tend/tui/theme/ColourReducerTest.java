package dev.tend.tui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColourReducerTest {

  @Test
  void rgbToTheNearestXterm256Entry() {
    assertEquals(new TermColour.Indexed(196), reduce256(255, 0, 0));
    assertEquals(new TermColour.Indexed(16), reduce256(0, 0, 0));
    assertEquals(new TermColour.Indexed(77), reduce256(0x5f, 0xd7, 0x5f));
    assertEquals(new TermColour.Indexed(236), reduce256(0x30, 0x30, 0x30));
    assertEquals(new TermColour.Indexed(252), reduce256(0xd0, 0xd0, 0xd0));
  }

  @Test
  void rgbToTheNearestOfSixteen() {
    assertEquals(new TermColour.Ansi(9), reduce16(0xff, 0x5f, 0x5f));
    assertEquals(new TermColour.Ansi(2), reduce16(0x00, 0x87, 0x00));
    assertEquals(new TermColour.Ansi(0), reduce16(0x26, 0x26, 0x26));
    assertEquals(new TermColour.Ansi(7), reduce16(0xd0, 0xd0, 0xd0));
    assertEquals(new TermColour.Ansi(8), reduce16(0x8a, 0x8a, 0x8a));
    assertEquals(
        new TermColour.Ansi(3), ColourReducer.reduce(new TermColour.Indexed(3), ColorDepth.ANSI16));
    assertEquals(
        new TermColour.Ansi(9),
        ColourReducer.reduce(new TermColour.Indexed(196), ColorDepth.ANSI16));
  }

  @Test
  void noColourDropsEveryColour() {
    assertEquals(TermColour.DEFAULT, ColourReducer.reduce(new TermColour.Ansi(1), ColorDepth.NONE));
  }

  @Test
  void depthFromTheEnvironment() {
    assertEquals(ColorDepth.NONE, ColorDepth.detect(Map.of("TERM", "xterm", "NO_COLOR", "x")));
    assertEquals(ColorDepth.ANSI16, ColorDepth.detect(Map.of("TERM", "xterm", "NO_COLOR", "")));
    assertEquals(ColorDepth.NONE, ColorDepth.detect(Map.of("TERM", "vt100")));
    assertEquals(ColorDepth.NONE, ColorDepth.detect(Map.of()));
    assertEquals(ColorDepth.ANSI16, ColorDepth.detect(Map.of("TERM", "linux")));
    assertEquals(ColorDepth.ANSI16, ColorDepth.detect(Map.of("TERM", "screen")));
    assertEquals(ColorDepth.ANSI256, ColorDepth.detect(Map.of("TERM", "screen-256color")));
    assertEquals(ColorDepth.ANSI256, ColorDepth.detect(Map.of("TERM", "xterm-256color")));
    assertEquals(
        ColorDepth.TRUECOLOR,
        ColorDepth.detect(Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor")));
  }

  private static TermColour reduce256(int r, int g, int b) {
    return ColourReducer.reduce(new TermColour.Rgb(r, g, b), ColorDepth.ANSI256);
  }

  private static TermColour reduce16(int r, int g, int b) {
    return ColourReducer.reduce(new TermColour.Rgb(r, g, b), ColorDepth.ANSI16);
  }
}
