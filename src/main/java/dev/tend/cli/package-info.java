/** supervisorctl's verbs and output, one class per verb, writing to a given output. */
@NullMarked
package dev.tend.cli;

import org.jspecify.annotations.NullMarked;
