package dev.tend.tui.state;

/** A completion candidate on the {@code :} line and what it is. */
public record Candidate(String value, String description) {}
