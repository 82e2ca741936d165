package dev.tend.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one section's options the way supervisord's {@code saneget} does: the value or the default,
 * {@code %(name)s}-expanded against the {@code ENV_*} names plus the names given, then converted. A
 * failure is reported where the value was written and the read falls back, so loading goes on and
 * finds the next error too.
 */
final class SectionReader {
  /** Text to value; fails with supervisord's message. */
  interface Conversion<T> {
    T convert(String text) throws InvalidValueException;
  }

  /** Any reading step that can fail with supervisord's message. */
  interface Step<T> {
    T run() throws InvalidValueException;
  }

  /** A reading step whose value may be absent (a key not given). */
  interface OptionalStep<T> {
    @Nullable T run() throws InvalidValueException;
  }

  private final IniDocument doc;
  private final String section;
  private final Diagnostics diagnostics;
  private final Map<String, ?> envNames;
  private final String suffix;

  /**
   * @param envNames the {@code ENV_*} names every value may use
   * @param suffix appended to every error message, as supervisord appends {@code in section
   *     'program:x' (file: 'f')} to errors of process sections
   */
  SectionReader(
      IniDocument doc,
      String section,
      Diagnostics diagnostics,
      Map<String, ?> envNames,
      String suffix) {
    this.doc = doc;
    this.section = section;
    this.diagnostics = diagnostics;
    this.envNames = envNames;
    this.suffix = suffix;
  }

  String section() {
    return section;
  }

  /** The value as written (comments stripped), not expanded; null when absent. */
  @Nullable String raw(String key) {
    IniDocument.Entry e = doc.get(section, key);
    return e == null ? null : e.value();
  }

  boolean has(String key) {
    return doc.get(section, key) != null;
  }

  /** saneget: the value or the default, expanded; null when both are absent. */
  @Nullable String get(String key, @Nullable String dflt, Map<String, ?> names)
      throws InvalidValueException {
    String value = raw(key);
    if (value == null) {
      value = dflt;
    }
    if (value == null) {
      return null;
    }
    if (value.indexOf('%') < 0) {
      // Python's value % names leaves a value without a % as it is; the merged map of names
      // (the daemon's environment and more) cost more than the rest of a program's section
      return value;
    }
    Map<String, Object> combined = new LinkedHashMap<>(envNames);
    combined.putAll(names);
    return PercentFormat.expand(value, combined, section + "." + key);
  }

  /** {@link #get}, or fallback after reporting a failure: the lambda-free form for tend ctl. */
  @Nullable String expanded(String key, @Nullable String dflt, Map<String, ?> names) {
    try {
      return get(key, dflt, names);
    } catch (InvalidValueException e) {
      error(key, e.getMessage());
      return dflt;
    }
  }

  /** The value or the default, expanded and converted; fallback after reporting a failure. */
  <T> T typed(String key, String dflt, Map<String, ?> names, Conversion<T> conversion, T fallback) {
    try {
      String v = get(key, dflt, names);
      return conversion.convert(v == null ? dflt : v);
    } catch (InvalidValueException e) {
      error(key, e.getMessage());
      return fallback;
    }
  }

  /** Expanded and converted when present; null when absent or after reporting a failure. */
  <T> @Nullable T optional(String key, Map<String, ?> names, Conversion<T> conversion) {
    if (!has(key)) {
      return null;
    }
    try {
      String v = get(key, "", names);
      return conversion.convert(v == null ? "" : v);
    } catch (InvalidValueException e) {
      error(key, e.getMessage());
      return null;
    }
  }

  /** Runs a step; on failure reports it against key (null: the section) and returns fallback. */
  <T> T attempt(@Nullable String key, T fallback, Step<T> step) {
    try {
      return step.run();
    } catch (InvalidValueException e) {
      error(key, e.getMessage());
      return fallback;
    }
  }

  /** As {@link #attempt}, null when the step fails (reported) or finds nothing. */
  <T> @Nullable T attemptOrNull(@Nullable String key, OptionalStep<T> step) {
    try {
      return step.run();
    } catch (InvalidValueException e) {
      error(key, e.getMessage());
      return null;
    }
  }

  /** Reports an error (with the suffix) where key was written, or at the section header. */
  void error(@Nullable String key, String message) {
    IniDocument.Entry e = key == null ? null : doc.get(section, key);
    diagnostics.error(
        message + suffix, file(e), line(e), section, key, e == null ? null : e.value());
  }

  void warning(@Nullable String key, String message) {
    IniDocument.Entry e = key == null ? null : doc.get(section, key);
    diagnostics.warning(message, file(e), line(e), section, key, e == null ? null : e.value());
  }

  /** Where the section was first opened. */
  Origin origin() {
    IniDocument.Section s = doc.section(section);
    return s == null ? new Origin(Path.of(""), 0, section) : new Origin(s.file, s.line, section);
  }

  private @Nullable Path file(IniDocument.@Nullable Entry e) {
    return e != null ? e.file() : origin().file();
  }

  private int line(IniDocument.@Nullable Entry e) {
    return e != null ? e.line() : origin().line();
  }
}
