package dev.tend.tui.feed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a pane's lines to a file: where the user said ({@code S}; an existing file is never
 * replaced), or a new temporary file only its owner can read ({@code o}: logs can hold secrets).
 * File I/O: called off the UI thread.
 */
final class PaneFiles {
  private PaneFiles() {}

  static ConsoleEvent.TextWritten write(
      @Nullable Path file, List<String> lines, ConsoleEvent.TextWritten.Purpose purpose) {
    Path target = file;
    try {
      if (target == null) {
        target =
            Files.createTempFile(
                "tend-pane-",
                ".log",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      try (BufferedWriter w =
          Files.newBufferedWriter(
              target,
              StandardCharsets.UTF_8,
              file == null ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE)) {
        for (String l : lines) {
          w.write(l);
          w.write('\n');
        }
      }
      return new ConsoleEvent.TextWritten(target, lines.size(), purpose, null);
    } catch (FileAlreadyExistsException e) {
      return failed(target, purpose, target + " exists already; choose another name");
    } catch (IOException | RuntimeException e) {
      return failed(
          target == null ? Path.of("?") : target,
          purpose,
          "cannot write " + (target == null ? "a temporary file" : target) + ": " + e.getMessage());
    }
  }

  private static ConsoleEvent.TextWritten failed(
      Path file, ConsoleEvent.TextWritten.Purpose purpose, String why) {
    return new ConsoleEvent.TextWritten(file, 0, purpose, why);
  }
}
