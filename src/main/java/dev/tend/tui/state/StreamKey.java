package dev.tend.tui.state;

import dev.tend.api.LogStream;

/** One followed stream: a process and which of its outputs. */
public record StreamKey(String source, LogStream stream) {}
