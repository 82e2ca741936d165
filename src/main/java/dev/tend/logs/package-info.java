/**
 * Child output capture: rotating log files, AUTO names, tail buffers, offset reads, the main log's
 * file.
 */
@NullMarked
package dev.tend.logs;

import org.jspecify.annotations.NullMarked;
