package dev.tend.tui.state;

/** A rectangle of screen cells. */
public record Rect(int x, int y, int width, int height) {
  public Rect {
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException("negative size " + width + "x" + height);
    }
  }

  public boolean isEmpty() {
    return width == 0 || height == 0;
  }
}
