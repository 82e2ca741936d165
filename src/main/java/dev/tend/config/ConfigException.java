package dev.tend.config;

import java.util.List;

/** The config could not be loaded; holds every error found (at least one), in file order. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> errors;

  public ConfigException(List<Diagnostic> errors) {
    super(errors.isEmpty() ? "config error" : errors.get(0).message());
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public List<Diagnostic> errors() {
    return errors;
  }
}
