/** Themes: palettes and roles, loading and validation, fallbacks. */
@NullMarked
package dev.tend.tui.theme;

import org.jspecify.annotations.NullMarked;
