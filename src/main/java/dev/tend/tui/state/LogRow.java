package dev.tend.tui.state;

/** One screen row of a log pane: the characters [start, end) of a line; {@code last} ends it. */
public record LogRow(LogLine line, int start, int end, boolean last) {}
