/** The console's screens and widgets on lanterna. */
@NullMarked
package dev.tend.tui.view;

import org.jspecify.annotations.NullMarked;
