package dev.tend.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sections and keys of a config file and its includes, merged the way Python's RawConfigParser
 * merges them: a section met again gets more keys, a key met again gets the later value (keeping
 * its first position), and {@code [DEFAULT]} supplies keys every section lacks. Every value
 * remembers the file and line it was written on.
 */
final class IniDocument {
  static final String DEFAULT_SECTION = "DEFAULT";

  /** A key's value (comments stripped, continuation lines joined) and where it was written. */
  record Entry(String key, String value, Path file, int line) {}

  /** A section, where it was first opened, and its own keys in first-written order. */
  static final class Section {
    final String name;
    final Path file;
    final int line;
    // Keys as written (lower-cased), first occurrence first; mutated only while reading files.
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    Section(String name, Path file, int line) {
      this.name = name;
      this.file = file;
      this.line = line;
    }

    Map<String, Entry> entries() {
      return java.util.Collections.unmodifiableMap(entries);
    }
  }

  // Sections other than DEFAULT, in the order first met (Python's parser.sections()).
  private final LinkedHashMap<String, Section> sections = new LinkedHashMap<>();
  // Lazily opened [DEFAULT]; null until a file has one.
  private @Nullable Section defaults;

  /** The section named, opened at file:line if new; {@code DEFAULT} is the defaults section. */
  Section open(String name, Path file, int line) {
    if (name.equals(DEFAULT_SECTION)) {
      if (defaults == null) {
        defaults = new Section(name, file, line);
      }
      return defaults;
    }
    Section s = sections.get(name);
    if (s == null) {
      s = new Section(name, file, line);
      sections.put(name, s);
    }
    return s;
  }

  void put(Section section, Entry entry) {
    section.entries.put(entry.key(), entry);
  }

  List<String> sectionNames() {
    return new ArrayList<>(sections.keySet());
  }

  boolean hasSection(String name) {
    return sections.containsKey(name);
  }

  @Nullable Section section(String name) {
    return sections.get(name);
  }

  /**
   * A section known to be there (a name from {@link #sectionNames}, or after {@link #hasSection}).
   */
  Section existingSection(String name) {
    Section s = sections.get(name);
    if (s == null) {
      throw new IllegalStateException("no section [" + name + "]");
    }
    return s;
  }

  /** The section's value for key, else DEFAULT's; null when neither has it. */
  @Nullable Entry get(String section, String key) {
    Section s = sections.get(section);
    Entry e = s == null ? null : s.entries.get(key);
    if (e == null && s != null && defaults != null) {
      e = defaults.entries.get(key);
    }
    return e;
  }

  /** The section's own entries followed by DEFAULT's that it lacks (Python's options()). */
  List<Entry> entries(String section) {
    Section s = sections.get(section);
    if (s == null) {
      return List.of();
    }
    List<Entry> all = new ArrayList<>(s.entries.values());
    if (defaults != null) {
      for (Entry d : defaults.entries.values()) {
        if (!s.entries.containsKey(d.key())) {
          all.add(d);
        }
      }
    }
    return all;
  }

  /**
   * supervisord's {@code expand_here}: with an {@code [include]}, every {@code %(here)s} still in a
   * value is replaced, as text, by the directory of the file read last.
   */
  void replaceHere(String directory) {
    String here = "%(here)s";
    for (Section s : sections.values()) {
      for (Entry e : entries(s.name)) {
        if (e.value().contains(here)) {
          s.entries.put(
              e.key(), new Entry(e.key(), e.value().replace(here, directory), e.file(), e.line()));
        }
      }
    }
  }
}
