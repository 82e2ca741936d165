/**
 * What the console shows: the process table, the panes and their lines, overlays, the message line,
 * the server's status. Owned by the UI thread, changed only through named operations (the
 * controller's), read by the view; background threads never touch it. No lanterna, no I/O.
 */
@NullMarked
package dev.tend.tui.state;

import org.jspecify.annotations.NullMarked;
