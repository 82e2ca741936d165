package dev.tend.cli;

/**
 * Input ended where a verb needed an answer (Python's EOFError from {@code raw_input}); reported
 * like supervisorctl reports it.
 */
final class EndOfInput extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EndOfInput() {
    super("EOF when reading a line", null, false, false);
  }
}
