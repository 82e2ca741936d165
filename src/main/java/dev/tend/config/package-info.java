/**
 * supervisord.conf, read with supervisord 4.2.5's rules, into immutable records with its defaults,
 * plus diagnostics that say file, line, section, key and value.
 */
@NullMarked
package dev.tend.config;

import org.jspecify.annotations.NullMarked;
