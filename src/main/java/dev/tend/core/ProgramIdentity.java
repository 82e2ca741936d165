package dev.tend.core;

import dev.tend.config.ProcessConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a process was started as, in 16 hex digits: a hash of the settings that shape the process
 * itself (its command, directory, umask, user, environment, whether stderr joins stdout, its
 * serverurl). A daemon adopts a previous daemon's process only when its program's identity is the
 * same now; a change to anything else (priority, autorestart, the stop settings, the logs) applies
 * to the adopted process as it runs, since none of it changes what runs.
 */
final class ProgramIdentity {
  private ProgramIdentity() {}

  static String of(ProcessConfig c) {
    StringBuilder b = new StringBuilder();
    field(b, "command", c.command());
    field(b, "directory", c.directory());
    field(b, "umask", c.umask());
    field(b, "uid", c.uid());
    field(b, "redirect_stderr", c.redirectStderr());
    field(b, "serverurl", c.serverurl());
    for (Map.Entry<String, String> e : c.environment().entrySet()) {
      field(b, "env " + e.getKey(), e.getValue());
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Length-prefixed, so no two different sets of values give the same text. */
  private static void field(StringBuilder b, String name, @Nullable Object v) {
    String text = v == null ? "\u0000" : v.toString();
    b.append(name).append(' ').append(text.length()).append(':').append(text).append('\n');
  }
}
