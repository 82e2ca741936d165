package dev.tend.tui.view;

import dev.tend.tui.theme.Role;

/** A piece of text and the role it is drawn in. */
public record Segment(String text, Role role) {}
