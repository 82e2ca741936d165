package dev.tend.core;

/**
 * One probe attempt's outcome; {@code message} is what it found ({@code HTTP 503}, {@code exit 0}).
 */
record ProbeResult(boolean ok, String message) {}
