package dev.tend.control.client.ssh;

import dev.tend.control.client.ssh.SshFailure.Kind;
import java.util.List;

/**
 * Why a connection through a forward failed, asked of the far host: ssh itself says only "open
 * failed" when sshd cannot connect to the socket there. One {@code test} and {@code ls} over the
 * master tell a missing socket from one the ssh user may not open from one nobody listens on, in
 * the far host's own words.
 */
final class SocketProbe {
  static final String SCRIPT =
      """
      p=$1
      if [ -S "$p" ]; then
        if [ -w "$p" ]; then echo refused; else echo denied; ls -ld -- "$p" 2>&1; fi
      elif [ -e "$p" ]; then echo notsocket; ls -ld -- "$p" 2>&1
      else echo missing; ls -ld -- "$p" 2>&1
      fi
      """;

  private SocketProbe() {}

  static SshFailure explain(SshMaster master, RemoteSocket socket) {
    SshFailure down = master.whyDown();
    if (down != null) {
      return down;
    }
    SshTarget target = master.target();
    if (!(socket instanceof RemoteSocket.Unix unix)) {
      return new SshFailure(
          Kind.REFUSED,
          "nothing answers at " + socket + " on " + target + " (seen from there)",
          "");
    }
    SshProcess.Finished f;
    try {
      f = master.run(RemoteScript.command(SCRIPT, "tend-probe", List.of(unix.path())));
    } catch (SshFailure e) {
      return e;
    }
    return read(f, unix.path(), target);
  }

  static SshFailure read(SshProcess.Finished f, String path, SshTarget target) {
    String out = f.stdout().strip();
    int newline = out.indexOf('\n');
    String verdict = newline < 0 ? out : out.substring(0, newline);
    String words = newline < 0 ? "" : out.substring(newline + 1).strip();
    return switch (verdict) {
      case "refused" ->
          new SshFailure(Kind.REFUSED, "nothing listens on " + path + " on " + target, "");
      case "denied" ->
          new SshFailure(Kind.PERMISSION_DENIED, "permission denied on " + target, words);
      case "notsocket" ->
          new SshFailure(Kind.NO_SUCH_SOCKET, path + " on " + target + " is not a socket", words);
      case "missing" ->
          words.contains("Permission denied")
              ? new SshFailure(Kind.PERMISSION_DENIED, "permission denied on " + target, words)
              : new SshFailure(Kind.NO_SUCH_SOCKET, "no such socket on " + target, words);
      default ->
          new SshFailure(
              Kind.FAILED,
              "ssh could not connect to " + path + " on " + target,
              SshWords.quote(f.stderr() + "\n" + f.stdout()));
    };
  }
}
