package dev.tend.config;

import java.nio.file.Path;

/** Where a section or value came from, for messages: file, 1-based line, section name. */
public record Origin(Path file, int line, String section) {
  @Override
  public String toString() {
    return "[" + section + "] in " + file + " line " + line;
  }
}
