package dev.tend.config;

import dev.tend.config.Diagnostic.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Collects what loading finds. supervisord stops at its first error; tend goes on to report every
 * one, in the order supervisord would meet them, but reports a key at most once (supervisord reads
 * some keys twice, at group and at process level).
 */
final class Diagnostics {
  private final List<Diagnostic> errors = new ArrayList<>(); // in the order found
  private final List<Diagnostic> notes = new ArrayList<>(); // warnings and infos, in order found
  private final Set<String> keysWithErrors = new HashSet<>(); // "section\nkey" already reported

  void error(
      String message,
      @Nullable Path file,
      int line,
      @Nullable String section,
      @Nullable String key,
      @Nullable String value) {
    if (section != null && key != null && !keysWithErrors.add(section + "\n" + key)) {
      return;
    }
    errors.add(new Diagnostic(Severity.ERROR, message, file, line, section, key, value));
  }

  void warning(
      String message,
      @Nullable Path file,
      int line,
      @Nullable String section,
      @Nullable String key,
      @Nullable String value) {
    Diagnostic d = new Diagnostic(Severity.WARNING, message, file, line, section, key, value);
    if (!notes.contains(d)) { // supervisord repeats a section's warning for each of numprocs
      notes.add(d);
    }
  }

  void info(String message, @Nullable Path file) {
    notes.add(new Diagnostic(Severity.INFO, message, file, 0, null, null, null));
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  boolean hasErrorFor(String section, String key) {
    return keysWithErrors.contains(section + "\n" + key);
  }

  List<Diagnostic> errors() {
    return List.copyOf(errors);
  }

  List<Diagnostic> notes() {
    return List.copyOf(notes);
  }

  ConfigException failure() {
    return new ConfigException(errors, notes);
  }
}
