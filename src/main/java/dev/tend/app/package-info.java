/** Entry points: argument parsing and wiring of the daemon, ctl and console faces. */
@NullMarked
package dev.tend.app;

import org.jspecify.annotations.NullMarked;
