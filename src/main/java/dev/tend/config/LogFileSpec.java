package dev.tend.config;

import java.nio.file.Path;

/** A child log file setting: {@code AUTO}, {@code NONE}, or a path. */
public sealed interface LogFileSpec {

  /** A file supervisord names itself in childlogdir when the group is added. */
  record Auto() implements LogFileSpec {
    @Override
    public String toString() {
      return "AUTO";
    }
  }

  /** No log file. */
  record None() implements LogFileSpec {
    @Override
    public String toString() {
      return "NONE";
    }
  }

  /** A path, absolute after {@code ~} and {@code %(here)s} expansion. */
  record File(Path path) implements LogFileSpec {
    @Override
    public String toString() {
      return path.toString();
    }
  }

  LogFileSpec AUTO = new Auto();
  LogFileSpec NONE = new None();
}
