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
    if (file != null) {
      return write(file, StandardOpenOption.CREATE_NEW, lines, purpose);
    }
    Path temporary;
    try {
      temporary =
          Files.createTempFile(
              "tend-pane-",
              ".log",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (IOException | RuntimeException e) {
      return failed(Path.of("?"), purpose, "cannot write a temporary file: " + e.getMessage());
    }
    return write(temporary, StandardOpenOption.TRUNCATE_EXISTING, lines, purpose);
  }

  private static ConsoleEvent.TextWritten write(
      Path target,
      StandardOpenOption how,
      List<String> lines,
      ConsoleEvent.TextWritten.Purpose purpose) {
    try (BufferedWriter w =
        Files.newBufferedWriter(target, StandardCharsets.UTF_8, how, StandardOpenOption.WRITE)) {
      for (String l : lines) {
        w.write(l);
        w.write('\n');
      }
      return new ConsoleEvent.TextWritten(target, lines.size(), purpose, null);
    } catch (FileAlreadyExistsException e) {
      return failed(target, purpose, target + " exists already; choose another name");
    } catch (IOException | RuntimeException e) {
      return failed(target, purpose, "cannot write " + target + ": " + e.getMessage());
    }
  }

  private static ConsoleEvent.TextWritten failed(
      Path file, ConsoleEvent.TextWritten.Purpose purpose, String why) {
    return new ConsoleEvent.TextWritten(file, 0, purpose, why);
  }
}
