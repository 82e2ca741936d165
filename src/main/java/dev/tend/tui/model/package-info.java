/**
 * What the console shows, fed by background subscribers: processes, selection, panes. No lanterna.
 */
@NullMarked
package dev.tend.tui.model;

import org.jspecify.annotations.NullMarked;
