package dev.tend.config;

/**
 * The {@code autorestart} option: restart after an exit from RUNNING never, always, or when the
 * code was not expected.
 */
public enum Autorestart {
  FALSE,
  UNEXPECTED,
  TRUE
}
