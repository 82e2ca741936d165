package dev.tend.logs;

import dev.tend.api.LogStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Names and creates an AUTO child log the way supervisord does (options.get_autochildlog_name with
 * tempfile.mkstemp): {@code <childlogdir>/<process>-<stdout|stderr>---<identifier>-<8 random>.log},
 * the random part drawn from {@code [a-z0-9_]}, the file created exclusively with mode 0600 so two
 * processes can never share one.
 */
final class AutoLogName {
  private static final String CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_";
  private static final int ATTEMPTS = 10_000; // Python's TMP_MAX
  private static final RandomGenerator RANDOM = new SecureRandom();

  private AutoLogName() {}

  static Path create(Path dir, String processName, LogStream stream, String identifier)
      throws IOException {
    return create(dir, processName, stream, identifier, RANDOM);
  }

  static Path create(
      Path dir, String processName, LogStream stream, String identifier, RandomGenerator random)
      throws IOException {
    String prefix = processName + "-" + stream.word() + "---" + identifier + "-";
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      StringBuilder name = new StringBuilder(prefix);
      for (int i = 0; i < 8; i++) {
        name.append(CHARS.charAt(random.nextInt(CHARS.length())));
      }
      Path path = dir.resolve(name.append(".log").toString());
      try {
        return Files.createFile(
            path,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException e) {
        // another name then, as mkstemp does
      }
    }
    throw new FileAlreadyExistsException(
        dir.resolve(prefix + "XXXXXXXX.log").toString(), null, "no free AUTO log name");
  }
}
