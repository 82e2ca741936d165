package dev.tend.core;

import com.googlecode.lanterna.TextColor;

/** Test fixture: core code that imports lanterna, which the layering rules must reject. */
public final class CoreThatDrawsOnTheTerminal {
  public TextColor colour() {
    return TextColor.ANSI.RED;
  }
}
