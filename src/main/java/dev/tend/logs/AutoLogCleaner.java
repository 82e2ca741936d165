package dev.tend.logs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the AUTO child logs an earlier run left in childlogdir (supervisord does this at start
 * and reload unless {@code nocleanup}): every name that begins with a match of {@code
 * .+?---<identifier>-\S+\.log\.{0,1}\d{0,4}}, rotated copies included. Unlike supervisord, the
 * identifier is matched literally, so an identifier with regex characters never deletes another
 * daemon's files.
 */
public final class AutoLogCleaner {
  private static final Logger LOG = LoggerFactory.getLogger(AutoLogCleaner.class);

  private AutoLogCleaner() {}

  /** The pattern supervisord's clear_autochildlogdir uses, matched at the name's start. */
  static Pattern pattern(String identifier) {
    return Pattern.compile(
        ".+?---" + Pattern.quote(identifier) + "-\\S+\\.log\\.{0,1}\\d{0,4}",
        Pattern.UNICODE_CHARACTER_CLASS);
  }

  /** Whether {@code fileName} is an AUTO log of the daemon named {@code identifier}. */
  public static boolean isAutoLog(String fileName, String identifier) {
    return pattern(identifier).matcher(fileName).lookingAt();
  }

  /**
   * Deletes the AUTO logs of {@code identifier} in {@code childlogdir}; returns what it deleted. A
   * directory it cannot list, or a file it cannot delete, is logged as a warning (as supervisord
   * does) and skipped.
   */
  public static List<Path> clean(Path childlogdir, String identifier) {
    Pattern p = pattern(identifier);
    List<Path> deleted = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(childlogdir)) {
      for (Path path : dir) {
        if (!p.matcher(path.getFileName().toString()).lookingAt()) {
          continue;
        }
        try {
          if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("is a directory"); // os.remove refuses directories too
          }
          Files.delete(path);
          deleted.add(path);
        } catch (IOException e) {
          LOG.warn("Failed to clean up '{}'", path);
        }
      }
    } catch (IOException e) {
      LOG.warn("Could not clear childlog dir");
    }
    return deleted;
  }
}
