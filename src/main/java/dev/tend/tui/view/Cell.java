package dev.tend.tui.view;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.tend.tui.text.DisplayWidth;
import java.util.EnumSet;

/**
 * A screen cell that knows its width. lanterna asks every cell {@code isDoubleWidth()} several
 * times per frame and answers with a dozen Unicode block lookups each time; that was most of the
 * console's idle CPU. Same answer (the model's width table follows lanterna's), computed once.
 */
final class Cell extends TextCharacter {
  private static final long serialVersionUID = 1L;

  private final boolean wide;

  @SuppressWarnings("deprecation") // the only public constructor that takes a char
  Cell(char c, TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
    super(c, fg, bg, sgr);
    this.wide = DisplayWidth.of(c) == 2;
  }

  @Override
  public boolean isDoubleWidth() {
    return wide;
  }
}
