package dev.tend.tui.view;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.tend.tui.theme.ColourReducer;
import dev.tend.tui.theme.TermColour;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paints a virtual terminal's cells into an image with Java2D (headless, no X server): a monospace
 * font (DejaVu Sans Mono when installed), each cell's colours, bold, italic, underline and reverse,
 * the terminal's default colours given by the caller. The same cells give the same pixels.
 */
final class ScreenImage {
  private static final Path FONTS = Path.of("/usr/share/fonts/truetype/dejavu");

  private final Font regular;
  private final Font bold;
  private final Color defaultFg;
  private final Color defaultBg;

  ScreenImage(float size, Color defaultFg, Color defaultBg) {
    this.regular = font("DejaVuSansMono.ttf", Font.PLAIN, size);
    this.bold = font("DejaVuSansMono-Bold.ttf", Font.BOLD, size);
    this.defaultFg = defaultFg;
    this.defaultBg = defaultBg;
  }

  private static Font font(String file, int style, float size) {
    Path p = FONTS.resolve(file);
    if (Files.exists(p)) {
      try {
        return Font.createFont(Font.TRUETYPE_FONT, p.toFile()).deriveFont(size);
      } catch (FontFormatException | IOException e) {
        // fall back to the JDK's logical monospace font
      }
    }
    return new Font(Font.MONOSPACED, style, Math.round(size));
  }

  BufferedImage paint(DefaultVirtualTerminal t) {
    int cols = t.getTerminalSize().getColumns();
    int rows = t.getTerminalSize().getRows();
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    FontMetrics fm = probe.createGraphics().getFontMetrics(regular);
    int cw = fm.charWidth('M');
    int ch = fm.getHeight();
    int pad = 12;
    BufferedImage img =
        new BufferedImage(cols * cw + 2 * pad, rows * ch + 2 * pad, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_GASP);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
    g.setColor(defaultBg);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        TextCharacter c = t.getCharacter(x, y);
        Color fg = colour(c.getForegroundColor(), defaultFg);
        Color bg = colour(c.getBackgroundColor(), defaultBg);
        if (c.getModifiers().contains(SGR.REVERSE)) {
          Color s = fg;
          fg = bg;
          bg = s;
        }
        int px = pad + x * cw;
        int py = pad + y * ch;
        int width = c.isDoubleWidth() ? 2 * cw : cw;
        g.setColor(bg);
        g.fillRect(px, py, width, ch);
        String s = c.getCharacterString();
        if (!s.isBlank()) {
          Font f = c.getModifiers().contains(SGR.BOLD) ? bold : regular;
          if (c.getModifiers().contains(SGR.ITALIC)) {
            f = f.deriveFont(f.getStyle() | Font.ITALIC);
          }
          g.setFont(f);
          g.setColor(fg);
          g.drawString(s, px, py + fm.getAscent());
        }
        if (c.getModifiers().contains(SGR.UNDERLINE)) {
          g.setColor(fg);
          g.drawLine(px, py + ch - 2, px + width - 1, py + ch - 2);
        }
        if (c.isDoubleWidth()) {
          x++;
        }
      }
    }
    g.dispose();
    return img;
  }

  private static Color colour(TextColor c, Color dflt) {
    if (c == TextColor.ANSI.DEFAULT) {
      return dflt;
    }
    if (c instanceof TextColor.ANSI a) {
      int index = a.ordinal() < 8 ? a.ordinal() : a.ordinal() - 9 + 8; // DEFAULT sits at 8
      return awt(ColourReducer.rgbOf(index));
    }
    if (c instanceof TextColor.Indexed) {
      return awt(ColourReducer.rgbOf(Integer.parseInt(c.toString().replaceAll("\\D", ""))));
    }
    return new Color(c.getRed(), c.getGreen(), c.getBlue());
  }

  private static Color awt(TermColour.Rgb rgb) {
    return new Color(rgb.red(), rgb.green(), rgb.blue());
  }
}
