package dev.tend.tui.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the console remembers between runs, in {@code ~/.config/tend/console.conf}: {@code key =
 * value} lines (today {@code theme}). Written whole through a temporary file, so a crash never
 * leaves half a file. Reading or writing is file I/O: never on the UI thread once it runs.
 */
public final class ConsolePreferences {
  private ConsolePreferences() {}

  /** The saved values; empty when the file is missing or unreadable. */
  public static Map<String, String> read(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0 && !line.strip().startsWith("#")) {
          values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
      }
    } catch (NoSuchFileException e) {
      // first run
    } catch (IOException | RuntimeException e) {
      // unreadable preferences are not worth stopping for: defaults
    }
    return values;
  }

  public static Optional<String> theme(Path file) {
    return Optional.ofNullable(read(file).get("theme"));
  }

  /** Sets one value, keeping the others. */
  public static void write(Path file, String key, String value) throws IOException {
    Map<String, String> values = read(file);
    values.put(key, value);
    StringBuilder text = new StringBuilder("# tend console preferences (rewritten by tend)\n");
    values.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
    replace(file, text.toString());
  }

  /** Replaces a file's contents through a temporary file, creating its folder when needed. */
  public static void replace(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".console", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
