/** How text fits a terminal (columns of wide characters) and how durations and sizes read short. */
@NullMarked
package dev.tend.tui.text;

import org.jspecify.annotations.NullMarked;
