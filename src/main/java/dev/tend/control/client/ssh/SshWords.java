package dev.tend.control.client.ssh;

import dev.tend.control.client.ssh.SshFailure.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what an ssh that ended said on stderr: what kind of failure it was (OpenSSH's messages, as
 * of 8.x and 9.x) and the lines worth quoting to the user.
 */
final class SshWords {
  private static final int QUOTED_LINES = 2;
  // the shell's word when the command of $TEND_SSH is missing ("sh: 1: ssh: not found")
  private static final int COMMAND_NOT_FOUND = 127;
  private static final int COMMAND_NOT_EXECUTABLE = 126;

  private SshWords() {}

  /** The kind of failure an ssh that exited with {@code exit} and said {@code stderr} had. */
  static Kind classify(int exit, String stderr) {
    if (exit == COMMAND_NOT_FOUND || exit == COMMAND_NOT_EXECUTABLE) {
      return Kind.SSH_UNAVAILABLE;
    }
    String s = stderr.toLowerCase(Locale.ROOT);
    if (s.contains("host key verification failed")
        || s.contains("remote host identification has changed")) {
      return Kind.HOST_KEY;
    }
    if (s.contains("permission denied (")
        || s.contains("too many authentication failures")
        || s.contains("no supported authentication methods")) {
      return Kind.AUTH_REFUSED;
    }
    if (s.contains("could not resolve hostname")
        || s.contains("ssh: connect to host")
        || s.contains("no route to host")
        || s.contains("network is unreachable")
        || s.contains("connection timed out")
        || s.contains("kex_exchange_identification")
        || s.contains("connection closed by")
        || s.contains("connection reset by")) {
      return Kind.UNREACHABLE;
    }
    return Kind.FAILED;
  }

  /** Whether a person at the terminal could get past it (a passphrase, a host key question). */
  static boolean personCouldHelp(Kind kind, String stderr) {
    return kind == Kind.AUTH_REFUSED
        || (kind == Kind.HOST_KEY && !stderr.toLowerCase(Locale.ROOT).contains("has changed"));
  }

  /**
   * The last lines that say something: no banner of {@code @}s, no notice of a host key added, no
   * indented advice; joined into one line.
   */
  static String quote(String stderr) {
    List<String> kept = new ArrayList<>();
    for (String line : stderr.split("\r?\n")) {
      String t = line.strip();
      if (t.isEmpty()
          || t.startsWith("@")
          || line.startsWith(" ")
          || t.startsWith("Warning: Permanently added")) {
        continue;
      }
      kept.add(t);
    }
    List<String> last = kept.subList(Math.max(0, kept.size() - QUOTED_LINES), kept.size());
    return String.join(" ", last);
  }
}
