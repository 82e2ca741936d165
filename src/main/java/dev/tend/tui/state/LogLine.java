package dev.tend.tui.state;

import dev.tend.api.LogStream;
import dev.tend.tui.theme.Style;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of a log pane: text the child wrote (already made safe to draw), a marker the user set,
 * or a notice from the console (bytes lost, follow ended). Immutable.
 *
 * @param seq position in its buffer, increasing by one per line
 * @param stream which stream it came from; null for markers and notices
 * @param source the process it came from (a merged pane shows it as a prefix)
 * @param receivedAt epoch millis when the console received it
 * @param spans colours the child asked for with SGR escapes; empty for plain text
 * @param cutChars characters dropped from the end because the line was longer than the limit
 */
public record LogLine(
    long seq,
    Kind kind,
    @Nullable LogStream stream,
    String source,
    long receivedAt,
    String text,
    List<Span> spans,
    int cutChars) {

  /** What a line is. */
  public enum Kind {
    TEXT,
    MARKER,
    NOTICE
  }

  /** A run of characters [start, end) the child styled; default colours mean "the line's own". */
  public record Span(int start, int end, Style style) {}

  public LogLine {
    spans = List.copyOf(spans);
  }

  /** The same line at another position (buffers number lines as they take them). */
  public LogLine withSeq(long s) {
    return new LogLine(s, kind, stream, source, receivedAt, text, spans, cutChars);
  }
}
