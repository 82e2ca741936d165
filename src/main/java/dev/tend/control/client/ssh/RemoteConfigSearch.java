package dev.tend.control.client.ssh;

import dev.tend.config.ConfigException;
import dev.tend.config.ConfigLocator;
import dev.tend.config.CtlConfig;
import dev.tend.config.CtlConfigReader;
import dev.tend.config.CtlFileConfig;
import dev.tend.control.client.ssh.SshFailure.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code ssh://host} without a socket path: finds the config supervisorctl would use on the far
 * host (its search order, from {@link ConfigLocator}, with the directory above supervisorctl's
 * there), or the one named by {@code ?c=}, fetches its text over the master, and reads it here with
 * tend's own reader. Nothing is installed or run there but {@code sh}, {@code cat} and {@code ls}.
 */
final class RemoteConfigSearch {
  private static final String HERE = "@H/";
  static final String SCRIPT =
      """
      emit() { printf 'HOME=%s\\nPWD=%s\\nFILE=%s\\n' "$HOME" "$(pwd)" "$1"; exec cat -- "$1"; }
      c=$1; shift
      if [ -n "$c" ]; then
        if [ -e "$c" ]; then emit "$c"; fi
        echo MISSING; ls -ld -- "$c" 2>&1; exit 0
      fi
      h=; x=$(command -v supervisorctl || command -v tend) && h=$(dirname "$(dirname "$x")")/
      for f in "$@"; do
        case $f in @H/*) f=$h${f#@H/};; esac
        if [ -e "$f" ]; then emit "$f"; fi
      done
      echo NONE
      """;

  private RemoteConfigSearch() {}

  /** The config at {@code path} on the far host, or supervisorctl's choice there when null. */
  static RemoteConfig find(SshMaster master, @Nullable String path) throws SshFailure {
    List<String> args = new ArrayList<>();
    args.add(path == null ? "" : path);
    args.addAll(candidates());
    SshProcess.Finished f = master.run(RemoteScript.command(SCRIPT, "tend-find-config", args));
    return read(f, path, master.target());
  }

  /** supervisorctl's search order, {@code @H/} standing for the directory above its own. */
  static List<String> candidates() {
    List<String> out = new ArrayList<>();
    for (String p : new ConfigLocator(Path.of("/@H/bin"), Path.of("/"), x -> false).searchPaths()) {
      out.add(p.startsWith("/" + HERE) ? p.substring(1) : p);
    }
    return out;
  }

  static RemoteConfig read(SshProcess.Finished f, @Nullable String path, SshTarget target)
      throws SshFailure {
    String out = f.stdout();
    if (out.startsWith("NONE")) {
      throw new SshFailure(
          Kind.NO_CONFIG,
          "no supervisord config on "
              + target
              + " where supervisorctl looks ("
              + String.join(", ", candidates()).replace(HERE, "<prefix>/")
              + ")",
          "");
    }
    if (out.startsWith("MISSING")) {
      throw new SshFailure(
          Kind.NO_CONFIG, "no config " + path + " on " + target, out.substring(7).strip());
    }
    String[] head = new String[3];
    int at = 0;
    for (int i = 0; i < head.length; i++) {
      int end = out.indexOf('\n', at);
      if (end < 0 || !out.startsWith(new String[] {"HOME=", "PWD=", "FILE="}[i], at)) {
        throw new SshFailure(
            Kind.FAILED,
            "could not look for a config on " + target,
            SshWords.quote(f.stderr() + "\n" + out));
      }
      head[i] = out.substring(out.indexOf('=', at) + 1, end);
      at = end + 1;
    }
    return parse(target, head[0], head[1], head[2], out.substring(at));
  }

  private static RemoteConfig parse(
      SshTarget target, String home, String pwd, String file, String text) throws SshFailure {
    CtlFileConfig read;
    try {
      read = CtlConfigReader.parse(Path.of(file), text, Map.of("HOME", home), Path.of(pwd));
    } catch (ConfigException e) {
      throw new SshFailure(
          Kind.NO_CONFIG, "the config on " + target + " has errors", e.errors().get(0).describe());
    }
    CtlConfig ctl = read.ctl();
    return new RemoteConfig(
        read.file().toString(),
        read.serverUrl(),
        ctl == null ? null : ctl.username(),
        ctl == null ? null : ctl.password());
  }
}
