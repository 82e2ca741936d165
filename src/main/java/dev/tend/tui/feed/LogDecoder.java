package dev.tend.tui.feed;

import dev.tend.tui.state.LogLine;
import dev.tend.tui.theme.Style;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns one stream's bytes into lines that are safe to draw: UTF-8 decoded across chunk boundaries
 * (bad bytes become U+FFFD), SGR colour escapes kept as styled spans, every other escape (cursor
 * moves, clears, titles, OSC, DCS) and control character removed, tabs expanded, a lone carriage
 * return starting the line over (progress bars show their last state), lines longer than a limit
 * cut with the count of what was dropped. Not thread-safe: one decoder per stream, fed in order.
 */
public final class LogDecoder {

  /** A decoded line: its text, the child's styling, and characters cut from its end. */
  public record Line(String text, List<LogLine.Span> spans, int cutChars) {
    public Line {
      spans = List.copyOf(spans);
    }
  }

  /** Complete lines from one chunk, and the line still being written (null when none). */
  public record Result(List<Line> lines, @Nullable Line partial) {}

  private enum Mode {
    TEXT,
    ESC,
    ESC_INTERMEDIATE,
    CSI,
    OSC,
    OSC_ESC,
    STRING,
    STRING_ESC
  }

  private static final int MAX_ESCAPE = 64;

  private final int maxLineChars;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  // all below: the feeding thread only (one stream's listener)
  private ByteBuffer pendingBytes = ByteBuffer.allocate(0);
  private final StringBuilder line = new StringBuilder();
  private final List<LogLine.Span> spans = new ArrayList<>();
  private int cut;
  private Style style = Style.PLAIN;
  private int spanStart = -1;
  private Mode mode = Mode.TEXT;
  private final StringBuilder escape = new StringBuilder();
  private boolean pendingCr;
  private char highSurrogate;

  public LogDecoder(int maxLineChars) {
    if (maxLineChars < 16) {
      throw new IllegalArgumentException("maxLineChars must be >= 16, got " + maxLineChars);
    }
    this.maxLineChars = maxLineChars;
  }

  /** Decodes the next chunk of the stream. */
  public Result decode(byte[] data) {
    List<Line> done = new ArrayList<>();
    ByteBuffer in = ByteBuffer.allocate(pendingBytes.remaining() + data.length);
    in.put(pendingBytes).put(data).flip();
    CharBuffer out = CharBuffer.allocate(Math.max(16, in.remaining()));
    utf8.decode(in, out, false);
    pendingBytes = in.slice(); // an incomplete UTF-8 sequence at the end waits for the next chunk
    out.flip();
    while (out.hasRemaining()) {
      accept(out.get(), done);
    }
    return new Result(done, line.isEmpty() && cut == 0 ? null : snapshot());
  }

  /** Ends the stream: the unfinished line, if any, as a complete line. */
  public @Nullable Line flush() {
    if (line.isEmpty() && cut == 0) {
      return null;
    }
    Line l = snapshot();
    resetLine();
    return l;
  }

  private void accept(char c, List<Line> done) {
    switch (mode) {
      case TEXT -> text(c, done);
      case ESC -> escape(c);
      case ESC_INTERMEDIATE -> {
        if (c < 0x20 || c > 0x2f) {
          mode = Mode.TEXT;
        }
      }
      case CSI -> csi(c);
      case OSC -> {
        if (c == 0x07 || c == 0x9c) {
          mode = Mode.TEXT;
        } else if (c == 0x1b) {
          mode = Mode.OSC_ESC;
        }
      }
      case OSC_ESC -> mode = c == '\\' ? Mode.TEXT : Mode.OSC;
      case STRING -> {
        if (c == 0x9c) {
          mode = Mode.TEXT;
        } else if (c == 0x1b) {
          mode = Mode.STRING_ESC;
        }
      }
      case STRING_ESC -> mode = c == '\\' ? Mode.TEXT : Mode.STRING;
    }
  }

  private void text(char c, List<Line> done) {
    if (pendingCr) {
      pendingCr = false;
      if (c != '\n') {
        resetLine(); // "\r" without "\n": the line is being redrawn; keep only its last state
      }
    }
    switch (c) {
      case '\n' -> {
        done.add(snapshot());
        resetLine();
      }
      case '\r' -> pendingCr = true;
      case '\t' -> {
        int spaces = 8 - line.length() % 8;
        for (int i = 0; i < spaces; i++) {
          append(' ');
        }
      }
      case 0x1b -> startEscape(Mode.ESC);
      case 0x9b -> startEscape(Mode.CSI);
      case 0x9d -> startEscape(Mode.OSC);
      case 0x90, 0x98, 0x9e, 0x9f -> startEscape(Mode.STRING);
      default -> printable(c);
    }
  }

  private void printable(char c) {
    if (Character.isHighSurrogate(c)) {
      highSurrogate = c;
      return;
    }
    if (Character.isLowSurrogate(c)) {
      if (highSurrogate != 0 && keep(Character.toCodePoint(highSurrogate, c))) {
        appendPair(highSurrogate, c);
      }
      highSurrogate = 0;
      return;
    }
    highSurrogate = 0;
    if (keep(c)) {
      append(c);
    }
  }

  /** Drops controls, DEL, C1 controls, combining and zero-width characters. */
  private static boolean keep(int cp) {
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      return false;
    }
    int type = Character.getType(cp);
    return type != Character.NON_SPACING_MARK
        && type != Character.ENCLOSING_MARK
        && type != Character.FORMAT
        && type != Character.CONTROL
        && !(cp >= 0xfe00 && cp <= 0xfe0f);
  }

  private void startEscape(Mode m) {
    mode = m;
    escape.setLength(0);
  }

  private void escape(char c) {
    switch (c) {
      case '[' -> startEscape(Mode.CSI);
      case ']' -> startEscape(Mode.OSC);
      case 'P', 'X', '^', '_' -> startEscape(Mode.STRING);
      default -> mode = c >= 0x20 && c <= 0x2f ? Mode.ESC_INTERMEDIATE : Mode.TEXT;
    }
  }

  private void csi(char c) {
    if (c >= 0x40 && c <= 0x7e) {
      mode = Mode.TEXT;
      if (c == 'm' && escape.length() <= MAX_ESCAPE) {
        sgr(escape.toString());
      }
      return;
    }
    if (c < 0x20 || c > 0x3f) {
      mode = Mode.TEXT; // not a valid CSI: drop what we have
      return;
    }
    escape.append(c);
  }

  private void sgr(String params) {
    if (!params.isEmpty() && "<=>?".indexOf(params.charAt(0)) >= 0) {
      return; // private-mode sequences are not colours
    }
    Style s = Sgr.apply(style, params);
    if (!s.equals(style)) {
      closeSpan();
      style = s;
    }
  }

  private void append(char c) {
    if (line.length() >= maxLineChars) {
      cut++;
      return;
    }
    openSpan();
    line.append(c);
  }

  private void appendPair(char high, char low) {
    if (line.length() + 1 >= maxLineChars) {
      cut += 2;
      return;
    }
    openSpan();
    line.append(high).append(low);
  }

  private void openSpan() {
    if (spanStart < 0 && !style.equals(Style.PLAIN)) {
      spanStart = line.length();
    }
  }

  private void closeSpan() {
    if (spanStart >= 0 && spanStart < line.length()) {
      spans.add(new LogLine.Span(spanStart, line.length(), style));
    }
    spanStart = -1;
  }

  private Line snapshot() {
    List<LogLine.Span> all = new ArrayList<>(spans);
    if (spanStart >= 0 && spanStart < line.length()) {
      all.add(new LogLine.Span(spanStart, line.length(), style));
    }
    return new Line(line.toString(), all, cut);
  }

  private void resetLine() {
    line.setLength(0);
    spans.clear();
    cut = 0;
    spanStart = -1; // the style itself carries on to the next line, as on a terminal
  }
}
