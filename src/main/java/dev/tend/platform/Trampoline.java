package dev.tend.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What posix_spawn cannot do (umask, user, a directory that may fail), done by a shell between the
 * spawn and the program: {@code setpriv} drops privileges (when a user is set), then {@code bash
 * -p} changes directory, sets the umask, checks the program and execs it with its own argv[0]. A
 * failure prints supervisord's child messages to stderr and exits 127, as supervisord's forked
 * child does.
 *
 * <p>{@code -p} keeps bash from reading {@code BASH_ENV}, {@code ENV}, exported functions and
 * {@code CDPATH}, which belong to the program. The script restores {@code PWD} and {@code OLDPWD}
 * exactly as requested. Known difference: bash exports {@code SHLVL=0} to a program whose
 * environment has no {@code SHLVL}.
 */
final class Trampoline {
  static final String SETPRIV = "/usr/bin/setpriv";
  static final String BASH = "/bin/bash";

  // $0 = argv[0], $1 = program file, $2 = directory or "", $3 = octal umask or "", $4... = args
  private static final String SCRIPT =
      """
      fail() { printf 'supervisor: %s\\n' "$1" 'child process was not spawned' >&2; exit 127; }
      if [ -n "$2" ]; then
        if ! cd -P -- "$2" 2>/dev/null; then
          if [ ! -e "$2" ]; then e=ENOENT; elif [ ! -d "$2" ]; then e=ENOTDIR; else e=EACCES; fi
          fail "couldn't chdir to $2: $e"
        fi
      fi
      if [ -n "$3" ]; then umask "$3"; fi
      if [ ! -e "$1" ]; then fail "couldn't exec $0: ENOENT"; fi
      if [ -d "$1" ] || [ ! -x "$1" ]; then fail "couldn't exec $0: EACCES"; fi
      """;

  private static final String EXEC =
      """
      shopt -s execfail
      exec -a "$0" -- "$1" "${@:4}"
      if [ $? = 126 ]; then fail "couldn't exec $0: EACCES"; fi
      fail "couldn't exec $0: ENOENT"
      """;

  private Trampoline() {}

  /** Whether this request needs the trampoline rather than a direct posix_spawn. */
  static boolean needed(SpawnRequest request, @Nullable UserAccount dropTo, boolean dirExists) {
    return dropTo != null
        || request.umask() != null
        || (request.directory() != null && (!dirExists || !PosixSpawn.canChdir()));
  }

  /** The file to spawn: setpriv when dropping privileges, else bash. */
  static String executable(@Nullable UserAccount dropTo) {
    return dropTo != null ? SETPRIV : BASH;
  }

  /** The full argv of the trampoline for this request. */
  static List<String> argv(SpawnRequest request, @Nullable UserAccount dropTo) {
    List<String> argv = new ArrayList<>();
    if (dropTo != null) {
      argv.add(SETPRIV);
      argv.add("--reuid=" + dropTo.uid());
      argv.add("--regid=" + dropTo.gid());
      argv.add(groupsOption(dropTo));
      argv.add("--");
    }
    argv.add(BASH);
    argv.add("-p");
    argv.add("-c");
    argv.add(script(request.environment()));
    argv.add(request.argv().get(0));
    argv.add(programPath(request.executable().toString()));
    argv.add(request.directory() == null ? "" : request.directory().toString());
    argv.add(request.umask() == null ? "" : String.format("%03o", request.umask()));
    argv.addAll(request.argv().subList(1, request.argv().size()));
    return argv;
  }

  /** supervisord's setgroups list: the primary gid first, then every group listing the user. */
  static String groupsOption(UserAccount user) {
    Set<Integer> groups = new LinkedHashSet<>();
    groups.add(user.gid());
    groups.addAll(user.groups());
    StringBuilder sb = new StringBuilder("--groups=");
    for (int g : groups) {
      sb.append(sb.length() > "--groups=".length() ? "," : "").append(g);
    }
    return sb.toString();
  }

  static String script(Map<String, String> environment) {
    StringBuilder sb = new StringBuilder(SCRIPT);
    for (String name : List.of("PWD", "OLDPWD")) {
      String value = environment.get(name);
      if (value == null) {
        sb.append("unset ").append(name).append('\n');
      } else {
        sb.append("export ").append(name).append('=').append(quote(value)).append('\n');
      }
    }
    return sb.append(EXEC).toString();
  }

  /** A relative name without a slash would make bash search PATH; execve would not. */
  static String programPath(String file) {
    return file.contains("/") ? file : "./" + file;
  }

  /** Single-quoted for bash: the only character needing care inside is the quote itself. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
