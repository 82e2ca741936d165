package dev.tend.core;

import java.nio.file.Path;
import java.util.List;

/** A command split into words and resolved to the file to execute. */
public record PreparedCommand(Path executable, List<String> argv) {
  public PreparedCommand {
    argv = List.copyOf(argv);
  }
}
