package dev.tend.bench;

/** A run that could not be measured: a daemon died, a deadline passed, bytes went missing. */
final class BenchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BenchException(String message) {
    super(message);
  }
}
