/** Actions as data: names, default keys, descriptions, danger; user rebinding. */
@NullMarked
package dev.tend.tui.keymap;

import org.jspecify.annotations.NullMarked;
