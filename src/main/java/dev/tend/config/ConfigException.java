package dev.tend.config;

import java.util.List;

/**
 * The config could not be loaded; holds every error found (at least one), in the order supervisord
 * would meet them (so the first is the one supervisord reports), and the warnings found on the way.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> errors;
  private final transient List<Diagnostic> warnings;

  public ConfigException(List<Diagnostic> errors) {
    this(errors, List.of());
  }

  /**
   * @param warnings warnings and notes found before loading failed (a typo's "did you mean" often
   *     explains the error)
   */
  public ConfigException(List<Diagnostic> errors, List<Diagnostic> warnings) {
    super(errors.isEmpty() ? "config error" : errors.get(0).message());
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one error");
    }
    this.errors = List.copyOf(errors);
    this.warnings = List.copyOf(warnings);
  }

  public List<Diagnostic> errors() {
    return errors;
  }

  /** Warnings and notes found before loading failed; empty when none. */
  public List<Diagnostic> warnings() {
    return warnings;
  }
}
