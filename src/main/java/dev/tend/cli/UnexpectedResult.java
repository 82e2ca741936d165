package dev.tend.cli;

/**
 * A result code supervisorctl has no message for (its {@code ValueError('Unknown result code ...
 * for ...')}): reported like any unexpected error, exit status 1.
 */
final class UnexpectedResult extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnexpectedResult(int code, String namespec) {
    super("Unknown result code " + code + " for " + namespec);
  }
}
