/**
 * The benchmark harness behind {@code bench/run}: runs each row against tend and against the real
 * supervisord with the same config, alternating, and reports medians and tend/supervisord ratios.
 * Compiled with the tests but never run by them (no {@code *Test}/{@code *IT} names).
 */
@NullMarked
package dev.tend.bench;

import org.jspecify.annotations.NullMarked;
