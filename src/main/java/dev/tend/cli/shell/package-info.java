/** The interactive ctl shell on jline: prompt, history, completion. */
@NullMarked
package dev.tend.cli.shell;

import org.jspecify.annotations.NullMarked;
